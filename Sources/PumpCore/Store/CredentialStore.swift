import Foundation

/// Everything pumptui keeps on disk, under one 0700 directory of 0600 files:
///   clients/<host[:port]>.json    registered client per server
///   endpoints/<host[:port]>.json  discovered endpoints per server (a cache)
///   accounts/<nick@host[:port]>.json  token pair and identity per account
/// File names come from validated `AccountID`s, so they cannot escape the directory.
public final class CredentialStore: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `$XDG_CONFIG_HOME/pumptui`, else `~/.config/pumptui`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("pumptui")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".config").appendingPathComponent("pumptui")
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

    public func endpoints(forHost host: String) -> Endpoints? {
        guard let path = try? hostPath("endpoints", host) else { return nil }
        return try? decode(Endpoints.self, at: path)
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

    /// Contents of a file under the store directory, or nil when missing; a wider mode is fixed.
    public func read(_ relativePath: String) -> Data? {
        guard let url = try? resolve(relativePath) else { return nil }
        AtomicFile.restrict(directory, to: AtomicFile.dirMode)
        return AtomicFile.read(url)
    }

    // MARK: helpers

    private func accountPath(_ id: AccountID) -> String { "accounts/\(id.description).json" }

    private func hostPath(_ kind: String, _ host: String) throws -> String {
        let h = host.lowercased()
        let ok = !h.isEmpty && !h.hasPrefix(".") && h.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) }
        guard ok, h.allSatisfy(\.isASCII) else { throw PumpError.storage("invalid host name '\(AccountID.printable(host))'") }
        return "\(kind)/\(h).json"
    }

    private func resolve(_ relativePath: String) throws -> URL {
        let parts = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw PumpError.storage("invalid relative path '\(AccountID.printable(relativePath))'")
        }
        return parts.reduce(directory) { $0.appendingPathComponent(String($1)) }
    }

    private func ensureDirectories(upTo dir: URL) throws {
        try AtomicFile.ensureDirectory(directory)
        var current = directory
        let extra = dir.standardizedFileURL.pathComponents.dropFirst(directory.standardizedFileURL.pathComponents.count)
        for part in extra {
            current = current.appendingPathComponent(part)
            try AtomicFile.ensureDirectory(current)
        }
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
        guard let data = read(relativePath) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(type, from: data) } catch {
            throw PumpError.storage("\(directory.appendingPathComponent(relativePath).path) is corrupt (not the expected JSON); fix or delete it")
        }
    }
}
