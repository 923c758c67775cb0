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

    /// Creates the directory (and parents) and forces the final directory to 0700.
    static func ensureDirectory(_ dir: URL) throws {
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: Int(dirMode)])
            } catch {
                throw PumpError.storage("cannot create directory \(dir.path): \(error.localizedDescription)")
            }
        } else if !isDir.boolValue {
            throw PumpError.storage("\(dir.path) exists and is not a directory")
        }
        restrict(dir, to: dirMode)
    }

    /// Removes group/other bits from an existing path (a file left 0644 by an older tool, say).
    static func restrict(_ url: URL, to mode: mode_t) {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return }
        if st.st_mode & 0o077 != 0 || st.st_mode & 0o777 != mode { _ = chmod(url.path, mode) }
    }

    static func read(_ url: URL) -> Data? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        restrict(url, to: fileMode)
        return FileManager.default.contents(atPath: url.path)
    }

    static func remove(_ url: URL) throws {
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw PumpError.storage("cannot remove \(url.lastPathComponent): \(errnoText())")
        }
        syncDirectory(url.deletingLastPathComponent())
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
