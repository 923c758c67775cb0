import Foundation
import PumpCore

/// The full-screen OAuth login (issue 4): PyPump's verifier dialog in a terminal. A value with a
/// pure `update`; the router (`PumpApp`) runs its jobs and reads `outcome` after each update.
struct LoginScreen: TerminalApp {
    typealias Message = LoginMessage
    typealias Job = LoginJob

    enum Field: Hashable, Sendable { case verifier, submit, cancel }
    /// What the router does next.
    enum Outcome: Equatable, Sendable {
        case loggedIn(LoginSuccess)
        /// The user gave up: quit, printing the farewell (the URL) on the normal screen.
        case cancelled(farewell: String?)
    }

    /// Where the login is. Each phase carries what it needs, so "a URL while checking" or "a
    /// retry without a failure" cannot be expressed.
    enum Phase: Equatable, Sendable {
        /// Discovery, registration, request token: no URL yet. `words` is the spinner text.
        case resolving(words: String)
        /// The URL is up and the verifier box takes text.
        case awaitingVerifier(URL)
        /// A step runs with the URL up (checking the verifier, renewing it).
        case checking(URL, words: String)
        /// The server refused the request token (not approved yet, expired or used): Enter tries
        /// again, ^N asks for a new URL.
        case expired(URL)
        /// A step failed; ^R runs `retry` again. `url` is nil when no URL was obtained yet.
        case failed(url: URL?, retry: LoginJob)
        case loggedIn(LoginSuccess)
    }

    /// What covers the screen. One at a time: each closes before anything else is possible.
    enum Overlay: Sendable {
        case confirm(ConfirmDialog)
        case help(HelpOverlay)
        case qrCode
    }

    let account: AccountID
    var size: Size
    var keymap = Keymap.standard
    private(set) var phase: Phase
    private(set) var overlay: Overlay?
    private(set) var verifier: TextBox
    private(set) var focus = FocusRing<Field>([.verifier, .submit, .cancel])
    private(set) var status = StatusLine()
    private(set) var outcome: Outcome?
    /// A key typed while "Logged in" showed: it ends the pause and belongs to the client, so
    /// the router hands it on (Enter only continues).
    private(set) var forwardedInput: InputEvent?
    /// The last failure in full: the status line may be too narrow for it, the body is not.
    private(set) var problem: String?
    /// A note from before the login (theme warning, why a new login is needed): in the body until
    /// the URL is there, then on the status line.
    private(set) var notice: String?

    init(account: AccountID, size: Size, notice: String? = nil) {
        self.account = account; self.size = size
        phase = .resolving(words: "Looking up \(account.hostWithPort)…")
        verifier = TextBox(label: "Verifier", maxLength: 512, focused: true)
        self.notice = notice
    }

    /// The authorize URL once the server gave one.
    var url: URL? {
        switch phase {
        case .awaitingVerifier(let u), .checking(let u, _), .expired(let u): return u
        case .failed(let u, _): return u
        case .resolving, .loggedIn: return nil
        }
    }

    /// Spinner words while a step runs; nil when idle.
    var busy: String? {
        switch phase {
        case .resolving(let words), .checking(_, let words): return words
        default: return nil
        }
    }

    var hasFailed: Bool { if case .failed = phase { return true }; return false }
    var success: LoginSuccess? { if case .loggedIn(let s) = phase { return s }; return nil }
    var expired: Bool { if case .expired = phase { return true }; return false }
    var confirm: ConfirmDialog? { if case .confirm(let c) = overlay { return c }; return nil }
    var help: HelpOverlay? { if case .help(let h) = overlay { return h }; return nil }
    var showingQR: Bool { if case .qrCode = overlay { return true }; return false }

    var wantsTicks: Bool { busy != nil }

    /// Keymap contexts: letters are text while the verifier box has focus, also before the URL
    /// is there (keys typed ahead are the verifier, never c/u/o/q commands).
    var contexts: [KeyContext] {
        switch overlay {
        case .confirm: return [.dialog]
        case .help: return [.help]
        case .qrCode, nil: break
        }
        let typing: Bool
        // After a failure the retry key leads the footer.
        let retry: [KeyContext] = { if case .failed = phase { return [.loginFailed] }; return [] }()
        switch phase {
        case .loggedIn: return [.loginDone]
        // After a failure without a URL, letters are commands again (r retries).
        case .failed(nil, _): typing = false
        default: typing = focus.current == .verifier
        }
        return retry + (typing ? [.loginTextFocused, .textField] : [.loginOther])
    }

    /// Keys the footer leaves out for now: without a URL there is nothing to copy, show, open,
    /// encode, renew or submit (pressed anyway, they say "No URL yet").
    var unavailableActions: Set<Action> {
        url == nil && success == nil ? [.copyURL, .showURL, .openBrowser, .showQR, .newURL, .submit] : []
    }

