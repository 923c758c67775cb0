import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// POSIX file operations for secrets: files are born 0600 (O_CREAT|O_EXCL, never widened by
/// umask), written to a temp name, fsynced, renamed over the target, and the directory fsynced,
/// so a crash leaves either the old or the new file, never a torn one.
enum AtomicFile {
    static let fileMode: mode_t = 0o600
    static let dirMode: mode_t = 0o700

    static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(OAuth1.makeNonce().prefix(12))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw PumpError.storage("cannot create \(tmp.lastPathComponent): \(errnoText())") }
        var ok = false
        defer { if !ok { unlink(tmp.path) } }
        do {
            try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buf.count {
                    let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw PumpError.storage("cannot write \(url.lastPathComponent): \(errnoText())")
                    }
                    offset += n
                }
            }
            guard fsync(fd) == 0 else { throw PumpError.storage("fsync failed: \(errnoText())") }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        guard rename(tmp.path, url.path) == 0 else {
            throw PumpError.storage("cannot rename into \(url.lastPathComponent): \(errnoText())")
        }
        ok = true
        syncDirectory(dir)
    }

    static func syncDirectory(_ dir: URL) {
        let dfd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// Creates the directory (and parents, 0700) or checks the existing one (`PathTrust`): ours,
    /// not writable by others, not a symlink when `inside` the store; read bits are then removed.
    static func ensureDirectory(_ dir: URL, inside: Bool) throws {
        let exists = try inside ? PathTrust.checkInside(dir) : FileManager.default.fileExists(atPath: dir.path)
        if !exists {
            guard mkdir(dir.path, dirMode) == 0 || errno == EEXIST else {
                if !inside, errno == ENOENT { return try createWithParents(dir) }
                throw PumpError.storage("cannot create directory \(dir.path): \(errnoText())")
            }
        }
        if inside { _ = try PathTrust.checkInside(dir) } else { try PathTrust.checkRoot(dir) }
        try tighten(dir.path, to: dirMode)
    }

    private static func createWithParents(_ dir: URL) throws {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: Int(dirMode)])
        } catch {
            throw PumpError.storage("cannot create directory \(dir.path): \(error.localizedDescription)")
        }
        try ensureDirectory(dir, inside: false)
    }

    /// Removes group/other read bits from a path already checked to be ours (a file left 0644 by
    /// an older tool, say). A failure is an error: secrets must not go into a readable place.
    static func tighten(_ path: String, to mode: mode_t) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { throw PumpError.storage("cannot inspect \(path): \(errnoText())") }
        if st.st_mode & 0o777 != mode, chmod(path, mode) != 0 {
            throw PumpError.storage("cannot restrict \(path) to mode \(String(mode, radix: 8)): \(errnoText())")
        }
    }

    /// Largest file the store reads: its files are small JSON documents.
    static let maxReadBytes = 1 << 20

    /// The file's contents, nil when missing. Opened with O_NOFOLLOW (a planted symlink is an
    /// error, never followed) and checked on the open descriptor, so what is checked is what is read.
    static func read(_ url: URL) throws -> Data? {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw PathTrust.refusal(url.path, "it is a symbolic link", fix: "remove the link") }
            throw PumpError.storage("cannot open \(url.path): \(errnoText())")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw PumpError.storage("cannot inspect \(url.path): \(errnoText())") }
        try PathTrust.check(st, path: url.path, directory: false)
        if st.st_mode & 0o777 != fileMode, fchmod(fd, fileMode) != 0 {
            throw PumpError.storage("cannot restrict \(url.path) to mode 600: \(errnoText())")
        }
        return try readAll(fd, path: url.path)
    }

    private static func readAll(_ fd: Int32, path: String) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw PumpError.storage("cannot read \(path): \(errnoText())") }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
            if data.count > maxReadBytes { throw PumpError.storage("\(path) is too large to be a pumptui file") }
        }
    }

    static func remove(_ url: URL) throws {
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw PumpError.storage("cannot remove \(url.lastPathComponent): \(errnoText())")
        }
        syncDirectory(url.deletingLastPathComponent())
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
