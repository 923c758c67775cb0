import Foundation
import PumpCore

/// `E` on our own profile page: the form (`ProfileForm`), its jobs and their answers.
extension ClientScreen {
    mutating func openProfileForm() -> Effects {
        guard let page = pages.top, let person = page.person else { return [] }
        guard isMe(person) else { return nothing("That is not you: \(key(.editProfile)) edits your own profile only.") }
        // The form starts from the server's copy: a person from a timeline lacks the bio.
        guard !page.loading else { return nothing("Your profile is still loading; \(key(.editProfile)) again once it shows.") }
        var form = ProfileForm(person: person, account: account.description, size: Size(rows: bodyRect.rows, cols: bodyRect.cols))
        form.keymap = keymap
        modal = .profileForm(form)
        say("Editing your profile · \(keymap.keyName(for: .send, in: [.profileForm])) saves")
        return []
    }

    mutating func handleProfileForm(_ input: InputEvent, _ form: ProfileForm) -> Effects {
        var f = form
        if case .key(let key) = input, keymap.action(for: key, in: f.keyContexts) == .help {
            modal = .help(helpOverlay(f.keyContexts), under: modal)
            return []
        }
        switch f.handle(input) {
        case .editing:
            modal = .profileForm(f)
            return []
        case .checkAvatar(let path):
            modal = .profileForm(f)
            return start(.profile(.checkAvatar(path)), "Checking the image…")
        case .save(let edit):
            modal = .profileForm(f)
            return start(.profile(.save(edit)), edit.avatarPath == nil ? "Saving your profile…" : "Uploading your avatar, then saving…")
        case .cancelled:
            modal = nil
            say("Your profile is unchanged.")
            return []
        case .stoppedWaiting:
            modal = nil
            say("Stopped waiting: your profile may still change; the answer will show here.", .warning)
            return []
        }
    }

    /// `ImageFile.check`'s answer while the form is open.
    mutating func avatarChecked(_ result: Result<ImageFile, ImageFileError>) {
        guard case .profileForm(var f)? = modal else { return }
        f.avatarChecked(result)
        modal = .profileForm(f)
        say("")
    }

    /// The server's answer: the form closes and our profile pages show the new values (the
    /// server's copy at once, then reloaded with the posts, the avatar's among them); a refusal
    /// keeps the form open with the server's words.
    mutating func profileSaved(_ edit: ProfileEdit, _ result: Result<Person, ClientFailure>) -> Effects {
        if case .help(_, let under?)? = modal, case .profileForm = under { modal = under }
        switch result {
        case .failure(let f):
            guard case .profileForm(var form)? = modal, !f.tokenRejected else { fail(f); return [] }
            form.saveFailed(f.message)
            modal = .profileForm(form)
            say("Your profile was not saved.", .error)
            return []
        case .success(let person):
            if case .profileForm? = modal { modal = nil }
            let done = Self.savedNote(edit, person)
            let mine = { [self] (p: Person) in isMe(p) }
            let effects = run(pages.ownProfileSaved(person, note: done, isMe: mine))
            say(done, .success)
            return effects
        }
    }

    /// "Saved your name and avatar: Alice A." (what changed, and the name others now see).
    static func savedNote(_ edit: ProfileEdit, _ person: Person) -> String {
        "Saved your \(edit.changedFields): \(person.label)."
    }
}
