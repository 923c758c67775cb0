import Foundation

/// The OAuth 1.0a `oob` login with PyPump's verifier-callback shape: `start()` discovers,
/// registers and gets a request token, then hands the authorize URL to `verifierCallback`;
/// the application later calls `verifier(_:)` with what the user pasted.
public final class PumpLogin: @unchecked Sendable {
    public let account: AccountID
    public let applicationName: String
    private let store: CredentialStore
    private let allowHTTP: Bool
    private let transport: HTTPTransport
    private let progress: @Sendable (LoginProgress) -> Void
    private let verifierCallback: @Sendable (URL) -> Void
    private let timeout: TimeInterval = 30
    private let discoveryAttemptTimeout: TimeInterval

    // Mutable login state, guarded by `lock` (the UI may call from any task).
    private let lock = NSLock()
    private var endpoints: Endpoints?
    private var requestToken: TokenReply?
    private var currentURL: URL?
    private var reregistered = false

    public init(account: AccountID, applicationName: String = "pumptui", store: CredentialStore,
                allowHTTP: Bool = false, transport: HTTPTransport = AsyncHTTPTransport(),
                progress: @escaping @Sendable (LoginProgress) -> Void = { _ in },
                verifierCallback: @escaping @Sendable (URL) -> Void) {
        self.account = account; self.applicationName = applicationName; self.store = store
        self.allowHTTP = allowHTTP; self.transport = transport; self.progress = progress
        self.verifierCallback = verifierCallback
        self.discoveryAttemptTimeout = 5
    }

    /// Test seam: a shorter per-attempt discovery budget.
    init(account: AccountID, store: CredentialStore, transport: HTTPTransport, discoveryAttemptTimeout: TimeInterval,
         verifierCallback: @escaping @Sendable (URL) -> Void) {
        self.account = account; self.applicationName = "pumptui"; self.store = store; self.allowHTTP = false
        self.transport = transport; self.progress = { _ in }; self.verifierCallback = verifierCallback
        self.discoveryAttemptTimeout = discoveryAttemptTimeout
    }

    /// Test seam: the request token in hand (the integration tests replay a used one).
    var pendingRequestToken: TokenReply? {
        get { lock.withLock { requestToken } }
        set { lock.withLock { requestToken = newValue } }
    }

    /// The authorize URL most recently handed to the callback.
    public var authorizeURL: URL? { lock.withLock { currentURL } }

    /// Discovery, registration (if this host has no client yet), request token, then
    /// `verifierCallback(authorizeURL)`.
    public func start() async throws {
        let usedCache = try cachedEndpoints() != nil
        do {
            try await newRequestToken(endpoints: try await resolveEndpoints())
        } catch let error as PumpError where usedCache && PumpLogin.suggestsStaleCache(error) {
            // A stale cache (server moved): rediscover once.
            try? store.removeEndpoints(forHost: account.hostWithPort)
            lock.withLock { endpoints = nil }
            try await newRequestToken(endpoints: try await resolveEndpoints())
        }
    }

    /// Replaces an expired or used request token with a new one (new URL via the callback).
    public func renewRequestToken() async throws {
        lock.withLock { requestToken = nil }
        try await newRequestToken(endpoints: try await resolveEndpoints())
    }

    /// Exchanges the verifier, confirms the account with whoami and saves it.
    /// Wrong verifier: `.wrongVerifier`, the request token is kept for another try.
    /// Expired or used request token: `.requestTokenExpired`; call `renewRequestToken()`.
    public func verifier(_ code: String) async throws -> PumpSession {
        let verifier = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let (endpoints, rt) = lock.withLock({ () -> (Endpoints, TokenReply)? in
            guard let e = self.endpoints, let t = requestToken else { return nil }
            return (e, t)
        }) else { throw PumpError.noRequestToken }
        guard !verifier.isEmpty else { throw PumpError.wrongVerifier }
        guard let client = try store.client(forHost: account.hostWithPort) else { throw PumpError.requestTokenExpired }

        progress(.exchangingVerifier)
        let access = try await exchange(verifier: verifier, requestToken: rt, client: client, endpoints: endpoints)
        let creds = OAuthCredentials(consumerKey: client.clientID, consumerSecret: client.clientSecret,
                                     token: access.token, tokenSecret: access.secret)
        progress(.confirmingAccount)
        let person = try await Whoami(transport: transport, timeout: timeout)
            .confirm(endpoints: endpoints, credentials: creds, typed: account)
        let authorizedAs = (person.nickname.flatMap { try? AccountID(nickname: $0, host: account.host, port: account.port) }) ?? account
        let mismatch = authorizedAs.nickname.lowercased() != account.nickname.lowercased()
        let saveAs = mismatch ? authorizedAs : account

        progress(.saving)
        let displayName = person.displayName ?? person.nickname ?? saveAs.nickname
        try store.save(account: StoredAccount(account: saveAs, token: access.token, tokenSecret: access.secret,
                                              personID: person.id, displayName: displayName, endpoints: endpoints))
        return PumpSession(account: saveAs, typedAccount: account, personID: person.id, displayName: displayName,
                           authorizedAs: authorizedAs, accountMismatch: mismatch)
    }

