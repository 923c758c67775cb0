import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command on our terminal and waits for it (an editor): same stdio, same process group
/// (so it may read the terminal), the stop signals back at their defaults in the child.
/// Foundation's Process is not used: it gives the child its own process group, and a
/// background group that reads the terminal is stopped by SIGTTIN.
enum ForegroundCommand {
    /// `whenStopped` runs when the command is stopped (Ctrl-Z typed to it) and returns once we
    /// are continued (it stops us too, so the shell sees the job stopped); then the command is
    /// continued and waited for again.
    static func run(_ argv: [String], whenStopped: () -> Void = {}) -> CommandOutcome {
        guard let program = argv.first else { return .failedToStart("no command") }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults); sigemptyset(&empty)
        for sig in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGWINCH] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, nil, &attr, &cargs, environ)
        guard rc == 0 else { return .failedToStart("\(program): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while true {
            if waitpid(pid, &status, WUNTRACED) < 0 {
                guard errno == EINTR else { return .failedToStart("waitpid: \(String(cString: strerror(errno)))") }
                continue
            }
            // WIFSTOPPED / WIFEXITED / WTERMSIG spelled out: the C macros do not import.
            guard status & 0xFF == 0x7F else { break }
            whenStopped()
            kill(pid, SIGCONT)
        }
        let termSignal = status & 0x7F
        return termSignal == 0 ? .exited((status >> 8) & 0xFF) : .killed(termSignal)
    }

    /// `$EDITOR` may hold arguments ("code --wait"): the shell splits it, as git does, and the
    /// file is one argument after it, never re-split.
    static func editorArgv(command: String, file: String) -> [String] {
        ["/bin/sh", "-c", "exec " + command + " \"$1\"", "sh", file]
    }
}
