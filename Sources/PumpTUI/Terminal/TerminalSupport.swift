import Foundation
import PumpCore
#if canImport(Glibc)
import Glibc
#endif

/// The CLI's decision between the full-screen UI and line mode (tui-notes C14).
enum TerminalSupport {
    /// What the full-screen client can do with this process's terminal.
    enum Verdict: Equatable {
        case ready
        /// TERM names a terminal this host's terminfo does not have (SSH from kitty or ghostty):
        /// run as `to`, which every modern terminal understands, and say so.
        case fallback(from: String, to: String)
        /// Both ends are terminals, but TERM cannot drive a full screen (unset, empty, `dumb`).
        case unusable(String)
        /// Not a terminal at both ends (pipes, scripts, `ssh host pumptui` without -t).
        case noTerminal

        /// The full screen runs: as it is, or as the fallback entry.
        var runsFullScreen: Bool {
            switch self {
            case .ready, .fallback: return true
            case .unusable, .noTerminal: return false
            }
        }
    }

    /// The entry tried when TERM's is missing.
    static let fallbackTerm = "xterm-256color"

    static func verdict(environment: [String: String] = ProcessInfo.processInfo.environment,
                               stdinIsTTY: Bool = isatty(0) == 1, stdoutIsTTY: Bool = isatty(1) == 1,
                               knows: (String) -> Bool = CursesBackend.terminfoHasCursorAddressing) -> Verdict {
        guard stdinIsTTY, stdoutIsTTY else { return .noTerminal }
        let term = environment["TERM"] ?? ""
        if term.isEmpty { return .unusable("TERM is not set") }
        if term == "dumb" { return .unusable("TERM=dumb has no cursor addressing") }
        if knows(term) { return .ready }
        if knows(fallbackTerm) { return .fallback(from: term, to: fallbackTerm) }
        return .unusable("TERM=\(TerminalText.clean(term, .line, maxLength: 40)) is not in this host's terminfo")
    }

    /// True when both ends are terminals and TERM (as it is) drives a full screen.
    static func canRunFullScreen(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        stdinIsTTY: Bool = isatty(0) == 1,
                                        stdoutIsTTY: Bool = isatty(1) == 1) -> Bool {
        verdict(environment: environment, stdinIsTTY: stdinIsTTY, stdoutIsTTY: stdoutIsTTY) == .ready
    }

    /// The verdict, with a fallback applied: TERM is set for this process before curses reads it.
    /// The notice is the status line's sentence for the fallback (nil otherwise).
    static func prepare() -> (verdict: Verdict, notice: String?) {
        let v = verdict()
        guard case .fallback(let from, let to) = v else { return (v, nil) }
        setenv("TERM", to, 1)
        return (v, fallbackNotice(from: from, to: to))
    }

    /// The status line's sentence for a fallback: what is used first, then why and the fix.
    static func fallbackNotice(from: String, to: String) -> String {
        "Using \(to): TERM=\(TerminalText.clean(from, .line, maxLength: 40)) has no terminfo entry here (install it to silence this)"
    }

    /// stderr's sentence when the terminal cannot be used: the cause, then the fix.
    static func unusableMessage(_ why: String) -> String {
        "pumptui: the full-screen client cannot run: \(why). Set TERM to your terminal's type "
            + "(for example TERM=xterm-256color pumptui), or use line mode: pumptui inbox, pumptui post."
    }
}