    /// The whole flow with an async verifier provider (PyPump's callback returning the code).
    /// An expired request token is renewed once and the provider asked again.
    public static func login(account: AccountID, applicationName: String = "pumptui", store: CredentialStore,
                             allowHTTP: Bool = false, transport: HTTPTransport = AsyncHTTPTransport(),
                             progress: @escaping @Sendable (LoginProgress) -> Void = { _ in },
                             verifierProvider: @escaping @Sendable (URL) async throws -> String) async throws -> PumpSession {
        let login = PumpLogin(account: account, applicationName: applicationName, store: store, allowHTTP: allowHTTP,
                              transport: transport, progress: progress, verifierCallback: { _ in })
        try await login.start()
        var renewed = false
        while true {
            guard let url = login.authorizeURL else { throw PumpError.noRequestToken }
            let code = try await verifierProvider(url)
            do {
                return try await login.verifier(code)
            } catch PumpError.requestTokenExpired where !renewed {
                renewed = true
                try await login.renewRequestToken()
            }
        }
    }

    // MARK: steps

    private func resolveEndpoints() async throws -> Endpoints {
        if let e = lock.withLock({ endpoints }) { return e }
        let found: Endpoints
        if let cached = try cachedEndpoints() {
            found = cached
        } else {
            let progress = self.progress
            let discovery = Discovery(transport: transport, allowHTTP: allowHTTP, attemptTimeout: discoveryAttemptTimeout,
                                      progress: { progress(.discovering($0)) })
            found = try await discovery.discover(account)
            if policy.mayCache(found) { try store.save(endpoints: found, forHost: account.hostWithPort) }
        }
        lock.withLock { endpoints = found }
        return found
    }

    private var policy: EndpointPolicy { EndpointPolicy(account: account, allowHTTP: allowHTTP) }

    /// The cache, only when it passes the rules fresh discovery would (own origin, https unless
    /// this command allows http); otherwise the server is asked again.
    private func cachedEndpoints() throws -> Endpoints? {
        try store.endpoints(forHost: account.hostWithPort).flatMap { policy.acceptsCached($0) ? $0 : nil }
    }

    private func ensureClient(_ endpoints: Endpoints) async throws -> ClientCredentials {
        if let client = try store.client(forHost: account.hostWithPort) { return client }
        progress(.registering)
        let client = try await ClientRegistration(transport: transport, timeout: timeout)
            .register(at: endpoints.registration, applicationName: applicationName)
        try store.save(client: client, forHost: account.hostWithPort)
        return client
    }

    /// Gets a request token; on `Invalid Consumer Key` forgets the client and registers once more.
    private func newRequestToken(endpoints: Endpoints) async throws {
        var client = try await ensureClient(endpoints)
        let token: TokenReply
        do {
            token = try await requestToken(client: client, endpoints: endpoints)
        } catch PumpError.invalidConsumerKey where !lock.withLock({ reregistered }) {
            lock.withLock { reregistered = true }
            try store.removeClient(forHost: account.hostWithPort)
            client = try await ensureClient(endpoints)
            token = try await requestToken(client: client, endpoints: endpoints)
        }
        let url = PumpLogin.authorizeURL(endpoints.authorize, token: token.token)
        lock.withLock { requestToken = token; currentURL = url }
        progress(.waitingForVerifier)
        verifierCallback(url)
    }

    private func requestToken(client: ClientCredentials, endpoints: Endpoints) async throws -> TokenReply {
        progress(.requestingToken)
        let creds = OAuthCredentials(consumerKey: client.clientID, consumerSecret: client.clientSecret)
        let request = OAuth1.sign(HTTPRequest(method: "POST", url: endpoints.requestToken), credentials: creds,
                                  extra: ["oauth_callback": "oob"])
        let response = try await transport.send(request, timeout: timeout)
        guard response.status == 200 else { throw ServerReply.error(for: response) }
        guard let token = TokenReply(body: response.body) else {
            throw PumpError.badResponse("request token reply lacks oauth_token/oauth_token_secret")
        }
        return token
    }

    private func exchange(verifier: String, requestToken rt: TokenReply, client: ClientCredentials,
                          endpoints: Endpoints) async throws -> TokenReply {
        let creds = OAuthCredentials(consumerKey: client.clientID, consumerSecret: client.clientSecret,
                                     token: rt.token, tokenSecret: rt.secret)
        let request = OAuth1.sign(HTTPRequest(method: "POST", url: endpoints.accessToken), credentials: creds,
                                  extra: ["oauth_verifier": verifier])
        let response = try await transport.send(request, timeout: timeout)
        guard response.status == 200 else {
            let error = ServerReply.accessTokenError(for: response)
            switch error {
            case .wrongVerifier: break  // keep the request token: the user may paste again
            case .invalidConsumerKey:
                // The server lost our client: the request token died with it. Register anew on renewal.
                try? store.removeClient(forHost: account.hostWithPort)
                lock.withLock { requestToken = nil }
                throw PumpError.requestTokenExpired
            default: lock.withLock { requestToken = nil }
            }
            throw error
        }
        lock.withLock { requestToken = nil }  // single use
        guard let access = TokenReply(body: response.body) else {
            throw PumpError.badResponse("access token reply lacks oauth_token/oauth_token_secret")
        }
        return access
    }

    static func suggestsStaleCache(_ error: PumpError) -> Bool {
        if error.isConnectionLevel { return true }
        if case .http(404, _) = error { return true }
        return false
    }

    /// `<authorize>?oauth_token=T` (or `&` when the endpoint already has a query). Not signed.
    static func authorizeURL(_ endpoint: URL, token: String) -> URL {
        let s = endpoint.absoluteString
        let sep = s.contains("?") ? "&" : "?"
        return URL(string: s + sep + "oauth_token=" + OAuth1.percentEncode(token))!
    }
}
