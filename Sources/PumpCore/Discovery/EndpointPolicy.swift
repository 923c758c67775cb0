import Foundation

/// Where a login may send its secrets (issue 11). `--allow-http` is this command's decision
/// only: nothing on disk may widen it, so cached endpoints are held to the account's own origin
/// and https, and only what a later run without the flag would also accept is cached.
struct EndpointPolicy: Sendable {
    let account: AccountID
    let allowHTTP: Bool

    func httpPermitted(host: String) -> Bool { allowHTTP || AccountID.isLoopbackHost(host) }

    /// `scheme://host[:port]` of the account itself.
    func ownOrigin(scheme: String) -> String {
        Endpoints.origin(of: URL(string: "\(scheme)://\(account.hostWithPort)/")!)
    }

    /// Endpoints host-meta named in this run, fetched over `scheme` from the account's origin.
    /// The server may move its endpoints to another origin, but all five to one (credentials go
    /// to one server), never from https down to http, and http only where permitted.
    func checkDiscovered(_ e: Endpoints, over scheme: String) throws {
        let origins = Set(e.all.map(Endpoints.origin(of:)))
        guard origins.count == 1 else {
            throw PumpError.endpointsOffOrigin(origins.sorted().map { TerminalText.clean($0, .message) }.joined(separator: ", "))
        }
        for url in e.all where url.scheme?.lowercased() != "https" {
            let host = TerminalText.clean(url.host ?? account.host, .message)
            guard url.scheme?.lowercased() == "http" else { throw PumpError.endpointsOffOrigin(host) }
            if scheme == "https" { throw PumpError.downgradeRefused(host: host) }
            if !httpPermitted(host: url.host ?? account.host) { throw PumpError.insecureHTTPRefused(host: host) }
        }
    }

    /// A cached set must be on the account's own origin, over https unless this command permits http.
    func acceptsCached(_ e: Endpoints) -> Bool {
        let allowed = httpPermitted(host: account.host) ? ["https", "http"] : ["https"]
        return allowed.contains { scheme in e.all.allSatisfy { Endpoints.origin(of: $0) == ownOrigin(scheme: scheme) } }
    }

    /// Worth caching: what any later command would accept without `--allow-http`.
    func mayCache(_ e: Endpoints) -> Bool {
        EndpointPolicy(account: account, allowHTTP: false).acceptsCached(e)
    }
}
