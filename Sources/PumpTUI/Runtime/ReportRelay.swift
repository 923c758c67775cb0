import Synchronization

/// Reports of a job that started before anyone listened: a login whose requests go out while
/// the terminal is still being set up (issue 11). They are kept, in order, and handed to the
/// screen's `Report` on `attach`; later ones go straight through.
final class ReportRelay<M: Sendable>: Sendable {
    private struct State {
        var held: [M] = []
        var sink: Report<M>?
    }
    private let state = Mutex(State())

    /// What the early job reports into.
    var report: Report<M> {
        Report { message in
            self.state.withLock { s in
                if let sink = s.sink { sink(message) } else { s.held.append(message) }
            }
        }
    }

    /// Replays what was held, then forwards. Under the lock, so a report racing with the
    /// hand-over can neither be lost nor overtake the held ones.
    func attach(_ sink: Report<M>) {
        state.withLock { s in
            for message in s.held { sink(message) }
            s.held = []
            s.sink = sink
        }
    }
}
