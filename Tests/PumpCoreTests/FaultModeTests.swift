import Foundation
import Testing
@testable import PumpCore

/// Issue 6 fault modes against the test server: each ends in one clear, typed error within a
/// bounded time, and nothing stored is lost. Each test has its own server (tests run in parallel).
@Suite struct FaultModeTests {
    /// A logged-in account on a fresh server, with a short request timeout.
    struct Session {
        let server: IntegrationServer
        let store: CredentialStore
        let signed: SignedAPI
        let api: PumpAPI
        var inbox: URL { signed.userAPIBase.appendingPathComponent("inbox/major") }

        init(timeout: TimeInterval = 2) async throws {
            server = try IntegrationServer()
            store = CredentialStore(directory: tempDirectory())
            let port = server.port
            _ = try await PumpLogin.login(account: server.account(), store: store) { url in
                try IntegrationServer.approve(url)
            }
            signed = try SignedAPI(account: server.account(), store: store, timeout: timeout)
            api = PumpAPI(requester: signed, nickname: "alice", profileURL: nil,
                          base: URL(string: "http://127.0.0.1:\(port)")!)
        }

        func fault(_ mode: String, count: Int? = 1) async throws {
            let countPart = count.map { #","count":\#($0)"# } ?? ""
            try await server.control("/_test/fault", json: #"{"mode":"\#(mode)","path_prefix":"/api/"\#(countPart)}"#)
        }

        /// The requests the server saw since the last reset: (path, had Authorization).
        func requests() async throws -> [(path: String, authorized: Bool)] {
            let url = URL(string: "/_test/requests", relativeTo: server.base)!.absoluteURL
            let r = try await AsyncHTTPTransport(gate: RetryAfterGate()).send(HTTPRequest(method: "POST", url: url), timeout: 5)
            let list = try JSONSerialization.jsonObject(with: r.body) as? [[String: Any]] ?? []
            return list.map { ($0["path"] as? String ?? "", $0["authorization"] as? Bool ?? false) }
        }

        func cleanUp() { server.stop(); try? FileManager.default.removeItem(at: store.directory) }
    }

    /// Runs `body`, returning the error it threw (nil if none) and how long it took.
    func failure(_ body: () async throws -> Void) async -> (Error?, TimeInterval) {
        let start = Date()
        do { try await body(); return (nil, Date().timeIntervalSince(start)) } catch {
            return (error, Date().timeIntervalSince(start))
        }
    }

    func text(_ error: Error?) -> String {
        if let e = error as? PumpError { return e.message }
        return String(describing: error)
    }

    @Test func slowReplyTimesOut() async throws {
        let s = try await Session(timeout: 2)
        defer { s.cleanUp() }
        try await s.fault("slow")
        let (error, elapsed) = await failure { _ = try await s.api.feed(.inboxMajor) }
        guard case .timeout = error as? PumpError else { Issue.record("expected timeout, got \(String(describing: error))"); return }
        #expect(text(error).contains("timed out"))
        #expect(elapsed < 8, "a 2 s timeout must not wait for the 15 s reply")
    }

    @Test func html500IsSummarised() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        try await s.fault("html500")
        let (error, _) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .http(status: 500, serverMessage: "HTML page: Internal Server Error"))
        #expect(text(error) == "server answered HTTP 500: HTML page: Internal Server Error")
        #expect(!text(error).contains("<"))
    }

    @Test(arguments: ["badjson", "truncated"])
    func malformedJSONIsReported(mode: String) async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        try await s.fault(mode)
        let (error, _) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .badResponse("malformed or truncated JSON"))
        #expect(text(error) == "unexpected server reply: malformed or truncated JSON")
        // The app keeps working: the next request succeeds.
        _ = try await s.api.feed(.inboxMajor)
    }

    @Test func wrongContentTypeIsReported() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        try await s.fault("wrongtype")
        let (error, _) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .notJSON(status: 200, contentType: "text/html; charset=utf-8",
                                                 snippet: "This is not JSON."))
        #expect(text(error).hasPrefix("expected JSON from the server but got text/html"))
    }

    @Test func hugeBodyIsRefused() async throws {
        let s = try await Session(timeout: 10)
        defer { s.cleanUp() }
        try await s.fault("huge")
        let (error, elapsed) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .bodyTooLarge(limit: 8 * 1024 * 1024))
        #expect(text(error) == "server reply larger than 8 MiB; refused")
        #expect(elapsed < 10)
    }

    /// The cap is the transport's: a reply over it is refused whatever its size.
    @Test func bodyCapIsConfigurable() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        let small = SignedAPI(account: try #require(try s.store.account(s.server.account())),
                              client: try #require(try s.store.client(forHost: s.server.account().hostWithPort)),
                              transport: AsyncHTTPTransport(maxBodyBytes: 512), timeout: 5)
        let (error, _) = await failure { _ = try await small.getJSON(url: s.inbox) }
        #expect(error as? PumpError == .bodyTooLarge(limit: 512))
    }

    @Test func redirectLoopStops() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        try await s.server.control("/_test/reset-log")
        try await s.fault("redirectloop", count: nil)
        let (error, elapsed) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .redirectLoop)
        #expect(text(error) == "too many redirects")
        #expect(elapsed < 10)
        let hops = try await s.requests().filter { $0.path.hasPrefix("/api/") }
        #expect(hops.count == 6, "first request plus 5 redirects, then stop")
    }

    /// The redirect points at `localhost` (another origin): the signed request must not follow it,
    /// so the server sees exactly one request, and no Authorization ever arrives for the new host.
    @Test func redirectToOtherHostKeepsCredentials() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        try await s.server.control("/_test/reset-log")
        try await s.fault("redirect-other-host")
        let (error, _) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .redirectToOtherHost("localhost"))
        #expect(text(error) == "refusing to follow a redirect to another host (localhost) with your credentials")
        let seen = try await s.requests().filter { $0.path.hasPrefix("/api/") }
        #expect(seen.count == 1)
        #expect(seen.first?.authorized == true)
    }

    @Test func revokedTokenMidSessionKeepsStoredCredentials() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        _ = try await s.api.feed(.inboxMajor)
        let file = s.store.directory.appendingPathComponent("accounts/\(s.server.account()).json")
        let before = try Data(contentsOf: file)
        let accountBefore = try s.store.account(s.server.account())
        try await s.server.control("/_test/revoke-access-tokens")
        let (error, _) = await failure { _ = try await s.api.feed(.inboxMajor) }
        #expect(error as? PumpError == .expiredToken)
        #expect(text(error).contains("log in again"))
        #expect(try Data(contentsOf: file) == before)
        #expect(try s.store.account(s.server.account()) == accountBefore)
    }

    @Test func invalidConsumerKeyDuringLoginRegistersAgain() async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        let host = s.server.account().hostWithPort
        let oldClient = try #require(try s.store.client(forHost: host))
        try await s.server.control("/_test/forget-clients")
        let steps = StepLog()
        _ = try await PumpLogin.login(account: s.server.account(), store: s.store, progress: { steps.add($0) }) { url in
            try IntegrationServer.approve(url)
        }
        #expect(steps.all.contains(.registering))
        #expect(try s.store.client(forHost: host)?.clientID != oldClient.clientID)
        let api = try SignedAPI(account: s.server.account(), store: s.store)
        _ = try await api.getJSON(url: api.userAPIBase.appendingPathComponent("inbox"))
    }
}

