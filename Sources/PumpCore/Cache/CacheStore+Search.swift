import Foundation
import GRDB

extension CacheStore {
    /// Items whose author, title or text hold every word of `query` (as word prefixes), newest
    /// first. The query is never FTS5 syntax: quotes, `NEAR`, `*`, `-`, `:` are only text, taken
    /// apart by SQLite's own tokenizer (GRDB's `FTS5Pattern`). Nothing searchable: no results.
    public func search(_ query: String, limit: Int = 100) throws -> [FeedItem] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        return try db.read { db in
            // Deleted posts are not found: their text is gone from the server (issue 25).
            try Self.revised(Row.fetchAll(db, sql: """
                SELECT json FROM item INDEXED BY itemByDate
                WHERE rowid IN (SELECT rowid FROM itemSearch WHERE itemSearch MATCH ?)
                ORDER BY published DESC LIMIT ?
                """, arguments: [pattern.rawPattern, max(1, limit)])
                .compactMap { ($0.cell("json") as Data?).flatMap(FeedItem.decode) }, db: db)
                .filter { $0.object?.isDeleted != true }
        }
    }
}
