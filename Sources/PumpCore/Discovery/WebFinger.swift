import Foundation

/// Looks a person up on their own server by `nick@host` (pump-api §1.3): an unsigned GET of
/// `/.well-known/webfinger?resource=acct:nick@host`, over the schemes discovery allows for that
/// host (http only for loopback or with allowHTTP). Nothing of ours is sent there: no token.
public struct WebFinger: Sendable {
    public var transport: HTTPTransport
    public var allowHTTP: Bool
    public var timeout: TimeInterval

    public init(transport: HTTPTransport, allowHTTP: Bool = false, timeout: TimeInterval = 5) {
        self.transport = transport; self.allowHTTP = allowHTTP; self.timeout = timeout
    }

    /// The person as their server describes them: `acct:` id, nickname, profile page and the
    /// collection links the JRD names. Throws a message that says which host failed and how.
    public func person(nick: String, host: String) async throws -> Person {
        let account = try AccountID(parsing: "\(nick)@\(host)")
        let resource = "acct:\(nick)@\(account.hostWithPort)"
        var firstError: PumpError?
        for scheme in Discovery(transport: transport, allowHTTP: allowHTTP).schemes(for: account) {
            let url = URL(string: "\(scheme)://\(account.hostWithPort)/.well-known/webfinger?resource=\(PumpAPI.queryValue(resource))")!
            do {
                let r = try await transport.send(HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"]),
                                                 timeout: timeout)
                if r.status == 404 { throw PumpError.http(status: 404, serverMessage: "\(account.hostWithPort) knows no \(resource)") }
                let jrd = try PumpError.jsonObject(from: r)
                return Self.person(from: jrd, resource: resource, nick: nick)
            } catch let e as PumpError where e.isConnectionLevel {
                if case .tlsFailure = e { throw e }
                if firstError == nil { firstError = e }
            }
        }
        throw firstError ?? PumpError.discoveryFailed(host: account.hostWithPort, tried: [])
    }

    /// JRD links (`[{rel, href}]`) → a Person with the links pump.io clients use.
    static func person(from jrd: JSONNode, resource: String, nick: String) -> Person {
        var links: [String: URL] = [:]
        var page: URL?
        for link in jrd.objects("links") {
            guard let rel = link.string("rel"), let href = link.string("href"), let url = URL(string: href),
                  url.scheme == "https" || url.scheme == "http" else { continue }
            if rel == "http://webfinger.net/rel/profile-page" { page = page ?? url }
            else if ["activity-inbox", "activity-outbox", "self"].contains(rel), links[rel] == nil { links[rel] = url }
        }
        return Person(id: resource, preferredUsername: nick, url: page, links: links)
    }
}
