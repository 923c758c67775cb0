import Foundation
import Testing
@testable import PumpCore

/// Issue 11: the config directory is trusted like OpenSSH's StrictModes trusts ~/.ssh. Each test
/// plants what another local user could, and checks that nothing is read from or written into it.
@Suite struct StoreTrustTests {
    let alice = try! AccountID(parsing: "alice@h.example")

    func sample() -> StoredAccount {
        StoredAccount(account: alice, token: "tok", tokenSecret: "TOPSECRET", personID: "acct:alice@h.example",
                      displayName: "Alice", endpoints: Endpoints.conventional(base: URL(string: "https://h.example/")!))
    }

    /// A fresh parent (root-owned 0700 in the tests) holding `cfg`, removed afterwards.
    func withDir(_ body: (URL) throws -> Void) rethrows {
        let parent = tempDirectory()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try body(parent.appendingPathComponent("cfg"))
    }

    func refusal(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as PumpError { return e.message } catch { return "\(error)" }
    }

    func files(in dir: URL) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func worldWritableDirectoryIsRefusedAndNothingIsWritten() throws {
        try withDir { dir in
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            chmod(dir.path, 0o777)
            let store = CredentialStore(directory: dir)
            let message = try #require(refusal { try store.save(account: sample()) })
            #expect(message.contains(dir.path) && message.contains("chmod go-w"), "\(message)")
            #expect(files(in: dir).isEmpty)
            #expect(refusal { try store.checkTrust() } != nil)
            #expect(refusal { _ = try store.account(alice) } != nil)
        }
    }

    @Test func directoryOwnedByAnotherUserIsRefused() throws {
        guard geteuid() == 0 else { return }  // chown needs root (CI runs the tests as root)
        try withDir { dir in
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            chmod(dir.path, 0o700)
            #expect(chown(dir.path, 65534, 65534) == 0)
            let store = CredentialStore(directory: dir)
            let message = try #require(refusal { try store.save(client: ClientCredentials(clientID: "i", clientSecret: "s"), forHost: "h.example") })
            #expect(message.contains("owned by uid 65534") && message.contains(dir.path), "\(message)")
            #expect(files(in: dir).isEmpty)
        }
    }

    @Test func fileOwnedByAnotherUserOrWritableByOthersIsNotRead() throws {
        try withDir { dir in
            let store = CredentialStore(directory: dir)
            try store.save(account: sample())
            let file = dir.appendingPathComponent("accounts/alice@h.example.json")
            chmod(file.path, 0o666)
            #expect(refusal { _ = try store.account(alice) }?.contains(file.path) == true)
            guard geteuid() == 0 else { return }
            chmod(file.path, 0o600)
            chown(file.path, 65534, 65534)
            #expect(refusal { _ = try store.account(alice) }?.contains("owned by uid 65534") == true)
        }
    }

    @Test func plantedSymlinkIsNotFollowed() throws {
        try withDir { dir in
            let store = CredentialStore(directory: dir)
            try store.save(account: sample())
            let target = dir.deletingLastPathComponent().appendingPathComponent("victim")
            try Data("{}".utf8).write(to: target)
            chmod(target.path, 0o644)
            let file = dir.appendingPathComponent("accounts/alice@h.example.json")
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
            #expect(refusal { _ = try store.account(alice) }?.contains("symbolic link") == true)
            // Before: the store chmodded whatever the link pointed at.
            let mode = (try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int) ?? 0
            #expect(mode & 0o777 == 0o644)
        }
    }

    @Test func symlinkedSubdirectoryIsNotWrittenThrough() throws {
        try withDir { dir in
            let store = CredentialStore(directory: dir)
            try store.save(account: sample())
            let elsewhere = dir.deletingLastPathComponent().appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("clients"), withDestinationURL: elsewhere)
            #expect(refusal { try store.save(client: ClientCredentials(clientID: "i", clientSecret: "s"), forHost: "h.example") } != nil)
            #expect(files(in: elsewhere).isEmpty)
        }
    }

    @Test func parentWritableByOthersIsRefusedUnlessSticky() throws {
        try withDir { dir in
            let parent = dir.deletingLastPathComponent()
            chmod(parent.path, 0o777)
            let store = CredentialStore(directory: dir)
            #expect(refusal { try store.save(account: sample()) }?.contains(parent.path) == true)
            chmod(parent.path, 0o1777)  // like /tmp: nobody can rename our directory away
            try store.save(account: sample())
            #expect(try store.account(alice)?.tokenSecret == "TOPSECRET")
        }
    }

    @Test func emptyOrRelativeHomeUsesThePasswdEntry() {
        for home in ["", "relative/dir", "."] {
            let dir = CredentialStore.defaultDirectory(environment: ["HOME": home], passwdHome: { "/home/pw" })
            #expect(dir.path == "/home/pw/.config/pumptui", "HOME=\(home.debugDescription)")
        }
        #expect(CredentialStore.defaultDirectory(environment: [:], passwdHome: { "/home/pw" }).path == "/home/pw/.config/pumptui")
        #expect(CredentialStore.passwdHome()?.hasPrefix("/") == true)
    }
}
