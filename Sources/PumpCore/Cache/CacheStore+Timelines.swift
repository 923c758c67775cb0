import Foundation
import GRDB

/// A timeline as the cache holds it: the newest items and the links to page on from them.
public struct CachedTimeline: Sendable, Equatable {
    public var feed: Feed
    public init(feed: Feed) { self.feed = feed }
}

extension CacheStore {
    /// Stores `page`'s items (their server JSON from `Feed.itemJSON`) in `timeline` and the paging
    /// links of `merged` (what the screen will show), then trims the timeline to `limit`.
    public func save(_ page: Feed, merged: Feed, in timeline: String) throws {
        try db.write { db in
            var seq = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM timelineItem") ?? 0
            // Oldest first, so a page's own order breaks ties of equal dates.
            for item in page.items.reversed() {
                guard let json = page.itemJSON[item.id] else { continue }
                seq += 1
                try Self.upsert(item, json: json, db: db)
                try db.execute(sql: """
                    INSERT INTO timelineItem(timeline, itemID, published, seq) VALUES (?, ?, ?, ?)
                    ON CONFLICT(timeline, itemID) DO UPDATE SET published = excluded.published
                    """, arguments: [timeline, item.id, Self.sortDate(item), seq])
            }
            try db.execute(sql: """
                INSERT INTO timeline(name, baseURL, prevURL, nextURL, pageSize, offsetPaged, totalItems)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET baseURL = excluded.baseURL, prevURL = excluded.prevURL,
                  nextURL = excluded.nextURL, pageSize = excluded.pageSize, offsetPaged = excluded.offsetPaged,
                  totalItems = excluded.totalItems
                """, arguments: [timeline, merged.baseURL?.absoluteString, merged.prevURL?.absoluteString,
                                 merged.nextURL?.absoluteString, merged.pageSize, merged.offset != nil ? 1 : 0,
                                 merged.totalItems])
            try trim(timeline, db: db)
        }
    }

    /// The newest `count` items of `timeline` (after the newest `offset`) with its links, and no
    /// more than `maxBytes` of their JSON (at least one item); nil when nothing is cached there.
    /// When more are cached than read, the older page starts right after the last one read
    /// (pump.io's `before`), so paging on leaves no gap.
    public func timeline(_ timeline: String, count: Int = 100, offset: Int = 0,
                         maxBytes: Int = MemoryBudget.timelineBytes) throws -> CachedTimeline? {
        try db.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT item.json FROM timelineItem JOIN item ON item.id = timelineItem.itemID
                WHERE timelineItem.timeline = ? ORDER BY timelineItem.published DESC, timelineItem.seq DESC LIMIT ? OFFSET ?
                """, arguments: [timeline, max(1, count), max(0, offset)])
            var blobs: [Data] = [], bytes = 0
            while let row = try rows.next() {
                guard let json: Data = row.cell("json") else { continue }
                bytes += json.count
                if bytes > maxBytes && !blobs.isEmpty { break }
                blobs.append(json)
            }
            let items = try Self.revised(FeedItem.decodeAll(blobs), db: db)
            guard !items.isEmpty, let meta = try Row.fetchOne(db, sql: "SELECT * FROM timeline WHERE name = ?",
                                                               arguments: [timeline]) else { return nil }
            var feed = Feed(items: items, totalItems: meta.cell("totalItems"),
                            nextURL: (meta.cell("nextURL") as String?).flatMap(URL.init(string:)),
                            prevURL: (meta.cell("prevURL") as String?).flatMap(URL.init(string:)))
            feed.baseURL = (meta.cell("baseURL") as String?).flatMap(URL.init(string:))
            feed.pageSize = meta.cell("pageSize")
            if (meta.cell("offsetPaged") as Int? ?? 0) != 0 { feed.offset = 0 }
            let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM timelineItem WHERE timeline = ?", arguments: [timeline]) ?? 0
            if stored > offset + items.count, feed.offset == nil, let base = feed.baseURL, let last = items.last {
                feed.nextURL = base.addingQuery([("before", PumpAPI.queryValue(last.id))])
            }
            return CachedTimeline(feed: feed)
        }
    }

    /// How many items `timeline` holds (tests and the benchmark).
    public func count(_ timeline: String) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM timelineItem WHERE timeline = ?", arguments: [timeline]) ?? 0 }
    }

    // MARK: - Helpers

    static func upsert(_ item: FeedItem, json: Data, db: Database) throws {
        // Search reads the object as last known: a copy older than an edit keeps the edit's words.
        let text = CachedText(try revised([item], db: db)[0])
        try db.execute(sql: """
            INSERT INTO item(id, json, published, authorID, author, title, content, hasImage, objectID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET json = excluded.json, published = excluded.published,
              authorID = excluded.authorID, author = excluded.author, title = excluded.title,
              content = excluded.content, hasImage = excluded.hasImage, objectID = excluded.objectID
            """, arguments: [item.id, json, sortDate(item), text.authorID, text.author, text.title, text.content,
                             text.hasImage ? 1 : 0, item.object?.id ?? ""])
        if let p = text.person {
            try db.execute(sql: """
                INSERT INTO person(id, webfinger, name) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET webfinger = excluded.webfinger, name = excluded.name
                """, arguments: [p.id, p.webfinger, p.label])
        }
    }

    static func sortDate(_ item: FeedItem) -> Double { item.published?.timeIntervalSince1970 ?? 0 }

    /// Keeps the newest `limit` entries of the timeline, and of those no more than `byteLimit` of
    /// item JSON (at least the newest); items no timeline holds any more go too (the full-text
    /// index follows through its triggers). `length()` of a blob reads no blob pages.
    func trim(_ timeline: String, db: Database) throws {
        try db.execute(sql: """
            DELETE FROM timelineItem WHERE timeline = ?1 AND rowid NOT IN (
              SELECT rowid FROM timelineItem WHERE timeline = ?1 ORDER BY published DESC, seq DESC LIMIT ?2)
            """, arguments: [timeline, limit])
        var dropped = db.changesCount
        try db.execute(sql: """
            DELETE FROM timelineItem WHERE rowid IN (
              SELECT rowid FROM (
                SELECT timelineItem.rowid AS rowid, SUM(length(item.json)) OVER (
                  ORDER BY timelineItem.published DESC, timelineItem.seq DESC ROWS UNBOUNDED PRECEDING) AS running,
                  ROW_NUMBER() OVER (ORDER BY timelineItem.published DESC, timelineItem.seq DESC) AS n
                FROM timelineItem JOIN item ON item.id = timelineItem.itemID WHERE timelineItem.timeline = ?1)
              WHERE running > ?2 AND n > 1)
            """, arguments: [timeline, byteLimit])
        dropped += db.changesCount
        guard dropped > 0 else { return }
        try db.execute(sql: "DELETE FROM item WHERE id NOT IN (SELECT itemID FROM timelineItem)")
    }
}

/// What search and filters read of an item: plain text, never HTML.
struct CachedText {
    var authorID = "", author = "", title = "", content = ""
    var hasImage = false
    var person: Person?

    init(_ item: FeedItem) {
        let o = item.object
        person = o?.author ?? item.activity?.actor
        if case .person(let p) = item { person = p }
        if let p = person {
            authorID = p.id
            author = p.label + " " + p.webfinger
        }
        title = o?.displayName.map { HTMLText.line($0, maxLength: 500) } ?? ""
        content = o?.renderedContent.text ?? item.activity?.summaryLine ?? ""
        hasImage = o?.image != nil || o?.fullImage != nil || o?.objectType == "image"
    }
}
