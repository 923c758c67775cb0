import Foundation
import PumpCore

/// The editor as a part of the client (issue 25): the open `Composer` and its sending state,
/// the keys typed while its draft loads, the external editor's file, the audience it offers
/// and the draft kept after it closed. Pure like the client: its I/O is `Job`s
/// (`Work/ComposeWorker.swift`) whose answers come back as `Message`s; what the client must do
/// (say something, show help, put a post in the store) comes back as `Outcome`s, applied in
/// one place (`ClientScreen+Compose.swift`).
struct ComposeFlow: Sendable {
    /// The editor on screen.
    struct Editor: Sendable {
        var composer: Composer
        /// The send is on its way: the text stays as sent until the answer; Esc stops waiting.
        var sending = false
        /// Keys typed while the saved draft is read (nil once it is there): they replay on top of it.
        var typeahead: [InputEvent]?
    }

    /// Our lists and the people we follow: the audience picker's rows and `@` completion.
    struct AudienceData: Equatable, Sendable {
        var lists: [AudienceTarget]
        var following: [Person]
    }

    /// What the flow needs from the client for a step.
    struct Context {
        /// The client's body: the editor's area.
        var body: Size
        var keymap: Keymap
        var now: Date
        /// config.toml's editor for ^E (its file is the last argument).
        var editorCommand = "vi"
    }

    enum Message: Sendable {
        /// The send's answer; `found`: the post was already in the outbox (an earlier send
        /// arrived), nothing was sent.
        case sent(Composer.Mode, Result<Activity, ClientFailure>, found: Bool = false)
        /// The editor's saved draft (nil: none); `legacy`: an ownerless old draft exists to offer.
        case ready(Composer.Mode, Draft?, legacy: Bool = false)
        case legacyDraftClaimed(Composer.Mode, Draft?)
        /// The attach prompt's file, checked.
        case imageChecked(Result<ImageFile, ImageFileError>)
        /// nil when the draft was written (or removed); else why it could not be kept.
        case draftDone(String?)
        case editorFileWritten(Result<String, ClientFailure>)
        case editorFileRead(Result<String, ClientFailure>)
        /// What to tell about a failed external editor (`editorFailed`).
        case editorNote(String)
        /// `removeEditorFile` done: a quiet job's answer.
        case editorFileRemoved
        case audienceData(lists: [AudienceTarget], following: [Person])

        /// The answer of a quiet job: it ends no spinner (`ClientMessage.isQuietAnswer`).
        var isQuietAnswer: Bool {
            switch self {
            case .editorFileRemoved, .audienceData: return true
            default: return false
            }
        }

        /// Answers the user waits for in the editor: help over it closes so they are seen.
        var closesHelp: Bool {
            switch self {
            case .sent, .imageChecked, .editorFileWritten, .editorFileRead: return true
            default: return false
            }
        }
    }

    enum Job: Sendable {
        case send(ComposeRequest)
        /// Reads the saved draft for an editor before it opens.
        case open(Composer.Mode)
        /// Takes the ownerless draft from an older pumptui for this account (the user asked).
        case claimLegacyDraft(Composer.Mode)
        /// The attach prompt: is this a readable image?
        case checkImage(String)
        /// Saves or removes a draft (`DraftPolicy`).
        case draft(DraftPolicy.Decision)
        /// ^E: the editor's text into a fresh 0600 file for $VISUAL/$EDITOR.
        case writeEditorFile(String)
        /// The external editor finished well: its text back, the file removed.
        case readEditorFile(String)
        /// The editor's file is not needed (the editor closed meanwhile): removed. Quiet.
        case removeEditorFile(String)
        /// The external editor failed: what to tell, depending on whether its file is still there.
        case editorFailed(path: String, CommandOutcome)
        /// What the editor offers: our lists (audience) and whom we follow. Quiet: the editor
        /// opens without waiting for it.
        case audienceData

        var isQuiet: Bool {
            switch self {
            case .removeEditorFile, .audienceData: return true
            default: return false
            }
        }
    }

    /// What the client does after a step.
    enum Outcome: Sendable, StatusOutcome {
        case say(String, StatusLine.Kind)
        /// Progress ("Sending…"): it stays until its answer replaces it, wherever the user moves.
        case progress(String)
        /// F1 in the editor: help for these contexts over it (Esc goes back to the text).
        case help([KeyContext])
        /// The keys typed while the draft loaded, for the client to replay (F1 among them opens
        /// help over the editor, so they go through the client's keys, not the editor's alone).
        case replay([InputEvent])
        /// A send failed: the client reports it (a refused token: log in again). `inEditor`:
        /// the editor shows the message, so the client's own line lets it through.
        case sendFailed(ClientFailure, inEditor: Bool)
        /// The server has the post (or it was found in the outbox): into the store, and said.
        case posted(Composer.Mode, Activity, found: Bool)
    }

