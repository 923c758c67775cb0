import Foundation

/// The typed pump.io client API (feeds, paging, verbs) over the signed `APIRequester` seam.
/// Stateless apart from who "me" is; every call returns the decoded result or throws
/// (`PumpError`, as the requester throws for transport/OAuth failures).
public struct PumpAPI: Sendable {
    public let requester: APIRequester
    /// The logged-in account (its links and collection URLs are preferred over built paths).
    public let me: Person
    /// `scheme://host[:port]` of the account's server, for conventional paths.
    public let base: URL
    /// JSON bodies larger than this are refused before sending (`limitingJSONBodies`).
    public internal(set) var jsonBodyLimit: Int?
    /// For media on other servers that came without a proxy URL: fetched with no credentials
    /// (nil: such media are refused, as before). Never used for our own server.
    public internal(set) var unsigned: APIRequester?

    public init(requester: APIRequester, me: Person, base: URL? = nil) throws {
        guard let b = base ?? me.conventionalBase else { throw PumpError.missingEndpoint("the account's server") }
        guard me.nickname != nil else { throw PumpError.missingEndpoint("the account's nickname") }
        self.requester = requester; self.me = me; self.base = b
    }

    /// For callers that only know the login facts; the profile can be fetched later with `person(nick:)`.
    public init(requester: APIRequester, nickname: String, profileURL: URL?, base: URL) {
        let host = base.hostAndPort ?? "localhost"
        // A placeholder id only: verbs never send our own id (the server fills in the actor).
        let me = Person(id: profileURL?.absoluteString ?? "acct:\(nickname)@\(host)", preferredUsername: nickname)
        self.requester = requester; self.me = me; self.base = base
    }

    /// The same API with a fuller profile of "me" (e.g. after `person(nick:)`).
    public func with(me person: Person) -> PumpAPI {
        var api = PumpAPI(requester: requester, me: person, checkedBase: base)
        api.jsonBodyLimit = jsonBodyLimit
        api.unsigned = unsigned
        return api
    }

    private init(requester: APIRequester, me: Person, checkedBase: URL) {
        self.requester = requester; self.me = me; self.base = checkedBase
    }

    // MARK: Endpoints of "me"

    func endpoint(_ url: URL?, _ what: String) throws -> URL {
        guard let url else { throw PumpError.missingEndpoint(what) }
        return url
    }

    var outboxURL: URL { get throws { try endpoint(me.outboxURL(base: base), "your outbox") } }
    var uploadsURL: URL { get throws { try endpoint(me.conventionalURL("uploads", base: base), "your uploads") } }
    var followersAddress: Address {
        Address(id: (me.followersURL(base: base) ?? base).absoluteString, objectType: "collection")
    }

    /// Is `url` on our own server (so the signed requester may fetch it)?
    func isLocal(_ url: URL) -> Bool { url.hostAndPort == base.hostAndPort }

    // MARK: Requests

    /// Our token must never be sent to another host.
    func requireLocal(_ url: URL) throws {
        guard isLocal(url) else {
            throw PumpError.notAccountHost(TerminalText.clean(url.hostAndPort ?? url.absoluteString, .message))
        }
    }

    func getJSON(_ url: URL) async throws -> JSONNode {
        try requireLocal(url)
        let r = try await requester.send(method: "GET", url: url, body: nil, contentType: nil)
        return try PumpError.jsonObject(from: r)
    }

    func postJSON(_ url: URL, _ body: JSONObject) async throws -> JSONNode {
        try requireLocal(url)
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        if let jsonBodyLimit, data.count > jsonBodyLimit { throw RequestTooLarge(bytes: data.count, limit: jsonBodyLimit) }
        let r = try await requester.send(method: "POST", url: url, body: data, contentType: "application/json")
        return try PumpError.jsonObject(from: r)
    }

    /// Posts an activity to our outbox and decodes the complete activity the server answers with.
    func postActivity(_ body: JSONObject) async throws -> Activity {
        let json = try await postJSON(try outboxURL, body)
        guard Activity.looksLikeActivity(json) else {
            throw PumpError.badResponse("the outbox did not answer with an activity")
        }
        return Activity(json: json)
    }
}
