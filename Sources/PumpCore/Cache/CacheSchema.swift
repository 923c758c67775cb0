import Foundation
import GRDB

/// The cache's tables, as GRDB migrations. A later schema adds a migration; a file from a newer
/// build (unknown migrations) is rebuilt by `CacheStore`.
enum CacheSchema {
    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // One row per activity or object, as the server sent it, plus the text search reads.
            try db.execute(sql: """
                CREATE TABLE item(
                  id TEXT PRIMARY KEY NOT NULL,
                  json BLOB NOT NULL,
                  published REAL NOT NULL DEFAULT 0,
                  authorID TEXT NOT NULL DEFAULT '',
                  author TEXT NOT NULL DEFAULT '',
                  title TEXT NOT NULL DEFAULT '',
                  content TEXT NOT NULL DEFAULT '',
                  hasImage INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE timelineItem(
                  timeline TEXT NOT NULL,
                  itemID TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                  published REAL NOT NULL,
                  seq INTEGER NOT NULL,
                  PRIMARY KEY(timeline, itemID));
                CREATE INDEX timelineOrder ON timelineItem(timeline, published DESC, seq DESC);
                CREATE INDEX timelineByItem ON timelineItem(itemID);
                CREATE TABLE timeline(
                  name TEXT PRIMARY KEY NOT NULL,
                  baseURL TEXT, prevURL TEXT, nextURL TEXT,
                  pageSize INTEGER, offsetPaged INTEGER NOT NULL DEFAULT 0, totalItems INTEGER);
                CREATE TABLE person(
                  id TEXT PRIMARY KEY NOT NULL,
                  webfinger TEXT NOT NULL,
                  name TEXT NOT NULL);
                CREATE TABLE readState(
                  timeline TEXT PRIMARY KEY NOT NULL,
                  itemID TEXT NOT NULL,
                  published REAL NOT NULL);
                """)
            try db.create(virtualTable: "itemSearch", using: FTS5()) { t in
                t.synchronize(withTable: "item")
                t.tokenizer = .unicode61()
                t.column("author")
                t.column("title")
                t.column("content")
            }
        }
        // Search results come newest first: with this index SQLite walks items by date and
        // stops at the limit instead of sorting every match (10 000 matches: 96 → a few ms).
        m.registerMigration("v2-item-by-date") { db in
            try db.execute(sql: "CREATE INDEX itemByDate ON item(published)")
        }
        // What became known about objects after their JSON was stored: edits, deletions,
        // counts (`ObjectRevision`, issue 25). The item JSON stays as the server sent it.
        m.registerMigration("v3-revisions") { db in
            try db.execute(sql: """
                CREATE TABLE revision(
                  id TEXT PRIMARY KEY NOT NULL,
                  content TEXT, displayName TEXT, updated REAL,
                  deleted INTEGER NOT NULL DEFAULT 0, deletedAt REAL,
                  likes INTEGER, replies INTEGER, shares INTEGER, liked INTEGER, shared INTEGER,
                  seq INTEGER NOT NULL DEFAULT 0)
                """)
        }
        // Search reads what a post says now: the items holding an object are found by its id
        // when an edit is learned, and their search text is made again (issue 25: `/` found an
        // edited post by its old words only). Rows already cached get their object's id here.
        m.registerMigration("v4-item-object") { db in
            try db.execute(sql: "ALTER TABLE item ADD COLUMN objectID TEXT NOT NULL DEFAULT ''")
            try db.execute(sql: "CREATE INDEX itemByObject ON item(objectID)")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, json FROM item")
            var found: [(String, String)] = []
            while let row = try rows.next() {
                guard let id: String = row.cell("id"), let json: Data = row.cell("json"),
                      let o = FeedItem.decode(json)?.object else { continue }
                found.append((id, o.id))
            }
            for (item, object) in found {
                try db.execute(sql: "UPDATE item SET objectID = ? WHERE id = ?", arguments: [object, item])
            }
        }
        return m
    }()
}
