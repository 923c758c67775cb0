import Foundation
import PumpCore

/// What the composer asks of its owner after an event. The composer does no I/O: sending,
/// checking an image file and saving drafts are the client's effects.
enum ComposerOutcome: Equatable, Sendable {
    case editing
    case send(ComposeRequest)
    /// The user discarded the text (confirmed when there was any): close the editor.
    case discarded
    /// Check this file (`ImageFile.check`) and hand the result to `Composer.attachChecked`.
    case attach(path: String)
    /// ^E: edit the text in $VISUAL/$EDITOR (the owner runs it and calls `replaceText`).
    case externalEditor
    /// The user claimed the ownerless draft from an older pumptui for this account.
    case claimLegacyDraft
}

/// Everything needed to send. `text` is plain text (the API escapes it); for an image post it is
/// the image's description and `title` its title; for an edit it is `HTMLText.editable`'s form
/// (links as `[text](URL)`), turned back into HTML when sent.
struct ComposeRequest: Equatable, Sendable {
    var mode: Composer.Mode
    var text: String
    var title: String?
    var audience: Audience
    var imagePath: String?
    /// An edit that leaves the text as it was: no `content` is sent, so the server keeps the
    /// post's own HTML (markup the editor's text cannot hold) untouched (issue 24).
    var keepsText = false
    /// An edit that leaves the title as it was: no `displayName` is sent.
    var keepsTitle = false
    /// An earlier send of this text got no answer (a timeout, or Esc while sending): the outbox
    /// is looked at first, from this time on, so the post is never made twice (issue 25).
    var checkOutboxSince: Date?
}

extension Composer.Mode {
    /// The draft kind (and so the draft file) this editor writes to.
    var draftKind: Draft.Kind {
        switch self {
        case .note: return .note
        case .reply(let o): return .reply(to: o.id)
        case .edit(let o): return .edit(o.id)
        }
    }

    /// Key for `DraftStore.load/save/remove`.
    var draftKey: String { draftKind.key }

    /// Titles belong to notes and edited objects; comments have none in pump.io clients.
    var hasTitle: Bool { if case .reply = self { return false } else { return true } }

    /// Only a new post is addressed by us: replies copy the original's audience (pump-api §4.5)
    /// and an update keeps the object's. Images are new posts too.
    var isNewNote: Bool { self == .note }
}

/// Why the people of a direct message could not be read.
enum AudienceError: Error, Equatable, Sendable {
    case empty, notAnAccount(String)

    var message: String {
        switch self {
        case .empty: return "Type at least one nick@host"
        case .notAnAccount(let w): return "\(TerminalText.clean(w, .line, maxLength: 60)) is not of the form nick@host"
        }
    }
}
