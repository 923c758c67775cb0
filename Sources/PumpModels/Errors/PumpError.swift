import Foundation

/// Every failure PumpCore reports: transport, OAuth, storage and the API's replies (one type for
/// the layer). `message` is for humans and never carries a secret: server text inside it has
/// been through `TerminalText` (via `ServerText.summary` or `PumpError.snippet`).
public enum PumpError: Error, Equatable, Sendable {
    case invalidAccount(String)
    case insecureHTTPRefused(host: String)
    case downgradeRefused(host: String)
    case endpointsOffOrigin(String)
    case connectionRefused(host: String)
    case dnsFailure(host: String)
    case tlsFailure(host: String, detail: String)
    case timeout(url: String)
    case network(host: String, detail: String)
    /// A proxy from the environment that cannot be used (nothing was sent), and one that failed.
    /// Both name the proxy (never its credentials), not the target it was asked for.
    case proxyUnusable(String)
    case proxyFailure(proxy: String, detail: String)
    case discoveryFailed(host: String, tried: [String])
    case registration(String)
    case invalidConsumerKey
    case invalidSignature
    case expiredToken
    /// "Invalid / used nonce" for a signed request: pump.io says this when it no longer knows
    /// the client the token belongs to (pumptui never reuses a nonce). Only a new login helps.
    case clientForgotten
    case wrongVerifier
    case requestTokenExpired
    case noRequestToken
    case http(status: Int, serverMessage: String)
    /// JSON was expected but something else came back (an HTML error page, a proxy's reply).
    case notJSON(status: Int, contentType: String, snippet: String)
    /// A URL the API needs cannot be derived (no nickname, no links, a non-URL id).
    case missingEndpoint(String)
    case badResponse(String)
    case bodyTooLarge(limit: Int)
    case rateLimited(host: String, seconds: Int)
    case redirectLoop
    case redirectToOtherHost(String)
    /// Discovery was redirected to another host (pump.io's `redirectToCanonical`): the name the
    /// server calls itself, and the account to log in as there.
    case serverCallsItself(host: String, account: String)
    /// Creating or renaming a list to a name another of your lists has.
    case listExists(String)
    case notAccountHost(String)
    case notLoggedIn(String)
    case storage(String)
    case cancelled

    public var message: String {
        switch self {
        case .invalidAccount(let why): return "invalid account: \(why)"
        case .insecureHTTPRefused(let host):
            return "refusing plain http to \(host): it would expose your credentials (use --allow-http to override)"
        case .downgradeRefused(let host):
            return "refusing plain http to \(host): the server was reached over https, so its endpoints must stay on https"
        case .endpointsOffOrigin(let origins):
            return "refusing the server's endpoints: they are not all on one https origin (\(origins))"
        case .connectionRefused(let host): return "could not connect to \(host): connection refused (is the server running?)"
        case .dnsFailure(let host): return "could not find host \(host) (DNS lookup failed)"
        case .tlsFailure(let host, let detail): return "TLS handshake with \(host) failed: \(detail)"
        case .timeout(let url): return "no answer from \(url) in time (timed out)"
        case .network(let host, let detail): return "network error talking to \(host): \(detail)"
        case .proxyUnusable(let why): return "refusing to connect: \(why); nothing was sent"
        case .proxyFailure(let proxy, let detail): return "proxy \(proxy): \(detail)"
        case .discoveryFailed(let host, let tried):
            return "could not discover the pump.io endpoints of \(host) (tried: \(tried.joined(separator: ", ")))"
        case .registration(let why): return "client registration failed: \(why)"
        case .invalidConsumerKey: return "the server does not know this client (Invalid Consumer Key)"
        case .invalidSignature:
            // Not the clock: pump.io checks no time window. A stored secret that does not match,
            // or a proxy that changes the address the server sees (scheme, host, port), does it.
            return "the server rejected the request signature (Invalid signature); the stored secret may not match (log in again), or the server sits behind a proxy that changes the address it sees"
        case .expiredToken: return "the server rejected the access token (Invalid / expired Token); log in again"
        case .clientForgotten: return "the server no longer knows this client (Invalid / used nonce); log in again"
        case .wrongVerifier: return "the verifier was not accepted; copy the Verifier value (not the Token) and try again"
        case .requestTokenExpired:
            return "the authorization was not approved in the browser, expired or was already used; a new authorization URL is needed"
        case .noRequestToken: return "no authorization in progress; start the login first"
        case .http(let status, let msg): return msg.isEmpty ? "server answered HTTP \(status)" : "server answered HTTP \(status): \(msg)"
        case .notJSON(let status, let ct, let snippet):
            return "expected JSON from the server but got \(ct.isEmpty ? "no content type" : ct) (HTTP \(status))"
                + (snippet.isEmpty ? "" : ": \(snippet)")
        case .missingEndpoint(let what): return "cannot find the address for \(what)"
        case .badResponse(let why): return "unexpected server reply: \(why)"
        case .bodyTooLarge(let limit): return "server reply larger than \(limit / (1024 * 1024)) MiB; refused"
        case .rateLimited(let host, let seconds):
            return "\(host) asked for a pause (too many requests or busy); not asking again for \(seconds) s"
        case .redirectLoop: return "too many redirects"
        case .redirectToOtherHost(let host): return "refusing to follow a redirect to another host (\(host)) with your credentials"
        case .serverCallsItself(let host, let account):
            return "the server redirects to \(host), the name it calls itself: log in as \(account)"
        case .listExists(let name): return "you already have a list named “\(name)”"
        case .notAccountHost(let host): return "refusing to send your credentials to \(host), which is not your account's server"
        case .notLoggedIn(let account): return "no stored login for \(account); run: pumptui login \(account)"
        case .storage(let why): return "credential store: \(why)"
        case .cancelled: return "cancelled"
        }
    }

    /// No answer at all from the server (refused, no DNS, no network, timed out, the proxy
    /// failed): the clients fall back to what the cache holds. A TLS failure is not offline:
    /// it may be an attack, and is shown as the error it is.
    public var isOffline: Bool {
        switch self {
        case .connectionRefused, .dnsFailure, .timeout, .network, .proxyFailure: return true
        default: return false
        }
    }

    /// Errors where the network never produced an HTTP answer (used to decide fallbacks).
    public var isConnectionLevel: Bool {
        switch self {
        case .connectionRefused, .dnsFailure, .tlsFailure, .timeout, .network, .proxyFailure: return true
        default: return false
        }
    }
}

extension PumpError: LocalizedError {
    public var errorDescription: String? { message }
}

extension PumpError: CustomStringConvertible {
    public var description: String { message }
}
