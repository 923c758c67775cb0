import Foundation
import PumpCore
#if canImport(Glibc)
import Glibc
#endif

/// The draft's file while `$VISUAL`/`$EDITOR` edits it: created 0600 by mkstemps (a fresh name
/// nobody else can have planted), read back bounded, then removed.
enum EditorFile {
    /// Largest text read back (the editor holds 50 000 characters; UTF-8 may take 4 bytes each).
    static let maxBytes = 4 * Composer.maxLength

    static func create(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let tmp = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var template = Array("\(tmp)/pumptui-draft-XXXXXX.txt".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { throw ClientFailure(message: "Cannot create a file for the editor in \(tmp): \(errnoText)") }
        defer { close(fd) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(fd, 0o600)
        let bytes = Array((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { unlink(path); throw ClientFailure(message: "Cannot write \(path): \(errnoText)") }
            done += n
        }
        return path
    }

    /// The edited text (the editor's final newline dropped), and the file removed. A file the
    /// editor left too large is refused and kept, so nothing is lost.
    static func readBack(_ path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxBytes else {
            throw ClientFailure(message: "The edited text is larger than the editor holds; it stays in \(path)")
        }
        guard let data = try? Data(contentsOf: url) else { throw ClientFailure(message: "Cannot read \(path) back") }
        unlink(path)
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return String(TerminalText.clean(text, .text).prefix(Composer.maxLength))
    }

    private static var errnoText: String { String(cString: strerror(errno)) }
}
