import Foundation
import Testing
@testable import PumpCore

/// Against testserver/pumpserver.py over real HTTP on loopback.
@Suite(.serialized) struct IntegrationTests {
    func store() -> CredentialStore { CredentialStore(directory: tempDirectory()) }

    func login(_ server: IntegrationServer, _ store: CredentialStore, as nick: String = "alice",
               user: String = "alice") async throws -> PumpSession {
        try await PumpLogin.login(account: server.account(nick), store: store) { url in
            try IntegrationServer.approve(url, user: user)
        }
    }

    @Test func fullLogin() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let steps = StepLog()
        let session = try await PumpLogin.login(account: server.account(), store: store,
                                                progress: { steps.add($0) }) { url in
            #expect(url.absoluteString.hasPrefix("http://127.0.0.1:\(server.port)/oauth/authorize?oauth_token="))
            return try IntegrationServer.approve(url)
        }
        #expect(session.account == server.account())
        #expect(!session.accountMismatch)
        #expect(session.personID.contains("alice"))
        let saved = try #require(try store.account(server.account()))
        #expect(!saved.token.isEmpty && !saved.tokenSecret.isEmpty)
        #expect(steps.all.contains(.registering) && steps.all.contains(.confirmingAccount) && steps.all.contains(.saving))
        #expect(steps.all.contains { if case .discovering = $0 { return true } else { return false } })
    }

    @Test func postThenReadBack() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        _ = try await login(server, store)
        let api = try SignedAPI(account: server.account(), store: store)
        let marker = "hello from swift \(UUID().uuidString)"
        let activity: [String: Any] = [
            "verb": "post", "object": ["objectType": "note", "content": marker],
            "to": [["objectType": "collection", "id": "http://activityschema.org/collection/public"]],
        ]
        let reply = try await api.postJSON(url: api.userAPIBase.appendingPathComponent("feed"),
                                           json: try JSONSerialization.data(withJSONObject: activity))
        #expect(String(decoding: reply, as: UTF8.self).contains(marker))
        let inbox = try await api.getJSON(url: api.userAPIBase.appendingPathComponent("inbox/major"))
        #expect(String(decoding: inbox, as: UTF8.self).contains(marker))
        let feed = try await api.getJSON(url: api.userAPIBase.appendingPathComponent("feed"))
        #expect(String(decoding: feed, as: UTF8.self).contains(marker))
    }

    /// On a server that compares the verifier with the token's (pump.io only checks that one
    /// is given: the test server's default, issue 24).
    @Test func wrongVerifierThenRightOne() async throws {
        let server = try IntegrationServer(arguments: ["--strict-verifier"])
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let box = URLBox()
        let login = PumpLogin(account: server.account(), store: store, verifierCallback: { box.add($0) })
        try await login.start()
        let url = try #require(box.last)
        let good = try IntegrationServer.approve(url)
        await #expect(throws: PumpError.wrongVerifier) { _ = try await login.verifier("WRONGverifierWRONGverif") }
        let session = try await login.verifier(good)
        #expect(session.account == server.account())
    }

    @Test func reusedRequestTokenIsExpiredAndRenewable() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let box = URLBox()
        let login = PumpLogin(account: server.account(), store: store, verifierCallback: { box.add($0) })
        try await login.start()
        let code = try IntegrationServer.approve(try #require(box.last))
        let used = try #require(await login.pendingRequestToken)
        _ = try await login.verifier(code)
        await login.setPendingRequestToken(used)   // replay the exchanged token
        await #expect(throws: PumpError.requestTokenExpired) { _ = try await login.verifier(code) }
        try await login.renewRequestToken()
        #expect(box.urls.count == 2 && box.urls[0] != box.urls[1])
        _ = try await login.verifier(try IntegrationServer.approve(try #require(box.last)))
    }

    @Test func expiredRequestToken() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let box = URLBox()
        let login = PumpLogin(account: server.account(), store: store, verifierCallback: { box.add($0) })
        try await login.start()
        try await server.control("/_test/expire-request-tokens")
        await #expect(throws: PumpError.requestTokenExpired) { _ = try await login.verifier("AAAAAAAAAAAAAAAAAAAAAA") }
        try await login.renewRequestToken()
        _ = try await login.verifier(try IntegrationServer.approve(try #require(box.last)))
    }

    @Test func serverNotRunning() async throws {
        let port = IntegrationServer.closedPort()
        let store = store()
        let account = try AccountID(parsing: "alice@127.0.0.1:\(port)")
        let start = Date()
        await #expect(throws: PumpError.connectionRefused(host: "127.0.0.1:\(port)")) {
            _ = try await PumpLogin.login(account: account, store: store) { _ in "x" }
        }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(PumpError.connectionRefused(host: "127.0.0.1:\(port)").message.contains("is the server running"))
    }

    @Test func invalidConsumerKeyReRegisters() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        _ = try await login(server, store)
        let oldClient = try #require(try store.client(forHost: server.account().hostWithPort))
        try await server.control("/_test/forget-clients")
        let api = try SignedAPI(account: server.account(), store: store)
        await #expect(throws: PumpError.invalidConsumerKey) { _ = try await api.getJSON(url: api.userAPIBase.appendingPathComponent("inbox")) }
        _ = try await login(server, store)
        let newClient = try #require(try store.client(forHost: server.account().hostWithPort))
        #expect(newClient.clientID != oldClient.clientID)
        let api2 = try SignedAPI(account: server.account(), store: store)
        _ = try await api2.getJSON(url: api2.userAPIBase.appendingPathComponent("inbox"))
    }

    @Test func otherUserAuthorizesIsFlagged() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let session = try await login(server, store, as: "alice", user: "bob")
        #expect(session.accountMismatch)
        #expect(session.account == server.account("bob"))
        #expect(store.accounts() == [server.account("bob")])
    }

    @Test func transportFaultsAreMapped() async throws {
        let server = try IntegrationServer()
        let store = store()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        _ = try await login(server, store)
        let stored = try #require(try store.account(server.account()))
        let client = try #require(try store.client(forHost: server.account().hostWithPort))
        let api = SignedAPI(account: stored, client: client, timeout: 2)
        let inbox = api.userAPIBase.appendingPathComponent("inbox")
        func fault(_ mode: String) async throws {
            try await server.control("/_test/fault", json: #"{"mode":"\#(mode)","path_prefix":"/api/","count":1}"#)
        }
        try await fault("huge")
        await #expect(throws: PumpError.bodyTooLarge(limit: 8 * 1024 * 1024)) { _ = try await api.getJSON(url: inbox) }
        try await fault("html500")
        await #expect(throws: PumpError.http(status: 500, serverMessage: "HTML page: Internal Server Error")) { _ = try await api.getJSON(url: inbox) }
        try await fault("wrongtype")
        await #expect(throws: PumpError.notJSON(status: 200, contentType: "text/html; charset=utf-8", snippet: "This is not JSON.")) { _ = try await api.getJSON(url: inbox) }
        try await server.control("/_test/fault", json: #"{"mode":"redirectloop","path_prefix":"/api/"}"#)
        await #expect(throws: PumpError.redirectLoop) { _ = try await api.getJSON(url: inbox) }
        try await server.control("/_test/fault", json: #"{"mode":"redirect-other-host","path_prefix":"/api/","count":1}"#)
        await #expect(throws: PumpError.redirectToOtherHost("localhost")) { _ = try await api.getJSON(url: inbox) }
        try await fault("slow")
        let start = Date()
        await #expect(throws: PumpError.timeout(url: inbox.absoluteString)) { _ = try await api.getJSON(url: inbox) }
        #expect(Date().timeIntervalSince(start) < 6)
        try await server.control("/_test/fault", json: #"{"mode":"none"}"#)
        _ = try await api.getJSON(url: inbox)
    }
}

final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [LoginProgress] = []
    func add(_ s: LoginProgress) { lock.withLock { steps.append(s) } }
    var all: [LoginProgress] { lock.withLock { steps } }
}
