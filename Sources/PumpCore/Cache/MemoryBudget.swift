import Foundation

/// What the client keeps is bounded by bytes as well as by items (issue 23: a server sending 20
/// new ~360 KB items per refresh took the process past 300 MB in an hour and the cache to 465 MB;
/// at the default 5 000 items, ~8 MB items could have reached tens of GB). The budgets keep
/// the client under ~100 MB whatever a server sends over a day:
/// - a tab's items in memory: `timelineBytes` (4 MB; six tabs, 24 MB at most);
/// - one refresh's catch-up (`PumpAPI.newer` following `prev`): `catchUpBytes` of item JSON;
/// - items taken from one page: `maxPageItems` (the API asks for at most 200; a server that sends
///   30 000 gets the first 500 read);
/// - the offline cache: `cacheBytes` of stored item data per account (the file's own overhead
///   and the text index come on top, so the file stays near 64 MB).
/// A single item larger than a budget is still kept when it is the newest (one item is at most a
/// response body: 8 MB, `AsyncHTTPTransport.defaultMaxBodyBytes`).
public enum MemoryBudget {
    public static let timelineBytes = 4 << 20
    public static let catchUpBytes = 8 << 20
    public static let maxPageItems = Feed.maxPageItems
    public static let cacheBytes = 48 << 20
}

extension FeedItem {
    /// About what this item holds in memory: its texts (content, titles, summaries, ids, the
    /// replies and likes embedded in it, recursively), plus a fixed cost for the rest of the
    /// structure. Linear in the item's size; used to keep timelines within `MemoryBudget`.
    public var approximateBytes: Int {
        switch self {
        case .activity(let a):
            return Self.fixed + a.id.utf8.count + (a.content?.utf8.count ?? 0)
                + (a.object.map { Self.bytes($0, depth: 8) } ?? 0) + (a.target.map { Self.bytes($0, depth: 2) } ?? 0)
        case .object(let o): return Self.fixed + Self.bytes(o, depth: 8)
        case .person(let p): return Self.fixed + Self.bytes(p)
        }
    }

    /// The structs, dates, URLs and shared people of an item that are not counted one by one.
    static let fixed = 2048

    static func bytes(_ o: PumpObject, depth: Int) -> Int {
        var n = 512 + o.id.utf8.count + (o.content?.utf8.count ?? 0) + (o.displayName?.utf8.count ?? 0)
            + (o.summary?.utf8.count ?? 0) + 64 * (o.to.count + o.cc.count)
        guard depth > 0 else { return n }
        if let r = o.inReplyTo { n += bytes(r, depth: depth - 1) }
        for c in [o.likes, o.replies, o.shares, o.members] {
            guard let c else { continue }
            n += c.items.reduce(0) { $0 + bytes($1, depth: depth - 1) } + c.people.reduce(0) { $0 + bytes($1) }
        }
        return n
    }

    static func bytes(_ p: Person) -> Int {
        256 + p.id.utf8.count + (p.displayName?.utf8.count ?? 0) + (p.summary?.utf8.count ?? 0)
    }
}

extension Feed {
    /// The newest items that fit in `budget` bytes (`FeedItem.approximateBytes`), and never fewer
    /// than `keep` or one. Dropped items are the oldest; paging on then starts right after the
    /// last one kept (`before`, as the cache does), so nothing is skipped.
    public func trimmed(toBytes budget: Int, keeping keep: Int = 1) -> Feed {
        var total = 0, count = 0
        for item in items {
            total += item.approximateBytes
            if total > budget && count >= max(1, keep) { break }
            count += 1
        }
        guard count < items.count else { return self }
        var f = self
        f.items = Array(items.prefix(count))
        f.itemJSON = Self.json(itemJSON, of: f.items)
        if offset == nil {
            if let base = baseURL, let last = f.items.last {
                f.nextURL = base.addingQuery([("before", PumpAPI.queryValue(last.id))])
            }
        }
        return f
    }

    /// The oldest items that fit in `budget` bytes (at least one), for a timeline the user is
    /// paging down through: the page just loaded stays, the newest go, and the refresh point
    /// moves to the newest kept (`since`; an offset-paged feed moves its offset), so a refresh
    /// brings the dropped ones back. `dropped`: how many went from the top.
    public func droppingNewest(toBytes budget: Int) -> (feed: Feed, dropped: Int) {
        var total = 0, count = 0
        for item in items.reversed() {
            total += item.approximateBytes
            if total > budget && count >= 1 { break }
            count += 1
        }
        let dropped = items.count - count
        guard dropped > 0 else { return (self, 0) }
        var f = self
        f.items = Array(items.suffix(count))
        f.itemJSON = Self.json(itemJSON, of: f.items)
        if let offset { f.offset = offset + dropped }
        else if let base = baseURL, let first = f.items.first {
            f.prevURL = base.addingQuery([("since", PumpAPI.queryValue(first.id))])
        }
        return (f, dropped)
    }

    /// The cache's JSON of the items kept only.
    static func json(_ all: [String: Data], of kept: [FeedItem]) -> [String: Data] {
        guard !all.isEmpty else { return all }
        let ids = Set(kept.map(\.id))
        return all.filter { ids.contains($0.key) }
    }

    /// The item JSON this page carries for the cache, in bytes.
    public var itemJSONBytes: Int { itemJSON.values.reduce(0) { $0 + $1.count } }
}
