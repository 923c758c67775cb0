import Foundation
import Testing
@testable import PumpCore

@Suite struct DraftStoreTests {
    func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    static let alice = try! AccountID(parsing: "alice@h.example")
    static let bob = try! AccountID(parsing: "bob@h.example:8443")

    func withStore(_ body: (DraftStore, URL) throws -> Void) rethrows {
        let dir = tempDirectory().appendingPathComponent("pumptui")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try body(DraftStore(store: CredentialStore(directory: dir), account: Self.alice), dir)
    }

    /// The draft as alice's store gives it back: stamped with its owner.
    func owned(_ d: Draft) -> Draft { var d = d; d.account = Self.alice.description; return d }

    let when = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func keysAreFixedShapesAndHashIDs() {
        #expect(Draft.Kind.note.key == "note")
        let r = Draft.Kind.reply(to: "https://h.example/api/note/abc").key
        let e = Draft.Kind.edit("https://h.example/api/note/abc").key
        #expect(r.hasPrefix("reply-") && r.count == 6 + 24)
        #expect(e == "edit-" + r.dropFirst(6))
        #expect(Draft.Kind.reply(to: "https://h.example/api/note/abd").key != r)
        #expect(!r.contains("/") && !r.contains(":"))
    }

    @Test func roundTripPermissionsAndNoTempFiles() throws {
        try withStore { drafts, dir in
            let d = Draft(kind: .reply(to: "https://h.example/api/note/1"), text: "line 1\nline 2 ✓ 日本",
                          title: nil, audience: .followers, imagePath: "/tmp/cat.png", saved: when)
            try drafts.save(d, key: d.key)
            #expect(drafts.load(key: d.key) == owned(d))
            #expect(mode(dir) == 0o700)
            #expect(mode(dir.appendingPathComponent("drafts")) == 0o700)
            #expect(mode(dir.appendingPathComponent("drafts/alice@h.example")) == 0o700)
            let file = dir.appendingPathComponent("drafts/alice@h.example/\(d.key).json")
            #expect(mode(file) == 0o600)
            let json = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(json.contains("\"type\" : \"reply\"") && json.contains("\"audience\" : \"followers\""))
            let names = try FileManager.default.subpathsOfDirectory(atPath: dir.path)
            #expect(!names.contains { $0.contains(".tmp-") })
        }
    }

    @Test func overwriteRemoveAndListNewestFirst() throws {
        try withStore { drafts, dir in
            let old = Draft(kind: .note, text: "old", saved: when)
            let newer = Draft(kind: .edit("x"), text: "edited", title: "T", saved: when.addingTimeInterval(60))
            try drafts.save(old, key: old.key)
            try drafts.save(Draft(kind: .note, text: "new note", saved: when.addingTimeInterval(30)), key: "note")
            try drafts.save(newer, key: newer.key)
            #expect(drafts.load(key: "note")?.text == "new note")
            #expect(drafts.all().map(\.0) == [newer.key, "note"])
            drafts.remove(key: "note")
            drafts.remove(key: "note")              // removing twice is fine
            #expect(drafts.load(key: "note") == nil)
            #expect(drafts.all().map(\.1) == [owned(newer)])
        }
    }

    @Test func wideExistingFileIsTightenedAndCorruptFileIsIgnored() throws {
        try withStore { drafts, dir in
            try drafts.save(Draft(kind: .note, text: "hi", saved: when), key: "note")
            let file = dir.appendingPathComponent("drafts/alice@h.example/note.json")
            chmod(file.path, 0o644)
            #expect(drafts.load(key: "note")?.text == "hi")
            #expect(mode(file) == 0o600)
            try Data("{not json".utf8).write(to: file)
            #expect(drafts.load(key: "note") == nil)
            #expect(drafts.all().isEmpty)
            // Saving over a corrupt file replaces it.
            try drafts.save(Draft(kind: .note, text: "again", saved: when), key: "note")
            #expect(drafts.load(key: "note")?.text == "again")
        }
    }

