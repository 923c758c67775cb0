import Foundation
import Logging
import Synchronization
import PumpCore

/// The --debug / --log-file log, on swift-log. Every line goes through `LogRedaction` (secrets)
/// and the sanitizer (escape sequences from server text), and never onto a terminal the
/// full-screen UI owns: there it goes to a file only.
enum DebugLog {
    enum Destination: Equatable {
        case none
        case standardError
        case file(URL)
    }

    /// - `--log-file PATH`: that file, in every mode (level debug).
    /// - `--debug` alone: stderr in line mode; a file in the state directory when the command may
    ///   take over the terminal (stderr is that terminal).
    /// - neither: nothing.
    static func destination(debug: Bool, logFile: String?, mayUseScreen: Bool, stateDirectory: URL) -> Destination {
        if let logFile { return .file(URL(fileURLWithPath: (logFile as NSString).expandingTildeInPath)) }
        guard debug else { return .none }
        return mayUseScreen ? .file(stateDirectory.appendingPathComponent("debug.log")) : .standardError
    }

    /// Set once, on the main thread, before any other thread logs.
    /// Set once the logging system is bootstrapped (swift-log allows that once per process).
    private static let started = Atomic<Bool>(false)
    static var isStarted: Bool { started.load(ordering: .acquiring) }

    /// Called once per process, before any logger is made. Without a destination swift-log still
    /// gets a no-op handler: its default handler would write to stderr, under the UI.
    /// `createsDirectory`: the default debug.log's own state directory is made when missing;
    /// a --log-file PATH in a directory that does not exist is refused (a typo in the path
    /// would otherwise leave the log somewhere no one looks).
    static func bootstrap(_ destination: Destination, createsDirectory: Bool = true) throws {
        // swift-log allows one bootstrap per process; a second call would trap.
        guard !isStarted else { return }
        let sink: LogSink?
        switch destination {
        case .none: sink = nil
        case .standardError: sink = LogSink(handle: FileHandle.standardError)
        case .file(let url): sink = try LogSink(appendingTo: url, createsDirectory: createsDirectory)
        }
        started.store(true, ordering: .releasing)
        LoggingSystem.bootstrap { label in
            guard let sink else { return SwiftLogNoOpLogHandler(label) }
            var handler = RedactingLogHandler(label: label, sink: sink)
            handler.logLevel = .debug
            return handler
        }
        if let sink { sink.write(RedactingLogHandler.format(label: "pumptui", level: .info, date: Date(),
                                                             message: "pumptui \(PumpTUIVersion.version) commit \(PumpTUIVersion.commit); options: \(optionNames(CommandLine.arguments))")) }
    }
}

extension DebugLog {
    /// The options given, without their values or the other arguments: a note's text or a
    /// verifier pasted on the command line has no place in a log meant for bug reports.
    static func optionNames(_ arguments: [String]) -> String {
        arguments.dropFirst().filter { $0.hasPrefix("-") }.map { $0.split(separator: "=").first.map(String.init) ?? $0 }
            .joined(separator: " ")
    }
}

/// Where log lines go: stderr or a file created 0600 (a log holds host names and paths), one
/// write per line under a lock (the HTTP client logs from its event-loop threads).
///
/// A file is capped: past `maxBytes` it becomes PATH.1 (replacing the one before) and a new
/// PATH starts, so a client left running with --debug for weeks keeps at most twice the cap.
final class LogSink: Sendable {
    static let defaultMaxBytes = 10 * 1024 * 1024

    private struct State {
        var handle: FileHandle?
        /// The file's path (nil: stderr, never rotated) and its size as we know it.
        let path: String?
        var size: Int
    }
    /// One writer at a time: log lines from concurrent tasks must not interleave.
    private let state: Mutex<State>
    private let maxBytes: Int

    init(handle: FileHandle) {
        state = Mutex(State(handle: handle, path: nil, size: 0))
        maxBytes = .max
    }

    init(appendingTo url: URL, createsDirectory: Bool = true, maxBytes: Int = LogSink.defaultMaxBytes) throws {
        let directory = url.deletingLastPathComponent()
        if createsDirectory {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LineModeError("the log file's directory \(directory.path) does not exist; create it first (pumptui does not make directories for --log-file)")
            }
        }
        let fd = try Self.openLogFile(url.path)
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        state = Mutex(State(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), path: url.path, size: size))
        self.maxBytes = max(1, maxBytes)
    }

    /// Our own regular file, opened to append, or a refusal that says why. O_NONBLOCK so a FIFO
    /// cannot hang the open (it did, forever); then only a regular file we own is written: not
    /// a FIFO, not /dev/tty (the lines scrolled the UI), not another user's 0666 file.
    static func openLogFile(_ path: String) throws -> Int32 {
        var before = stat()
        // Checked before the open too: a FIFO with no reader fails the open with ENXIO, a
        // message that names the wrong problem.
        if lstat(path, &before) == 0, before.st_mode & S_IFMT != S_IFREG, before.st_mode & S_IFMT != S_IFLNK {
            throw notRegular(path)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o600)
        guard fd >= 0 else { throw LineModeError("cannot open the log file \(path): \(String(cString: strerror(errno)))") }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let why = String(cString: strerror(errno)); close(fd)
            throw LineModeError("cannot open the log file \(path): \(why)")
        }
        if st.st_mode & S_IFMT != S_IFREG {
            close(fd)
            throw notRegular(path)
        }
        if st.st_uid != geteuid() {
            close(fd)
            throw LineModeError("the log file \(path) belongs to another user (uid \(st.st_uid)); give the path of a file of your own")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    private static func notRegular(_ path: String) -> LineModeError {
        LineModeError("the log file \(path) is not a regular file (a pipe, a device or a socket); give the path of a file")
    }

    func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        state.withLock { state in
            if let path = state.path, state.size > 0, state.size + data.count > maxBytes { Self.rotate(&state, path) }
            state.handle?.write(data)
            state.size += data.count
        }
    }

    /// PATH becomes PATH.1 and a new PATH is opened with the same checks; if that fails the
    /// log stops rather than growing without end.
    private static func rotate(_ state: inout State, _ path: String) {
        try? state.handle?.close()
        state.handle = nil
        state.size = 0
        guard rename(path, path + ".1") == 0, let fd = try? openLogFile(path) else { return }
        state.handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}

struct RedactingLogHandler: LogHandler {
    let label: String
    let sink: LogSink
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var text = event.message.description
        if let error = event.error { text += " error=\(String(describing: error))" }
        let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
        if !all.isEmpty { text += " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        sink.write(Self.format(label: label, level: event.level, date: Date(), message: text))
    }

    /// One line: time, level, label, message; secrets hidden, then made safe for a terminal
    /// (someone will `cat` or `tail -f` it) and kept to one line.
    static func format(label: String, level: Logger.Level, date: Date, message: String) -> String {
        let time = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!,
                                               formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        return TerminalText.clean(LogRedaction.redact("\(time) \(level) \(label): \(message)"), .line)
    }
}
