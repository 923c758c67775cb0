import Foundation

/// An activity verb. Unknown (including URI) verbs are kept as their raw string.
public struct Verb: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public static let post: Verb = "post"
    public static let share: Verb = "share"
    public static let unshare: Verb = "unshare"
    public static let favorite: Verb = "favorite"
    public static let unfavorite: Verb = "unfavorite"
    public static let like: Verb = "like"
    public static let unlike: Verb = "unlike"
    public static let follow: Verb = "follow"
    public static let stopFollowing: Verb = "stop-following"
    public static let update: Verb = "update"
    public static let delete: Verb = "delete"
    public static let create: Verb = "create"
    public static let add: Verb = "add"
    public static let remove: Verb = "remove"

    package static let known: Set<String> = ["post", "share", "unshare", "favorite", "unfavorite", "like", "unlike",
                                     "follow", "stop-following", "update", "delete", "create", "add", "remove",
                                     "join", "leave", "checkin"]
    public var isKnown: Bool { Verb.known.contains(rawValue) }
    /// Liking has two spellings; treat them alike.
    public var isLike: Bool { self == .favorite || self == .like }
}

/// An inbox/outbox item. The server does not put `objectType` on activities, so one is recognised
/// by having `verb` and `object` (pump-api §4.3).
public struct Activity: Sendable, Equatable {
    public var id: String
    public var verb: Verb
    @Boxed public var actor: Person? = nil
    /// The object; for a person-object (follow) see also `objectPerson`.
    @Boxed public var object: PumpObject? = nil
    @Boxed public var objectPerson: Person? = nil
    @Boxed public var target: PumpObject? = nil
    /// The server's summary sentence, HTML ("Alice posted a note").
    public var content: String?
    @Boxed public var generator: PumpObject? = nil
    public var published: Date?
    public var updated: Date?
    @URLText public var url: URL? = nil
    public var to: [Address]
    public var cc: [Address]
    /// Not from the server: pumptui addressed this reply itself after the server could not
    /// (`PumpAPI.reply`), which the status line says.
    public var addressedOnRetry = false

    public init(id: String, verb: Verb, actor: Person? = nil, object: PumpObject? = nil) {
        self.id = id; self.verb = verb; self.actor = actor; self.object = object
        to = []; cc = []
    }

    package init(json: JSONNode) {
        self.init(id: json.string("id") ?? json.string("@id") ?? "",
                  verb: Verb(rawValue: json.string("verb") ?? "post"))
        if let a = json.object("actor") { _actor = json.doc.personBox(a) }
        content = json.string("content")
        published = json.date("published")
        updated = json.date("updated")
        url = json.url("url")
        to = Address.list(json, "to")
        cc = Address.list(json, "cc")
        if let g = json.object("generator") { _generator = json.doc.generatorBox(g) }
        if let t = json.object("target") { target = PumpObject(json: t, depth: 1) }
        if let o = json.object("object") {
            var obj = PumpObject(json: o)
            // As PyPump does: the actor is the author when the object does not say,
            // and the activity's addressing applies when the object has none.
            if obj.author == nil, !obj.isPerson { obj.shareAuthor(_actor) }
            if obj.to.isEmpty && obj.cc.isEmpty { obj.to = to; obj.cc = cc }
            object = obj
            if obj.isPerson { objectPerson = o.person }
        }
    }

    package static func looksLikeActivity(_ json: JSONNode) -> Bool {
        if json.string("objectType") == "activity" { return true }
        return json.has("verb") && json.has("object")
    }

    public static func decode(_ data: Data) -> Activity? {
        guard let json = JSONValue.parseObject(data), looksLikeActivity(json) else { return nil }
        return Activity(json: json)
    }

    /// The server's summary sentence as one line of safe text.
    public var summaryLine: String {
        HTMLText.line(content ?? "", maxLength: 300)
    }
}

extension PumpObject {
    public var isPerson: Bool { objectType == "person" }
}
