import CTerminalGuard

/// The process's signals while a full-screen run is up. The handlers live in the C target
/// CTerminalGuard (async-signal-safe: they only record the signal and wake the loop through a
/// pipe); the loop's thread, the only one that calls curses, asks after each poll. That is the
/// whole threading rule for signals: whichever thread the kernel interrupts, curses is never
/// called from a handler.
enum SignalGuard {
    /// Stop signals (INT, TERM, HUP, QUIT), SIGCONT, SIGTSTP, SIGWINCH and the crash signals.
    /// Before newterm, so ncurses installs no handlers of its own.
    static func install(wakeFD: Int32) { pump_install_signal_handlers(wakeFD) }

    /// After the run: back to the defaults, except that a hung-up terminal's SIGHUP stays ignored
    /// (the exit path must not be killed by it while it finishes).
    static func uninstall(ignoreHangUp: Bool) { pump_uninstall_stop_handlers(ignoreHangUp ? 1 : 0) }

    /// 0, or the first of SIGINT/SIGTERM/SIGHUP/SIGQUIT received.
    static func pendingSignal() -> Int32 { pump_take_pending_signal() }

    /// Each true once per arrival: Ctrl-Z, a window resize, a continue (fg or kill -CONT).
    static func takeSuspendRequest() -> Bool { pump_take_suspend_request() != 0 }
    static func takeResized() -> Bool { pump_take_resized() != 0 }
    static func takeResumed() -> Bool { pump_take_resumed() != 0 }

    /// Stops the process as Ctrl-Z does by default; returns when it is continued.
    @Sendable static func stopSelf() { pump_stop_self() }

    /// Whether `sig` is handled by our handlers (a test: newterm must not have replaced them).
    static func isOurs(_ sig: Int32) -> Bool { pump_signal_is_ours(sig) != 0 }
}
