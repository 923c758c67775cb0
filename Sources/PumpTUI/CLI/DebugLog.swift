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
    static func bootstrap(_ destination: Destination) throws {
        // swift-log allows one bootstrap per process; a second call would trap.
        guard !isStarted else { return }
        let sink: LogSink?
        switch destination {
        case .none: sink = nil
        case .standardError: sink = LogSink(handle: FileHandle.standardError)
        case .file(let url): sink = try LogSink(appendingTo: url)
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
final class LogSink: Sendable {
    /// One writer at a time: log lines from concurrent tasks must not interleave.
    private let handle: Mutex<FileHandle>

    init(handle: FileHandle) { self.handle = Mutex(handle) }

    convenience init(appendingTo url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        self.init(handle: FileHandle(fileDescriptor: try Self.openLogFile(url.path), closeOnDealloc: true))
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
        handle.withLock { $0.write(Data((line + "\n").utf8)) }
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
