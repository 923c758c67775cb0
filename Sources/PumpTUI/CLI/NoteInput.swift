import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of `pumptui post TEXT` / `post -`, held to what the editor holds (issue 23): stdin
/// is read only up to `EditorFile.maxBytes` + 1 bytes (`head -c 500M /dev/zero` once took 7 GB
/// and posted 3 GB of NULs), and text that is not plain UTF-8 prose is refused with what is
/// wrong and where, before anything is sent.
enum NoteInput {
    /// TEXT itself, or standard input for `-`.
    static func text(_ argument: String) throws -> String {
        guard argument == "-" else { return try checked(Data(argument.utf8), source: "the note") }
        return try checked(try readBounded(fd: 0, limit: EditorFile.maxBytes), source: "standard input")
    }

    /// At most `limit` + 1 bytes of `fd`: one byte past the limit is enough to know it is too
    /// long, so the rest is never read (the writer gets EPIPE, not our memory).
    static func readBounded(fd: Int32, limit: Int) throws -> Data {
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while out.count <= limit {
            let want = min(buffer.count, limit + 1 - out.count)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw LineModeError("cannot read standard input: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// The bytes as text, or an error that says why nothing will be posted. Allowed: UTF-8 text
    /// with tabs and line ends; refused: NUL, other C0 controls, DEL, C1 controls, bad UTF-8,
    /// and more than the editor's `Composer.maxLength` characters.
    static func checked(_ data: Data, source: String) throws -> String {
        let nothing = "; nothing was posted"
        if let nul = data.firstIndex(of: 0) {
            throw LineModeError("\(source) holds a NUL byte (at byte \(nul - data.startIndex + 1)): binary data, not text\(nothing)")
        }
        guard data.count <= EditorFile.maxBytes else {
            throw LineModeError("\(source) is longer than a note can be (\(EditorFile.maxBytes) bytes read, "
                                + "\(Composer.maxLength) characters at most)\(nothing)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LineModeError("\(source) is not UTF-8 text\(nothing)")
        }
        for scalar in text.unicodeScalars {
            if isRefused(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                throw LineModeError("\(source) holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)"
                                    + " (only text, tabs and line ends can be posted)\(nothing)")
            }
        }
        let characters = text.count
        guard characters <= Composer.maxLength else {
            throw LineModeError("\(source) has \(characters) characters; a note holds at most \(Composer.maxLength)\(nothing)")
        }
        return text
    }

    private static func isRefused(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        default: return false
        }
    }
}
