import Foundation

/// Everything pumptui keeps on disk, under one 0700 directory of 0600 files:
///   clients/<host[:port]>.json    registered client per server
///   endpoints/<host[:port]>.json  discovered endpoints per server (a cache)
///   accounts/<nick@host[:port]>.json  token pair and identity per account
/// File names come from validated `AccountID`s, so they cannot escape the directory.
public final class CredentialStore: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `$XDG_CONFIG_HOME/pumptui`, else `~/.config/pumptui`. An empty or relative `HOME` is not
    /// a home (it would put secrets under the current directory): the passwd entry is used.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        passwdHome: () -> String? = CredentialStore.passwdHome) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("pumptui")
        }
        let env = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let home = URL(fileURLWithPath: env ?? passwdHome() ?? "/nonexistent-home")
        return home.appendingPathComponent(".config").appendingPathComponent("pumptui")
    }

    /// The home directory of the effective user from the passwd database.
    public static func passwdHome() -> String? {
        guard let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.hasPrefix("/") ? home : nil
    }

    // MARK: accounts

    public func accounts() -> [AccountID] {
        let dir = directory.appendingPathComponent("accounts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .compactMap { try? AccountID(parsing: String($0.dropLast(5))) }
            .sorted { $0.description < $1.description }
    }

    public func account(_ id: AccountID) throws -> StoredAccount? {
        try decode(StoredAccount.self, at: accountPath(id))
    }

    /// Only the stored display name (nil: no such account, or unreadable), for lists of
    /// accounts. Read with the project's JSON reader, not JSONDecoder: its first use in a process
    /// costs 1–2 ms, and the full-screen start lists the accounts before its first frame (issue 13).
    public func displayName(of id: AccountID) -> String? {
        guard let data = try? read(accountPath(id)), let object = JSONValue.parseObject(data) else { return nil }
        return object.string("displayName")
    }

    public func save(account: StoredAccount) throws {
        try encode(account, to: accountPath(account.account))
    }

    public func remove(_ id: AccountID) throws {
        try AtomicFile.remove(directory.appendingPathComponent(accountPath(id)))
    }

    // MARK: clients

    public func client(forHost host: String) throws -> ClientCredentials? {
        try decode(ClientCredentials.self, at: try hostPath("clients", host))
    }

    public func save(client: ClientCredentials, forHost host: String) throws {
        try encode(client, to: try hostPath("clients", host))
    }

    public func removeClient(forHost host: String) throws {
        try AtomicFile.remove(directory.appendingPathComponent(try hostPath("clients", host)))
    }

    // MARK: endpoints cache

    /// The cached endpoints; nil when missing or corrupt (they are rediscovered), an error when
    /// the store cannot be trusted.
    public func endpoints(forHost host: String) throws -> Endpoints? {
        let path = try hostPath("endpoints", host)
        guard let data = try read(path) else { return nil }
        return try? decode(Endpoints.self, from: data)
    }

    public func save(endpoints: Endpoints, forHost host: String) throws {
        try encode(endpoints, to: try hostPath("endpoints", host))
    }

    public func removeEndpoints(forHost host: String) throws {
        try AtomicFile.remove(directory.appendingPathComponent(try hostPath("endpoints", host)))
    }

    // MARK: raw files (drafts and other state of later screens)

    /// Writes `data` atomically, 0600, under the store directory (subdirectories made 0700).
    public func writeAtomically(_ data: Data, to relativePath: String) throws {
        let url = try resolve(relativePath)
        try ensureDirectories(upTo: url.deletingLastPathComponent())
        try AtomicFile.write(data, to: url)
    }

    /// Contents of a file under the store directory, or nil when missing; a wider read mode is
    /// fixed. Throws (naming the path and the fix) when any directory on the way or the file
    /// itself is not ours, writable by others, or a symlink inside the store.
    public func read(_ relativePath: String) throws -> Data? {
        let url = try resolve(relativePath)
        guard try checkDirectories(upTo: url.deletingLastPathComponent()) else { return nil }
        return try AtomicFile.read(url)
    }

    /// Refuses a config directory that another user owns or may write to (OpenSSH StrictModes);
    /// a missing one is fine (it is created 0700 when first needed). The CLI calls this first.
    public func checkTrust() throws {
        _ = try checkDirectories(upTo: directory)
    }

    // MARK: helpers

    private func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: data)
    }

    private func accountPath(_ id: AccountID) -> String { "accounts/\(id.description).json" }

    private func hostPath(_ kind: String, _ host: String) throws -> String {
        let h = host.lowercased()
        let ok = !h.isEmpty && !h.hasPrefix(".") && h.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) }
        guard ok, h.allSatisfy(\.isASCII) else { throw PumpError.storage("invalid host name '\(TerminalText.clean(host, .message))'") }
        return "\(kind)/\(h).json"
    }

    private func resolve(_ relativePath: String) throws -> URL {
        let parts = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw PumpError.storage("invalid relative path '\(TerminalText.clean(relativePath, .message))'")
        }
        return parts.reduce(directory) { $0.appendingPathComponent(String($1)) }
    }

    private func ensureDirectories(upTo dir: URL) throws {
        try AtomicFile.ensureDirectory(directory, inside: false)
        for current in subdirectories(upTo: dir) { try AtomicFile.ensureDirectory(current, inside: true) }
    }

    /// Checks the store directory and each subdirectory down to `dir`; false when one is missing.
    private func checkDirectories(upTo dir: URL) throws -> Bool {
        try PathTrust.checkRoot(directory)
        guard FileManager.default.fileExists(atPath: directory.path) else { return false }
        try AtomicFile.tighten(directory.path, to: AtomicFile.dirMode)  // ours: only read bits to drop
        for current in subdirectories(upTo: dir) {
            guard try PathTrust.checkInside(current) else { return false }
        }
        return true
    }

    private func subdirectories(upTo dir: URL) -> [URL] {
        let extra = dir.standardizedFileURL.pathComponents.dropFirst(directory.standardizedFileURL.pathComponents.count)
        var current = directory
        return extra.map { current = current.appendingPathComponent($0); return current }
    }

    private func encode<T: Encodable>(_ value: T, to relativePath: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(value) } catch { throw PumpError.storage("cannot encode \(relativePath)") }
        try writeAtomically(data, to: relativePath)
    }

    /// Nil when the file does not exist; a clear error (file left untouched) when it is corrupt.
    private func decode<T: Decodable>(_ type: T.Type, at relativePath: String) throws -> T? {
        guard let data = try read(relativePath) else { return nil }
        do { return try decode(type, from: data) } catch {
            throw PumpError.storage("\(directory.appendingPathComponent(relativePath).path) is corrupt (not the expected JSON); fix or delete it")
        }
    }
}
