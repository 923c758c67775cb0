import Foundation
import Testing
@testable import PumpCore

@Suite struct DraftStoreTests {
    func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    func withStore(_ body: (DraftStore, URL) throws -> Void) rethrows {
        let dir = tempDirectory().appendingPathComponent("pumptui")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try body(DraftStore(store: CredentialStore(directory: dir)), dir)
    }

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
            #expect(drafts.load(key: d.key) == d)
            #expect(mode(dir) == 0o700)
            #expect(mode(dir.appendingPathComponent("drafts")) == 0o700)
            let file = dir.appendingPathComponent("drafts/\(d.key).json")
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
            #expect(drafts.all().map(\.1) == [newer])
        }
    }

    @Test func wideExistingFileIsTightenedAndCorruptFileIsIgnored() throws {
        try withStore { drafts, dir in
            try drafts.save(Draft(kind: .note, text: "hi", saved: when), key: "note")
            let file = dir.appendingPathComponent("drafts/note.json")
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

    @Test func keysThatCouldEscapeTheFolderAreRefused() throws {
        try withStore { drafts, dir in
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
            let torn = dir.appendingPathComponent("drafts/.note.json.tmp-abc")
            try Data("{\"kind\":".utf8).write(to: torn)
            #expect(drafts.load(key: "note")?.text == "kept")
            #expect(drafts.all().map(\.0) == ["note"])
        }
    }

    @Test func blankness() {
        #expect(Draft(kind: .note, text: " \n ").isBlank)
        #expect(!Draft(kind: .note, text: " ", imagePath: "/a.png").isBlank)
        #expect(!Draft(kind: .note, text: "", title: "T").isBlank)
        #expect(!Draft(kind: .note, text: "x").isBlank)
    }
}
