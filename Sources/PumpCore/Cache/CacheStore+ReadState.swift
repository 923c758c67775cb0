import Foundation
import GRDB

/// Where reading stopped in a timeline: the newest item the user has read.
public struct ReadMarker: Sendable, Equatable {
    public var itemID: String
    public var published: Date?
    public init(itemID: String, published: Date?) { self.itemID = itemID; self.published = published }
}

extension CacheStore {
    public func readMarkers() throws -> [String: ReadMarker] {
        try db.read { db in
            var out: [String: ReadMarker] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM readState") {
                guard let timeline: String = row.cell("timeline"), let itemID: String = row.cell("itemID") else { continue }
                let t: Double = row.cell("published") ?? 0
                out[timeline] = ReadMarker(itemID: itemID, published: t > 0 ? Date(timeIntervalSince1970: t) : nil)
            }
            return out
        }
    }

    public func setReadMarker(_ marker: ReadMarker, for timeline: String) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO readState(timeline, itemID, published) VALUES (?, ?, ?)
                ON CONFLICT(timeline) DO UPDATE SET itemID = excluded.itemID, published = excluded.published
                """, arguments: [timeline, marker.itemID, marker.published?.timeIntervalSince1970 ?? 0])
        }
    }
}
