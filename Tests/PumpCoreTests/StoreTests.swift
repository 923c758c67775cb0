import Foundation
import Testing
@testable import PumpCore

@Suite struct StoreTests {
    func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    func sample(_ id: AccountID) -> StoredAccount {
        let e = Endpoints.conventional(base: URL(string: "https://h.example/")!)
        return StoredAccount(account: id, token: "tok", tokenSecret: "TOPSECRET", personID: "acct:\(id)",
                             displayName: "Alice", endpoints: e)
    }

    @Test func defaultDirectory() {
        #expect(CredentialStore.defaultDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"]).path == "/x/cfg/pumptui")
        #expect(CredentialStore.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.config/pumptui")
    }

    @Test func permissionsAndRoundTrip() throws {
        let dir = tempDirectory().appendingPathComponent("cfg")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let store = CredentialStore(directory: dir)
        let alice = try AccountID(parsing: "alice@h.example"), bob = try AccountID(parsing: "bob@h.example:8000")
        try store.save(account: sample(alice))
        try store.save(account: sample(bob))
        try store.save(client: ClientCredentials(clientID: "id", clientSecret: "sec"), forHost: "h.example")
        #expect(mode(dir) == 0o700)
        #expect(mode(dir.appendingPathComponent("accounts")) == 0o700)
        #expect(mode(dir.appendingPathComponent("accounts/alice@h.example.json")) == 0o600)
        #expect(mode(dir.appendingPathComponent("clients/h.example.json")) == 0o600)
        #expect(store.accounts() == [alice, bob])
        #expect(try store.account(alice) == sample(alice).withSavedAt(try store.account(alice)!.savedAt))
        #expect(try store.client(forHost: "h.example")?.clientSecret == "sec")
        try store.remove(alice)
        #expect(store.accounts() == [bob])
        try store.removeClient(forHost: "h.example")
        #expect(try store.client(forHost: "h.example") == nil)
        // No temp files left behind.
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir.path)
        #expect(!all.contains { $0.contains(".tmp-") })
    }

    /// The account list's display names: what `save` wrote (quotes, escapes and non-ASCII
    /// included), nil for a missing or corrupt file, the same as the full decode gives.
    @Test func displayNameAloneMatchesTheFullRecord() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        let alice = try AccountID(parsing: "alice@h.example"), bob = try AccountID(parsing: "bob@h.example")
        var record = sample(alice)
        record.displayName = "Ålice \"A\" \\ 日本 \u{1b}[2J"
        try store.save(account: record)
        #expect(store.displayName(of: alice) == record.displayName)
        #expect(store.displayName(of: alice) == (try store.account(alice))?.displayName)
        #expect(store.displayName(of: bob) == nil)
        try Data("{not json".utf8).write(to: dir.appendingPathComponent("accounts/bob@h.example.json"))
        #expect(store.displayName(of: bob) == nil)
    }

    @Test func widerExistingFilesAndDirAreTightened() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        let alice = try AccountID(parsing: "alice@h.example")
        try store.save(account: sample(alice))
        let file = dir.appendingPathComponent("accounts/alice@h.example.json")
        chmod(file.path, 0o644)
        chmod(dir.path, 0o755)
        _ = try store.account(alice)
        #expect(mode(file) == 0o600)
        #expect(mode(dir) == 0o700)
        // Overwriting a wide file replaces it with a 0600 one.
        chmod(file.path, 0o666)
        try store.save(account: sample(alice))
        #expect(mode(file) == 0o600)
    }

    @Test func corruptFileIsAClearErrorAndLeftIntact() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        try store.writeAtomically(Data("{not json".utf8), to: "accounts/alice@h.example.json")
        do {
            _ = try store.account(try AccountID(parsing: "alice@h.example"))
            Issue.record("expected an error")
        } catch let e as PumpError {
            #expect(e.message.contains("corrupt"))
        }
        #expect(try store.read("accounts/alice@h.example.json") == Data("{not json".utf8))
    }

    @Test func rawFilesRejectEscapes() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        try store.writeAtomically(Data("x".utf8), to: "drafts/a/b.txt")
        #expect(try store.read("drafts/a/b.txt") == Data("x".utf8))
        #expect(mode(dir.appendingPathComponent("drafts/a")) == 0o700)
        #expect(throws: PumpError.self) { try store.writeAtomically(Data(), to: "../evil") }
        #expect(throws: PumpError.self) { try store.writeAtomically(Data(), to: "/etc/evil") }
        #expect(try store.read("missing") == nil)
    }

    @Test func secretsNotInDescriptions() throws {
        let s = sample(try AccountID(parsing: "alice@h.example"))
        #expect(!String(describing: s).contains("TOPSECRET"))
        #expect(!String(reflecting: s).contains("TOPSECRET"))
        #expect(!"\(ClientCredentials(clientID: "i", clientSecret: "TOPSECRET"))".contains("TOPSECRET"))
    }
}

extension StoredAccount {
    func withSavedAt(_ d: Date) -> StoredAccount { var c = self; c.savedAt = d; return c }
}