    /// A step's effects (the flow's own jobs) and what the client must do.
    typealias Step = PartStep<Message, Job, Outcome>

    private(set) var editor: Editor?
    /// Loaded when the editor first opens; nil again when our lists change.
    var audience: AudienceData?
    /// The draft's file while $VISUAL/$EDITOR has the terminal.
    private(set) var externalEdit: String?

    var isOpen: Bool { editor != nil }
    var composer: Composer? { editor?.composer }

    // MARK: - Opening

    /// n / r / e: the editor opens at once, so the keys typed right after (one SSH burst) are
    /// its text, never timeline commands. Its saved draft is read off the loop; until it is
    /// there the editor queues its keys and replays them on top of the draft (`ready`).
    mutating func open(_ mode: Composer.Mode, _ context: Context) -> Step {
        guard editor == nil else { return Step() }
        editor = Editor(composer: Self.composer(mode, draft: nil, context), typeahead: [])
        var step = Step(effects: [.run(.open(mode))])
        // Quiet (no spinner, no count): the editor works without it, it only offers more.
        if audience == nil { step.effects.append(.run(.audienceData)) }
        return step
    }

    private static func composer(_ mode: Composer.Mode, draft: Draft?, _ context: Context) -> Composer {
        var c = Composer(mode: mode, draft: draft, size: context.body, now: context.now)
        c.drawsStatusAndFooter = false   // the client's own status line and footer show them
        c.keymap = context.keymap
        return c
    }

    /// The draft was read: the editor starts from it, then the keys typed meanwhile replay.
    private mutating func ready(_ mode: Composer.Mode, draft: Draft?, legacy: Bool, _ context: Context) -> Step {
        guard let open = editor, open.composer.mode == mode, let queued = open.typeahead else { return Step() }
        var c = Self.composer(mode, draft: draft, context)
        if legacy { c.offerLegacyDraft() }
        editor = Editor(composer: c)
        offerAudience()
        return Step(outcomes: [.replay(queued)])
    }

    /// Hands the lists and followed people to an open editor.
    private mutating func offerAudience() {
        guard let data = audience else { return }
        edit { $0.lists = data.lists; $0.knownPeople = data.following }
    }

    /// Changes the open editor in place (its sending state kept); false when none is open.
    @discardableResult
    private mutating func edit(_ change: (inout Composer) -> Void) -> Bool {
        guard editor != nil else { return false }
        change(&editor!.composer)
        return true
    }

    // MARK: - Keys

    mutating func handle(_ input: InputEvent, _ context: Context) -> Step {
        guard let open = editor else { return Step() }
        if open.typeahead != nil { editor?.typeahead?.append(input); return Step() }
        var c = open.composer
        if case .key(let key) = input, context.keymap.action(for: key, in: c.keyContexts) == .help {
            return Step(outcomes: [.help(c.keyContexts)])
        }
        if open.sending {
            // The text stays as sent until the answer comes back; Esc stops waiting for it.
            if case .key(let key) = input, context.keymap.action(for: key, in: c.keyContexts) == .discard {
                c.stopWaiting()
                editor = Editor(composer: c)
                // The send's job still runs (its spinner): the line says what happened.
                return Step.say(c.status.message, .warning)
            }
            return Step()
        }
        let outcome = c.handle(input)
        editor = Editor(composer: c)
        switch outcome {
        case .editing: return Step()
        case .discarded:
            editor = nil
            return Step(effects: [.run(.draft(DraftPolicy.decide(.discarded, composer: c, now: context.now)))],
                        outcomes: [.say("Draft discarded.", .info)])
        case .externalEditor:
            return .start(.writeEditorFile(c.body.text), "Opening your editor…")
        case .claimLegacyDraft:
            return .start(.claimLegacyDraft(c.mode), "")
        case .attach(let path):
            return .start(.checkImage(path), "Checking the image…")
        case .send(let request):
            guard !request.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || request.imagePath != nil else {
                return Step.say("Nothing to send.", .warning)
            }
            c.sendStarted(at: context.now)
            editor = Editor(composer: c, sending: true)
            return .start(.send(request), request.checkOutboxSince == nil ? "Sending…" : "Looking in your outbox, then sending…")
        }
    }

    /// A resize: the editor lays its text out at the new body size (before, up and down in its
    /// text moved by the old width until the next edit).
    mutating func resize(_ body: Size) {
        edit { _ = $0.handle(.resize(body)) }
    }

