import Foundation
import PumpCore

/// Editing our own profile (issue 24, item 10): name, location, bio and a new avatar, [ Save ].
/// A value with a pure `handle`, like the composer: checking the image file and saving are the
/// owner's jobs, asked for through `ProfileFormOutcome`.
struct ProfileForm: Equatable, Sendable {
    enum Field: Hashable, Sendable { case name, location, bio, avatar, save }
    enum Overlay: Equatable, Sendable {
        case none
        /// The avatar's file path, checked (`ImageFile.check`) on Enter.
        case avatarPrompt(TextBox, error: String?)
        case confirmCancel(ConfirmDialog)
    }

    /// Lengths the fields hold. pump.io itself sets none (it took a 5000-character name);
    /// these keep a profile readable and every request small.
    static let maxName = 100, maxLocation = 100, maxBio = 5000, maxPath = 4096

    /// Whose profile: `nick@host`, for the header.
    let account: String
    private(set) var name: TextBox
    private(set) var location: TextBox
    private(set) var bio: TextArea
    /// The checked image file that becomes the avatar (nil: the avatar stays).
    private(set) var avatar: ImageFile?
    /// The avatar the server has now (shown, not editable).
    let currentAvatar: String?
    private(set) var focus: FocusRing<Field>
    private(set) var overlay: Overlay = .none
    /// The form's own line: a checked avatar, why nothing was sent, the server's refusal.
    private(set) var message = StatusLine()
    /// Between `.save` and the owner's answer: keys other than Esc wait.
    private(set) var saving = false
    var size: Size { didSet { layoutWidgets() } }
    /// The keys (with config.toml's overrides), set by the owner.
    var keymap = Keymap.standard
    /// The values the form started from: only what differs is sent.
    private let original: (name: String, location: String, bio: String)

    init(person: Person, account: String, size: Size) {
        self.account = account
        self.size = size
        // The server's words, cleaned for the terminal as typed text is; the bio as the editor
        // shows a post's HTML: links as [text](URL), paragraphs as blank lines.
        let typed = TerminalText.Mode.typed(keepNewlines: false)
        name = TextBox(label: "Name", text: TerminalText.clean(person.displayName ?? "", typed), maxLength: Self.maxName, focused: true)
        location = TextBox(label: "Location", text: TerminalText.clean(person.locationName ?? "", typed), maxLength: Self.maxLocation)
        bio = TextArea(text: HTMLText.editable(person.summary ?? "").text, maxLength: Self.maxBio)
        // What the fields hold (cleaned, and cut to their lengths): an untouched field is not sent.
        original = (name.text, location.text, bio.text)
        currentAvatar = person.image.map { TerminalText.clean($0.url.absoluteString, .line, maxLength: 200) }
        focus = FocusRing([.name, .location, .bio, .avatar, .save], focused: .name)
        layoutWidgets()
    }

    static func == (a: ProfileForm, b: ProfileForm) -> Bool {
        a.name == b.name && a.location == b.location && a.bio == b.bio && a.avatar == b.avatar && a.focus == b.focus
            && a.overlay == b.overlay && a.message == b.message && a.saving == b.saving && a.size == b.size
    }

    // MARK: State the owner reads

    /// What Save would send: the fields that differ from the profile, trimmed.
    var edit: ProfileEdit {
        func changed(_ now: String, _ was: String) -> String? {
            let t = now.trimmingCharacters(in: .whitespacesAndNewlines)
            return t == was.trimmingCharacters(in: .whitespacesAndNewlines) ? nil : t
        }
        return ProfileEdit(displayName: changed(name.text, original.name), summary: changed(bio.text, original.bio),
                           location: changed(location.text, original.location), avatarPath: avatar?.path)
    }

    var hasChanges: Bool { !edit.isEmpty }

