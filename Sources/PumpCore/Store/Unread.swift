import Foundation

/// Unread state of a timeline (issue 13). Lists are newest first; the marker is the newest item
/// read, so the items above it are unread. Pure functions, tested alone.
public enum Unread {
    /// How many items at the top are unread. No marker: none (a first start has read everything);
    /// a marker no longer in the list (trimmed, deleted): the items published after it.
    public static func count(_ items: [FeedItem], marker: ReadMarker?) -> Int {
        guard let m = marker else { return 0 }
        if let i = items.firstIndex(where: { $0.id == m.itemID }) { return i }
        guard let date = m.published else { return 0 }
        return items.prefix { ($0.published ?? .distantPast) > date }.count
    }

    /// The marker after the user looked at row `selected`: it moves up to that item when the item
    /// was unread (reading never makes anything unread again); nil when nothing changes.
    public static func advanced(_ items: [FeedItem], marker: ReadMarker?, selected: Int) -> ReadMarker? {
        guard items.indices.contains(selected) else { return nil }
        // No marker yet: everything shown counts as read.
        let item = marker == nil ? items[0] : items[selected]
        if marker != nil, selected >= count(items, marker: marker) { return nil }
        return ReadMarker(itemID: item.id, published: item.published)
    }

    /// The first unread item in reading order: the oldest of the unread ones, just above the
    /// marker (nil when nothing is unread).
    public static func firstUnread(_ items: [FeedItem], marker: ReadMarker?) -> Int? {
        let n = count(items, marker: marker)
        return n > 0 ? n - 1 : nil
    }

    /// "3 new" — the marker line and the status say it the same way.
    public static func label(_ n: Int) -> String { "\(n) new" }
}
