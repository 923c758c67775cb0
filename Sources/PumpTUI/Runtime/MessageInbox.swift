import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where finished jobs leave their messages. Jobs run on the concurrency pool; the main loop
/// sleeps in poll(), so every push also writes a byte to a pipe the loop polls.
final class MessageInbox<M: Sendable>: Sendable {
    private let items = Mutex<[M]>([])
    let readFD: Int32
    let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError.cannotStart("pipe: \(errno)") }
        readFD = fds[0]; writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit { close(readFD); close(writeFD) }

    func push(_ item: M) {
        items.withLock { $0.append(item) }
        wake()
    }

    func wake() {
        var b: UInt8 = 1
        _ = write(writeFD, &b, 1)   // a full pipe already means "wake up"
    }

    func drain() -> [M] {
        var buf = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buf, buf.count) > 0 {}
        return items.withLock { items in
            defer { items.removeAll() }
            return items
        }
    }
}

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// newterm failed (unknown TERM, no /dev/tty): the CLI should fall back to line mode.
    case cannotStart(String)
    public var description: String {
        switch self { case .cannotStart(let why): return "cannot start full-screen mode: \(why)" }
    }
}