/// Connection refused, DNS failure and a bad TLS certificate: three different messages.
@Suite struct FaultNetworkTests {
    func error(_ url: String, timeout: TimeInterval = 5) async -> PumpError? {
        do {
            _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: URL(string: url)!), timeout: timeout)
            return nil
        } catch { return error as? PumpError }
    }

    @Test func connectionRefused() async {
        let port = IntegrationServer.closedPort()
        let e = await error("http://127.0.0.1:\(port)/")
        #expect(e == .connectionRefused(host: "127.0.0.1:\(port)"))
        #expect(e?.message == "could not connect to 127.0.0.1:\(port): connection refused (is the server running?)")
    }

    @Test func dnsFailure() async {
        let e = await error("https://no-such-host.invalid/")
        #expect(e == .dnsFailure(host: "no-such-host.invalid"))
        #expect(e?.message == "could not find host no-such-host.invalid (DNS lookup failed)")
    }

    @Test func tlsCertificateFailure() async throws {
        let tls = try SelfSignedTLSServer()
        defer { tls.stop() }
        let e = await error("https://127.0.0.1:\(tls.port)/")
        guard case .tlsFailure(let host, _) = e else {
            Issue.record("expected tlsFailure, got \(String(describing: e))"); return
        }
        #expect(host == "127.0.0.1:\(tls.port)")
        #expect(e?.message.hasPrefix("TLS handshake with 127.0.0.1:\(tls.port) failed") == true)
        #expect(tls.handshakes() >= 1, "the client did reach the TLS listener")
    }

    @Test func messagesDiffer() {
        let messages = [PumpError.connectionRefused(host: "h"), .dnsFailure(host: "h"),
                        .tlsFailure(host: "h", detail: "d"), .timeout(url: "u")].map(\.message)
        #expect(Set(messages).count == messages.count)
    }
}

/// A small Python program listening on 127.0.0.1 that prints its port first, then one line per
/// connection it accepts.
final class PythonLoopbackServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let out = Pipe()
    private var early = Data()

    init(script: String, arguments: [String] = []) throws {
        process.executableURL = IntegrationServer.python
        process.arguments = ["-c", script] + arguments
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).split(separator: "\n").first ?? "") else {
            kill(process.processIdentifier, SIGKILL)
            throw SetupError("loopback helper did not start")
        }
        self.port = port
        early = line
    }

    /// Stops the program; returns how many connections it had accepted.
    func stopCountingConnections() -> Int {
        stop()
        let all = early + out.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: all, as: UTF8.self).components(separatedBy: "accepted").count - 1
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}

/// A loopback-only TLS listener with a fresh self-signed certificate (Python's ssl module), so a
/// client that verifies certificates must refuse it.
final class SelfSignedTLSServer: @unchecked Sendable {
    let dir = tempDirectory()
    private let server: PythonLoopbackServer
    var port: Int { server.port }

    init() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-keyout", dir.appendingPathComponent("key.pem").path,
                             "-out", dir.appendingPathComponent("cert.pem").path]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SetupError("openssl could not make a certificate") }
        let script = """
        import socket, ssl, sys
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[1], sys.argv[2])
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
        print(s.getsockname()[1], flush=True)
        while True:
            c, _ = s.accept()
            print("accepted", flush=True)
            try:
                t = ctx.wrap_socket(c, server_side=True); t.recv(1024)
                t.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok"); t.close()
            except Exception:
                c.close()
        """
        server = try PythonLoopbackServer(script: script, arguments: [dir.appendingPathComponent("cert.pem").path,
                                                                       dir.appendingPathComponent("key.pem").path])
    }

    func handshakes() -> Int { defer { stop() }; return server.stopCountingConnections() }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: dir)
    }
}
