import Foundation
import GRDB
import Testing
@testable import PumpCore

/// Issue 23, PumpCore's part: costs bounded by bytes (pages, timelines, the cache, a catch-up),
/// a damaged cache rebuilt instead of a trap, out-of-range numbers and negative counts, and two
/// instances of pumptui on one account losing no draft.
@Suite struct HostileBytesTests {
    static let alice = try! AccountID(parsing: "alice@h.example")

    func withDir(_ body: (URL) throws -> Void) rethrows {
        let dir = tempDirectory().appendingPathComponent("pumptui")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try body(dir)
    }

    /// A page of `n` notes with `bytes` of content each, as `PumpAPI` returns it.
    static func page(_ n: Int, bytes: Int, from first: Int = 0, minute: Int = 0) -> Feed {
        let words = String(repeating: "w", count: bytes)
        let items = (first..<(first + n)).reversed().map { k in
            """
            {"id":"act-\(k)","verb":"post","published":"2026-03-10T\(String(format: "%02d:%02d", 10 + (minute + k) / 60 % 12, (minute + k) % 60)):00Z",
             "actor":{"objectType":"person","id":"acct:bob@h.example"},
             "object":{"objectType":"note","id":"note-\(k)","content":"\(words)"}}
            """
        }
        let data = Data((#"{"items":["# + items.joined(separator: ",") + "]}").utf8)
        let node = JSONValue.parseObject(data)!
        var feed = Feed(json: node)
        feed.itemJSON = Feed.itemJSON(of: node)
        feed.baseURL = URL(string: "https://h.example/api/user/alice/inbox/major")
        return feed
    }

    // MARK: Numbers and counts

    @Test func anOutOfRangeNumberCostsItsFieldNotThePage() throws {
        for number in ["1e400", "-1e400", "Infinity", "-Infinity", "NaN", "123456789012345678901234567890"] {
            let json = #"{"totalItems": \#(number), "items": [{"id": "a", "verb": "post", "object": {"id": "n", "content": "kept", "#
                + #""likes": {"totalItems": \#(number)}, "image": {"url": "https://h.example/i.png", "width": \#(number)}}}]}"#
            let feed = try #require(Feed.decode(Data(json.utf8)), "\(number) rejected the page")
            #expect(feed.totalItems == nil)
            #expect(feed.items.first?.object?.content == "kept")
            #expect(feed.items.first?.object?.likes?.totalItems == nil)
            #expect(feed.items.first?.object?.image?.width == nil)
        }
        #expect(Feed.decode(Data(#"{"items": [Inf]}"#.utf8)) == nil, "only the exact words are numbers")
    }

    @Test func negativeCountsAreZero() throws {
        let json = #"{"items": [{"id": "n", "objectType": "note", "likes": {"totalItems": -1}, "replies": {"totalItems": -5}}]}"#
        let o = try #require(Feed.decode(Data(json.utf8))?.items.first?.object)
        #expect(o.likes?.count == 0 && o.replies?.count == 0)
        #expect(CollectionSummary(totalItems: -3).count == 0)
    }

    // MARK: Pages, timelines, catch-up

    @Test func aPageOfThirtyThousandItemsIsReadOnlyUpToTheCap() throws {
        let items = (0..<30_000).map { #"{"id":"x\#($0)","objectType":"note"}"# }.joined(separator: ",")
        let data = Data((#"{"items":["# + items + "]}").utf8)
        let node = try #require(JSONValue.parseObject(data))
        #expect(Feed(json: node).items.count == Feed.maxPageItems)
        #expect(Feed.itemJSON(of: node).count == Feed.maxPageItems)
    }

    @Test func aTimelineIsTrimmedByBytesOldestFirstAndPagesOnAfterTheLastKept() {
        let feed = Self.page(40, bytes: 100_000)
        let trimmed = feed.trimmed(toBytes: 1_000_000)
        #expect(trimmed.items.count < 10 && trimmed.items.count >= 8)
        #expect(trimmed.items.map(\.id) == Array(feed.items.prefix(trimmed.items.count)).map(\.id))
        let last = trimmed.items.last!.id
        #expect(trimmed.nextURL?.absoluteString.contains("before=\(last)") == true)
        // The selection (and a screenful below it) is never dropped; nor is the newest item.
        #expect(feed.trimmed(toBytes: 1_000_000, keeping: 30).items.count == 30)
        #expect(Self.page(1, bytes: 2_000_000).trimmed(toBytes: 1_000).items.count == 1)
        // Small items: nothing to do, the same feed.
        let small = Self.page(40, bytes: 10)
        #expect(small.trimmed(toBytes: MemoryBudget.timelineBytes) == small)
    }

    @Test func approximateBytesFollowsContentAndEmbeddedReplies() {
        let small = Self.page(1, bytes: 10).items[0].approximateBytes
        let big = Self.page(1, bytes: 360_000).items[0].approximateBytes
        #expect(big - small >= 359_000)
        let json = #"{"id": "n", "objectType": "note", "replies": {"items": [\#((0..<50).map { _ in #"{"id": "r", "content": "\#(String(repeating: "r", count: 10_000))"}"# }.joined(separator: ","))]}}"#
        let o = FeedItem.decode(Data(json.utf8))!
        #expect(o.approximateBytes >= 500_000)
    }

    // MARK: The cache

    @Test func theCacheKeepsATimelineWithinItsByteBudget() throws {
        try withDir { dir in
            let store = try CacheStore(directory: dir.appendingPathComponent("cache"), account: Self.alice, byteLimit: 2_000_000)
            for round in 0..<20 {
                let p = Self.page(10, bytes: 100_000, from: round * 10, minute: round * 10)
                try store.save(p, merged: p, in: "inboxMajor")
            }
            let kept = try store.count("inboxMajor")
            #expect(kept >= 15 && kept <= 20, "\(kept) items kept")
            let stored = try store.db.read { try Int.fetchOne($0, sql: "SELECT SUM(length(json)) FROM item") } ?? 0
            #expect(stored <= 2_000_000)
            // The newest are the ones kept, and reading is bounded by bytes too.
            let back = try #require(try store.timeline("inboxMajor", count: 100, maxBytes: 500_000))
            #expect(back.feed.items.first?.id == "act-199")
            #expect(back.feed.items.count == 4)
            #expect(back.feed.nextURL?.absoluteString.contains("before=act-196") == true)
        }
    }

    @Test func aCacheWithNullsWhereTheSchemaHasNoneIsRebuiltNotATrap() throws {
        try withDir { dir in
            let cacheDir = dir.appendingPathComponent("cache")
            do {
                let store = try CacheStore(directory: cacheDir, account: Self.alice)
                let p = Self.page(3, bytes: 10)
                try store.save(p, merged: p, in: "inboxMajor")
                try store.setReadMarker(ReadMarker(itemID: "act-1", published: nil), for: "inboxMajor")
                // What an edit outside pumptui can leave: the table without its NOT NULLs, and NULLs.
                try store.db.write { db in
                    try db.execute(sql: """
                        CREATE TABLE item2(id TEXT PRIMARY KEY, json BLOB, published REAL, authorID TEXT, author TEXT,
                          title TEXT, content TEXT, hasImage INTEGER, objectID TEXT);
                        INSERT INTO item2 SELECT * FROM item;
                        UPDATE item2 SET json = NULL, published = NULL;
                        DROP TABLE item; ALTER TABLE item2 RENAME TO item;
                        """)
                }
            }
            let again = try CacheStore(directory: cacheDir, account: Self.alice)
            #expect(again.rebuiltBecause?.contains("item") == true)
            #expect(try again.timeline("inboxMajor") == nil)
        }
    }

    @Test func cellsOfTheWrongTypeAreLeftOutNotATrap() throws {
        try withDir { dir in
            let store = try CacheStore(directory: dir.appendingPathComponent("cache"), account: Self.alice)
            let p = Self.page(3, bytes: 10)
            try store.save(p, merged: p, in: "inboxMajor")
            try store.setReadMarker(ReadMarker(itemID: "act-1", published: nil), for: "inboxMajor")
            try store.db.write { db in
                try db.execute(sql: "UPDATE item SET json = 42 WHERE id = 'act-1'")
                try db.execute(sql: "UPDATE timeline SET pageSize = 'many', totalItems = x'00'")
                try db.execute(sql: "UPDATE readState SET published = 'soon'")
            }
            let back = try #require(try store.timeline("inboxMajor"))
            #expect(back.feed.items.map(\.id) == ["act-2", "act-0"])
            #expect(try store.readMarkers()["inboxMajor"]?.itemID == "act-1")
            #expect(try store.search("w").count == 2)
        }
    }
}

/// Issue 23 item 8: two pumptui processes on one account (each its own `DraftStore`).
@Suite struct DraftInstancesTests {
    static let alice = try! AccountID(parsing: "alice@h.example")

    func twoInstances(_ body: (DraftStore, DraftStore, () -> DraftStore) throws -> Void) rethrows {
        let dir = tempDirectory().appendingPathComponent("pumptui")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let store = CredentialStore(directory: dir)
        try body(DraftStore(store: store, account: Self.alice, instance: "aaaaaaaa"),
                 DraftStore(store: store, account: Self.alice, instance: "bbbbbbbb"),
                 { DraftStore(store: store, account: Self.alice) })
    }

    func note(_ text: String, _ t: TimeInterval) -> Draft {
        Draft(kind: .note, text: text, saved: Date(timeIntervalSince1970: 1_790_000_000 + t))
    }

    @Test func bothWritersAtExitKeepTheirDraftAndTheNextStartOffersBoth() throws {
        try twoInstances { a, b, next in
            #expect(a.open(key: "note") == nil && b.open(key: "note") == nil)
            try a.save(note("words of the first", 1), key: "note")
            try b.save(note("words of the second", 2), key: "note")
            let merged = try #require(next().open(key: "note"))
            #expect(merged.text.contains("words of the first") && merged.text.contains("words of the second"))
            #expect(merged.text.contains("also unsent, from another pumptui"))
        }
    }

    @Test func bothEditingTheSameRestoredDraftKeepBoth() throws {
        try twoInstances { a, b, next in
            try next().save(note("old", 0), key: "note")
            #expect(a.open(key: "note")?.text == "old")
            #expect(b.open(key: "note")?.text == "old")
            try a.save(note("old, edited by a", 1), key: "note")
            try b.save(note("old, edited by b", 2), key: "note")
            let c = next()
            let merged = try #require(c.open(key: "note"))
            #expect(merged.text.contains("edited by a") && merged.text.contains("edited by b"))
            // Once the merged text is saved by the one who read it, the extra files are gone.
            try c.save(note("one text now", 3), key: "note")
            #expect(c.instanceKeys("note").isEmpty)
            #expect(next().open(key: "note")?.text == "one text now")
        }
    }

    @Test func sendingRemovesOnlyWhatThisInstanceOwns() throws {
        try twoInstances { a, b, next in
            #expect(a.open(key: "note") == nil)
            try b.save(note("b quit first", 1), key: "note")
            a.remove(key: "note")                      // a sent its note
            #expect(next().open(key: "note")?.text == "b quit first")
        }
    }

    @Test func oneInstanceAloneUsesTheSharedFileAsBefore() throws {
        try twoInstances { a, _, next in
            #expect(a.open(key: "note") == nil)
            try a.save(note("first", 1), key: "note")
            try a.save(note("second", 2), key: "note")
            #expect(a.instanceKeys("note").isEmpty)
            #expect(next().load(key: "note")?.text == "second")
            a.remove(key: "note")
            #expect(next().load(key: "note") == nil)
        }
    }
}
