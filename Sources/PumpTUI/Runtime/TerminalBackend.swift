/// What the event loop needs from a terminal. CursesBackend is the real one; tests drive the
/// loop with a scripted fake, so effects, timers and shutdown are tested without a tty.
protocol TerminalBackend: AnyObject {
    /// Polled by the loop for input (and hang-up).
    var inputFD: Int32 { get }
    var size: Size { get }
    /// Colours the terminal offers (0: none, or colour switched off); the theme is fitted to it.
    var colors: Int { get }
    func present(_ buffer: CellBuffer, theme: Theme)
    /// Everything readable now, without blocking; `.hungUp` when the terminal is gone.
    func readInputs(pollSaidReadable: Bool) -> ReadResult
    /// Bytes written around the screen model (OSC 52).
    @discardableResult func writeRaw(_ text: String) -> Bool
    /// Bytes written at a cell after the frame is painted (an image's graphics protocol); the
    /// cursor goes back where curses believes it is.
    func writeRaw(_ text: String, atRow row: Int, col: Int)
    /// The next frame repaints every cell (a sixel or iTerm2 image leaves pixels behind).
    func repaintAll()
    /// Blocks until Enter on the normal screen (or a signal / hang-up).
    func showPlain(_ text: String) -> PlainOutcome
    /// Suspends full-screen mode, runs argv on the terminal until it ends, restores the screen.
    func runSuspended(_ argv: [String]) -> (PlainOutcome, CommandOutcome)
    /// 0, or the stop signal (INT/TERM/HUP/QUIT) that arrived.
    func pendingSignal() -> Int32
    /// True once after Ctrl-Z (SIGTSTP): the loop then suspends, on its own thread.
    func takeSuspendRequest() -> Bool
    /// Leaves full-screen mode as on exit, stops the process, and on `fg` takes the terminal
    /// back for a full repaint.
    func suspendProcess() -> PlainOutcome
    /// The terminal's new size after a SIGWINCH (any time with `force`), once curses has been
    /// told; nil when the size is what curses already has.
    func takeResize(force: Bool) -> Size?
    /// Restores the terminal, then prints the farewell on the normal screen.
    func stop(farewell: String?)
    /// The terminal is gone: release it without writing anything.
    func abandon()
    /// False once the terminal has hung up (a SIGHUP usually means it has).
    func isAlive() -> Bool
}

extension TerminalBackend {
    /// Backends that cannot hand the terminal over (test fakes) say so.
    func runSuspended(_ argv: [String]) -> (PlainOutcome, CommandOutcome) {
        (.returned, .failedToStart("this terminal cannot run commands"))
    }

    /// Test fakes: the bytes as they are, no cursor to move.
    func writeRaw(_ text: String, atRow row: Int, col: Int) { writeRaw(text) }
    func repaintAll() {}
    func takeSuspendRequest() -> Bool { false }
    func suspendProcess() -> PlainOutcome { .returned }
    func takeResize(force: Bool) -> Size? { nil }
}

enum ReadResult: Equatable {
    case inputs([TerminalInput])
    /// Bytes are waiting in the tty but make no whole key yet (a large paste arriving): input
    /// is still coming in, which keeps an open paste from timing out.
    case arriving
    case hungUp
}

enum PlainOutcome: Equatable {
    case returned
    case signal(Int32)
    case hungUp
}
