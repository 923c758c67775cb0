import Foundation

/// The five OAuth/identity endpoints of a pump.io server, as discovered from host-meta.
public struct Endpoints: Codable, Sendable, Equatable {
    public var registration: URL
    public var requestToken: URL
    public var authorize: URL
    public var accessToken: URL
    public var whoami: URL

    public init(registration: URL, requestToken: URL, authorize: URL, accessToken: URL, whoami: URL) {
        self.registration = registration; self.requestToken = requestToken; self.authorize = authorize
        self.accessToken = accessToken; self.whoami = whoami
    }

    /// pump.io's fixed paths, for servers whose host-meta is missing or incomplete.
    public static func conventional(base: URL) -> Endpoints {
        func u(_ path: String) -> URL { URL(string: path, relativeTo: base)!.absoluteURL }
        return Endpoints(registration: u("/api/client/register"), requestToken: u("/oauth/request_token"),
                         authorize: u("/oauth/authorize"), accessToken: u("/oauth/access_token"),
                         whoami: u("/api/whoami"))
    }

    /// From a JRD `{"links":[{"rel":..., "href":...}]}`; nil unless all five rels are present.
    public static func fromJRD(_ data: Data) -> Endpoints? {
        guard let jrd = JSONValue.parseObject(data), jrd.has("links") else { return nil }
        var byRel: [String: URL] = [:]
        for link in jrd.objects("links") {
            guard let rel = link.string("rel"), let href = link.string("href"),
                  let url = URL(string: href), url.scheme != nil, url.host != nil else { continue }
            if byRel[rel] == nil { byRel[rel] = url }
        }
        let ns = "http://apinamespace.org/"
        guard let reg = byRel["registration_endpoint"], let rt = byRel[ns + "oauth/request_token"],
              let auth = byRel[ns + "oauth/authorize"], let at = byRel[ns + "oauth/access_token"],
              let who = byRel[ns + "activitypub/whoami"] else { return nil }
        return Endpoints(registration: reg, requestToken: rt, authorize: auth, accessToken: at, whoami: who)
    }

    package var all: [URL] { [registration, requestToken, authorize, accessToken, whoami] }

    /// The server that issued the credentials: scheme://host[:port] of the token endpoint.
    public var origin: String { Endpoints.origin(of: accessToken) }

    package static func origin(of url: URL) -> String {
        let scheme = (url.scheme ?? "").lowercased()
        let host = (url.host ?? "").lowercased()
        var port = url.port
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { port = nil }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}
