import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// OpenSSH StrictModes for the config directory: a directory or file another local user owns,
/// or may write to, could hold planted endpoints or swap our files, so it is refused (never
/// repaired, never written into). Read bits of our own paths are tightened instead: that is safe.
enum PathTrust {
    // The st_mode file-type bits (POSIX values; Glibc's macros import with another integer type).
    static let fileType: mode_t = 0o170000
    static let typeDirectory: mode_t = 0o040000
    static let typeRegular: mode_t = 0o100000
    static let typeSymlink: mode_t = 0o120000

    /// Owner, mode and kind of a path already `stat`ed; throws the refusal with its fix.
    static func check(_ st: stat, path: String, directory: Bool) throws {
        let uid = geteuid()
        if st.st_uid != uid {
            throw refusal(path, "it is owned by uid \(st.st_uid), not by you (uid \(uid))",
                          fix: "remove it, or use a directory you own (--config-dir)")
        }
        if st.st_mode & 0o022 != 0 {
            let mode = String(st.st_mode & 0o7777, radix: 8)
            throw refusal(path, "it is writable by group or others (mode \(mode))",
                          fix: "check its contents, then run: chmod go-w '\(path)'")
        }
        let isDir = st.st_mode & fileType == typeDirectory
        let isFile = st.st_mode & fileType == typeRegular
        if directory ? !isDir : !isFile {
            throw refusal(path, "it is not a \(directory ? "directory" : "regular file")", fix: "remove it")
        }
    }

    /// The config directory itself (following a symlink the user may have made, e.g. a dotfiles
    /// repo) and its ancestors: each must be ours or root's and not writable by others, except
    /// sticky directories like /tmp, where nobody can rename our entry away.
    static func checkRoot(_ dir: URL) throws {
        var st = stat()
        if stat(dir.path, &st) == 0 {
            try check(st, path: dir.path, directory: true)
        } else if errno != ENOENT {
            throw PumpError.storage("cannot inspect \(dir.path): \(AtomicFile.errnoText())")
        }
        // Both the path as given (where a symlink could be swapped) and where it leads.
        try checkAncestors(of: dir)
        try checkAncestors(of: dir.resolvingSymlinksInPath())
    }

    static func checkAncestors(of dir: URL) throws {
        var current = dir.standardizedFileURL.deletingLastPathComponent()
        while true {
            var st = stat()
            if stat(current.path, &st) == 0 {
                let ownerOK = st.st_uid == geteuid() || st.st_uid == 0
                let sticky = st.st_mode & 0o1000 != 0
                if !ownerOK || (st.st_mode & 0o022 != 0 && !sticky) {
                    throw refusal(current.path, "this parent of the config directory is not owned by you or root, "
                                  + "or others may write to it", fix: "use a config directory under one you own (--config-dir)")
                }
            }
            if current.path == "/" { return }
            current = current.deletingLastPathComponent()
        }
    }

    /// A subdirectory inside the store: never a symlink (lstat), ours, not writable by others.
    static func checkInside(_ dir: URL) throws -> Bool {
        var st = stat()
        guard lstat(dir.path, &st) == 0 else {
            if errno == ENOENT { return false }
            throw PumpError.storage("cannot inspect \(dir.path): \(AtomicFile.errnoText())")
        }
        if st.st_mode & fileType == typeSymlink {
            throw refusal(dir.path, "it is a symbolic link", fix: "remove the link")
        }
        try check(st, path: dir.path, directory: true)
        return true
    }

    static func refusal(_ path: String, _ why: String, fix: String) -> PumpError {
        .storage("refusing to use \(path): \(why); \(fix)")
    }
}
