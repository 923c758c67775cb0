import Foundation
import Testing
@testable import PumpCore

/// Issue 25: the cache keeps what the server changed. Before, a deleted post came back after a
/// restart (and `/` found it), an edit never reached the cached timelines, and counts stayed as
/// first cached.
@Suite struct CacheRevisionTests {
    typealias T = CacheStoreTests

    @Test func revisionsApplyToEveryCachedReadAndSearch() throws {
        try T().withDir { dir in
            let store = try CacheStore(directory: dir, account: T.alice)
            let p = T.page([("2", "zebra crossing", 2), ("1", "original words", 1)])
            try store.save(p, merged: p, in: "inboxMajor")
            try store.save(p, merged: p, in: "inboxMinor")
            var edit = ObjectRevision(id: "note-1")
            edit.content = "edited words"; edit.updated = Date()
            var counts = ObjectRevision(id: "note-1")
            counts.likes = 5
            try store.save([.deletion(of: "note-2"), edit, counts])
            // A restart: a new store on the same file.
            let again = try CacheStore(directory: dir, account: T.alice)
            for timeline in ["inboxMajor", "inboxMinor"] {
                let items = try #require(try again.timeline(timeline)).feed.items
                #expect(items[0].object?.isDeleted == true && items[0].object?.content == nil)
                #expect(items[1].object?.content == "edited words" && items[1].object?.isEdited == true)
                #expect(items[1].object?.likes?.totalItems == 5)
            }
            #expect(try again.search("zebra").isEmpty)
        }
    }

    /// `/` searches what a post says now: an edit's new words find it (in an activity and as an
    /// object of its own), its old words no longer do, also after a restart. Before, the search
    /// index kept the text as first cached (issue 25, left open in session 22).
    @Test func searchFindsAnEditedPostByItsNewWordsOnly() throws {
        try T().withDir { dir in
            let store = try CacheStore(directory: dir, account: T.alice)
            let p = T.page([("2", "zebra crossing", 2), ("1", "original words", 1)])
            try store.save(p, merged: p, in: "inboxMajor")
            var edit = ObjectRevision(id: "note-2")
            edit.content = "<p>giraffe <b>parade</b></p>"; edit.displayName = "Tall news"; edit.updated = Date()
            try store.save([edit])
            let again = try CacheStore(directory: dir, account: T.alice)
            for s in [store, again] {
                #expect(try s.search("zebra").isEmpty)
                #expect(try s.search("giraffe parade").map(\.object?.id) == ["note-2"])
                #expect(try s.search("tall").map(\.object?.id) == ["note-2"])
                #expect(try s.search("original").map(\.object?.id) == ["note-1"])
            }
        }
    }

    /// A cache written before items knew their object (schema v3) is brought up on open: its
    /// rows get their object's id, so an edit learned afterwards reaches their search text.
    @Test func aCacheFromBeforeTheObjectColumnIsSearchedByTheEditsWords() throws {
        try T().withDir { dir in
            let old = try CacheStore(directory: dir, account: T.alice)
            let p = T.page([("1", "zebra crossing", 1)])
            try old.save(p, merged: p, in: "inboxMajor")
            // Back to what v3 wrote: no object ids.
            try T.undo(["v4-item-object"], in: old, sql: ["DROP INDEX itemByObject", "ALTER TABLE item DROP COLUMN objectID"])
            let store = try CacheStore(directory: dir, account: T.alice)
            #expect(store.rebuiltBecause == nil)
            var edit = ObjectRevision(id: "note-1"); edit.content = "giraffe"; edit.updated = Date()
            try store.save([edit])
            #expect(try store.search("giraffe").map(\.object?.id) == ["note-1"])
            #expect(try store.search("zebra").isEmpty)
        }
    }

    /// An older edit never replaces a newer one; a deletion stays whatever comes after it.
    @Test func aDeletionStaysAndOlderTextLoses() throws {
        try T().withDir { dir in
            let store = try CacheStore(directory: dir, account: T.alice)
            let p = T.page([("1", "original", 1)])
            try store.save(p, merged: p, in: "inboxMajor")
            var newer = ObjectRevision(id: "note-1"); newer.content = "newer"; newer.updated = Date(timeIntervalSince1970: 2000)
            var older = ObjectRevision(id: "note-1"); older.content = "older"; older.updated = Date(timeIntervalSince1970: 1000)
            try store.save([newer]); try store.save([older])
            #expect(try store.timeline("inboxMajor")?.feed.items[0].object?.content == "newer")
            try store.save([.deletion(of: "note-1")]); try store.save([newer])
            #expect(try store.timeline("inboxMajor")?.feed.items[0].object?.isDeleted == true)
        }
    }
}
