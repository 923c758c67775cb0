import Foundation
import Testing
@testable import PumpCore

/// Drafts move from the config directory to the state directory, and none is lost.
@Suite struct DraftMigrationTests {
    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draft-move-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return dir
    }

    @Test func draftsMoveAndNoneIsOverwritten() throws {
        let base = try tempDir()
        defer { try? FileManager.default.removeItem(at: base) }
        let config = CredentialStore(directory: base.appendingPathComponent("config"))
        let state = CredentialStore(directory: base.appendingPathComponent("state"))
        let alice = try AccountID(parsing: "alice@pump.example")
        let old = DraftStore(store: config, account: alice)
        try old.save(Draft(kind: .note, text: "old note"), key: "note")
        try old.save(Draft(kind: .reply(to: "x"), text: "old reply"), key: Draft.Kind.reply(to: "x").key)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try config.writeAtomically(try encoder.encode(Draft(kind: .note, text: "legacy")), to: "drafts/note.json")
        // Already a note at the new place: the old one must arrive beside it, not over it.
        let new = DraftStore(store: config, account: alice, files: state)
        try new.save(Draft(kind: .note, text: "new note"), key: "note")

        let moved = try DraftMigration.move(from: config, to: state)
        #expect(moved == 3)
        #expect(new.load(key: "note")?.text == "new note")
        #expect(new.load(key: "note-moved")?.text == "old note")
        #expect(new.load(key: Draft.Kind.reply(to: "x").key)?.text == "old reply")
        #expect(try state.read("drafts/note.json") != nil)          // the ownerless one, moved as is
        #expect(!FileManager.default.fileExists(atPath: config.directory.appendingPathComponent("drafts").path))
        let mode = try FileManager.default.attributesOfItem(atPath: state.directory.appendingPathComponent("drafts/alice@pump.example/note-moved.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try DraftMigration.move(from: config, to: state) == 0)   // nothing left: a no-op
    }

    @Test func sameDirectoryIsANoOp() throws {
        let base = try tempDir()
        defer { try? FileManager.default.removeItem(at: base) }
        let store = CredentialStore(directory: base)
        try DraftStore(store: store, account: try AccountID(parsing: "a@b.example")).save(Draft(kind: .note, text: "x"), key: "note")
        #expect(try DraftMigration.move(from: store, to: CredentialStore(directory: base)) == 0)
        #expect(try store.read("drafts/a@b.example/note.json") != nil)
    }
}
