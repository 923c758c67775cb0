import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a URL in a browser, but only where that can work: a local graphical session.
/// Over SSH xdg-open may start a text browser in the background that nobody can use.
public enum BrowserLauncher {
    public enum Decision: Equatable, Sendable {
        case launch(argv: [String])
        case unavailable(reason: String)
    }

    /// Pure: what would be run for `url` in `environment`.
    public static func decide(url: String, environment env: [String: String]) -> Decision {
        func set(_ key: String) -> Bool { !(env[key] ?? "").isEmpty }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return .unavailable(reason: "not a web address")
        }
        if set("SSH_CONNECTION") || set("SSH_TTY") {
            return .unavailable(reason: "SSH session: no local display")
        }
        guard set("DISPLAY") || set("WAYLAND_DISPLAY") else {
            return .unavailable(reason: "no local display")
        }
        // $BROWSER is a colon-separated list of commands; the first wins. "%s" marks where
        // the URL goes, otherwise it is the last argument. The URL is always one argv entry.
        if let first = env["BROWSER"]?.split(separator: ":").first {
            let words = first.split(separator: " ").map(String.init)
            if !words.isEmpty {
                let hasSlot = words.contains { $0.contains("%s") }
                let argv = hasSlot ? words.map { $0.replacingOccurrences(of: "%s", with: url) } : words + [url]
                return .launch(argv: argv)
            }
        }
        return .launch(argv: ["xdg-open", url])
    }

    /// Starts argv detached (own session, stdio on /dev/null) and reaps it in the background.
    /// Returns nil on success, else why it failed.
    public static func spawnDetached(_ argv: [String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        var attr = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attr)
        defer { posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attr) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // POSIX_SPAWN_SETSID (0x80): out of our session, so our terminal's hang-up cannot kill it.
        posix_spawnattr_setflags(&attr, Int16(0x80))
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cargs, environ)
        guard rc == 0 else { return "\(argv[0]): \(String(cString: strerror(rc)))" }
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            _ = waitpid(child, &status, 0)
        }
        return nil
    }
}
