import Foundation
import Testing
@testable import PumpCore

/// Issue 6, Secrets: tokens and secrets never show in descriptions, reflection or error messages;
/// credential files end 0600; a save killed half-way leaves the old or the new file.
@Suite struct SecretTests {
    static let secrets = ["TOKEN-7f3a9c", "TOKENSECRET-b81e44", "CLIENTSECRET-55d0aa"]

    static let endpoints = Endpoints.conventional(base: URL(string: "https://pump.example/")!)
    static let account = StoredAccount(account: try! AccountID(parsing: "alice@pump.example"), token: secrets[0],
                                       tokenSecret: secrets[1], personID: "https://pump.example/alice",
                                       displayName: "Alice", endpoints: endpoints)
    static let client = ClientCredentials(clientID: "client-id-1", clientSecret: secrets[2])

    /// Every way Swift turns a value into text.
    func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    func expectNoSecret(_ texts: [String], extra: [String] = [], _ what: String) {
        for text in texts {
            for secret in SecretTests.secrets + extra {
                #expect(!text.contains(secret), "\(what) shows a secret: \(text.prefix(300))")
            }
        }
    }

    @Test func storedTypesNeverPrintSecrets() throws {
        let creds = OAuthCredentials(consumerKey: "client-id-1", consumerSecret: Self.secrets[2],
                                     token: Self.secrets[0], tokenSecret: Self.secrets[1])
        let reply = try #require(TokenReply(body: Data("oauth_token=\(Self.secrets[0])&oauth_token_secret=\(Self.secrets[1])".utf8)))
        let signed = SignedAPI(account: Self.account, client: Self.client, transport: FakeTransport { _ in text(500, "") })
        for (what, value) in [("StoredAccount", Self.account as Any), ("ClientCredentials", Self.client),
                              ("OAuthCredentials", creds), ("TokenReply", reply), ("SignedAPI", signed),
                              ("[StoredAccount]", [Self.account]), ("Optional(TokenReply)", Optional(reply) as Any)] {
            expectNoSecret(renderings(value), what)
        }
        // Still useful for debugging: the non-secret parts are there.
        #expect(String(describing: Self.account).contains("alice@pump.example"))
        #expect(String(describing: creds).contains("client-id-1"))
    }