    /// What quitting now prints on the normal screen: the URL, so the login can be finished later.
    var farewell: String? {
        guard let url, success == nil else { return nil }
        return "The login for \(account) was not finished. Authorize pumptui at:\n\n\(url.absoluteString)\n\n"
            + "then run: pumptui login \(account)   (that asks for a new authorization)"
    }

    // MARK: - Update

    mutating func update(_ event: AppEvent<LoginMessage>) -> [Effect<LoginMessage, LoginJob>] {
        switch event {
        case .start(let s):
            size = s
            return begin(.start, words: "Looking up \(account.hostWithPort)…")
        case .tick:
            status.tick += 1
            return []
        case .message(let m): return receive(m)
        case .notice(let n): noticed(n); return []
        case .shutdown: return farewell.map { [.quit(exitCode: 0, farewell: $0)] } ?? []
        case .suspend: return []   // the verifier box's text lives on in memory; nothing to save
        case .input(.resize(let s)): size = s; return []
        case .input(let input): return handle(input)
        }
    }

    private mutating func begin(_ job: LoginJob, words: String) -> [Effect<LoginMessage, LoginJob>] {
        phase = url.map { .checking($0, words: words) } ?? .resolving(words: words)
        status = StatusLine(words, busy: true, tick: status.tick)
        problem = nil
        return [.run(job)]
    }

    private mutating func receive(_ message: LoginMessage) -> [Effect<LoginMessage, LoginJob>] {
        switch message {
        case .event(.progress(let p)):
            // Late reports of a step that already ended change nothing.
            guard busy != nil else { return [] }
            let words = LoginWords.text(p, host: account.hostWithPort)
            phase = url.map { .checking($0, words: words) } ?? .resolving(words: words)
            status = StatusLine(words, busy: true, tick: status.tick)
            return []
        case .event(.authorizeURL(let u)):
            guard success == nil else { return [] }
            // A new URL (^N) means a new request token: a verifier typed for the old one is void.
            if let old = url, old != u { verifier.setText("") }
            phase = .awaitingVerifier(u)
            focus.focus(.verifier); syncFocus()
            status = notice.map { StatusLine($0, kind: .warning) } ?? StatusLine("Paste the Verifier and press Enter.")
            notice = nil
            return []
        case .stepFinished:
            return []   // the URL came as an event before this
        case .loggedIn(let s):
            phase = .loggedIn(s)
            status = StatusLine(s.headline, kind: .success)
            return [.after(seconds: 1.5, .proceed)]
        case .proceed:
            if let success, outcome == nil { outcome = .loggedIn(success) }
            return []
        case .failed(let f):
            failed(f)
            return []
        }
    }

    private mutating func failed(_ failure: LoginFailure) {
        switch failure {
        case .wrongVerifier:
            if let url { phase = .awaitingVerifier(url) }
            problem = "The server did not accept that verifier. Copy the Verifier (not the Token) and try again."
            status = StatusLine("Wrong verifier: edit it and press Enter.", kind: .error)
            focus.focus(.verifier); syncFocus()
        case .expired:
            if let url { phase = .expired(url) } else { phase = .failed(url: nil, retry: .start) }
            status = StatusLine(Self.refusedWords, kind: .error)
        case .other(let reason):
            phase = .failed(url: url, retry: url == nil ? .start : .submit(verifier: verifier.text.trimmingWhitespace))
            problem = url == nil ? "Could not get an authorization URL: \(reason)." : "Failed: \(reason)."
            status = StatusLine("Failed (the reason is above). Press ^R to retry.", kind: .error)
        }
    }

    private mutating func noticed(_ notice: RuntimeNotice) {
        switch notice {
        case .copied: status = StatusLine("Sent the URL to the terminal's clipboard (OSC 52)", kind: .success)
        case .copyBlocked(let reason): status = StatusLine("Not copied: \(reason). F3 shows the URL.", kind: .warning)
        case .plainShown: status = StatusLine("Back from the plain URL.")
        case .commandFinished, .graphics: break
        case .browserOpened: status = StatusLine("Opened the URL in your browser.", kind: .success)
        case .pasteUnterminated: status = StatusLine(RuntimeNotice.pasteUnterminatedText, kind: .warning)
        case .browserUnavailable(let reason), .browserFailed(let reason):
            status = StatusLine("Cannot open a browser: \(reason). Use c (F2) to copy or u (F3) to show the URL.",
                                kind: .warning)
        }
    }

    // MARK: - Input

