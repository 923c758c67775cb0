import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The offline cache of one account (issue 13): `DIR/NICK@HOST.sqlite`, 0600 in a 0700
/// directory checked like the config directory. It holds what the server sent (item JSON),
/// people, paging links and read state; never tokens. A file that is not a readable cache of a
/// version this build knows is deleted and rebuilt (`rebuiltBecause` says why), never a crash:
/// it is only a cache.
public final class CacheStore: Sendable {
    /// Newest activities kept per timeline.
    public static let defaultLimit = 5000

    public let file: URL
    public let limit: Int
    /// Stored item JSON kept per timeline (`MemoryBudget.cacheBytes` shared by the timelines),
    /// oldest dropped first, whatever the item count.
    public let byteLimit: Int
    /// Why the file was rebuilt when it was opened (nil: it was fine or new).
    public let rebuiltBecause: String?
    let db: DatabaseQueue

    /// Opens (creating or rebuilding as needed) the cache of `account` in `directory`.
    public init(directory: URL, account: AccountID, limit: Int = CacheStore.defaultLimit,
                byteLimit: Int = MemoryBudget.cacheBytes / FeedKind.allCases.count) throws {
        try AtomicFile.ensureDirectory(directory, inside: false)
        let file = directory.appendingPathComponent("\(account.description).sqlite")
        self.file = file
        self.limit = max(1, limit)
        self.byteLimit = max(1, byteLimit)
        do {
            try CacheStore.prepareFile(file)
            db = try CacheStore.openMigrated(file)
            rebuiltBecause = nil
        } catch let refusal as PumpError {
            throw refusal            // not ours / a symlink: refused, never deleted
        } catch {
            let why = CacheStore.describe(error)
            CacheStore.removeFiles(file)
            do {
                try CacheStore.prepareFile(file)
                db = try CacheStore.openMigrated(file)
            } catch {
                throw PumpError.storage("cannot create the cache \(file.path): \(CacheStore.describe(error))")
            }
            rebuiltBecause = "The cache \(file.lastPathComponent) could not be used (\(why)); it was rebuilt."
        }
    }

    static func openMigrated(_ file: URL) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(2)
        let queue = try DatabaseQueue(path: file.path, configuration: config)
        let migrator = CacheSchema.migrator
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
            throw CacheVersionError()
        }
        try migrator.migrate(queue)
        try queue.read(CacheIntegrity.check)
        return queue
    }

    /// The file exists as our own regular 0600 file before SQLite opens it (a planted symlink
    /// or another user's file is refused; SQLite gives its journal the same mode).
    static func prepareFile(_ file: URL) throws {
        var st = stat()
        if lstat(file.path, &st) == 0 {
            if st.st_mode & PathTrust.fileType == PathTrust.typeSymlink {
                throw PathTrust.refusal(file.path, "it is a symbolic link", fix: "remove the link")
            }
            try PathTrust.check(st, path: file.path, directory: false)
            try AtomicFile.tighten(file.path, to: 0o600)
            return
        }
        let fd = open(file.path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PumpError.storage("cannot create \(file.path): \(AtomicFile.errnoText())") }
        close(fd)
    }

    static func removeFiles(_ file: URL) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(file.path + suffix) }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case let e as DatabaseError: return e.message ?? "SQLite error \(e.resultCode.rawValue)"
        case is CacheVersionError: return "written by a newer pumptui"
        case let e as CacheDamageError: return "its table \(e.table) was changed outside pumptui"
        case let e as PumpError: return e.message
        default: return String(describing: error)
        }
    }
}

/// The file holds migrations this build does not know (a newer pumptui wrote it).
struct CacheVersionError: Error {}