    @Test func loginObjectsNeverPrintSecrets() async throws {
        let transport = FakeTransport { _ in text(500, "") }
        let store = CredentialStore(directory: tempDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        try store.save(client: Self.client, forHost: "pump.example")
        try store.save(account: Self.account)
        let login = PumpLogin(account: Self.account.account, store: store, transport: transport, verifierCallback: { _ in })
        await login.setPendingRequestToken(TokenReply(body: Data("oauth_token=\(Self.secrets[0])&oauth_token_secret=\(Self.secrets[1])".utf8)))
        expectNoSecret(renderings(login) + renderings(store), "PumpLogin/CredentialStore")
    }

    /// Error messages built from every kind of server reply, including ones that echo our
    /// credentials back (a hostile or broken server), never carry a secret we hold.
    @Test func errorsFromARealSessionCarryNoSecret() async throws {
        let s = try await FaultModeTests.Session()
        defer { s.cleanUp() }
        let stored = try #require(try s.store.account(s.server.account()))
        let client = try #require(try s.store.client(forHost: s.server.account().hostWithPort))
        let ours = [stored.token, stored.tokenSecret, client.clientSecret]
        var errors: [Error] = []
        for mode in ["html500", "badjson", "truncated", "wrongtype", "huge", "redirect-other-host"] {
            try await s.fault(mode)
            do { _ = try await s.api.feed(.inboxMajor) } catch { errors.append(error) }
        }
        try await s.server.control("/_test/revoke-access-tokens")
        do { _ = try await s.api.feed(.inboxMajor) } catch { errors.append(error) }
        #expect(errors.count == 7)
        for error in errors {
            var texts = renderings(error)
            if let e = error as? PumpError { texts.append(e.message) }
            if let e = error as? LocalizedError { texts.append(e.errorDescription ?? "") }
            expectNoSecret(texts, extra: ours, "error \(error)")
        }
    }

    @Test func errorReplyEchoingTheTokenDoesNotLeakIntoTheMessage() async throws {
        // A server that echoes the Authorization header into its error page: the message is the
        // page's title, never the body.
        let body = "<html><head><title>Bad request</title></head><body>OAuth oauth_token=\"\(Self.secrets[0])\"</body></html>"
        let error = ServerReply.error(for: HTTPResponse(status: 400, headers: ["content-type": "text/html"], body: Data(body.utf8)))
        expectNoSecret([error.message], "HTML error message")
    }

    // MARK: file modes

    func mode(_ url: URL) -> mode_t {
        var st = stat()
        _ = stat(url.path, &st)
        return st.st_mode & 0o777
    }

    @Test func credentialFilesEnd0600EvenWhenTheyExistedWider() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let accounts = dir.appendingPathComponent("accounts"), clients = dir.appendingPathComponent("clients")
        for d in [dir, accounts, clients] {
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            chmod(d.path, 0o755)
        }
        let accountFile = accounts.appendingPathComponent("alice@pump.example.json")
        let clientFile = clients.appendingPathComponent("pump.example.json")
        for f in [accountFile, clientFile] {
            _ = FileManager.default.createFile(atPath: f.path, contents: Data("{}".utf8))
            chmod(f.path, 0o644)
            #expect(mode(f) == 0o644)
        }
        let store = CredentialStore(directory: dir)
        try store.save(account: Self.account)
        try store.save(client: Self.client, forHost: "pump.example")
        #expect(mode(accountFile) == 0o600)
        #expect(mode(clientFile) == 0o600)
        #expect(mode(dir) == 0o700)
        #expect(mode(accounts) == 0o700)
        #expect(try store.account(Self.account.account)?.token == Self.account.token)
    }

    @Test func readingAWideFileNarrowsIt() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        try store.save(account: Self.account)
        let file = dir.appendingPathComponent("accounts/alice@pump.example.json")
        chmod(file.path, 0o644)
        _ = try store.account(Self.account.account)
        #expect(mode(file) == 0o600)
    }

    // MARK: killed saves

    static let childDirVariable = "PUMPTUI_TEST_SAVE_LOOP_DIR"

    /// The child side of `saveKilledAtRandomLeavesOldOrNew`: when started by it (the variable
    /// set), saves two alternating versions of an account forever; otherwise does nothing.
    @Test func saveLoopChild() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childDirVariable] else { return }
        let store = CredentialStore(directory: URL(fileURLWithPath: path))
        var a = Self.account, b = Self.account
        b.displayName = String(repeating: "long name ", count: 2000)  // a different size
        b.token = "OTHER"
        var i = 0
        while true {
            try store.save(account: i % 2 == 0 ? a : b)
            if i == 0 { _ = FileManager.default.createFile(atPath: path + "/started", contents: nil) }
            i += 1
            a.savedAt = Date()
        }
    }

    @Test func saveKilledAtRandomLeavesOldOrNew() throws {
        let dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        var kills = 0
        for round in 0..<12 {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent("started"))
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["--testing-library", "swift-testing", "--filter", "saveLoopChild"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.childDirVariable: dir.path]) { $1 }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("started").path), Date() < deadline {
                usleep(5_000)
            }
            usleep(UInt32.random(in: 1_000...40_000) + UInt32(round) * 1_000)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            if child.terminationReason == .uncaughtSignal { kills += 1 }
            // Whatever moment it died at, the file is one of the two versions, complete.
            let saved = try #require(try store.account(Self.account.account), "round \(round): no readable account")
            #expect(saved.token == Self.account.token || saved.token == "OTHER")
        }
        #expect(kills >= 10, "the child was killed while saving")
    }
}
