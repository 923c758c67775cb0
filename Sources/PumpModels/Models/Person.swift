import Foundation

/// A pump.io person (a profile, an activity's actor, an object's author).
/// Remote people may lack `links` and counts entirely (PyPump #131, #138): every field is optional
/// except `id`, and the conventional URLs are derived when the links are missing.
public struct Person: Sendable, Equatable {
    public var id: String
    public var preferredUsername: String?
    public var displayName: String?
    @URLText public var url: URL? = nil
    /// Profile text as the server sent it (may contain HTML).
    public var summary: String?
    @Boxed public var image: MediaLink? = nil
    /// `pump_io.proxyURL`: our server's copy of a remote person's profile (read signed, there).
    @URLText public var proxyURL: URL? = nil
    /// rel → href, e.g. `self`, `activity-inbox`, `activity-outbox`.
    @URLTextMap public var links: [String: URL] = [:]
    @Boxed public var followers: CollectionSummary? = nil
    @Boxed public var following: CollectionSummary? = nil
    @Boxed public var favorites: CollectionSummary? = nil
    @Boxed public var lists: CollectionSummary? = nil
    /// `pump_io.followed`: whether *we* follow this person (single-object GETs only).
    public var followed: Bool?
    /// Whether this person follows *us*: never in the JSON, found out by the client
    /// (`PumpAPI.followState`); nil when unknown.
    public var followsYou: Bool?
    public var published: Date?
    public var updated: Date?
    public var locationName: String?

    public init(id: String, preferredUsername: String? = nil, displayName: String? = nil, url: URL? = nil,
                summary: String? = nil, image: MediaLink? = nil, links: [String: URL] = [:],
                followers: CollectionSummary? = nil, following: CollectionSummary? = nil,
                favorites: CollectionSummary? = nil, lists: CollectionSummary? = nil, followed: Bool? = nil) {
        self.id = id; self.preferredUsername = preferredUsername; self.displayName = displayName
        self.url = url; self.summary = summary; self.image = image; self.links = links
        self.followers = followers; self.following = following; self.favorites = favorites
        self.lists = lists; self.followed = followed
    }

    /// nil only when there is no usable id at all.
    package init?(json: JSONNode) {
        guard let id = json.string("id") ?? json.string("@id"), !id.isEmpty else { return nil }
        self.init(id: id)
        preferredUsername = json.string("preferredUsername")
        displayName = json.string("displayName")
        url = json.url("url")
        summary = json.string("summary")
        image = MediaLink(json: json.object("image"))
        links = json.links()
        followers = CollectionSummary(json: json.object("followers"), depth: 0)
        following = CollectionSummary(json: json.object("following"), depth: 0)
        favorites = CollectionSummary(json: json.object("favorites"), depth: 0)
        lists = CollectionSummary(json: json.object("lists"), depth: 0)
        followed = json.object("pump_io")?.bool("followed")
        proxyURL = json.object("pump_io")?.url("proxyURL")
        published = json.date("published")
        updated = json.date("updated")
        locationName = json.object("location")?.string("displayName")
    }

    /// Decodes a profile document (`/api/user/NICK/profile`) or a user record (`/api/user/NICK`,
    /// whose person sits under `profile`).
    public static func decode(_ data: Data) -> Person? {
        guard let json = JSONValue.parseObject(data) else { return nil }
        if !json.has("id"), let profile = json.object("profile") { return Person(json: profile) }
        return Person(json: json)
    }

    // MARK: Derived identity

    /// The id's URL when it is one (`http(s)://host:port/api/user/nick/profile`), else nil.
    package var idURL: URL? {
        guard id.hasPrefix("http://") || id.hasPrefix("https://") else { return nil }
        return URL(string: id)
    }

    /// Host (with a non-default port) the person lives on.
    public var host: String? {
        if id.hasPrefix("acct:"), let at = id.lastIndex(of: "@") {
            let h = id[id.index(after: at)...]
            return h.isEmpty ? nil : String(h)
        }
        guard let u = idURL, let h = u.host else { return nil }
        if let port = u.port { return "\(h):\(port)" }
        return h
    }

    /// The nickname: `preferredUsername`, else from an `acct:` id, else from `/api/user/NICK/…`.
    public var nickname: String? {
        if let p = preferredUsername, !p.isEmpty { return p }
        if id.hasPrefix("acct:"), let at = id.lastIndex(of: "@") {
            let n = id[id.index(id.startIndex, offsetBy: 5)..<at]
            return n.isEmpty ? nil : String(n)
        }
        if let comps = idURL?.pathComponents, let i = comps.firstIndex(of: "user"), i + 1 < comps.count {
            return comps[i + 1]
        }
        return nil
    }

    /// The server itself as an actor (pump.io's `service` object, `/api/service/ID`), which sends
    /// each new user a welcome note: not a person writing to you.
    public var isServerService: Bool {
        guard let comps = idURL?.pathComponents, let i = comps.firstIndex(of: "api"), i + 2 < comps.count else { return false }
        return comps[i + 1] == "service"
    }

    /// `nick@host`: from an `acct:` id, else preferredUsername@host of the id URL.
    public var webfinger: String {
        if id.hasPrefix("acct:") { return String(id.dropFirst(5)) }
        if let n = nickname, let h = host { return "\(n)@\(h)" }
        return nickname ?? id
    }

    /// A name fit for one line on screen: sanitized, never empty.
    public var label: String {
        let raw = [displayName, preferredUsername].compactMap { $0 }.first { !$0.isEmpty } ?? webfinger
        return TerminalText.clean(raw, .line, maxLength: 80)
    }

    /// `https://host` (or the scheme of an URL id) — the base for conventional API paths.
    public var conventionalBase: URL? {
        if let u = idURL, let h = u.host {
            var s = "\(u.scheme ?? "https")://\(h)"
            if let p = u.port { s += ":\(p)" }
            return URL(string: s)
        }
        guard let h = host else { return nil }
        return URL(string: "https://\(h)")
    }

    /// `<base>/api/user/<nick>/<suffix>`; base defaults to the person's own host.
    public func conventionalURL(_ suffix: String, base: URL? = nil) -> URL? {
        guard let nick = nickname, let b = base ?? conventionalBase else { return nil }
        return URL(string: b.absoluteString.trimmingSlash + "/api/user/\(nick)/\(suffix)")
    }

    public func outboxURL(base: URL? = nil) -> URL? {
        links["activity-outbox"] ?? conventionalURL("feed", base: base)
    }
    public func inboxURL(base: URL? = nil) -> URL? {
        links["activity-inbox"] ?? conventionalURL("inbox", base: base)
    }
    public func followersURL(base: URL? = nil) -> URL? {
        followers?.url ?? conventionalURL("followers", base: base)
    }
    public func followingURL(base: URL? = nil) -> URL? {
        following?.url ?? conventionalURL("following", base: base)
    }
    public func favoritesURL(base: URL? = nil) -> URL? {
        favorites?.url ?? conventionalURL("favorites", base: base)
    }
    public func profileURL(base: URL? = nil) -> URL? { conventionalURL("profile", base: base) }

    /// `{id, objectType:"person"}` as verbs send it.
    package var reference: JSONObject { ["id": id, "objectType": "person"] }
}

extension String {
    package var trimmingSlash: String {
        var s = self
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
