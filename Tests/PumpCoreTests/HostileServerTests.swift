import Foundation
import Testing
@testable import PumpCore

/// Issue 11: hostile bodies and pacing from the test server (loopback only), through the real
/// transport. Peak memory of the same bodies is measured on the binary in Tests/e2e/test_bounded.py.
@Suite struct HostileServerTests {
    typealias Session = FaultModeTests.Session

    func outcome(_ body: () async throws -> Void) async -> (PumpError?, TimeInterval) {
        let start = Date()
        do { try await body(); return (nil, Date().timeIntervalSince(start)) } catch {
            return (error as? PumpError, Date().timeIntervalSince(start))
        }
    }

    @Test(arguments: ["gzipbomb", "endless"])
    func unboundedBodiesEndAtTheCap(mode: String) async throws {
        let s = try await Session(timeout: 20)
        defer { s.cleanUp() }
        try await s.fault(mode)
        let (error, elapsed) = await outcome { _ = try await s.api.feed(.inboxMajor) }
        #expect(error == .bodyTooLarge(limit: 8 * 1024 * 1024), "\(mode): \(String(describing: error))")
        #expect(elapsed < 20, "stopped at the cap, not at the deadline")
        _ = try await s.api.feed(.inboxMajor)  // the pool recovers: the next request works
    }

    /// One byte a second: each read is quick, so only a total deadline ends it (within 1 s).
    @Test func aDrippingBodyEndsAtTheTotalDeadline() async throws {
        let s = try await Session(timeout: 3)
        defer { s.cleanUp() }
        try await s.fault("drip")
        let (error, elapsed) = await outcome { _ = try await s.api.feed(.inboxMajor) }
        guard case .timeout = error else { Issue.record("expected a timeout, got \(String(describing: error))"); return }
        #expect(elapsed >= 2.9 && elapsed < 4, "deadline 3 s, took \(elapsed) s")
    }

    @Test(arguments: zip(["ratelimit", "busy"], [429, 503]))
    func retryAfterIsHonoured(mode: String, status: Int) async throws {
        let s = try await Session()
        defer { s.cleanUp() }
        try await s.server.control("/_test/reset-log")
        try await s.fault(mode, count: nil)
        for _ in 0..<4 {  // what an impatient auto-refresh would do
            let (error, _) = await outcome { _ = try await s.api.feed(.inboxMajor) }
            guard case .rateLimited(_, let seconds) = error else {
                Issue.record("expected rateLimited, got \(String(describing: error))"); return
            }
            #expect(seconds > 100 && seconds <= 120)
        }
        let seen = try await s.requests().filter { $0.path.hasPrefix("/api/") }
        #expect(seen.count == 1, "one \(status), then no request until Retry-After has passed")
    }
}

@Suite struct RetryAfterGateTests {
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_000_000)
    }

    @Test func pausesTheOriginUntilRetryAfter() throws {
        let clock = Clock()
        let gate = RetryAfterGate(now: { clock.now })
        let url = URL(string: "https://pump.example/api/user/alice/inbox")!
        let other = URL(string: "https://other.example/")!
        #expect(throws: PumpError.rateLimited(host: "pump.example", seconds: 60)) {
            try gate.observe(HTTPResponse(status: 429, headers: ["retry-after": "60"]), url: url)
        }
        #expect(throws: PumpError.self) { try gate.check(url.appendingPathComponent("x")) }
        try gate.check(other)
        clock.now += 61
        try gate.check(url)
    }

    @Test func boundsAndDates() throws {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfterGate.seconds("Sun, 06 Nov 1994 08:50:37 GMT", now: now) == 60)
        #expect(RetryAfterGate.seconds("soon", now: now) == nil)
        let gate = RetryAfterGate(now: { now })
        let url = URL(string: "https://pump.example/")!
        #expect(throws: PumpError.rateLimited(host: "pump.example", seconds: 3600)) {
            try gate.observe(HTTPResponse(status: 429, headers: ["retry-after": "99999999"]), url: url)
        }
        // A 503 without Retry-After is an ordinary error reply, not a pause.
        let other = URL(string: "https://b.example/")!
        try gate.observe(HTTPResponse(status: 503), url: other)
        try gate.check(other)
    }
}

/// The shared client pools connections: a first login (discovery, registration, request token,
/// then access token and whoami) needs one TCP connection to its one origin, not one per request.
@Suite struct ConnectionReuseTests {
    @Test func aLoginUsesOneConnection() async throws {
        let server = try IntegrationServer()
        let dir = tempDirectory()
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        // Counted around pumptui's own steps only: approve.py (the browser) opens connections too.
        let before = try await server.connections()  // opens the pooled connection (or reuses one)
        let box = URLBox()
        let login = PumpLogin(account: server.account(), store: CredentialStore(directory: dir), verifierCallback: { box.add($0) })
        try await login.start()   // discovery (2 requests), registration, request token
        let started = try await server.connections()
        let verifier = try IntegrationServer.approve(try #require(box.last))
        let approved = try await server.connections()
        _ = try await login.verifier(verifier)   // access token, whoami and its redirect
        let finished = try await server.connections()
        #expect(started - before <= 1 && finished - approved <= 1, "\(before) \(started) \(approved) \(finished)")
    }
}
