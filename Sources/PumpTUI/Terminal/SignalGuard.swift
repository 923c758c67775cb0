import CTerminalGuard

/// The process's stop signals (INT, TERM, HUP, QUIT) while a full-screen run is up. The handlers
/// live in the C target CTerminalGuard (async-signal-safe: they only record the signal and wake
/// the loop through a pipe); the loop asks `pendingSignal()` after each poll.
enum SignalGuard {
    static func install(wakeFD: Int32) { pump_install_signal_handlers(wakeFD) }

    /// After the run: back to the defaults, except that a hung-up terminal's SIGHUP stays ignored
    /// (the exit path must not be killed by it while it finishes).
    static func uninstall(ignoreHangUp: Bool) { pump_uninstall_stop_handlers(ignoreHangUp ? 1 : 0) }

    /// 0, or the first of SIGINT/SIGTERM/SIGHUP/SIGQUIT received.
    static func pendingSignal() -> Int32 { pump_take_pending_signal() }
}