    var keyContexts: [KeyContext] {
        switch overlay {
        case .confirmCancel: return [.dialog]
        case .avatarPrompt: return [.profileForm, .textField]
        case .none: break
        }
        switch focus.current {
        case .name, .location: return [.profileForm, .editor, .textField]
        case .bio: return [.profileForm, .editor, .textArea, .textField]
        case .avatar, .save: return [.profileForm, .editor]
        }
    }

    /// Editor keys the form has no use for (the footer leaves them out).
    static let unavailableActions: Set<Action> = [.externalEditor, .mention]

    // MARK: Answers from the owner

    /// `ImageFile.check`'s answer for the path the prompt asked about.
    mutating func avatarChecked(_ result: Result<ImageFile, ImageFileError>) {
        guard case .avatarPrompt(let box, _) = overlay else { return }
        switch result {
        case .success(let file):
            avatar = file
            overlay = .none
            message = StatusLine("New avatar: \(TerminalText.clean(file.summary, .line)) · sent with Save", kind: .success)
        case .failure(let error):
            overlay = .avatarPrompt(box, error: error.message)
        }
    }

    /// The server refused (or could not be reached): the form stays, with its message.
    mutating func saveFailed(_ serverMessage: String) {
        saving = false
        message = StatusLine("Not saved: " + TerminalText.clean(serverMessage, .line, maxLength: 300), kind: .error)
    }

    // MARK: Events

    mutating func handle(_ event: InputEvent) -> ProfileFormOutcome {
        if case .resize(let s) = event { size = s; return .editing }
        if saving {
            // The answer is on its way; Esc closes the form without waiting for it.
            if case .key(let key) = event, keymap.action(for: key, in: [.editor]) == .discard { return .stoppedWaiting }
            return .editing
        }
        switch overlay {
        case .confirmCancel(var dialog):
            switch dialog.handle(event, keymap: keymap) {
            case .pending: overlay = .confirmCancel(dialog)
            case .yes: overlay = .none; return .cancelled
            case .no: overlay = .none
            }
            return .editing
        case .avatarPrompt(let box, _):
            return handlePrompt(event, box: box)
        case .none:
            return handleForm(event)
        }
    }

    private mutating func handleForm(_ event: InputEvent) -> ProfileFormOutcome {
        let press = event == .key(.enter) || event == .key(.char(" "))
        switch focus.current {
        case .name, .location:
            if event == .key(.enter) { focus.next(); syncFocus(); return .editing }
            let handled = focus.current == .name ? name.handle(event, keymap: keymap) : location.handle(event, keymap: keymap)
            if handled == .handled { edited(); return .editing }
        case .bio:
            if bio.handle(event, keymap: keymap) == .handled {
                edited()
                if case .paste = event, bio.text.count >= Self.maxBio {
                    message = StatusLine("The bio holds \(Self.maxBio) characters: the rest of the paste was cut", kind: .warning)
                }
                return .editing
            }
        case .avatar where press: openPrompt(); return .editing
        case .save where press: return trySave()
        default: break
        }
        guard case .key(let key) = event, let action = keymap.action(for: key, in: keyContexts) else { return .editing }
        switch action {
        case .send: return trySave()
        case .attachImage: openPrompt()
        case .discard:
            guard hasChanges else { return .cancelled }
            overlay = .confirmCancel(ConfirmDialog("Discard your changes to your profile?", yes: "Discard", no: "Keep editing"))
        case .nextFocus, .prevFocus: _ = focus.apply(action); syncFocus()
        default: break
        }
        return .editing
    }

    private mutating func handlePrompt(_ event: InputEvent, box: TextBox) -> ProfileFormOutcome {
        switch FilePrompt.step(event, box: box, keymap: keymap) {
        case .typing(let edited): overlay = .avatarPrompt(edited, error: nil)
        case .check(let path): overlay = .avatarPrompt(box, error: nil); return .checkAvatar(path: path)
        case .cleared:
            // An empty path keeps the avatar the server has, as the prompt says.
            if avatar != nil { avatar = nil; message = StatusLine("No new avatar: the current one stays", kind: .info) }
            overlay = .none
        case .closed: overlay = .none
        case .ignored: break
        }
        return .editing
    }

