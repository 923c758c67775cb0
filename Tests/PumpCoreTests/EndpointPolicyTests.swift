import Foundation
import Testing
@testable import PumpCore

/// Issue 11: `--allow-http` is one command's decision, and credentials only go to the account's
/// own origin. The store is planted the way an earlier run (or another user) could leave it.
@Suite struct EndpointPolicyTests {
    let remote = try! AccountID(parsing: "alice@pump.example")

    func hostMeta(_ replace: [String: String] = [:]) -> String {
        replace.reduce(hostMetaJSON) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    func start(_ pump: FakePump, _ store: CredentialStore, allowHTTP: Bool = false) async throws {
        try await PumpLogin(account: remote, store: store, allowHTTP: allowHTTP, transport: pump.transport,
                            verifierCallback: { _ in }).start()
    }

    @Test func cachedHTTPEndpointsAreNotUsedWithoutTheFlag() async throws {
        let pump = FakePump(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        try store.save(endpoints: Endpoints.conventional(base: URL(string: "http://pump.example/")!), forHost: "pump.example")
        try await start(pump, store)
        #expect(!pump.transport.urls.isEmpty)
        #expect(pump.transport.urls.allSatisfy { $0.hasPrefix("https://pump.example/") }, "\(pump.transport.urls)")
    }

    @Test func cachedEndpointsOnAnotherOriginAreNotUsed() async throws {
        for other in ["https://evil.example/", "https://pump.example:8443/", "http://pump.example/"] {
            let pump = FakePump(), dir = tempDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = CredentialStore(directory: dir)
            try store.save(endpoints: Endpoints.conventional(base: URL(string: other)!), forHost: "pump.example")
            try await start(pump, store, allowHTTP: other.hasPrefix("http:") ? false : true)
            #expect(pump.transport.urls.allSatisfy { $0.hasPrefix("https://pump.example/") }, "\(other): \(pump.transport.urls)")
        }
    }

    @Test func anHTTPLoginRecordsNothingThatWidensTheNextRun() async throws {
        let pump = FakePump(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        let noHTTPS = FakeTransport { req in
            if req.url.scheme == "https" { throw PumpError.connectionRefused(host: "pump.example") }
            return try pump.handle(req)
        }
        try await PumpLogin(account: remote, store: store, allowHTTP: true, transport: noHTTPS, verifierCallback: { _ in }).start()
        #expect(try store.endpoints(forHost: "pump.example") == nil)
        let before = noHTTPS.urls.count
        await #expect(throws: PumpError.connectionRefused(host: "pump.example")) {
            try await PumpLogin(account: remote, store: store, transport: noHTTPS, verifierCallback: { _ in }).start()
        }
        #expect(noHTTPS.urls.dropFirst(before).allSatisfy { $0.hasPrefix("https:") })
    }

    @Test func aCertificateFailureIsNeverAFallbackToHTTP() async throws {
        let t = FakeTransport { req in
            if req.url.scheme == "https" { throw PumpError.tlsFailure(host: "pump.example", detail: "self-signed certificate") }
            return text(404, "no")
        }
        await #expect(throws: PumpError.tlsFailure(host: "pump.example", detail: "self-signed certificate")) {
            try await Discovery(transport: t, allowHTTP: true).discover(remote)
        }
        #expect(t.urls.allSatisfy { $0.hasPrefix("https:") })
    }

    @Test func hostMetaMayNotSplitTheTokenExchangeOffToAnotherPort() async throws {
        let t = FakeTransport { _ in
            json(200, self.hostMeta(["https://pump.example/oauth/access_token": "https://pump.example:8443/oauth/access_token"]))
        }
        await #expect(throws: PumpError.self) { try await Discovery(transport: t).discover(remote) }
    }

    @Test func hostMetaOverHTTPSMayNotDowngradeEvenWithTheFlag() async throws {
        let t = FakeTransport { _ in json(200, self.hostMeta(["https:": "http:"])) }
        await #expect(throws: PumpError.downgradeRefused(host: "pump.example")) {
            try await Discovery(transport: t, allowHTTP: true).discover(remote)
        }
    }

    @Test func endpointsMovedWholeByThisRunsDiscoveryAreUsedButNotCached() async throws {
        let moved = hostMeta(["https://pump.example/": "https://api.pump.example/"])
        let pump = FakePump(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = FakeTransport { req in
            req.url.path.hasPrefix("/.well-known/") ? json(200, moved) : try pump.handle(req)
        }
        let store = CredentialStore(directory: dir)
        try await PumpLogin(account: remote, store: store, transport: t, verifierCallback: { _ in }).start()
        #expect(t.urls.last?.hasPrefix("https://api.pump.example/oauth/request_token") == true)
        #expect(try store.endpoints(forHost: "pump.example") == nil)
    }

    @Test func ownHTTPSOriginIsCached() async throws {
        let pump = FakePump(), dir = tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CredentialStore(directory: dir)
        try await start(pump, store)
        #expect(try store.endpoints(forHost: "pump.example")?.origin == "https://pump.example")
    }
}
