import Foundation

/// What became known about an object after a copy of it was stored: an edit (an `update`
/// activity, our own edit), a deletion (`delete`, a `deleted` date, a 410), fresher counts and
/// marks. The cache keeps these beside the items' JSON (which stays as the server sent it), so a
/// restart shows an edited post edited and a deleted post deleted in every timeline (issue 25).
public struct ObjectRevision: Sendable, Equatable {
    public var id: String
    public var content: String?
    public var displayName: String?
    public var updated: Date?
    public var isDeleted = false
    public var deleted: Date?
    public var likes: Int?
    public var replies: Int?
    public var shares: Int?
    public var liked: Bool?
    public var shared: Bool?

    public init(id: String) { self.id = id }

    /// The object is gone (a `delete`, a 410).
    public static func deletion(of id: String, at date: Date? = nil) -> ObjectRevision {
        var r = ObjectRevision(id: id)
        r.isDeleted = true; r.deleted = date
        return r
    }

    /// The counts and marks of a fresh copy (a refetch), for the copies stored before.
    public init(countsOf o: PumpObject) {
        id = o.id
        likes = o.likes?.totalItems; replies = o.replies?.totalItems; shares = o.shares?.totalItems
        liked = o.liked; shared = o.shared
    }

    /// Brings a copy up to this state. A copy edited later than this revision keeps its text; a
    /// deletion always wins (pump.io never brings a post back).
    public func apply(to o: inout PumpObject) {
        guard o.id == id else { return }
        if isDeleted {
            o.isDeleted = true
            o.deleted = deleted ?? o.deleted
            o.content = nil
            return
        }
        if Self.isAtLeastAsNew(updated, as: o.updated), content != nil || displayName != nil {
            if let content { o.content = content }
            if let displayName { o.displayName = displayName }
            if let updated { o.updated = updated }
            o.isEdited = true
        }
        Self.set(&o.likes, likes); Self.set(&o.replies, replies); Self.set(&o.shares, shares)
        if let liked { o.liked = liked }
        if let shared { o.shared = shared }
    }

    static func isAtLeastAsNew(_ a: Date?, as b: Date?) -> Bool {
        guard let b else { return true }
        guard let a else { return false }
        return a >= b
    }

    private static func set(_ c: inout CollectionSummary?, _ total: Int?) {
        guard let total else { return }
        var s = c ?? CollectionSummary()
        s.totalItems = total
        c = s
    }
}
