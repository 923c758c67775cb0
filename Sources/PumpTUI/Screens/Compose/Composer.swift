import Foundation
import PumpCore

/// The note / reply / edit editor: a title, the text, the audience, an image, [ Send ].
/// A value with a pure `handle`: sending, file checks and drafts are the owner's effects,
/// requested through `ComposerOutcome` and `DraftPolicy`.
struct Composer: Equatable, Sendable {
    enum Mode: Equatable, Sendable { case note, reply(to: PumpObject), edit(PumpObject) }
    enum Field: Hashable, Sendable { case title, body, audience, attach, send }
    enum Overlay: Equatable, Sendable {
        case none
        case attachPrompt(TextBox, error: String?)
        case confirmDiscard(ConfirmDialog)
        /// Who sees the note: Public, Followers, each list, "Specific people…" (`audienceChoices`).
        case audiencePicker(ListState)
        /// The people of a direct message, as `nick@host` separated by spaces or commas.
        case peoplePrompt(TextBox, error: String?)
    }

    let mode: Mode
    /// The area the composer is drawn in; the text area scrolls against it.
    private(set) var size: Size
    private(set) var title: TextBox
    private(set) var body: TextArea
    private(set) var audience: Audience = .public
    private(set) var imagePath: String?
    private(set) var focus: FocusRing<Field>
    private(set) var overlay: Overlay = .none
    private(set) var status = StatusLine()
    /// Set while a restored draft is offered and untouched: ^X drops it.
    private(set) var restoredFrom: Date?
    /// An ownerless draft is on offer (`offerLegacyDraft`).
    private(set) var legacyOffered = false
    /// True between `.send` and the owner's `sendFailed`/closing: a second ^D does nothing.
    private(set) var sending = false
    /// When the send in flight started (set by the owner, who has the clock).
    private(set) var sendStarted: Date?
    /// A send got no answer: it may have been posted. The next send checks the outbox first.
    private(set) var mayHaveBeenSent: Date?
    /// False when the owner shows `status` and the footer in its own rows (the client screen):
    /// the composer then leaves them out and gives the text two more rows.
    var drawsStatusAndFooter = true { didSet { layoutWidgets() } }
    /// The keys (with config.toml's overrides), set by the owner.
    var keymap = Keymap.standard
    /// Our person lists, offered by the audience picker (set by the owner once loaded).
    var lists: [AudienceTarget] = []
    /// People we follow: the real ids for typed `nick@host` and the names `@` completes.
    var knownPeople: [Person] = []
    /// What an edit started from, so an untouched edit is not kept as a draft, and only what
    /// changed is sent.
    private let originalText: String, originalTitle: String
    /// Markup of the edited post that its text cannot hold (bold, lists…): said before sending.
    let lostMarkup: LostMarkup

    init(mode: Mode, draft: Draft?, size: Size, now: Date = Date()) {
        self.mode = mode
        self.size = size
        var fields: [Field] = mode.hasTitle ? [.title, .body] : [.body]
        if mode.isNewNote { fields += [.audience, .attach] }
        focus = FocusRing(fields + [.send], focused: .body)
        var text = "", titleText = "", lost: LostMarkup = []
        if case .edit(let o) = mode {
            // Links as [text](URL), paragraphs as blank lines: what sending turns back into HTML.
            let editable = HTMLText.editable(o.content ?? "")
            text = editable.text; lost = editable.lost
            titleText = o.title ?? ""
        }
        originalText = text; originalTitle = titleText; lostMarkup = lost
        title = TextBox(label: "Title", text: titleText, maxLength: 200)
        body = TextArea(text: text, maxLength: Self.maxLength)
        if let draft { restore(draft, now: now) }
        syncFocus()
        layoutWidgets()
    }

    /// The longest text the editor holds (a larger paste is cut, with a message).
    static let maxLength = 50_000

    /// Puts a saved draft in the editor, offered (^X drops it) until the first edit.
    mutating func restore(_ draft: Draft, now: Date) {
        guard draft.kind == mode.draftKind, !draft.isBlank else { return }
        title.setText(mode.hasTitle ? draft.title ?? "" : "")
        body = TextArea(text: draft.text, maxLength: Self.maxLength, focused: focus.current == .body)
        if mode.isNewNote { audience = draft.audience; imagePath = draft.imagePath }
        restoredFrom = draft.saved
        legacyOffered = false
        status = StatusLine(Self.restoredNotice(saved: draft.saved, now: now), kind: .info)
        layoutWidgets()
    }

    /// An ownerless draft from an older pumptui exists: say so; ^R (while the editor is empty)
    /// takes it for this account. Never loaded unasked: it may be another account's words.
    mutating func offerLegacyDraft() {
        legacyOffered = true
        status = StatusLine("An unsent draft from an older pumptui (account unknown) is kept · ^R restores it here",
                            kind: .info)
    }

