import Foundation
import PumpCore

/// When an editor's text goes to disk and when it leaves it. Pure: the client (after a send) and
/// the router's `.shutdown` handler perform the decision with a `DraftStore`.
enum DraftPolicy {
    enum Event: Equatable, Sendable {
        /// The server refused or could not be reached: the editor stays open, the text is kept.
        case sendFailed
        case sendSucceeded
        /// The user confirmed the discard (or closed an empty editor).
        case discarded
        /// Quit, SIGTERM, SIGINT, hang-up or Ctrl-Z while the editor is open.
        case shutdown
    }

    enum Decision: Equatable, Sendable {
        case save(Draft, key: String)
        case remove(key: String)
    }

    static func decide(_ event: Event, composer: Composer, now: Date) -> Decision {
        decide(event, draft: composer.draft(at: now), worthKeeping: composer.hasUnsavedWork)
    }

    static func decide(_ event: Event, draft: Draft, worthKeeping: Bool) -> Decision {
        switch event {
        case .sendSucceeded, .discarded:
            return .remove(key: draft.key)
        case .sendFailed, .shutdown:
            // A blank editor at shutdown means the user emptied it (or dropped a restored
            // draft): the old file would only resurrect text they threw away.
            return worthKeeping ? .save(draft, key: draft.key) : .remove(key: draft.key)
        }
    }

    /// Carries out a decision. Removal never fails loudly (a stale draft is only offered again);
    /// a failed save throws so the caller can say the text was not kept.
    static func apply(_ decision: Decision, to store: DraftStore) throws {
        switch decision {
        case .save(let draft, let key): try store.save(draft, key: key)
        case .remove(let key): store.remove(key: key)
        }
    }
}