    private mutating func trySave() -> ProfileFormOutcome {
        let e = edit
        guard !e.isEmpty else {
            message = StatusLine("Nothing changed: edit a field or choose an avatar (\(keymap.keyName(for: .attachImage, in: [.profileForm])))",
                                 kind: .warning)
            return .editing
        }
        if e.displayName == "" {
            message = StatusLine("The name cannot be empty: others see it on everything you post", kind: .warning)
            focus.focus(.name); syncFocus()
            return .editing
        }
        saving = true
        message = StatusLine("Saving your \(e.changedFields)…", kind: .info, busy: true)
        return .save(e)
    }

    private mutating func openPrompt() {
        overlay = .avatarPrompt(TextBox(label: "File", text: avatar?.path ?? "", maxLength: Self.maxPath, focused: true,
                                        viewWidth: max(1, Composer.promptWidth(size.cols) - 10)), error: nil)
    }

    private mutating func edited() {
        if message.kind != .success { message = StatusLine() }
    }

    private mutating func syncFocus() {
        name.focused = focus.isFocused(.name)
        location.focused = focus.isFocused(.location)
        bio.focused = focus.isFocused(.bio)
    }

    private mutating func layoutWidgets() {
        let l = ProfileFormLayout(area: Rect(row: 0, col: 0, rows: size.rows, cols: size.cols))
        name.viewWidth = max(1, l.name.cols - 6)
        location.viewWidth = max(1, l.location.cols - 10)
        bio.viewWidth = max(1, l.bio.cols)
        bio.viewHeight = max(1, l.bio.rows)
    }
}

extension ProfileForm {
    /// The form's jobs, performed by `ClientWorker.performProfile` (`Work/ProfileSave.swift`);
    /// the client lifts them into `ClientJob.profile` and routes the answers back.
    enum Job: Sendable {
        /// Is this file a readable image of a type the server takes? (`ImageFile.check`)
        case checkAvatar(String)
        /// The avatar uploaded and posted (if any), then the profile's PUT.
        case save(ProfileEdit)
    }

    enum Message: Sendable {
        case avatarChecked(Result<ImageFile, ImageFileError>)
        /// Our profile as the server has it after `save`.
        case saved(ProfileEdit, Result<Person, ClientFailure>)
    }
}

/// What the form asks of its owner after an event.
enum ProfileFormOutcome: Equatable, Sendable {
    case editing
    /// Check this file (`ImageFile.check`) and hand the answer to `avatarChecked`.
    case checkAvatar(path: String)
    /// Send these changes (`ProfileForm.Job.save`); the answer goes to `saveFailed` or closes the form.
    case save(ProfileEdit)
    /// Closed without saving (confirmed when something had changed).
    case cancelled
    /// Esc while saving: closed; the answer still comes and is told in the status line.
    case stoppedWaiting
}

/// Where the form's parts go inside its area: header, name, location, the framed bio, the
/// avatar row, the buttons and message.
struct ProfileFormLayout: Equatable {
    var header, name, location, bioFrame, bio, avatar, controls: Rect

    init(area a: Rect) {
        func row(_ r: Int) -> Rect { Rect(row: a.row + r, col: a.col + 1, rows: r < a.rows ? 1 : 0, cols: max(0, a.cols - 2)) }
        header = row(0); name = row(2); location = row(3)
        // The bio takes what the other rows leave: header, blank, two fields, blank; avatar, buttons below.
        let frameRows = max(0, a.rows - 5 - 3)
        bioFrame = Rect(row: a.row + 5, col: a.col + 1, rows: frameRows, cols: max(0, a.cols - 2))
        bio = frameRows >= 3 ? Box.inner(bioFrame) : Rect(row: bioFrame.row, col: bioFrame.col, rows: 0, cols: 0)
        avatar = row(5 + frameRows + 1)
        controls = row(5 + frameRows + 2)
    }
}