    // MARK: State the owner reads

    var isEmpty: Bool {
        body.text.allSatisfy(\.isWhitespace) && title.text.allSatisfy(\.isWhitespace) && imagePath == nil
    }

    /// The current text as a draft, stamped with the owner's clock.
    func draft(at now: Date) -> Draft {
        Draft(kind: mode.draftKind, text: body.text, title: mode.hasTitle && !title.text.isEmpty ? title.text : nil,
              audience: audience, imagePath: imagePath, saved: now)
    }

    /// Something the user would miss: not empty, and for an edit, changed (or restored).
    var hasUnsavedWork: Bool {
        if isEmpty { return false }
        if case .edit = mode, restoredFrom == nil, body.text == originalText, title.text == originalTitle { return false }
        return true
    }

    /// An edit's text differs from the post's (typed, pasted, from $EDITOR or a restored draft).
    var textChanged: Bool { body.text != originalText }

    /// An edit's line about markup its text cannot hold: what a change would do, then, once the
    /// text is changed, what will be sent (`warning`). Nil for other posts and plain ones.
    var markupNotice: (text: String, warning: Bool)? {
        guard case .edit = mode, let note = lostMarkup.notice(textChanged: textChanged) else { return nil }
        return (note, textChanged)
    }

    /// Contexts for the footer and help: the dialog's while it asks, else the editor's.
    var keyContexts: [KeyContext] {
        switch overlay {
        case .confirmDiscard: return [.dialog]
        case .attachPrompt, .peoplePrompt: return [.editor, .textField]
        case .audiencePicker: return [.picker]
        default: break
        }
        switch focus.current {
        case .body: return [.editor, .textArea, .textField]
        case .title: return [.editor, .textField]
        default: return [.editor]
        }
    }

    // MARK: Answers from the owner

    /// The send failed: the text stays, the message shows, ^D works again. `uncertain`: no
    /// answer came (a timeout), so the post may be on the server: the next send looks first.
    mutating func sendFailed(_ message: String, uncertain: Bool = false) {
        sending = false
        if uncertain {
            mayHaveBeenSent = mayHaveBeenSent ?? sendStarted
            status = StatusLine(message + " · It may have been posted: ^D looks in your outbox before sending again", kind: .warning)
        } else {
            status = StatusLine(message, kind: .error)
        }
    }

    /// The owner's clock at `.send`.
    mutating func sendStarted(at date: Date) { sendStarted = date }

    /// Esc while sending: the editor stops waiting, the text stays; the answer may still come.
    mutating func stopWaiting() {
        sending = false
        mayHaveBeenSent = mayHaveBeenSent ?? sendStarted
        status = StatusLine("Stopped waiting; the post may still arrive. ^D looks in your outbox before sending again; Esc again closes",
                            kind: .warning)
    }

    /// The answer to a send the user stopped waiting for.
    mutating func lateAnswer(arrived: Bool, _ message: String) {
        if arrived {
            status = StatusLine("The post you stopped waiting for has arrived; Esc closes (^D would find it in your outbox)",
                                kind: .success)
        } else {
            mayHaveBeenSent = nil
            status = StatusLine("The send you stopped waiting for failed: \(message)", kind: .error)
        }
    }

    /// The text as the external editor left it: it becomes the editor's text (an edit).
    mutating func replaceText(_ text: String) {
        body = TextArea(text: text, maxLength: Self.maxLength, focused: focus.current == .body)
        edited()
        layoutWidgets()
        status = StatusLine("The text from your editor is here", kind: .success)
    }

    /// A note from the owner about the text (the external editor's outcome): the editor's
    /// status line is where the user is looking.
    mutating func tell(_ note: StatusLine) { status = note }

    /// The result of `ImageFile.check` for the path the prompt asked about.
    mutating func attachChecked(_ result: Result<ImageFile, ImageFileError>) {
        guard case .attachPrompt(let box, _) = overlay else { return }
        switch result {
        case .success(let file):
            imagePath = file.path
            overlay = .none
            status = StatusLine("Attached \(TerminalText.clean(file.summary, .line))", kind: .success)
        case .failure(let error):
            overlay = .attachPrompt(box, error: error.message)
        }
    }

    // MARK: Events

    mutating func handle(_ event: InputEvent) -> ComposerOutcome {
        if case .resize(let s) = event { size = s; layoutWidgets(); return .editing }
        switch overlay {
        case .confirmDiscard(var dialog):
            switch dialog.handle(event, keymap: keymap) {
            case .pending: overlay = .confirmDiscard(dialog)
            case .yes: overlay = .none; return .discarded
            case .no: overlay = .none
            }
            return .editing
        case .attachPrompt(var box, let error):
            return handlePrompt(event, box: &box, error: error)
        case .audiencePicker(var list):
            handlePicker(event, list: &list)
            return .editing
        case .peoplePrompt(var box, _):
            handlePeoplePrompt(event, box: &box)
            return .editing
        case .none:
            return handleForm(event)
        }
    }

