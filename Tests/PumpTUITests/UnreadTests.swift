import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The read-state rules (issue 13), alone: lists are newest first, the marker is the newest item read.
@Suite struct UnreadTests {
    static func item(_ id: String, _ minutes: Int) -> FeedItem {
        var o = PumpObject(id: "o" + id, objectType: "note", content: id)
        o.published = Date(timeIntervalSince1970: Double(minutes) * 60)
        var a = Activity(id: id, verb: .post, object: o)
        a.published = o.published
        return .activity(a)
    }
    let items = [item("e", 5), item("d", 4), item("c", 3), item("b", 2), item("a", 1)]
    func marker(_ id: String, _ minutes: Int) -> ReadMarker { ReadMarker(itemID: id, published: Date(timeIntervalSince1970: Double(minutes) * 60)) }

    @Test func countIsWhatLiesAboveTheMarker() {
        #expect(Unread.count(items, marker: nil) == 0)
        #expect(Unread.count(items, marker: marker("e", 5)) == 0)
        #expect(Unread.count(items, marker: marker("c", 3)) == 2)
        // A marker no longer in the list counts by date.
        #expect(Unread.count(items, marker: marker("gone", 2)) == 3)
        #expect(Unread.count(items, marker: ReadMarker(itemID: "gone", published: nil)) == 0)
    }

    @Test func readingMovesTheMarkerUpOnly() {
        let m = marker("c", 3)
        #expect(Unread.advanced(items, marker: m, selected: 1)?.itemID == "d")
        #expect(Unread.advanced(items, marker: m, selected: 2) == nil)   // already read
        #expect(Unread.advanced(items, marker: m, selected: 4) == nil)   // older: never unread again
        #expect(Unread.advanced(items, marker: nil, selected: 3)?.itemID == "e")
        #expect(Unread.advanced([], marker: m, selected: 0) == nil)
    }

    @Test func firstUnreadIsTheOldestUnread() {
        #expect(Unread.firstUnread(items, marker: marker("c", 3)) == 1)
        #expect(Unread.firstUnread(items, marker: marker("e", 5)) == nil)
    }
}
