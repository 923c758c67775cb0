/// Which jobs the user does not wait for. The spinner turns while any other job runs: the client
/// counts every job its parts return (`ClientScreen.countJobs`) and every answer (`update`), so a
/// quiet job's answer must be quiet too, or it would end another job's spinner.
extension ClientJob {
    var isQuiet: Bool {
        switch self {
        // Answered by `.stored`.
        case .saveReadMarker, .saveRevisions: return true
        case .image(let job): return job.isQuiet
        case .compose(let job): return job.isQuiet
        default: return false
        }
    }
}

extension ClientMessage {
    /// The answer of a quiet job, or a timer: it ends no spinner.
    var isQuietAnswer: Bool {
        switch self {
        case .image(let message): return message.isQuietAnswer
        case .stored, .refreshTimer: return true
        case .compose(let message): return message.isQuietAnswer
        default: return false
        }
    }
}