    private mutating func handle(_ input: InputEvent) -> [Effect<LoginMessage, LoginJob>] {
        switch overlay {
        case .qrCode: overlay = nil; return []   // any key closes the QR code
        case .confirm(let dialog): return answerConfirm(dialog, input)
        case .help(let help): closeOrScrollHelp(help, input); return []
        case nil: break
        }
        if let success {
            outcome = .loggedIn(success)
            if input != .key(.enter) { forwardedInput = input }
            return []
        }
        if contexts.contains(.textField), verifier.handle(input, keymap: keymap) == .handled { return [] }
        guard case .key(let key) = input, let action = keymap.action(for: key, in: contexts) else { return [] }
        return perform(action)
    }

    private mutating func perform(_ action: Action) -> [Effect<LoginMessage, LoginJob>] {
        if focus.apply(action) { syncFocus(); return [] }
        switch action {
        case .submit:
            switch focus.current {
            case .verifier, .submit: return submit()
            case .cancel: askToCancel(); return []
            }
        case .cancel, .quit: askToCancel(); return []
        case .retry:
            guard case .failed(_, let job) = phase else { return [] }
            return begin(job, words: job == .start ? "Looking up \(account.hostWithPort)…" : "Checking the verifier…")
        case .newURL:
            guard url != nil, busy == nil else { return [] }
            return begin(.renew, words: "Requesting a token…")
        case .help: overlay = .help(HelpOverlay(contexts: contexts, keymap: keymap)); return []
        default: return urlAction(action)
        }
    }

    /// F2–F5 (and c/u/o/Q): ways to get the URL out of an SSH session.
    private mutating func urlAction(_ action: Action) -> [Effect<LoginMessage, LoginJob>] {
        guard let url else {
            if [.copyURL, .showURL, .openBrowser, .showQR].contains(action) {
                status = StatusLine("No URL yet.", kind: .warning)
            }
            return []
        }
        switch action {
        case .copyURL: return [.copyToClipboard(url.absoluteString)]
        case .showURL: return [.showPlain(LoginWords.instructions(for: account) + "\n\n" + url.absoluteString + "\n")]
        case .openBrowser: return [.openBrowser(url.absoluteString)]
        case .showQR:
            if let need = QROverlay.tooSmall(url: url.absoluteString, size: size) {
                status = StatusLine("Window too small for the QR code (needs \(need.cols)×\(need.rows))", kind: .warning)
            } else {
                overlay = .qrCode
            }
            return []
        default: return []
        }
    }

    private mutating func submit() -> [Effect<LoginMessage, LoginJob>] {
        guard busy == nil, url != nil else { return [] }
        let code = verifier.text.trimmingWhitespace
        guard !code.isEmpty else {
            focus.focus(.verifier); syncFocus()
            status = StatusLine("Paste the Verifier from the authorize page first.", kind: .warning)
            return []
        }
        let effects = begin(.submit(verifier: code), words: "Checking the verifier…")
        if !LoginWords.looksLikePumpVerifier(code) {
            status = StatusLine("Checking… (that does not look like a pump.io verifier: 22 letters, digits, - or _)",
                                kind: .warning, busy: true, tick: status.tick)
        }
        return effects
    }

    /// pump.io refuses a request token not approved yet with the words it uses for an expired or
    /// used one, so Enter may try again (after approving) as well as ^N.
    static let refusedWords = "Not approved yet, expired or used: Enter tries again, ^N gets a new URL."

    private mutating func askToCancel() {
        overlay = .confirm(ConfirmDialog("Cancel the login? The URL stays on the screen after pumptui quits.",
                                         yes: "Quit", no: "Stay"))
    }

    private mutating func answerConfirm(_ dialog: ConfirmDialog, _ input: InputEvent) -> [Effect<LoginMessage, LoginJob>] {
        var dialog = dialog
        let result = dialog.handle(input, keymap: keymap)
        overlay = .confirm(dialog)
        switch result {
        case .pending: return []
        case .no: overlay = nil; return []
        case .yes:
            overlay = nil
            outcome = .cancelled(farewell: farewell)
            return []
        }
    }

    private mutating func closeOrScrollHelp(_ help: HelpOverlay, _ input: InputEvent) {
        guard case .key(let key) = input, let action = keymap.action(for: key, in: [.help]) else { return }
        if action == .back { overlay = nil; return }
        var help = help
        _ = help.apply(action, area: HelpOverlayLayout.area(size))
        overlay = .help(help)
    }

    private mutating func syncFocus() { verifier.focused = focus.current == .verifier }
}


/// Where the help overlay sits: the body, inset.
enum HelpOverlayLayout {
    static func area(_ size: Size) -> Rect {
        Rect(row: 1, col: 1, rows: max(3, size.rows - 3), cols: max(10, size.cols - 2))
    }
}
