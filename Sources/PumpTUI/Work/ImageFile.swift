import PumpCore
import Foundation

/// An image file the user wants to attach. Checking it is I/O, so the client runs `check` as a
/// job and hands the result to `Composer.attachChecked`; `load` reads it again at send time
/// (the file may have changed in between).
struct ImageFile: Equatable, Sendable {
    var path: String
    var mimeType: String
    var byteCount: Int

    /// Uploads above this are refused before reading: the server would reject or choke on them.
    static let maxBytes = 10 * 1024 * 1024
    static let supported = "PNG, JPEG or GIF"
    /// What pump.io's MIME map can serve back (issue 24): it stores any other image (WebP) as
    /// `.bin` and then answers 500 to every fetch of it, for everyone.
    static let servable: Set<String> = ["image/png", "image/jpeg", "image/gif"]

    var name: String { (path as NSString).lastPathComponent }

    /// "cat.png (image/png, 12 KB)".
    var summary: String { "\(name) (\(mimeType), \(Self.sizeText(byteCount)))" }

    static func check(_ rawPath: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> Result<ImageFile, ImageFileError> {
        Result { try open(rawPath, home: home, readAll: false).0 }.mapError { $0 as? ImageFileError ?? .unreadable }
    }

    static func load(_ rawPath: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) throws -> (ImageFile, Data) {
        try open(rawPath, home: home, readAll: true)
    }

    /// `~/x` → `$HOME/x`; surrounding spaces and quotes from a pasted path are dropped.
    static func expand(_ raw: String, home: String?) -> String {
        var p = raw.trimmingCharacters(in: .whitespaces)
        if p.count >= 2, let f = p.first, f == p.last, f == "'" || f == "\"" { p = String(p.dropFirst().dropLast()) }
        if let home, p == "~" || p.hasPrefix("~/") { p = home + p.dropFirst() }
        return p
    }

    /// The MIME type from the file's first bytes; nil for anything else (the extension can lie).
    static func sniff(_ head: Data) -> String? {
        let b = [UInt8](head.prefix(12))
        func starts(_ sig: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + sig.count && Array(b[offset..<offset + sig.count]) == sig
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        return nil
    }

    static func sizeText(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return "\((n + 1023) / 1024) KB" }
        return String(format: "%.1f MB", Double(n) / 1048576)
    }

    private static func open(_ rawPath: String, home: String?, readAll: Bool) throws -> (ImageFile, Data) {
        let path = expand(rawPath, home: home)
        guard !path.isEmpty else { throw ImageFileError.noPath }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw ImageFileError.notFound(path) }
        // Regular files only: opening a FIFO would block the job, /dev/zero would never end.
        // (attributesOfItem does not follow symlinks, so ask about the link's target.)
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attrs = try? FileManager.default.attributesOfItem(atPath: target)
        guard !isDir.boolValue, attrs?[.type] as? FileAttributeType == .typeRegular else { throw ImageFileError.notAFile(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImageFileError.unreadable }
        defer { try? handle.close() }
        let size = attrs?[.size] as? Int ?? 0
        guard size > 0 else { throw ImageFileError.empty }
        guard size <= maxBytes else { throw ImageFileError.tooLarge(size) }
        // Read at most the limit plus one byte: a file growing after the stat is still caught.
        let data = (try? handle.read(upToCount: readAll ? maxBytes + 1 : 12)) ?? Data()
        guard data.count <= maxBytes else { throw ImageFileError.tooLarge(data.count) }
        guard let mime = sniff(data) else { throw ImageFileError.notAnImage }
        guard servable.contains(mime) else { throw ImageFileError.notServable(mime) }
        return (ImageFile(path: path, mimeType: mime, byteCount: readAll ? data.count : size), readAll ? data : Data())
    }
}

enum ImageFileError: Error, Equatable, Sendable {
    case noPath, notFound(String), notAFile(String), unreadable, empty, tooLarge(Int), notAnImage
    /// An image pump.io would store but could not serve (its MIME type).
    case notServable(String)

    /// One line for the prompt. Paths are the user's own input, still cleaned for the terminal.
    var message: String {
        switch self {
        case .noPath: return "Type the path of an image file"
        case .notFound(let p): return "No such file: \(TerminalText.clean(p, .line))"
        case .notAFile(let p): return "Not a file: \(TerminalText.clean(p, .line))"
        case .unreadable: return "Cannot read that file (permissions?)"
        case .empty: return "That file is empty"
        case .tooLarge(let n):
            return "Too large: \(ImageFile.sizeText(n)); the limit is \(ImageFile.sizeText(ImageFile.maxBytes))"
        case .notAnImage: return "Not an image: only \(ImageFile.supported) files can be attached"
        case .notServable(let mime):
            let kind = mime.hasPrefix("image/") ? mime.dropFirst(6).uppercased() : mime
            return "\(kind) cannot be attached: pump.io stores it but cannot show it to anyone; convert it to PNG or JPEG"
        }
    }
}