    @Test func keysThatCouldEscapeTheFolderAreRefused() {
        withStore { drafts, dir in
            let d = Draft(kind: .note, text: "x", saved: when)
            for bad in ["../accounts/alice", "a/b", "", "NOTE", ".hidden", String(repeating: "a", count: 65)] {
                #expect(throws: PumpError.self) { try drafts.save(d, key: bad) }
                #expect(drafts.load(key: bad) == nil)
            }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("accounts").path))
        }
    }

    /// A crash between writing and renaming leaves only a hidden temp file, which is never listed
    /// or loaded; the old draft stays intact.
    @Test func leftoverTempFileDoesNotShadowTheDraft() throws {
        try withStore { drafts, dir in
            try drafts.save(Draft(kind: .note, text: "kept", saved: when), key: "note")
            let torn = dir.appendingPathComponent("drafts/alice@h.example/.note.json.tmp-abc")
            try Data("{\"kind\":".utf8).write(to: torn)
            #expect(drafts.load(key: "note")?.text == "kept")
            #expect(drafts.all().map(\.0) == ["note"])
        }
    }

    /// Bob's draft is never offered to alice, in the same config directory (issue 10).
    @Test func draftsBelongToTheirAccount() throws {
        try withStore { alices, dir in
            let bobs = DraftStore(store: alices.store, account: Self.bob)
            try bobs.save(Draft(kind: .note, text: "bob's words", saved: when), key: "note")
            #expect(alices.load(key: "note") == nil)
            #expect(alices.all().isEmpty)
            #expect(bobs.load(key: "note")?.text == "bob's words")
            // A file moved by hand into alice's folder still names bob: not offered to her.
            let mine = dir.appendingPathComponent("drafts/alice@h.example")
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: dir.appendingPathComponent("drafts/bob@h.example:8443/note.json"),
                                             to: mine.appendingPathComponent("note.json"))
            #expect(alices.load(key: "note") == nil)
        }
    }

    /// An ownerless `drafts/note.json` from an older pumptui: adopted when only one account is
    /// stored, kept for the user to claim when several are.
    @Test func legacyDraftsMoveToTheirOnlyPossibleOwner() throws {
        try withStore { alices, dir in
            let legacy = dir.appendingPathComponent("drafts/note.json")
            func plant() throws {
                try FileManager.default.createDirectory(at: legacy.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(#"{"kind":{"type":"note"},"text":"old words","audience":"public","saved":"2026-11-01T10:00:00Z"}"#.utf8)
                    .write(to: legacy)
            }
            func stored(_ id: AccountID) throws {
                try alices.store.save(account: StoredAccount(account: id, token: "t", tokenSecret: "s", personID: "acct:\(id)",
                                                             displayName: id.nickname, endpoints: .conventional(base: URL(string: "https://h.example/")!)))
            }
            try plant()
            try stored(Self.alice); try stored(Self.bob)
            let bobs = DraftStore(store: alices.store, account: Self.bob)
            #expect(alices.load(key: "note") == nil && bobs.load(key: "note") == nil)   // two could have written it
            #expect(alices.legacyDraft(key: "note")?.text == "old words")
            #expect(bobs.claimLegacy(key: "note")?.text == "old words")                // bob says it is his
            #expect(!FileManager.default.fileExists(atPath: legacy.path))
            #expect(bobs.load(key: "note")?.account == Self.bob.description)
            try alices.store.remove(Self.bob)
            try plant()
            #expect(alices.load(key: "note")?.text == "old words")                     // only alice is stored
            #expect(!FileManager.default.fileExists(atPath: legacy.path))
        }
    }

    @Test func blankness() {
        #expect(Draft(kind: .note, text: " \n ").isBlank)
        #expect(!Draft(kind: .note, text: " ", imagePath: "/a.png").isBlank)
        #expect(!Draft(kind: .note, text: "", title: "T").isBlank)
        #expect(!Draft(kind: .note, text: "x").isBlank)
    }
}
