import Foundation
import Testing
@testable import PumpCore

/// A scripted pump.io server for login tests (conventional paths, http loopback).
final class FakePump: @unchecked Sendable {
    let lock = NSLock()
    var clients: Set<String> = []
    var registrations = 0
    var issued = 0
    var requestTokens: [String: String] = [:]   // token -> verifier
    var authorizedAs = "alice"
    var whoamiRefusesOAuth = false
    var nonces: Set<String> = []
    var forgetClientsOnce = false
    var transport: FakeTransport!

    init() {
        transport = FakeTransport { [unowned self] req in try self.handle(req) }
    }

    func handle(_ req: HTTPRequest) throws -> HTTPResponse {
        try lock.withLock {
            let f = oauthFields(req)
            if let n = f["oauth_nonce"] {
                if nonces.contains(n) { return text(401, "Invalid / used nonce") }
                nonces.insert(n)
            }
            switch (req.method, req.url.path) {
            case (_, "/.well-known/host-meta.json"), (_, "/.well-known/host-meta"):
                return text(404, "Not found")
            case ("POST", "/api/client/register"):
                let body = try JSONSerialization.jsonObject(with: req.body ?? Data()) as? [String: String]
                guard body?["type"] == "client_associate", body?["application_type"] == "native",
                      body?["application_name"] == "pumptui" else { return json(400, #"{"error":"bad"}"#) }
                registrations += 1
                let id = "client\(registrations)"
                clients.insert(id)
                return json(200, #"{"client_id":"\#(id)","client_secret":"csecret","expires_at":0}"#)
            case ("POST", "/oauth/request_token"):
                if forgetClientsOnce { forgetClientsOnce = false; clients.removeAll() }
                guard let ck = f["oauth_consumer_key"], clients.contains(ck) else { return text(400, "Invalid Consumer Key") }
                guard f["oauth_callback"] == "oob", f["oauth_token"] == nil else { return text(400, "Missing required parameter") }
                let t = "rt\(issued)"
                issued += 1
                requestTokens[t] = "verif-\(t)"
                return text(200, "oauth_token=\(t)&oauth_token_secret=rts&oauth_callback_confirmed=true")
            case ("POST", "/oauth/access_token"):
                guard let ck = f["oauth_consumer_key"], clients.contains(ck) else { return text(400, "Invalid Consumer Key") }
                guard let t = f["oauth_token"], let v = requestTokens[t] else { return text(401, "Invalid / expired Token") }
                guard f["oauth_verifier"] == v else { return text(401, "Invalid verifier") }
                requestTokens[t] = nil
                return text(200, "oauth_token=AT&oauth_token_secret=ATSECRET")
            case ("GET", "/api/whoami"):
                guard f["oauth_token"] == "AT" else { return text(400, "Invalid / expired Token") }
                if whoamiRefusesOAuth { return json(401, #"{"error":"Not logged in."}"#) }
                return HTTPResponse(status: 302, headers: ["location": "/api/user/\(authorizedAs)/profile"])
            case ("GET", let p) where p.hasPrefix("/api/user/") && p.hasSuffix("/profile"):
                guard f["oauth_token"] == "AT" else { return text(400, "Invalid / expired Token") }
                let nick = whoamiRefusesOAuth ? p.split(separator: "/")[2] : Substring(authorizedAs)
                return json(200, #"{"objectType":"person","id":"http://127.0.0.1:9/api/user/\#(nick)/profile","preferredUsername":"\#(nick)","displayName":"\#(nick.capitalized)"}"#)
            default:
                return text(404, "Not found")
            }
        }
    }
}

final class URLBox: @unchecked Sendable {
    let lock = NSLock()
    var urls: [URL] = []
    func add(_ u: URL) { lock.withLock { urls.append(u) } }
    var last: URL? { lock.withLock { urls.last } }
}

@Suite struct LoginFlowTests {
    let alice = try! AccountID(parsing: "alice@127.0.0.1:9")

    func makeLogin(_ pump: FakePump, _ store: CredentialStore, _ box: URLBox) -> PumpLogin {
        PumpLogin(account: alice, store: store, transport: pump.transport, verifierCallback: { box.add($0) })
    }

    func token(of url: URL) -> String { String(url.query!.dropFirst("oauth_token=".count)) }

    @Test func fullFlowSavesAccount() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        let login = makeLogin(pump, store, box)
        try await login.start()
        let url = try #require(box.last)
        #expect(url.absoluteString == "http://127.0.0.1:9/oauth/authorize?oauth_token=rt0")
        let session = try await login.verifier("  verif-rt0 \n")
        #expect(session.account == alice && !session.accountMismatch)
        #expect(session.displayName == "Alice")
        let saved = try #require(try store.account(alice))
        #expect(saved.token == "AT" && saved.tokenSecret == "ATSECRET")
        #expect(try store.client(forHost: "127.0.0.1:9")?.clientID == "client1")
        #expect(try store.endpoints(forHost: "127.0.0.1:9") != nil)
        #expect(!"\(session)".contains("ATSECRET"))
    }

    /// The store writes overlap the next request (issue 11), but the URL — after which the
    /// user may paste a verifier at once — only comes once the client and the endpoints are
    /// on disk: the verifier step reads the client back.
    /// The registration body is plain JSON with sorted keys; a name with quotes, a slash and
    /// non-ASCII text comes back whole (the body is encoded by JSONEncoder now).
    @Test func registrationBodyIsSortedJSON() throws {
        let plain = try JSONEncoder.sortedKeys.encode(ClientRegistration.Association(applicationName: "pumptui"))
        #expect(String(decoding: plain, as: UTF8.self)
                == #"{"application_name":"pumptui","application_type":"native","type":"client_associate"}"#)
        let odd = #"pump"tui/✓ 日本\n"#
        let data = try JSONEncoder.sortedKeys.encode(ClientRegistration.Association(applicationName: odd))
        let back = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(back == ["application_name": odd, "application_type": "native", "type": "client_associate"])
    }

    @Test func theClientIsOnDiskWhenTheURLArrives() async throws {
        let pump = FakePump(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        let seen = URLBox()
        let login = PumpLogin(account: alice, store: store, transport: pump.transport, verifierCallback: { url in
            if (try? store.client(forHost: "127.0.0.1:9")) != nil, (try? store.endpoints(forHost: "127.0.0.1:9")) != nil {
                seen.add(url)
            }
        })
        try await login.start()
        #expect(seen.last != nil)
    }

    @Test func wrongVerifierKeepsRequestToken() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let login = makeLogin(pump, CredentialStore(directory: dir), box)
        try await login.start()
        await #expect(throws: PumpError.wrongVerifier) { _ = try await login.verifier("nope") }
        let session = try await login.verifier("verif-rt0")
        #expect(session.account == alice)
    }

    @Test func usedTokenNeedsRenewal() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let login = makeLogin(pump, CredentialStore(directory: dir), box)
        try await login.start()
        pump.lock.withLock { pump.requestTokens["rt0"] = nil }   // expired on the server
        await #expect(throws: PumpError.requestTokenExpired) { _ = try await login.verifier("verif-rt0") }
        try await login.renewRequestToken()
        #expect(box.urls.count == 2)
        let t = token(of: box.last!)
        #expect(t == "rt1")
        _ = try await login.verifier("verif-\(t)")
    }

    @Test func reRegistersOnceOnInvalidConsumerKey() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        try store.save(client: ClientCredentials(clientID: "stale", clientSecret: "x"), forHost: "127.0.0.1:9")
        let login = makeLogin(pump, store, box)
        try await login.start()
        #expect(pump.registrations == 1)
        #expect(try store.client(forHost: "127.0.0.1:9")?.clientID == "client1")
        _ = try await login.verifier("verif-rt0")
    }

    @Test func mismatchedAccountSavedUnderRealOne() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        pump.authorizedAs = "bob"
        let store = CredentialStore(directory: dir)
        let login = makeLogin(pump, store, box)
        try await login.start()
        let s = try await login.verifier("verif-rt0")
        #expect(s.accountMismatch && s.account.description == "bob@127.0.0.1:9")
        #expect(store.accounts().map(\.description) == ["bob@127.0.0.1:9"])
    }

    /// pump.io's nicknames are case-sensitive (issue 24): `Alice` typed for alice is saved as the
    /// server spells it, and the session says so.
    @Test func nicknameSavedAsTheServerSpellsIt() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        let typed = try AccountID(parsing: "Alice@127.0.0.1:9")
        let login = PumpLogin(account: typed, store: store, transport: pump.transport, verifierCallback: { box.add($0) })
        try await login.start()
        let s = try await login.verifier("verif-rt0")
        #expect(!s.accountMismatch && s.account == alice && s.typedAccount == typed)
        #expect(s.spellingNote == "the server spells the name 'alice'")
        #expect(store.accounts().map(\.description) == ["alice@127.0.0.1:9"])
    }

    @Test func whoamiRefusingOAuthFallsBackToProfile() async throws {
        let pump = FakePump(), box = URLBox(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        pump.whoamiRefusesOAuth = true
        let login = makeLogin(pump, CredentialStore(directory: dir), box)
        try await login.start()
        let s = try await login.verifier("verif-rt0")
        #expect(s.account == alice)
        #expect(pump.transport.urls.contains("http://127.0.0.1:9/api/user/alice/profile"))
    }

    @Test func asyncProviderForm() async throws {
        let pump = FakePump(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let steps = URLBox()
        let session = try await PumpLogin.login(account: alice, store: CredentialStore(directory: dir),
                                                transport: pump.transport) { url in
            steps.add(url)
            return "verif-" + url.query!.dropFirst("oauth_token=".count)
        }
        #expect(session.account == alice)
        #expect(steps.urls.count == 1)
    }

    @Test func signedAPIResignsRedirectsAndRefusesOtherHosts() async throws {
        let e = Endpoints.conventional(base: URL(string: "http://127.0.0.1:9/")!)
        let account = StoredAccount(account: alice, token: "AT", tokenSecret: "S", personID: "p", displayName: "A", endpoints: e)
        let t = FakeTransport { req in
            switch req.url.path {
            case "/a": return HTTPResponse(status: 302, headers: ["location": "/b"])
            case "/b": return json(200, "{}", type: "application/json; charset=utf-8")
            case "/evil": return HTTPResponse(status: 302, headers: ["location": "http://evil.example/x"])
            case "/loop": return HTTPResponse(status: 302, headers: ["location": "/loop"])
            case "/expired": return text(400, "Invalid / expired Token")
            case "/html": return HTTPResponse(status: 200, headers: ["content-type": "text/html"], body: Data("<p>".utf8))
            default: return json(404, #"{"error":"No such user"}"#)
            }
        }
        let api = SignedAPI(account: account, client: ClientCredentials(clientID: "c", clientSecret: "cs"), transport: t)
        _ = try await api.getJSON(url: URL(string: "http://127.0.0.1:9/a")!)
        let n = t.requests.map { oauthFields($0)["oauth_nonce"] }
        #expect(n.count == 2 && n[0] != n[1])
        #expect(t.requests.allSatisfy { $0.headers["Accept"] == "application/stream+json, */*;q=0.1" })
        await #expect(throws: PumpError.redirectToOtherHost("evil.example")) { _ = try await api.getJSON(url: URL(string: "http://127.0.0.1:9/evil")!) }
        await #expect(throws: PumpError.redirectLoop) { _ = try await api.getJSON(url: URL(string: "http://127.0.0.1:9/loop")!) }
        await #expect(throws: PumpError.expiredToken) { _ = try await api.getJSON(url: URL(string: "http://127.0.0.1:9/expired")!) }
        await #expect(throws: PumpError.http(status: 404, serverMessage: "No such user")) { _ = try await api.getJSON(url: URL(string: "http://127.0.0.1:9/x")!) }
        await #expect(throws: PumpError.notJSON(status: 200, contentType: "text/html", snippet: "")) { _ = try await api.getJSON(url: URL(string: "http://127.0.0.1:9/html")!) }
        await #expect(throws: PumpError.notAccountHost("other.example")) { _ = try await api.getJSON(url: URL(string: "http://other.example:9/a")!) }
    }
}

extension JSONEncoder {
    static var sortedKeys: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
