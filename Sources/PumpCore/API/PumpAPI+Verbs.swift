import Foundation

/// Writes: every verb is a POST of an activity to our outbox (pump-api §4.6). The object's real
/// `objectType` is sent (pitfall 14); the server answers with the complete activity.
extension PumpAPI {
    /// A new note from plain text (escaped to HTML), addressed explicitly (pitfall 11).
    public func post(note text: String, title: String? = nil, audience: Audience = .public) async throws -> Activity {
        var object: JSONObject = ["objectType": "note", "content": HTMLText.escapeForPost(text)]
        if let title, !title.isEmpty { object["displayName"] = title }
        return try await postActivity(addressed(["verb": "post", "object": object], audience))
    }

    /// A comment on `object`. No addresses: the server copies the original's (§4.5). When it
    /// cannot (pump.io's 500 "no original post": the object reached us only through a share,
    /// so our server has no post of it), once more with the parent's addressing and its author
    /// (`Activity.addressedOnRetry` then says so).
    public func reply(to object: PumpObject, text: String) async throws -> Activity {
        let comment: JSONObject = ["objectType": "comment", "content": HTMLText.escapeForPost(text),
                                   "inReplyTo": object.reference]
        do {
            return try await postActivity(["verb": "post", "object": comment])
        } catch PumpError.http(status: 500, let text) where text.lowercased().contains("no original post") {
            var body: JSONObject = ["verb": "post", "object": comment]
            let (to, cc) = Self.replyAddresses(for: object)
            body["to"] = to.map(\.json)
            if !cc.isEmpty { body["cc"] = cc.map(\.json) }
            var activity = try await postActivity(body)
            activity.addressedOnRetry = true
            return activity
        }
    }

    /// The parent's `to` with its author added, and its `cc`, each address once.
    static func replyAddresses(for object: PumpObject) -> (to: [Address], cc: [Address]) {
        var seen = Set<String>()
        let author = object.author.map { [Address(id: $0.id, objectType: "person")] } ?? []
        let to = (object.to + author).filter { seen.insert($0.id).inserted }
        return (to, object.cc.filter { seen.insert($0.id).inserted })
    }

    public func like(_ object: PumpObject) async throws -> Activity { try await simple(.favorite, object) }
    public func unlike(_ object: PumpObject) async throws -> Activity { try await simple(.unfavorite, object) }
    public func share(_ object: PumpObject) async throws -> Activity { try await simple(.share, object) }
    public func unshare(_ object: PumpObject) async throws -> Activity { try await simple(.unshare, object) }
    public func delete(_ object: PumpObject) async throws -> Activity { try await simple(.delete, object) }

    /// Edits our own object: new text (plain, escaped) and/or title; nil leaves a field as it is.
    public func update(_ object: PumpObject, text: String?, title: String?) async throws -> Activity {
        try await update(object, html: text.map(HTMLText.escapeForPost), title: title)
    }

    /// Edits our own object: new `content` HTML and/or title; nil leaves a field as it is, so
    /// a title-only edit sends no `content` and the server keeps its markup (issue 24).
    public func update(_ object: PumpObject, html: String?, title: String?) async throws -> Activity {
        var o = object.reference
        if let html { o["content"] = html }
        if let title { o["displayName"] = title }
        return try await postActivity(["verb": Verb.update.rawValue, "object": o])
    }

    public func follow(_ person: Person) async throws -> Activity {
        try await postActivity(["verb": Verb.follow.rawValue, "object": person.reference])
    }

    public func unfollow(_ person: Person) async throws -> Activity {
        try await postActivity(["verb": Verb.stopFollowing.rawValue, "object": person.reference])
    }

    /// Follows `nick@host`. On our own server the person's real id comes from their profile
    /// (ids are profile URLs on non-default ports); for other servers the `acct:` id is sent and
    /// our server resolves it by webfinger.
    public func follow(account: String) async throws -> Activity {
        let (nick, host) = try Self.splitAccount(account)
        let person: Person
        if host == base.hostAndPort { person = try await self.person(nick: nick) }
        else { person = Person(id: "acct:\(nick)@\(host)", preferredUsername: nick) }
        return try await follow(person)
    }

    /// Uploads an image and posts it with its title and description.
    ///
    /// pump.io 5.1.4 drops both from the post: the post's object is the upload, which exists,
    /// so the server keeps its stored copy (`ActivityObject.ensureObject`), and the API's upload
    /// route takes no title (only the web UI's session route does; pump.io #721, PyPump #91).
    /// An `update` after the post reached every follower as a second item, "updated an image"
    /// (issue 24). So the update goes *before* the post, addressed to ourselves only: the
    /// stored object has the title and text when the post copies it, and followers get one
    /// item. Without our profile URL (an address the server knows) it stays after the post.
    /// Returns the post activity, its object carrying the title/description.
    public func uploadImage(data: Data, mimeType: String, title: String? = nil, description: String? = nil,
                            audience: Audience = .public) async throws -> Activity {
        let uploads = try uploadsURL
        try requireLocal(uploads)
        let r = try await requester.send(method: "POST", url: uploads, body: data, contentType: mimeType)
        // Checked like any reply, then kept as sent: the post must carry the object as uploaded.
        guard try PumpError.jsonObject(from: r).string("id") != nil, let uploaded = JSONValue.parseAny(r.body) else {
            throw PumpError.badResponse("the upload has no id")
        }
        let hasTitle = !(title ?? "").isEmpty, hasText = !(description ?? "").isEmpty
        var object = uploaded
        if hasTitle { object["displayName"] = title }
        let content = HTMLText.escapeForPost(description ?? "")
        if hasText { object["content"] = content }
        let update: JSONObject = ["verb": Verb.update.rawValue, "object": object]
        let ourselves = me.id.lowercased().hasPrefix("http") ? [Address(id: me.id, objectType: "person").json] : nil
        if let ourselves, hasTitle || hasText {
            var first = update
            first["to"] = ourselves
            _ = try await postActivity(first)
        }
        // The title and text go in the post too: a server that keeps them there needs no update.
        var posted = try await postActivity(addressed(["verb": "post", "object": object], audience))
        if ourselves == nil, hasTitle || hasText, let o = try await postActivity(update).object {
            posted.object?.displayName = o.displayName
            posted.object?.content = o.content
        }
        if hasTitle, (posted.object?.displayName ?? "").isEmpty { posted.object?.displayName = title }
        if hasText, (posted.object?.content ?? "").isEmpty { posted.object?.content = content }
        return posted
    }

