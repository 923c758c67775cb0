import Foundation

/// One entry of a collection: an activity (inbox/outbox), an object (favorites, replies), or a
/// person (followers/following).
public enum FeedItem: Sendable, Equatable {
    case activity(Activity)
    case object(PumpObject)
    case person(Person)

    public var id: String {
        switch self {
        case .activity(let a): return a.id
        case .object(let o): return o.id
        case .person(let p): return p.id
        }
    }

    /// The object to show: an activity's object, or the object itself.
    public var object: PumpObject? {
        switch self {
        case .activity(let a): return a.object
        case .object(let o): return o
        case .person: return nil
        }
    }

    public var activity: Activity? {
        if case .activity(let a) = self { return a }
        return nil
    }

    public var published: Date? {
        switch self {
        case .activity(let a): return a.published ?? a.object?.published
        case .object(let o): return o.published
        case .person(let p): return p.published
        }
    }

    package init(json: JSONNode) {
        if Activity.looksLikeActivity(json) { self = .activity(Activity(json: json)) }
        else if json.string("objectType") == "person", let p = Person(json: json) { self = .person(p) }
        else { self = .object(PumpObject(json: json)) }
    }
}

/// A page of a collection, newest first. `nextURL` leads to older items, `prevURL` to newer ones.
/// Feeds without next/prev links (favorites, replies, likes) are paged by `offset`.
public struct Feed: Sendable, Equatable {
    public var items: [FeedItem]
    public var totalItems: Int?
    public var displayName: String?
    /// `links.next`: older items (`?before=…`), percent-encoded as received.
    public var nextURL: URL?
    /// `links.prev`: newer items (`?since=…`).
    public var prevURL: URL?
    public var selfURL: URL?
    /// The collection's URL without paging parameters (set by `PumpAPI`).
    public var baseURL: URL?
    /// For offset-paged feeds: the offset of this page's first item.
    public var offset: Int?
    /// Page size used for the request.
    public var pageSize: Int?
    /// The server's JSON of each item by id (pages fetched by `PumpAPI`; empty otherwise), for
    /// the offline cache. The client drops it once the page is cached.
    public var itemJSON: [String: Data] = [:]

    public init(items: [FeedItem] = [], totalItems: Int? = nil, nextURL: URL? = nil, prevURL: URL? = nil,
                selfURL: URL? = nil) {
        self.items = items; self.totalItems = totalItems
        self.nextURL = nextURL; self.prevURL = prevURL; self.selfURL = selfURL
    }

    /// Items read from one page: the API asks for at most 200, and a server that sends 30 000
    /// tiny ones (one 6.5 MB page once peaked at 390 MB) gets only the first of them read.
    public static let maxPageItems = 500

    package init(json: JSONNode) {
        let links = json.links()
        self.init(items: json.objects("items").prefix(Self.maxPageItems).map(FeedItem.init(json:)),
                  totalItems: json.int("totalItems"),
                  nextURL: links["next"], prevURL: links["prev"], selfURL: links["self"] ?? json.url("url"))
        displayName = json.string("displayName")
    }

    public static func decode(_ data: Data) -> Feed? {
        JSONValue.parseObject(data).map(Feed.init(json:))
    }

    public var activities: [Activity] { items.compactMap(\.activity) }
    public var objects: [PumpObject] { items.compactMap(\.object) }
    public var isEmpty: Bool { items.isEmpty }
    /// Offset-paged feeds page by counting; the others follow links.
    public var usesOffset: Bool { offset != nil }
}