    private mutating func handleForm(_ event: InputEvent) -> ComposerOutcome {
        // ^X is only special while a restored draft is on offer (the notice names it).
        if restoredFrom != nil, event == .key(.ctrl("x")) { dropRestoredDraft(); return .editing }
        if legacyOffered, event == .key(.ctrl("r")) {
            guard isEmpty else { status = StatusLine("Empty the editor first, then ^R restores the old draft", kind: .warning); return .editing }
            legacyOffered = false
            return .claimLegacyDraft
        }
        if case .key(let key) = event, keymap.action(for: key, in: [.editor]) == .externalEditor {
            return .externalEditor
        }
        let press = event == .key(.enter) || event == .key(.char(" "))
        switch focus.current {
        case .title:
            if event == .key(.enter) { focus.focus(.body); syncFocus(); return .editing }
            if title.handle(event, keymap: keymap) == .handled { edited(); return .editing }
        case .body:
            if body.handle(event, keymap: keymap) == .handled {
                edited()
                if case .paste = event, body.text.count >= Self.maxLength {
                    status = StatusLine("The editor holds \(Self.maxLength) characters: the rest of the paste was cut", kind: .warning)
                }
                return .editing
            }
        case .audience where press:
            let now = audienceChoices.firstIndex(of: audience) ?? audienceChoices.count
            overlay = .audiencePicker(ListState(selected: now))
            return .editing
        case .attach where press: return openPrompt()
        case .send where press: return trySend()
        default: break
        }
        if case .paste = event {
            // A paste on a button or the toggle is still text: it goes to the text.
            focus.focus(.body); syncFocus()
            return handleForm(event)
        }
        guard case .key(let key) = event, let action = keymap.action(for: key, in: keyContexts) else {
            return .editing
        }
        switch action {
        case .send: return trySend()
        case .attachImage: return openPrompt()
        case .mention:
            if body.complete(mentionCompletion) { edited() }
        case .discard:
            // Nothing the user would miss (empty, or an untouched edit): close without asking.
            guard hasUnsavedWork else { return .discarded }
            overlay = .confirmDiscard(ConfirmDialog(discardQuestion, yes: "Discard", no: "Keep editing"))
        case .nextFocus, .prevFocus:
            _ = focus.apply(action); syncFocus()
        default: break
        }
        return .editing
    }

    private mutating func handlePrompt(_ event: InputEvent, box: inout TextBox, error: String?) -> ComposerOutcome {
        switch FilePrompt.step(event, box: box, keymap: keymap) {
        case .typing(let edited): overlay = .attachPrompt(edited, error: nil)
        case .check(let path): overlay = .attachPrompt(box, error: nil); return .attach(path: path)
        case .cleared:
            // An empty path removes the image, as the prompt says.
            if imagePath != nil { imagePath = nil; status = StatusLine("Image removed", kind: .info) }
            overlay = .none
        case .closed: overlay = .none
        case .ignored: break
        }
        return .editing
    }

    // MARK: Audience

    /// The picker's rows before "Specific people…".
    var audienceChoices: [Audience] { [.public, .followers] + lists.map { .list($0) } }

    private mutating func handlePicker(_ event: InputEvent, list: inout ListState) {
        guard case .key(let key) = event, let action = keymap.action(for: key, in: [.picker]) else { return }
        let choices = audienceChoices
        if list.apply(action, count: choices.count + 1) { overlay = .audiencePicker(list); return }
        switch action {
        case .back: overlay = .none
        case .submit:
            if choices.indices.contains(list.selected) { audience = choices[list.selected]; overlay = .none; edited(); return }
            let current: String
            if case .people(let p) = audience { current = p.map(\.name).joined(separator: " ") } else { current = "" }
            overlay = .peoplePrompt(TextBox(label: "To", text: current, maxLength: 2000, focused: true,
                                            viewWidth: max(1, Self.promptWidth(size.cols) - 8)), error: nil)
        default: break
        }
    }

    private mutating func handlePeoplePrompt(_ event: InputEvent, box: inout TextBox) {
        if box.handle(event) == .handled { overlay = .peoplePrompt(box, error: nil); return }
        if event == .key(.enter) {
            switch Self.people(box.text, known: knownPeople) {
            case .success(let people):
                audience = .people(people); overlay = .none; edited()
            case .failure(let why):
                overlay = .peoplePrompt(box, error: why.message)
            }
            return
        }
        if case .key(let key) = event, keymap.action(for: key, in: [.editor]) == .discard { overlay = .none }
    }

