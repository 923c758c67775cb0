import Foundation
import Testing
@testable import PumpCore

/// The offline cache (issue 13): file modes, migrations, the bound, a corrupt or foreign file
/// rebuilt, full-text search with hostile queries, read markers.
@Suite struct CacheStoreTests {
    static let alice = try! AccountID(parsing: "alice@h.example")

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    func withDir(_ body: (URL) throws -> Void) rethrows {
        let dir = tempDirectory().appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try body(dir)
    }

    /// A page as `PumpAPI` returns it: items and each item's JSON.
    /// Makes a cache file as an older pumptui left it: `sql` takes the later migrations' changes
    /// away, and GRDB forgets having run them.
    static func undo(_ migrations: [String], in store: CacheStore, sql: [String]) throws {
        try store.db.write { db in
            for statement in sql { try db.execute(sql: statement) }
            for m in migrations { try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [m]) }
        }
    }

    static func page(_ notes: [(id: String, text: String, minutes: Int)], author: String = "bob") -> Feed {
        let items = notes.map { n in
            """
            {"id":"act-\(n.id)","verb":"post","published":"2026-03-10T\(String(format: "%02d:%02d", 10 + n.minutes / 60, n.minutes % 60)):00Z",
             "actor":{"objectType":"person","id":"acct:\(author)@h.example","displayName":"\(author.capitalized)"},
             "object":{"objectType":"note","id":"note-\(n.id)","content":"\(n.text)",
               "author":{"objectType":"person","id":"acct:\(author)@h.example","displayName":"\(author.capitalized)"}}}
            """
        }
        let json = #"{"items":["# + items.joined(separator: ",") + #"],"links":{"prev":{"href":"https://h.example/api/user/alice/inbox/major?since=x"}}}"#
        let data = Data(json.utf8)
        let node = JSONValue.parseObject(data)!
        var feed = Feed(json: node)
        feed.itemJSON = Feed.itemJSON(of: node)
        feed.baseURL = URL(string: "https://h.example/api/user/alice/inbox/major")
        feed.pageSize = 20
        return feed
    }

    @Test func storesAndReadsBackNewestFirstWithLinksAndModes() throws {
        try withDir { dir in
            let store = try CacheStore(directory: dir, account: Self.alice)
            #expect(store.rebuiltBecause == nil)
            let p = Self.page([("2", "second", 2), ("1", "first", 1)])
            try store.save(p, merged: p, in: "inboxMajor")
            let back = try #require(try store.timeline("inboxMajor"))
            #expect(back.feed.items.map(\.id) == ["act-2", "act-1"])
            #expect(back.feed.items[0].object?.content == "second")
            #expect(back.feed.prevURL?.absoluteString == "https://h.example/api/user/alice/inbox/major?since=x")
            #expect(back.feed.baseURL?.absoluteString == "https://h.example/api/user/alice/inbox/major")
            #expect(try store.timeline("direct") == nil)
            #expect(mode(dir.path) == 0o700)
            #expect(mode(store.file.path) == 0o600)
            #expect(store.file.lastPathComponent == "alice@h.example.sqlite")
        }
    }

    @Test func keepsOnlyTheNewestPerTimeline() throws {
        try withDir { dir in
            let store = try CacheStore(directory: dir, account: Self.alice, limit: 3)
            let p = Self.page((1...5).map { ("\($0)", "note \($0)", $0) })
            try store.save(p, merged: p, in: "inboxMajor")
            #expect(try store.count("inboxMajor") == 3)
            #expect(try store.timeline("inboxMajor")?.feed.items.map(\.id) == ["act-5", "act-4", "act-3"])
            // Read in part: the older page starts after the last item read.
            let part = try #require(try store.timeline("inboxMajor", count: 2))
            #expect(part.feed.items.map(\.id) == ["act-5", "act-4"])
            #expect(part.feed.nextURL?.absoluteString == "https://h.example/api/user/alice/inbox/major?before=act-4")
            // The trimmed items left the search index too.
            #expect(try store.search("note").count == 3)
        }
    }

    @Test func corruptFileIsRebuiltWithAMessage() throws {
        try withDir { dir in
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent("alice@h.example.sqlite")
            try Data(Array("this is not a database, just garbage bytes ....".utf8) + [UInt8](repeating: 0xFF, count: 4096)).write(to: file)
            chmod(file.path, 0o600)
            let store = try CacheStore(directory: dir, account: Self.alice)
            #expect(store.rebuiltBecause?.contains("rebuilt") == true)
            let p = Self.page([("1", "after rebuild", 1)])
            try store.save(p, merged: p, in: "inboxMajor")
            #expect(try store.count("inboxMajor") == 1)
        }
    }

    @Test func cacheFromANewerVersionIsRebuilt() throws {
        try withDir { dir in
            do {
                let store = try CacheStore(directory: dir, account: Self.alice)
                try store.db.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
                }
            }
            let again = try CacheStore(directory: dir, account: Self.alice)
            #expect(again.rebuiltBecause?.contains("newer pumptui") == true)
        }
    }

    @Test func anOlderSchemaIsMigratedInPlace() throws {
        try withDir { dir in
            do {
                let store = try CacheStore(directory: dir, account: Self.alice)
                let p = Self.page([("1", "kept across the migration", 1)])
                try store.save(p, merged: p, in: "inboxMajor")
                // Make it a file as the first release wrote it: v1 only.
                try Self.undo(["v4-item-object", "v3-revisions", "v2-item-by-date"], in: store, sql: [
                    "DROP INDEX itemByObject", "ALTER TABLE item DROP COLUMN objectID",
                    "DROP TABLE revision", "DROP INDEX itemByDate"])
            }
            let again = try CacheStore(directory: dir, account: Self.alice)
            #expect(again.rebuiltBecause == nil)
            #expect(try again.search("migration").map(\.id) == ["act-1"])
            let indexes = try again.db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
            #expect(indexes.contains("itemByDate"))
        }
    }

    @Test func symlinkedCacheFileIsRefusedNotFollowed() throws {
        try withDir { dir in
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            chmod(dir.path, 0o700)
            let target = dir.deletingLastPathComponent().appendingPathComponent("elsewhere")
            try Data("keep me".utf8).write(to: target)
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("alice@h.example.sqlite").path,
                                                       withDestinationPath: target.path)
            #expect(throws: PumpError.self) { try CacheStore(directory: dir, account: Self.alice) }
            #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        }
    }

    @Test func searchFindsWordsInAuthorTitleAndTextAndSurvivesHostileQueries() throws {
        try withDir { dir in
            let store = try CacheStore(directory: dir, account: Self.alice)
            let p = Self.page([("1", "Grüße aus Köln, pumpkins", 1), ("2", "nothing here", 2)])
            try store.save(p, merged: p, in: "inboxMajor")
            let q = Self.page([("3", "other words", 3)], author: "carol")
            try store.save(q, merged: q, in: "inboxMinor")
            #expect(try store.search("pump").map(\.id) == ["act-1"])          // word prefix
            #expect(try store.search("KÖLN").map(\.id) == ["act-1"])          // case, non-ASCII
            #expect(try store.search("carol").map(\.id) == ["act-3"])         // the author
            for hostile in ["\"", "\"unterminated", "NEAR(a b", "*", "pump*\"", "a OR", "-", "col:val", "^", "AND AND", "'); DROP TABLE item; --", ""] {
                _ = try store.search(hostile)                                   // never throws, never matches syntax
            }
            #expect(try store.search("NEAR").isEmpty)
            #expect(try store.search("\"Köln\" NEAR").isEmpty)
            #expect(try store.count("inboxMajor") == 2)
        }
    }

    @Test func readMarkersPersist() throws {
        try withDir { dir in
            let when = Date(timeIntervalSince1970: 1_790_000_000)
            do {
                let store = try CacheStore(directory: dir, account: Self.alice)
                try store.setReadMarker(ReadMarker(itemID: "act-1", published: when), for: "inboxMajor")
                try store.setReadMarker(ReadMarker(itemID: "act-2", published: when), for: "inboxMajor")
            }
            let again = try CacheStore(directory: dir, account: Self.alice)
            #expect(try again.readMarkers() == ["inboxMajor": ReadMarker(itemID: "act-2", published: when)])
        }
    }
}
