import Foundation

/// 3-legged signed calls to the account's own server, for the API layer (feeds, verbs).
/// Errors come back as `PumpError`: OAuth texts recognised, JSON `{"error"}` as `.http`.
public final class SignedAPI: APIRequester, Sendable {
    public static let acceptHeader = "application/stream+json, */*;q=0.1"
    public let account: StoredAccount
    private let fetcher: SignedFetcher
    private let origin: String

    public init(account: StoredAccount, client: ClientCredentials,
                transport: HTTPTransport = AsyncHTTPTransport(), timeout: TimeInterval = 30) {
        self.account = account
        self.origin = account.endpoints.origin
        self.fetcher = SignedFetcher(
            transport: transport,
            credentials: OAuthCredentials(consumerKey: client.clientID, consumerSecret: client.clientSecret,
                                          token: account.token, tokenSecret: account.tokenSecret),
            timeout: timeout)
    }

    /// Loads the account and its server's client from the store.
    public convenience init(account id: AccountID, store: CredentialStore,
                            transport: HTTPTransport = AsyncHTTPTransport(), timeout: TimeInterval = 30) throws {
        guard let stored = try store.account(id) else { throw PumpError.notLoggedIn(id.description) }
        try self.init(stored: stored, store: store, transport: transport, timeout: timeout)
    }

    /// For a caller that has read the account already: loads only its server's client.
    public convenience init(stored: StoredAccount, store: CredentialStore,
                            transport: HTTPTransport = AsyncHTTPTransport(), timeout: TimeInterval = 30) throws {
        guard let client = try store.client(forHost: stored.account.hostWithPort) else {
            throw PumpError.notLoggedIn(stored.account.description)
        }
        self.init(account: stored, client: client, transport: transport, timeout: timeout)
    }

    /// The authorized user's API root, e.g. `https://host/api/user/alice/`.
    public var userAPIBase: URL {
        URL(string: "/api/user/\(FormEncoding.percentEncode(account.account.nickname))/", relativeTo: account.endpoints.whoami)!
            .absoluteURL
    }

    /// Sends a signed request; returns only 2xx replies (other statuses throw a mapped error).
    public func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse {
        guard Endpoints.origin(of: url) == origin else { throw PumpError.notAccountHost(TerminalText.clean(url.host ?? "?", .message)) }
        var headers = ["Accept": SignedAPI.acceptHeader]
        if let contentType { headers["Content-Type"] = contentType }
        let response = try await fetcher.send(HTTPRequest(method: method, url: url, headers: headers, body: body))
        guard (200..<300).contains(response.status) else { throw ServerReply.error(for: response) }
        return response
    }

    /// GET expecting JSON; returns the body bytes for the caller's decoder.
    public func getJSON(url: URL) async throws -> Data {
        try SignedAPI.requireJSON(try await send(method: "GET", url: url, body: nil, contentType: nil))
    }

    /// POST a JSON body (never signed), expecting JSON back.
    public func postJSON(url: URL, json: Data) async throws -> Data {
        try SignedAPI.requireJSON(try await send(method: "POST", url: url, body: json, contentType: "application/json"))
    }

    public func postJSON<T: Encodable>(url: URL, json value: T) async throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try await postJSON(url: url, json: try encoder.encode(value))
    }

    static func requireJSON(_ response: HTTPResponse) throws -> Data {
        let ct = response.contentType.lowercased()
        guard ct.contains("json") else { throw PumpError.notJSON(status: response.status, contentType: TerminalText.clean(response.contentType, .message), snippet: PumpError.snippet(response)) }
        return response.body
    }
}
