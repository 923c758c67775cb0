import Foundation
import GRDB

/// A cache file edited or damaged outside pumptui (issue 23: a NULL where the schema says NOT
/// NULL aborted every start with exit 132, GRDB's trap on a failed conversion). Two defences:
/// at open, the tables must still carry the constraints our migrations made (else the file is
/// rebuilt, like any unusable cache); while reading, every cell is converted without trapping,
/// and a row that does not convert is left out.
enum CacheIntegrity {
    /// Each table's columns that our migrations declare NOT NULL.
    static let notNull: [(table: String, columns: Set<String>)] = [
        ("item", ["id", "json", "published", "authorID", "author", "title", "content", "hasImage", "objectID"]),
        ("timelineItem", ["timeline", "itemID", "published", "seq"]),
        ("timeline", ["name"]),
        ("person", ["id", "webfinger", "name"]),
        ("readState", ["timeline", "itemID", "published"]),
    ]

    /// Throws when a table is missing or lost a NOT NULL constraint (a few PRAGMA reads, well
    /// under a millisecond: this runs on every start).
    static func check(_ db: Database) throws {
        for (table, columns) in notNull {
            let rows = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
            let required = Set(rows.compactMap { row -> String? in
                guard let name = String.fromDatabaseValue(row["name"]),
                      Int.fromDatabaseValue(row["notnull"]) == 1 else { return nil }
                return name
            })
            guard columns.isSubset(of: required) else { throw CacheDamageError(table: table) }
        }
    }
}

/// The file's tables are not the ones our migrations made.
struct CacheDamageError: Error {
    let table: String
}

extension Row {
    /// The cell converted to `T`, or nil for NULL and for anything that does not convert:
    /// `row[c] as T` traps on both, and the file may have been written by anyone.
    func cell<T: DatabaseValueConvertible>(_ column: String) -> T? {
        T.fromDatabaseValue(self[column] as DatabaseValue)
    }
}
