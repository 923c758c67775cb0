import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The CLI's decision between the full-screen UI and line mode (tui-notes C14).
public enum TerminalSupport {
    /// True when both ends are terminals, TERM is set, not `dumb`, and terminfo knows it with
    /// cursor addressing (`cup`). `ssh host pumptui` without -t, pipes and scripts get false.
    public static func canRunFullScreen(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        stdinIsTTY: Bool = isatty(0) == 1,
                                        stdoutIsTTY: Bool = isatty(1) == 1) -> Bool {
        guard stdinIsTTY, stdoutIsTTY else { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return CursesBackend.terminfoHasCursorAddressing(term)
    }
}
