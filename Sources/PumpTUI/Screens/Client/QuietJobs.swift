/// Which jobs the user does not wait for. The spinner turns while any other job runs: the client
/// counts every job its parts return (`ClientScreen.countJobs`) and every answer (`update`), so a
/// quiet job's answer must be quiet too, or it would end another job's spinner.
extension ClientJob {
    var isQuiet: Bool {
        switch self {
        // Answered by `.stored`.
        case .saveReadMarker, .saveRevisions, .removeEditorFile: return true
        // Answered by `.previewCancelled`.
        case .cancelPreview: return true
        // Answered by `.audienceData`: the editor opens without waiting for it.
        case .audienceData: return true
        default: return false
        }
    }
}

extension ClientMessage {
    /// The answer of a quiet job, or a timer: it ends no spinner.
    var isQuietAnswer: Bool {
        switch self {
        case .stored, .previewCancelled, .audienceData, .refreshTimer: return true
        default: return false
        }
    }
}
