import Foundation
import PumpCore
#if canImport(Glibc)
import Glibc
#endif

/// What `i` → save asks for: which image, under which name, into which folder.
struct ImageSaveRequest: Equatable, Sendable {
    var link: MediaLink
    var directory: String
    /// Public posts are saved 0644 like any download; others 0600 (they were not for everyone).
    var isPublic: Bool
}

/// Writes a downloaded image into the download folder: a file name made safe (no path, no
/// leading dot, no control characters), never over an existing file (`name-1.jpg`, …), created
/// with O_EXCL so nothing planted is followed or overwritten.
enum ImageSaver {
    static func save(_ data: Data, request: ImageSaveRequest, contentType: String) throws -> String {
        let dir = request.directory
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard mkdir(dir, 0o700) == 0 else { throw failure("Cannot create \(dir): \(errnoText)") }
        } else if !isDir.boolValue { throw failure("\(dir) is not a folder") }
        let (stem, ext) = fileName(for: request.link.url, contentType: contentType)
        for n in 0..<100 {
            let path = dir + "/" + (n == 0 ? stem : "\(stem)-\(n)") + ext
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, request.isPublic ? 0o644 : 0o600)
            if fd < 0 && errno == EEXIST { continue }
            guard fd >= 0 else { throw failure("Cannot create \(path): \(errnoText)") }
            defer { close(fd) }
            let ok = data.withUnsafeBytes { raw -> Bool in
                var done = 0
                while done < raw.count {
                    let w = write(fd, raw.baseAddress! + done, raw.count - done)
                    if w < 0 && errno == EINTR { continue }
                    guard w > 0 else { return false }
                    done += w
                }
                return true
            }
            guard ok else { unlink(path); throw failure("Cannot write \(path): \(errnoText)") }
            return path
        }
        throw failure("\(dir) already has 100 files named \(stem)\(ext)")
    }

    /// "photo.jpg" from the URL's last component, made safe; the extension from the content
    /// type when the name has none.
    static func fileName(for url: URL, contentType: String) -> (stem: String, ext: String) {
        let raw = url.lastPathComponent.removingPercentEncoding ?? url.lastPathComponent
        var safe = String(raw.unicodeScalars.map { c -> Character in
            let ok = (c.properties.isAlphabetic || c.properties.numericType != nil || "._-".unicodeScalars.contains(c))
            return ok ? Character(c) : "_"
        })
        // No leading dot (hidden) and no leading dash: `-rf.png` is an option to the next
        // command that touches it.
        while let first = safe.first, first == "." || first == "-" { safe.removeFirst() }
        let dot = safe.lastIndex(of: ".")
        var stem = dot.map { String(safe[..<$0]) } ?? safe
        var ext = dot.map { String(safe[$0...]) } ?? ""
        stem = prefix(stem, maxBytes: maxStemBytes)
        if stem.isEmpty { stem = "image" }
        if ext.count < 2 || ext.utf8.count > 16 { ext = extensionFor(contentType) }
        return (stem, ext)
    }

    /// File names are limited in bytes (255 on Linux: "File name too long"), not characters:
    /// the stem keeps room for "-99" and an extension.
    static let maxStemBytes = 200

    /// The longest prefix of whole characters that fits in `maxBytes` of UTF-8.
    static func prefix(_ s: String, maxBytes: Int) -> String {
        var bytes = 0
        var end = s.startIndex
        for i in s.indices {
            let n = s[i].utf8.count
            guard bytes + n <= maxBytes else { break }
            bytes += n
            end = s.index(after: i)
        }
        return String(s[..<end])
    }

    static func extensionFor(_ contentType: String) -> String {
        switch contentType.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces) {
        case "image/jpeg": return ".jpg"
        case "image/png": return ".png"
        case "image/gif": return ".gif"
        case "image/webp": return ".webp"
        default: return ".img"
        }
    }

    private static func failure(_ text: String) -> ClientFailure { ClientFailure(message: TerminalText.clean(text, .line, maxLength: 300)) }
    private static var errnoText: String { String(cString: strerror(errno)) }
}