    /// "bob@host, @carol@host" → addresses: the id of someone we follow when known, else
    /// `acct:nick@host` (the server resolves it).
    static func people(_ text: String, known: [Person]) -> Result<[AudienceTarget], AudienceError> {
        let words = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return .failure(.empty) }
        var out: [AudienceTarget] = []
        for word in words {
            let handle = word.hasPrefix("@") ? String(word.dropFirst()) : word
            let parts = handle.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return .failure(.notAnAccount(word)) }
            let id = known.first { $0.webfinger.lowercased() == handle.lowercased() }?.id ?? "acct:\(handle)"
            if !out.contains(where: { $0.id == id }) { out.append(AudienceTarget(id: id, name: handle)) }
        }
        return .success(out)
    }

    /// `@` completion: the `nick@host` of people we follow, for the word before the cursor.
    var mentionCompletion: [String] { knownPeople.map(\.webfinger).filter { $0.contains("@") } }

    // MARK: Helpers

    private mutating func trySend() -> ComposerOutcome {
        if sending { status = StatusLine("Already sending…", kind: .info, busy: true); return .editing }
        let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty || (mode.isNewNote && imagePath != nil) else {
            let hint = mode.isNewNote ? "write some text or attach an image (^T)" : "write some text"
            status = StatusLine("Nothing to send: \(hint)", kind: .warning)
            return .editing
        }
        let t = title.text.trimmingCharacters(in: .whitespaces)
        var keepsText = false, keepsTitle = false
        if case .edit = mode {
            keepsText = !textChanged
            keepsTitle = t == originalTitle.trimmingCharacters(in: .whitespaces)
            if keepsText && keepsTitle {
                status = StatusLine("Nothing changed: edit the title or the text", kind: .warning)
                return .editing
            }
            if !keepsText, lostMarkup.contains(.cut) {
                status = StatusLine("This post is longer than the editor holds: only its title can change here (Esc, then e, starts again)",
                                    kind: .error)
                return .editing
            }
        }
        sending = true
        status = StatusLine("Sending…", kind: .info, busy: true)
        return .send(ComposeRequest(mode: mode, text: text, title: mode.hasTitle && !t.isEmpty ? t : nil,
                                    audience: audience, imagePath: mode.isNewNote ? imagePath : nil,
                                    keepsText: keepsText, keepsTitle: keepsTitle, checkOutboxSince: mayHaveBeenSent))
    }

    private mutating func openPrompt() -> ComposerOutcome {
        guard mode.isNewNote else {
            status = StatusLine("Images can only be attached to a new note", kind: .warning)
            return .editing
        }
        overlay = .attachPrompt(TextBox(label: "File", text: imagePath ?? "", maxLength: 4096, focused: true,
                                        viewWidth: max(1, Self.promptWidth(size.cols) - 10)), error: nil)
        return .editing
    }

    private mutating func dropRestoredDraft() {
        title.setText(originalTitle)
        body = TextArea(text: originalText, maxLength: Self.maxLength, focused: focus.current == .body)
        imagePath = nil
        audience = .public
        restoredFrom = nil
        layoutWidgets()
        status = StatusLine("Draft dropped", kind: .info)
    }

    /// The first edit makes a restored draft the user's working text: the offer ends.
    private mutating func edited() {
        if restoredFrom != nil || status.kind == .warning { status = StatusLine() }
        restoredFrom = nil
    }

    private var discardQuestion: String {
        switch mode {
        case .note: return "Discard this note?"
        case .reply: return "Discard this reply?"
        case .edit: return "Discard your changes?"
        }
    }

    private mutating func syncFocus() {
        title.focused = focus.isFocused(.title)
        body.focused = focus.isFocused(.body)
    }

    private mutating func layoutWidgets() {
        let l = ComposerLayout(mode: mode, area: Rect(row: 0, col: 0, rows: size.rows, cols: size.cols),
                               hasImage: imagePath != nil, hasNotice: markupNotice != nil, chrome: drawsStatusAndFooter)
        body.viewWidth = max(1, l.text.cols)
        body.viewHeight = max(1, l.text.rows)
        title.viewWidth = max(1, l.title.cols - 7)
    }

    /// The attach prompt's box width: it leaves the frame visible around it.
    static func promptWidth(_ cols: Int) -> Int { max(1, min(cols - 4, 72)) }

    /// "Restored your unsent draft from 14:03" (or "from Nov 28 14:03" when older than a day).
    static func restoredNotice(saved: Date, now: Date, timeZone: TimeZone = .current) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = now.timeIntervalSince(saved) < 20 * 3600 ? "HH:mm" : "MMM d HH:mm"
        return "Restored your unsent draft from \(f.string(from: saved)) · ^X drops it"
    }
}
