import Foundation

/// The OAuth 1.0a `oob` login with PyPump's verifier-callback shape: `start()` discovers,
/// registers and gets a request token, then hands the authorize URL to the UI through the
/// `events` callback (`.authorizeURL`); the UI later calls `verifier(_:)` with what the user
/// pasted. The full-screen login and the line mode both consume these events.
///
/// An actor: the request token and the endpoints live here only (never on disk), and the UI
/// may call from any task.
public actor PumpLogin {
    public nonisolated let account: AccountID
    public nonisolated let applicationName: String
    private let store: CredentialStore
    private let allowHTTP: Bool
    private let transport: HTTPTransport
    private let emit: @Sendable (LoginEvent) -> Void
    private let timeout: TimeInterval = 30
    private let discoveryAttemptTimeout: TimeInterval

    private var endpoints: Endpoints?
    private var requestToken: TokenReply?
    private var reregistered = false
    /// Store writes (endpoint cache, client registration) still running. They overlap the next
    /// request instead of delaying it (two fsyncs each, 1–10 ms on a VM disk); `flushWrites`
    /// waits for them before anything reads or replaces those files, and before the URL is shown.
    private var pendingWrites: [Task<Void, Error>] = []

    /// `events` receives every progress step and each new authorize URL, in order, on the task
    /// that runs the step (before the step returns).
    public init(account: AccountID, applicationName: String = "pumptui", store: CredentialStore,
                allowHTTP: Bool = false, transport: HTTPTransport = AsyncHTTPTransport(),
                discoveryAttemptTimeout: TimeInterval = 5,
                events: @escaping @Sendable (LoginEvent) -> Void) {
        self.account = account; self.applicationName = applicationName; self.store = store
        self.allowHTTP = allowHTTP; self.transport = transport; self.emit = events
        self.discoveryAttemptTimeout = discoveryAttemptTimeout
    }

    /// PyPump's spelling: only the URL matters to the caller.
    public init(account: AccountID, store: CredentialStore, allowHTTP: Bool = false,
                transport: HTTPTransport = AsyncHTTPTransport(), discoveryAttemptTimeout: TimeInterval = 5,
                verifierCallback: @escaping @Sendable (URL) -> Void) {
        self.init(account: account, store: store, allowHTTP: allowHTTP, transport: transport,
                  discoveryAttemptTimeout: discoveryAttemptTimeout,
                  events: { if case .authorizeURL(let url) = $0 { verifierCallback(url) } })
    }

    /// Test seam: the request token in hand (the integration tests replay a used one).
    var pendingRequestToken: TokenReply? { requestToken }
    func setPendingRequestToken(_ token: TokenReply?) { requestToken = token }

    /// Discovery, registration (if this host has no client yet), request token, then
    /// `.authorizeURL` through the callback.
    public func start() async throws {
        let usedCache = try cachedEndpoints() != nil
        do {
            try await newRequestToken(endpoints: try await resolveEndpoints())
        } catch let error as PumpError where usedCache && PumpLogin.suggestsStaleCache(error) {
            // A stale cache (server moved): rediscover once.
            try? await flushWrites()
            try? store.removeEndpoints(forHost: account.hostWithPort)
            endpoints = nil
            try await newRequestToken(endpoints: try await resolveEndpoints())
        }
    }

    /// Replaces an expired or used request token with a new one (a new URL through the callback).
    public func renewRequestToken() async throws {
        requestToken = nil
        try await newRequestToken(endpoints: try await resolveEndpoints())
    }

    /// Exchanges the verifier, confirms the account with whoami and saves it.
    /// Wrong verifier: `.wrongVerifier`, the request token is kept for another try.
    /// Not approved yet, expired or used request token: `.requestTokenExpired` (the server does
    /// not tell these apart); the token is kept for a try after approving, or call `renewRequestToken()`.
    public func verifier(_ code: String) async throws -> PumpSession {
        let verifier = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let endpoints, let rt = requestToken else { throw PumpError.noRequestToken }
        guard !verifier.isEmpty else { throw PumpError.wrongVerifier }
        guard let client = try store.client(forHost: account.hostWithPort) else { throw PumpError.requestTokenExpired }

        emit(.progress(.exchangingVerifier))
        let access = try await exchange(verifier: verifier, requestToken: rt, client: client, endpoints: endpoints)
        let creds = OAuthCredentials(consumerKey: client.clientID, consumerSecret: client.clientSecret,
                                     token: access.token, tokenSecret: access.secret)
        emit(.progress(.confirmingAccount))
        let person = try await Whoami(transport: transport, timeout: timeout)
            .confirm(endpoints: endpoints, credentials: creds, typed: account)
        let authorizedAs = (person.nickname.flatMap { try? AccountID(nickname: $0, host: account.host, port: account.port) }) ?? account
        let mismatch = authorizedAs.nickname.lowercased() != account.nickname.lowercased()
        // Always the server's spelling: pump.io's nicknames are case-sensitive, so `Alice` typed
        // for `alice` would make every later request a 404 ("No such 'user' with id 'Alice'").
        let saveAs = authorizedAs

        emit(.progress(.saving))
        let displayName = person.displayName ?? person.nickname ?? saveAs.nickname
        try store.save(account: StoredAccount(account: saveAs, token: access.token, tokenSecret: access.secret,
                                              personID: person.id, displayName: displayName, endpoints: endpoints))
        return PumpSession(account: saveAs, typedAccount: account, personID: person.id, displayName: displayName,
                           authorizedAs: authorizedAs, accountMismatch: mismatch)
    }

    /// The whole flow with an async verifier provider (PyPump's callback returning the code),
    /// driven by the same events: each `.authorizeURL` goes to the provider. An expired request
    /// token is renewed once and the provider asked again with the new URL.
    public static func login(account: AccountID, applicationName: String = "pumptui", store: CredentialStore,
                             allowHTTP: Bool = false, transport: HTTPTransport = AsyncHTTPTransport(),
                             progress: @escaping @Sendable (LoginProgress) -> Void = { _ in },
                             verifierProvider: @escaping @Sendable (URL) async throws -> String) async throws -> PumpSession {
        let (urls, handOver) = AsyncStream<URL>.makeStream()
        let login = PumpLogin(account: account, applicationName: applicationName, store: store, allowHTTP: allowHTTP,
                              transport: transport) { event in
            switch event {
            case .progress(let step): progress(step)
            case .authorizeURL(let url): handOver.yield(url)
            }
        }
        try await login.start()
        var renewed = false
        for await url in urls {
            let code = try await verifierProvider(url)
            do {
                return try await login.verifier(code)
            } catch PumpError.requestTokenExpired where !renewed {
                renewed = true
                try await login.renewRequestToken()
            }
        }
        throw PumpError.noRequestToken
    }

    // MARK: steps

    private func resolveEndpoints() async throws -> Endpoints {
        if let endpoints { return endpoints }
        let found: Endpoints
        if let cached = try cachedEndpoints() {
            found = cached
        } else {
            let emit = self.emit
            let discovery = Discovery(transport: transport, allowHTTP: allowHTTP, attemptTimeout: discoveryAttemptTimeout,
                                      progress: { emit(.progress(.discovering($0))) })
            found = try await discovery.discover(account)
            if policy.mayCache(found) { write { [store, account] in try store.save(endpoints: found, forHost: account.hostWithPort) } }
        }
        endpoints = found
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
        emit(.progress(.registering))
        let client = try await ClientRegistration(transport: transport, timeout: timeout)
            .register(at: endpoints.registration, applicationName: applicationName)
        write { [store, account] in try store.save(client: client, forHost: account.hostWithPort) }
        return client
    }

    /// Gets a request token; on `Invalid Consumer Key` forgets the client and registers once more.
    private func newRequestToken(endpoints: Endpoints) async throws {
        var client = try await ensureClient(endpoints)
        let token: TokenReply
        do {
            token = try await requestToken(client: client, endpoints: endpoints)
        } catch PumpError.invalidConsumerKey where !reregistered {
            reregistered = true
            try await flushWrites()
            try store.removeClient(forHost: account.hostWithPort)
            client = try await ensureClient(endpoints)
            token = try await requestToken(client: client, endpoints: endpoints)
        }
        // The verifier step reads the client back from the store: it must be there first.
        try await flushWrites()
        let url = PumpLogin.authorizeURL(endpoints.authorize, token: token.token)
        requestToken = token
        emit(.authorizeURL(url))
    }

    private func write(_ body: @escaping @Sendable () throws -> Void) {
        pendingWrites.append(Task(operation: body))
    }

    /// Waits for every pending write; the first failure is thrown (the login cannot go on
    /// without its client on disk).
    private func flushWrites() async throws {
        let writes = pendingWrites
        pendingWrites = []
        var failure: Error?
        for w in writes {
            do { try await w.value } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    private func requestToken(client: ClientCredentials, endpoints: Endpoints) async throws -> TokenReply {
        emit(.progress(.requestingToken))
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
            // Keep the request token: the user may paste again. pump.io answers "Invalid /
            // expired Token" also for a token not approved yet, which still works once approved.
            case .wrongVerifier, .requestTokenExpired: break
            case .invalidConsumerKey:
                // The server lost our client: the request token died with it. Register anew on renewal.
                try? store.removeClient(forHost: account.hostWithPort)
                requestToken = nil
                throw PumpError.requestTokenExpired
            default: requestToken = nil
            }
            throw error
        }
        requestToken = nil  // single use
        guard let access = TokenReply(body: response.body) else {
            throw PumpError.badResponse("access token reply lacks oauth_token/oauth_token_secret")
        }
        return access
    }

    private static func suggestsStaleCache(_ error: PumpError) -> Bool {
        if error.isConnectionLevel { return true }
        if case .http(404, _) = error { return true }
        return false
    }

    /// `<authorize>?oauth_token=T` (or `&` when the endpoint already has a query). Not signed.
    static func authorizeURL(_ endpoint: URL, token: String) -> URL {
        let s = endpoint.absoluteString
        let sep = s.contains("?") ? "&" : "?"
        return URL(string: s + sep + "oauth_token=" + FormEncoding.percentEncode(token))!
    }
}
