import Foundation

/// Any ActivityStreams object: note, comment, image, person-as-object, collection, unknown types.
/// `objectType` is nil when the server left it out (it often does; pump-api §4.3).
public struct PumpObject: Sendable, Equatable {
    public var id: String
    public var objectType: String?
    public var displayName: String?
    /// HTML as the server sent it; render with `HTMLText.render`.
    public var content: String?
    public var summary: String?
    @URLText public var url: URL? = nil
    public var published: Date?
    public var updated: Date?
    public var deleted: Date?
    /// True when a `deleted` key is present, even if its timestamp is unreadable.
    public var isDeleted: Bool
    /// Known to have been edited since it was posted (an `update` activity, our own edit): the
    /// client learns this; the server's `updated` changes on every save, so it cannot tell.
    public var isEdited = false
    @Boxed public var author: Person? = nil
    public var liked: Bool?
    /// `pump_io.shared`: whether we shared it.
    public var shared: Bool?
    @Boxed public var likes: CollectionSummary? = nil
    @Boxed public var replies: CollectionSummary? = nil
    @Boxed public var shares: CollectionSummary? = nil
    /// A person list's members (count, URL, a few people).
    @Boxed public var members: CollectionSummary? = nil
    @Boxed public var image: MediaLink? = nil
    @Boxed public var fullImage: MediaLink? = nil
    public var streamURL: URL?
    public var fileURL: URL?
    public var mimeType: String?
    @URLTextMap public var links: [String: URL] = [:]
    /// `pump_io.proxyURL` of the object itself.
    @URLText public var proxyURL: URL? = nil
    public var to: [Address]
    public var cc: [Address]
    /// Stored as an array so the struct can refer to itself; at most one element.
    private var inReplyToStorage: [PumpObject]

    public var inReplyTo: PumpObject? {
        get { inReplyToStorage.first }
        set { inReplyToStorage = newValue.map { [$0] } ?? [] }
    }

    public init(id: String, objectType: String? = nil, displayName: String? = nil, content: String? = nil,
                author: Person? = nil, inReplyTo: PumpObject? = nil) {
        self.id = id; self.objectType = objectType; self.displayName = displayName; self.content = content
        self.author = author; self.inReplyToStorage = inReplyTo.map { [$0] } ?? []
        isDeleted = false; links = [:]; to = []; cc = []
    }

    /// Nesting is capped (`depth`) so a hostile chain of inReplyTo/items cannot blow the stack.
    package init(json: JSONNode, depth: Int = 6) {
        self.init(id: json.string("id") ?? json.string("@id") ?? "")
        objectType = json.string("objectType")
        displayName = json.string("displayName")
        content = json.string("content")
        summary = json.string("summary")
        url = json.url("url")
        published = json.date("published")
        updated = json.date("updated")
        deleted = json.date("deleted")
        isDeleted = json.has("deleted")
        if let a = json.object("author") { _author = json.doc.personBox(a) }
        liked = json.bool("liked")
        let pumpIO = json.object("pump_io")
        shared = pumpIO?.bool("shared")
        proxyURL = pumpIO?.url("proxyURL")
        likes = CollectionSummary(json: json.object("likes"), depth: depth)
        replies = CollectionSummary(json: json.object("replies"), depth: depth)
        shares = CollectionSummary(json: json.object("shares"), depth: depth)
        members = CollectionSummary(json: json.object("members"), depth: depth)
        image = MediaLink(json: json.object("image"))
        fullImage = MediaLink(json: json.object("fullImage"))
        streamURL = json.object("stream")?.url("url")
        fileURL = json.url("fileUrl")
        mimeType = json.string("mimeType")
        links = json.links()
        to = Address.list(json, "to")
        cc = Address.list(json, "cc")
        if depth > 0, let r = json.object("inReplyTo") { inReplyTo = PumpObject(json: r, depth: depth - 1) }
    }

    /// The activity's actor as this object's author, sharing its storage.
    package mutating func shareAuthor(_ box: Boxed<Person>) { _author = box }

    public static func decode(_ data: Data) -> PumpObject? {
        JSONValue.parseObject(data).map { PumpObject(json: $0) }
    }

    /// The type to send with verbs: the real one (pitfall 14); "note" only as a last resort.
    public var typeForVerbs: String { objectType ?? "note" }

    /// `{id, objectType}` as verbs send it.
    package var reference: JSONObject { ["id": id, "objectType": typeForVerbs] }

    /// Title to show on one line, sanitized.
    public var title: String? {
        guard let d = displayName, !d.isEmpty else { return nil }
        return TerminalText.clean(d, .line, maxLength: 200)
    }
}
