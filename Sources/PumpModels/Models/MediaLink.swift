import Foundation

/// An image/stream reference: `{url, width, height}`, possibly with `pump_io.proxyURL`
/// (remote media must be fetched through our own server, signed).
public struct MediaLink: Sendable, Equatable, Hashable {
    public var url: URL
    public var width: Int?
    public var height: Int?
    public var proxyURL: URL?

    public init(url: URL, width: Int? = nil, height: Int? = nil, proxyURL: URL? = nil) {
        self.url = url; self.width = width; self.height = height; self.proxyURL = proxyURL
    }

    package init?(json: JSONNode?) {
        guard let json, let url = json.url("url") else { return nil }
        self.init(url: url, width: json.int("width"), height: json.int("height"),
                  proxyURL: json.object("pump_io")?.url("proxyURL"))
    }

    /// Where to fetch it: the proxy when there is one (pump-api §4.3, §5.6).
    public var fetchURL: URL { proxyURL ?? url }
}

/// `likes` / `replies` / `shares` / `followers` …: a count, a URL and up to ~4 embedded items.
public struct CollectionSummary: Sendable, Equatable {
    @URLText public var url: URL? = nil
    @URLText public var proxyURL: URL? = nil
    public var totalItems: Int?
    public var items: [PumpObject]
    /// The embedded items that are people (a `likes` or `shares` collection), as people.
    public var people: [Person] = []

    public init(url: URL? = nil, proxyURL: URL? = nil, totalItems: Int? = nil, items: [PumpObject] = [], people: [Person] = []) {
        self.url = url; self.proxyURL = proxyURL; self.totalItems = totalItems; self.items = items; self.people = people
    }

    package init?(json: JSONNode?, depth: Int) {
        guard let json else { return nil }
        url = json.url("url")
        proxyURL = json.object("pump_io")?.url("proxyURL")
        // A count below zero is a server's mistake (or a joke): "-1 likes" is never shown.
        totalItems = json.int("totalItems").map { max(0, $0) }
        items = depth > 0 ? json.objects("items").map { PumpObject(json: $0, depth: depth - 1) } : []
        people = depth > 0 ? json.objects("items").filter { $0.string("objectType") == "person" }.compactMap(\.person) : []
    }

    public var fetchURL: URL? { proxyURL ?? url }
    /// The count to show: totalItems, else what is embedded.
    public var count: Int { max(0, totalItems ?? items.count) }
}

/// An entry of `to` / `cc`: `{id, objectType}`.
public struct Address: Sendable, Equatable, Hashable {
    public var id: String
    public var objectType: String

    public init(id: String, objectType: String) { self.id = id; self.objectType = objectType }

    public static let publicCollection = Address(
        id: "http://activityschema.org/collection/public", objectType: "collection")

    public var isPublic: Bool { id == Address.publicCollection.id }

    package var json: JSONObject { ["id": id, "objectType": objectType] }

    package static func list(_ json: JSONNode, _ key: StaticString) -> [Address] {
        guard let v = json.find(key) else { return [] }
        return json.doc.addresses(JSONNode(doc: json.doc, index: v)) { list in
            list.elements.compactMap { o in
                guard let id = o.string("id") else { return nil }
                return Address(id: id, objectType: o.string("objectType") ?? "collection")
            }
        }
    }
}
