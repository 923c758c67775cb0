/// The contract every full-screen app (the login screen, the client, debug-keys) implements.
/// Both requirements are pure: all I/O is an `Effect` the runtime performs, and what happens
/// comes back as an `AppEvent` (bubbletea's Model/Update/View, ratatui's render-into-buffer).
public protocol TerminalApp {
    /// What finished jobs and timers report back.
    associatedtype Message: Sendable
    /// Work the app wants done off the main thread (network, disk); see `Runtime.run(app:perform:backend:theme:options:)`.
    associatedtype Job: Sendable

    mutating func update(_ event: AppEvent<Message>) -> [Effect<Message, Job>]
    /// Draws the whole UI. The buffer arrives blank and sized to the terminal.
    func render(into buffer: inout CellBuffer)
    /// True while a spinner is shown: the runtime then sends `.tick` about every 100 ms.
    var wantsTicks: Bool { get }
    /// True while what the first frame is for (a login's URL, the client's cached timeline) is
    /// still coming: the runtime holds the first frame briefly for it (`RuntimeOptions`).
    var awaitsFirstResult: Bool { get }
}

extension TerminalApp {
    public var awaitsFirstResult: Bool { false }
}

/// Lets a running job send messages before its result (a login's progress and its authorize
/// URL: PyPump's callback reaching the screen). Each arrives as `.message`, in the order sent,
/// ahead of the job's own result.
public struct Report<M: Sendable>: Sendable {
    private let send: @Sendable (M) -> Void
    public init(_ send: @escaping @Sendable (M) -> Void) { self.send = send }
    public func callAsFunction(_ message: M) { send(message) }
    /// The same reports, wrapped for an enclosing app's message type.
    public func map<N: Sendable>(_ wrap: @escaping @Sendable (N) -> M) -> Report<N> {
        let send = self.send
        return Report<N> { send(wrap($0)) }
    }
    /// For jobs whose reports nobody reads (shutdown, tests).
    public static var ignored: Report<M> { Report { _ in } }
}

public enum AppEvent<M: Sendable>: Sendable {
    /// First event, with the terminal size.
    case start(Size)
    case input(InputEvent)
    case message(M)
    case tick
    /// The outcome of an effect the runtime carried out itself (browser, clipboard, plain screen).
    case notice(RuntimeNotice)
    /// The runtime is about to exit (signal, hang-up, or the app's own `.quit`). Sent exactly once.
    /// Only `.run` effects (awaited for at most `RuntimeOptions.shutdownGraceMs`: save drafts there)
    /// and a `.quit` farewell (printed unless the terminal hung up) are honoured; the exit code
    /// stays the one of the reason.
    case shutdown(ShutdownReason)
    /// Ctrl-Z: the process is about to stop (the shell's `fg` continues it, then a `.resize` if the
    /// window changed meanwhile). Only `.run` effects are honoured, and awaited like shutdown's
    /// (save drafts there: a `kill -9` while stopped must not lose the text); their results come
    /// back as messages.
    case suspend
}

public enum Effect<M: Sendable, J: Sendable>: Sendable {
    /// `perform(job)` runs as a Swift task; its result comes back as `.message`.
    case run(J)
    /// OSC 52, wrapped for tmux/screen when inside them. Answered by `.notice(.copied)`.
    case copyToClipboard(String)
    /// Leaves full-screen mode, prints the text on the normal screen (the terminal wraps it, so a
    /// long URL stays selectable as one line), waits for Enter, comes back. Answered by `.notice(.plainShown)`.
    case showPlain(String)
    /// Opens the URL only with a local display and no SSH session. Answered by `.notice(.browser…)`.
    case openBrowser(String)
    /// Leaves full-screen mode, runs argv on the terminal (an editor) and waits for it, then
    /// comes back with a full repaint, whatever the command did. Answered by `.notice(.commandFinished)`.
    case runInTerminal([String])
    /// The window title, a bell, a desktop notification (`TerminalCue`); no answer.
    case cue(TerminalCue)
    /// The inline image preview's terminal graphics: probe, draw at a cell, take away.
    case graphics(GraphicsRequest)
    /// Delivers `.message(M)` after the delay (timers, "copied" flashes).
    case after(seconds: Double, M)
    /// Ends the run. The farewell is printed on the normal screen after leaving full-screen mode,
    /// so it stays in the scrollback (the authorize URL when the login is abandoned).
    case quit(exitCode: Int32, farewell: String?)
}

public enum RuntimeNotice: Equatable, Sendable {
    /// What every screen says for `.pasteUnterminated`.
    public static let pasteUnterminatedText = "The paste had no end marker: it was ended after 2 s, as text."

    /// The OSC 52 sequence went to the terminal (whether it sets the clipboard is the terminal's choice).
    case copied
    /// Nothing was sent: it could not work here (tmux's set-clipboard is off); the reason says the fix.
    case copyBlocked(reason: String)
    case plainShown
    case browserOpened(String)
    /// No local display, or an SSH session: the app should offer copy / plain URL instead.
    case browserUnavailable(reason: String)
    case browserFailed(reason: String)
    /// A `runInTerminal` command ended (or could not start); the screen is back.
    case commandFinished(CommandOutcome)
    /// A bracketed paste never sent its end marker; it was ended after a quiet moment, as text.
    case pasteUnterminated
    /// What the terminal can draw (`GraphicsRequest.detect`), found once a session.
    case graphics(GraphicsSupport)
}

public enum CommandOutcome: Equatable, Sendable {
    case exited(Int32)
    /// Killed by this signal (a crash: SIGSEGV, SIGABRT; or SIGKILL from outside).
    case killed(Int32)
    case failedToStart(String)

    public var succeeded: Bool { self == .exited(0) }

    /// "exited with status 1", "was killed by signal 9", "could not start (reason)".
    public var phrase: String {
        switch self {
        case .exited(let code): return "exited with status \(code)"
        case .killed(let sig): return "was killed by signal \(sig)"
        case .failedToStart(let why): return "could not start (\(why))"
        }
    }
}

public enum ShutdownReason: Equatable, Sendable {
    case quit(exitCode: Int32)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT; the exit code is 128 + signal.
    case signal(Int32)
    /// The terminal went away (SSH dropped, window closed): nothing can be drawn any more.
    case hangUp

    public var exitCode: Int32 {
        switch self {
        case .quit(let code): return code
        case .signal(let sig): return 128 + sig
        case .hangUp: return 129
        }
    }
}
