import Foundation

/// A request as PumpCore builds it, before signing. Kept independent of the HTTP client library so the
/// signer and the API layer can be tested with a fake transport.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: Data
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status; self.headers = headers; self.body = body
    }
    public var contentType: String { headers["content-type"] ?? "" }
}

/// Sends one request and never follows redirects: every hop of a signed request must be
/// signed again (pump.io's whoami 302), so redirects are the caller's business.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse
}

/// The seam between the API layer (feeds, verbs) and the OAuth-signed session: a request
/// to the account's own server, signed 3-legged, redirects re-signed, errors mapped to
/// `PumpError`. Tests substitute a fake.
public protocol APIRequester: Sendable {
    /// `body` is JSON (or raw bytes for uploads, with their own content type); it is never signed.
    func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse
}

extension URL {
    /// `host[:port]` for messages: IPv6 literals bracketed, cleaned (the host may come from
    /// host-meta, percent-decoded into escape sequences).
    package var hostForMessages: String {
        let clean = TerminalText.clean(self.host ?? "?", .message)
        let host = clean.hasPrefix("[") ? clean : AccountID.bracketed(clean)
        return port.map { "\(host):\($0)" } ?? host
    }
}
