import Foundation
import GRDB

/// Edits, deletions and fresher counts the client learned (`ObjectRevision`), kept beside the
/// items' JSON and applied whenever cached items are read: a restart, the line-mode inbox and
/// search show a deleted post deleted and an edited post edited (issue 25).
extension CacheStore {
    /// Revisions kept, newest first; older ones go (their posts have mostly left the timelines).
    static let revisionLimit = 5000

    /// Stores revisions. A deletion stays; text only replaces text at least as old.
    public func save(_ revisions: [ObjectRevision]) throws {
        guard !revisions.isEmpty else { return }
        try db.write { db in
            var seq = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM revision") ?? 0
            for r in revisions {
                seq += 1
                try db.execute(sql: """
                    INSERT INTO revision(id, content, displayName, updated, deleted, deletedAt, likes, replies, shares, liked, shared, seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET
                      content = CASE WHEN excluded.content IS NOT NULL AND (updated IS NULL OR excluded.updated >= updated)
                                THEN excluded.content ELSE content END,
                      displayName = CASE WHEN excluded.displayName IS NOT NULL AND (updated IS NULL OR excluded.updated >= updated)
                                    THEN excluded.displayName ELSE displayName END,
                      updated = CASE WHEN excluded.updated IS NOT NULL AND (updated IS NULL OR excluded.updated >= updated)
                                THEN excluded.updated ELSE updated END,
                      deleted = MAX(deleted, excluded.deleted), deletedAt = COALESCE(excluded.deletedAt, deletedAt),
                      likes = COALESCE(excluded.likes, likes), replies = COALESCE(excluded.replies, replies),
                      shares = COALESCE(excluded.shares, shares), liked = COALESCE(excluded.liked, liked),
                      shared = COALESCE(excluded.shared, shared), seq = excluded.seq
                    """, arguments: [r.id, r.content, r.displayName, r.updated?.timeIntervalSince1970, r.isDeleted ? 1 : 0,
                                     r.deleted?.timeIntervalSince1970, r.likes, r.replies, r.shares,
                                     r.liked.map { $0 ? 1 : 0 }, r.shared.map { $0 ? 1 : 0 }, seq])
            }
            try db.execute(sql: """
                DELETE FROM revision WHERE rowid NOT IN (SELECT rowid FROM revision ORDER BY seq DESC LIMIT ?)
                """, arguments: [Self.revisionLimit])
            try Self.reindex(Set(revisions.filter { $0.content != nil || $0.displayName != nil || $0.isDeleted }.map(\.id)), db: db)
        }
    }

    /// The search text of every cached item holding these objects, made again from what is now
    /// known of them (the full-text index follows through its triggers).
    static func reindex(_ objectIDs: Set<String>, db: Database) throws {
        let all = Array(objectIDs)
        for start in stride(from: 0, to: all.count, by: 500) {
            let chunk = Array(all[start..<min(all.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: "SELECT json FROM item WHERE objectID IN (\(marks))",
                                        arguments: StatementArguments(chunk))
            for item in try revised(rows.compactMap { ($0.cell("json") as Data?).flatMap(FeedItem.decode) }, db: db) {
                let text = CachedText(item)
                try db.execute(sql: "UPDATE item SET title = ?, content = ? WHERE id = ?",
                               arguments: [text.title, text.content, item.id])
            }
        }
    }

    /// The stored revisions of these objects, by id.
    static func revisions(of ids: Set<String>, db: Database) throws -> [String: ObjectRevision] {
        var found: [String: ObjectRevision] = [:]
        let all = Array(ids)
        // SQLite allows a bounded number of parameters per statement.
        for start in stride(from: 0, to: all.count, by: 500) {
            let chunk = Array(all[start..<min(all.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM revision WHERE id IN (\(marks))", arguments: StatementArguments(chunk)) {
                var r = ObjectRevision(id: row["id"])
                r.content = row["content"]; r.displayName = row["displayName"]
                r.updated = (row["updated"] as Double?).map(Date.init(timeIntervalSince1970:))
                r.isDeleted = (row["deleted"] as Int? ?? 0) != 0
                r.deleted = (row["deletedAt"] as Double?).map(Date.init(timeIntervalSince1970:))
                r.likes = row["likes"]; r.replies = row["replies"]; r.shares = row["shares"]
                r.liked = (row["liked"] as Int?).map { $0 != 0 }; r.shared = (row["shared"] as Int?).map { $0 != 0 }
                found[r.id] = r
            }
        }
        return found
    }

    /// Cached items brought up to what is known about their objects since they were stored.
    static func revised(_ items: [FeedItem], db: Database) throws -> [FeedItem] {
        let ids = Set(items.compactMap { $0.object?.id })
        guard !ids.isEmpty else { return items }
        let known = try revisions(of: ids, db: db)
        guard !known.isEmpty else { return items }
        return items.map { item in
            switch item {
            case .activity(var a):
                guard var o = a.object, let r = known[o.id] else { return item }
                r.apply(to: &o); a.object = o
                return .activity(a)
            case .object(var o):
                guard let r = known[o.id] else { return item }
                r.apply(to: &o)
                return .object(o)
            case .person: return item
            }
        }
    }
}