    // MARK: Reads of single things

    /// A person by nickname on our server.
    public func person(nick: String) async throws -> Person {
        let url = try endpoint(URL(string: base.absoluteString.trimmingSlash + "/api/user/\(Self.pathSafe(nick))/profile"),
                               "\(nick)'s profile")
        return try decodePerson(try await getJSON(url))
    }

    /// A fresh copy of `person` (counts, links, `followed`). People whose profile our server cannot
    /// serve (remote, no proxy) come back as given.
    public func profile(of person: Person) async throws -> Person {
        if isLocalPerson(person), let nick = person.nickname { return try await self.person(nick: nick) }
        for candidate in [person.links["self"], URL(string: person.id)].compactMap({ $0 }) where isLocal(candidate) {
            return try decodePerson(try await getJSON(candidate))
        }
        // A remote person through our server's proxy (issue 24). The answer is their server's
        // document, which knows no proxy of ours: the ones we had are kept for the next read.
        // Their server not answering leaves the profile as we had it, as for no proxy at all.
        if let proxy = person.proxyURL, isLocal(proxy), let json = try? await getJSON(proxy) {
            var fresh = try decodePerson(json)
            fresh.proxyURL = proxy
            if fresh.image?.proxyURL == nil, let known = person.image, known.url == fresh.image?.url { fresh.image = known }
            return fresh
        }
        return person
    }

    /// A person by id (`acct:nick@host` or a profile URL).
    public func profile(id: String) async throws -> Person {
        try await profile(of: Person(id: id))
    }

    /// One object by its id (API URL); remote objects through their proxy URL when known.
    public func object(id: String, proxyURL: URL? = nil) async throws -> PumpObject {
        let url = try endpoint(proxyURL ?? URL(string: id), "the object \(TerminalText.clean(id, .line, maxLength: 80))")
        let json = try await getJSON(url)
        // Some servers wrap the object in an activity; unwrap it.
        if Activity.looksLikeActivity(json), let o = json.object("object") { return PumpObject(json: o) }
        return PumpObject(json: json)
    }

    // MARK: Helpers

    func simple(_ verb: Verb, _ object: PumpObject) async throws -> Activity {
        try await postActivity(["verb": verb.rawValue, "object": object.reference])
    }

    func addressed(_ body: JSONObject, _ audience: Audience) -> JSONObject {
        var b = body
        switch audience {
        case .public:
            b["to"] = [Address.publicCollection.json]
            b["cc"] = [followersAddress.json]
        case .followers:
            b["to"] = [followersAddress.json]
        case .list(let list):
            b["to"] = [Address(id: list.id, objectType: "collection").json]
        case .people(let people):
            b["to"] = people.map { Address(id: $0.id, objectType: "person").json }
        }
        return b
    }

    func decodePerson(_ json: JSONNode) throws -> Person {
        let j = json.has("id") ? json : (json.object("profile") ?? json)
        guard let p = Person(json: j) else { throw PumpError.badResponse("the profile has no id") }
        return p
    }

    /// `nick@host` (an optional `acct:` prefix and surrounding spaces allowed) → parts; host lowercased.
    static func splitAccount(_ account: String) throws -> (String, String) {
        var a = account.trimmingSpaces
        if a.lowercased().hasPrefix("acct:") { a.removeFirst(5) }
        if a.hasPrefix("@") { a.removeFirst() }
        guard let at = a.firstIndex(of: "@") else { throw PumpError.invalidAccount("'\(TerminalText.clean(account, .message))' is not of the form nick@host") }
        let nick = String(a[..<at]), host = String(a[a.index(after: at)...]).lowercased()
        let nickOK = !nick.isEmpty && nick.count <= 64 && nick.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
        let hostOK = !host.isEmpty && !host.contains("@") && !host.contains("/") && !host.contains(" ")
        guard nickOK, hostOK else { throw PumpError.invalidAccount("'\(TerminalText.clean(account, .message))' is not of the form nick@host") }
        return (nick, host)
    }

    /// Nicknames are `[A-Za-z0-9._-]`; anything else is percent-encoded so it cannot alter the path.
    static func pathSafe(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Unicode.Scalar(b)
            if c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "._-~".unicodeScalars.contains(c)) {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
