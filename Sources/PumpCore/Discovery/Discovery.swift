import Foundation

/// Finds a server's endpoints (pump-api.md §1.4): https host-meta.json, then host-meta with a
/// JSON Accept, then pump.io's conventional paths if the host answered at all. Plain http only
/// for loopback hosts (tried directly: local test servers do not speak TLS) or with allowHTTP,
/// and then only when https is not there at all (a TLS failure is an error, never a fallback).
/// Every attempt is time-bounded and announced through `progress`.
public struct Discovery: Sendable {
    public var transport: HTTPTransport
    public var allowHTTP: Bool
    public var attemptTimeout: TimeInterval
    public var progress: @Sendable (String) -> Void

    public init(transport: HTTPTransport, allowHTTP: Bool = false, attemptTimeout: TimeInterval = 5,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.transport = transport; self.allowHTTP = allowHTTP
        self.attemptTimeout = attemptTimeout; self.progress = progress
    }

    /// Schemes to try, in order.
    public func schemes(for account: AccountID) -> [String] {
        if account.isLoopback { return ["http"] }
        return allowHTTP ? ["https", "http"] : ["https"]
    }

    public func discover(_ account: AccountID) async throws -> Endpoints {
        var tried: [String] = []
        var firstNetworkError: PumpError?
        for scheme in schemes(for: account) {
            let base = URL(string: "\(scheme)://\(account.hostWithPort)/")!
            switch try await discover(base: base, account: account, tried: &tried) {
            case .found(let endpoints):
                try EndpointPolicy(account: account, allowHTTP: allowHTTP).checkDiscovered(endpoints, over: scheme)
                return endpoints
            case .unreachable(let error):
                // A certificate failure means https exists and is broken or attacked: never a
                // reason to fall back to http (--allow-http is for servers without https at all).
                if case .tlsFailure = error { throw error }
                if firstNetworkError == nil { firstNetworkError = error }
            }
        }
        // One scheme: its own error says most ("connection refused"); several: list what was tried.
        if schemes(for: account).count == 1, let firstNetworkError { throw firstNetworkError }
        throw PumpError.discoveryFailed(host: account.hostWithPort, tried: tried)
    }

    private enum Outcome { case found(Endpoints), unreachable(PumpError) }

    private func discover(base: URL, account: AccountID, tried: inout [String]) async throws -> Outcome {
        let attempts: [(String, [String: String])] = [
            (".well-known/host-meta.json", ["Accept": "application/json"]),
            (".well-known/host-meta", ["Accept": "application/json"]),
        ]
        var answered = false
        for (path, headers) in attempts {
            let url = URL(string: path, relativeTo: base)!.absoluteURL
            progress(url.absoluteString)
            tried.append(url.absoluteString)
            do {
                let response = try await get(url, headers: headers, account: account)
                answered = true
                if response.status == 200, let endpoints = Endpoints.fromJRD(response.body) {
                    return .found(endpoints)
                }
            } catch let error as PumpError where error.isConnectionLevel {
                // The host does not answer on this scheme: the second path would not either.
                return .unreachable(error)
            }
        }
        precondition(answered)
        progress(base.absoluteString + " (conventional pump.io paths)")
        return .found(Endpoints.conventional(base: base))
    }

    /// An unsigned GET that follows redirects within the origin asked (nothing secret is sent).
    /// A redirect to another host of the same scheme is pump.io's `redirectToCanonical`: the
    /// server calls itself by that name and answers every request there, so the login must use
    /// it (credentials only ever go to the account's own host): say which. Other redirects
    /// (a scheme change) are answers like any other, so discovery goes on as if not found.
    private func get(_ url: URL, headers: [String: String], account: AccountID) async throws -> HTTPResponse {
        var current = url
        for _ in 0..<Self.maxRedirects {
            let response = try await transport.send(HTTPRequest(method: "GET", url: current, headers: headers),
                                                    timeout: attemptTimeout)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"],
                  let next = URL(string: location, relativeTo: current)?.absoluteURL,
                  next.scheme?.lowercased() == current.scheme?.lowercased() else { return response }
            if Endpoints.origin(of: next) != Endpoints.origin(of: current) {
                let host = TerminalText.clean(next.hostAndPort ?? location, .message)
                let suggestion = (try? AccountID(parsing: "\(account.nickname)@\(host)"))?.description ?? "your nick@\(host)"
                throw PumpError.serverCallsItself(host: host, account: suggestion)
            }
            current = next
        }
        throw PumpError.redirectLoop
    }

    static let maxRedirects = 5
}