    /// Quit, a signal, a hang-up or Ctrl-Z: the open editor's text to disk (or its stale file
    /// removed when it was emptied). Still reading its draft: the file on disk is what there is
    /// to keep; leave it.
    func shutdown(now: Date) -> Step {
        guard let open = editor, open.typeahead == nil else { return Step() }
        return Step(effects: [.run(.draft(DraftPolicy.decide(.shutdown, composer: open.composer, now: now)))])
    }

    // MARK: - Answers

    mutating func update(_ message: Message, _ context: Context) -> Step {
        switch message {
        case .sent(let mode, let result, let found): return sent(mode, result, found: found, now: context.now)
        case .ready(let mode, let draft, let legacy): return ready(mode, draft: draft, legacy: legacy, context)
        case .legacyDraftClaimed(let mode, let draft):
            guard composer?.mode == mode else { return Step() }
            guard let draft else { return Step.say("The old draft could not be read.", .warning) }
            edit { $0.restore(draft, now: context.now) }
            return Step()
        case .imageChecked(let result):
            edit { $0.attachChecked(result) }
            if case .success = result { return Step.say("Image attached.", .success) }
            return Step.say("", .info)
        case .draftDone(let problem):
            return problem.map { Step.say($0, .error) } ?? Step()
        case .editorFileWritten(.failure(let f)), .editorFileRead(.failure(let f)):
            return Step.say(f.message, .error)
        case .editorFileWritten(.success(let path)):
            guard editor != nil else { return Step(effects: [.run(.removeEditorFile(path))]) }
            externalEdit = path
            return Step(effects: [.runInTerminal(ForegroundCommand.editorArgv(command: context.editorCommand, file: path))])
        case .editorFileRead(.success(let text)):
            edit { $0.replaceText(text) }    // it says so on the editor's status line
            return Step()
        case .editorNote(let note):
            let told = edit { $0.tell(StatusLine(TerminalText.clean(note, .line, maxLength: 300), kind: .warning)) }
            return told ? Step() : Step.say(note, .warning)
        case .editorFileRemoved:
            return Step()
        case .audienceData(let lists, let following):
            audience = AudienceData(lists: lists, following: following)
            offerAudience()
            return Step()
        }
    }

    /// ^E's editor came back (the runtime's `.commandFinished`). A failing editor (vim's :cq, a
    /// crash) means "do not use this": the text stays as it was; whatever the editor wrote is
    /// left in its file (the worker looks whether there is one).
    mutating func editorFinished(_ outcome: CommandOutcome) -> Step {
        guard let path = externalEdit else { return Step() }
        externalEdit = nil
        guard outcome.succeeded else { return Step(effects: [.run(.editorFailed(path: path, outcome))]) }
        return Step(effects: [.run(.readEditorFile(path))])
    }

    private mutating func sent(_ mode: Composer.Mode, _ result: Result<Activity, ClientFailure>, found: Bool, now: Date) -> Step {
        // The answer to a send the user stopped waiting for (Esc): the editor is told, nothing closes.
        if var open = editor, !open.sending, open.composer.mode == mode, open.composer.mayHaveBeenSent != nil {
            switch result {
            case .success: open.composer.lateAnswer(arrived: true, "")
            case .failure(let f): open.composer.lateAnswer(arrived: f.uncertain, f.message)
            }
            editor = open
            return Step.say(open.composer.status.message, open.composer.status.kind)
        }
        switch result {
        case .failure(let f):
            guard var open = editor else { return Step(outcomes: [.sendFailed(f, inEditor: false)]) }
            // The failure is the editor's to show: it goes when the editor's next note (image
            // removed, sending again) replaces it. Kept on the client's line, an error there
            // outranked every later note of the editor and stayed on screen.
            open.composer.sendFailed(f.message, uncertain: f.uncertain)
            open.sending = false
            editor = open
            return Step(effects: [.run(.draft(DraftPolicy.decide(.sendFailed, composer: open.composer, now: now)))],
                        outcomes: [.sendFailed(f, inEditor: true)])
        case .success(let activity):
            var step = Step(outcomes: [.posted(mode, activity, found: found)])
            if let open = editor {
                editor = nil
                step.effects = [.run(.draft(DraftPolicy.decide(.sendSucceeded, composer: open.composer, now: now)))]
            }
            return step
        }
    }

    // MARK: - Drawing

    /// The editor takes the whole body: cleared, or the timeline shows through its gaps.
    func render(into buffer: inout CellBuffer, area: Rect) {
        guard let c = composer else { return }
        buffer.fill(area)
        c.render(into: &buffer, area: area)
    }
}
