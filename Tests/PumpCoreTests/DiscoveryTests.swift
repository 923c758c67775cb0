import Foundation
import Testing
@testable import PumpCore

let hostMetaJSON = """
{"links":[{"rel":"registration_endpoint","href":"https://pump.example/api/client/register"},
{"rel":"http://apinamespace.org/oauth/request_token","href":"https://pump.example/oauth/request_token"},
{"rel":"http://apinamespace.org/oauth/authorize","href":"https://pump.example/oauth/authorize"},
{"rel":"http://apinamespace.org/oauth/access_token","href":"https://pump.example/oauth/access_token"},
{"rel":"http://apinamespace.org/activitypub/whoami","href":"https://pump.example/api/whoami"}]}
"""

@Suite struct DiscoveryTests {
    @Test func httpsHostMetaJSONFirst() async throws {
        let t = FakeTransport { req in
            req.url.path == "/.well-known/host-meta.json" ? json(200, hostMetaJSON) : text(404, "no")
        }
        let e = try await Discovery(transport: t).discover(try AccountID(parsing: "alice@pump.example"))
        #expect(t.urls == ["https://pump.example/.well-known/host-meta.json"])
        #expect(e.whoami.absoluteString == "https://pump.example/api/whoami")
        #expect(t.timeouts.allSatisfy { $0 <= 5 })
    }

    @Test func hostMetaWithJSONAcceptSecond() async throws {
        let t = FakeTransport { req in
            req.url.path == "/.well-known/host-meta" && req.headers["Accept"] == "application/json"
                ? json(200, hostMetaJSON) : text(404, "no")
        }
        let e = try await Discovery(transport: t).discover(try AccountID(parsing: "alice@pump.example"))
        #expect(t.urls.count == 2)
        #expect(e.requestToken.absoluteString == "https://pump.example/oauth/request_token")
    }

    @Test func conventionalPathsWhenHostAnswers() async throws {
        let t = FakeTransport { _ in text(404, "Not found") }
        let seen = URLBox()
        let e = try await Discovery(transport: t, progress: { s in seen.add(URL(string: s) ?? URL(string: "x:")!) })
            .discover(try AccountID(parsing: "alice@pump.example:8443"))
        #expect(e.registration.absoluteString == "https://pump.example:8443/api/client/register")
        #expect(e.authorize.absoluteString == "https://pump.example:8443/oauth/authorize")
        #expect(seen.urls.count == 3)
    }

    /// pump.io's `redirectToCanonical` (issue 24): a redirect within the origin is followed; one
    /// to another host names the host and the account to use there (registration got "HTTP 301").
    @Test func redirectsWithinTheOriginAreFollowedOthersNamed() async throws {
        let moved = FakeTransport { req in
            switch req.url.path {
            case "/.well-known/host-meta.json": return HTTPResponse(status: 301, headers: ["location": "/pump/host-meta.json"])
            case "/pump/host-meta.json": return json(200, hostMetaJSON)
            default: return text(404, "no")
            }
        }
        let e = try await Discovery(transport: moved).discover(try AccountID(parsing: "alice@pump.example"))
        #expect(e.whoami.absoluteString == "https://pump.example/api/whoami")
        #expect(moved.urls == ["https://pump.example/.well-known/host-meta.json", "https://pump.example/pump/host-meta.json"])

        let canonical = FakeTransport { req in
            HTTPResponse(status: 301, headers: ["location": "https://social.example" + req.url.path])
        }
        await #expect(throws: PumpError.serverCallsItself(host: "social.example", account: "Alice@social.example")) {
            try await Discovery(transport: canonical).discover(try AccountID(parsing: "Alice@www.pump.example"))
        }
        #expect(canonical.urls == ["https://www.pump.example/.well-known/host-meta.json"])
    }

    @Test func neverHTTPForRemoteHostsByDefault() async throws {
        let t = FakeTransport { _ in throw PumpError.connectionRefused(host: "pump.example") }
        await #expect(throws: PumpError.connectionRefused(host: "pump.example")) {
            try await Discovery(transport: t).discover(try AccountID(parsing: "alice@pump.example"))
        }
        // Refused: the second https path is skipped; http never tried.
        #expect(t.urls == ["https://pump.example/.well-known/host-meta.json"])
    }

    @Test func allowHTTPFallsBackWhenThereIsNoHTTPS() async throws {
        let t = FakeTransport { req in
            if req.url.scheme == "https" { throw PumpError.connectionRefused(host: "h") }
            return text(404, "no")
        }
        let e = try await Discovery(transport: t, allowHTTP: true).discover(try AccountID(parsing: "alice@pump.example"))
        #expect(t.urls.first == "https://pump.example/.well-known/host-meta.json")
        #expect(e.accessToken.absoluteString == "http://pump.example/oauth/access_token")
    }

    @Test func loopbackGoesStraightToHTTP() async throws {
        let t = FakeTransport { _ in text(404, "no") }
        let e = try await Discovery(transport: t).discover(try AccountID(parsing: "alice@127.0.0.1:5555"))
        #expect(t.urls.allSatisfy { $0.hasPrefix("http://127.0.0.1:5555/") })
        #expect(e.whoami.absoluteString == "http://127.0.0.1:5555/api/whoami")
    }

    @Test func refusesHTTPLinksFromRemoteHostMeta() async throws {
        let t = FakeTransport { _ in json(200, hostMetaJSON.replacingOccurrences(of: "https:", with: "http:")) }
        // Asked over https, so http links are a downgrade (refused even with --allow-http).
        await #expect(throws: PumpError.downgradeRefused(host: "pump.example")) {
            try await Discovery(transport: t).discover(try AccountID(parsing: "alice@pump.example"))
        }
    }

    @Test func attemptsAreTimeBounded() async throws {
        // A transport that honours its timeout like AsyncHTTPTransport does: a silent host costs one budget.
        let t = FakeTransport { _ in throw PumpError.timeout(url: "https://slow.example/") }
        let start = Date()
        await #expect(throws: PumpError.self) {
            try await Discovery(transport: t, attemptTimeout: 0.5).discover(try AccountID(parsing: "a@slow.example"))
        }
        #expect(t.timeouts == [0.5])
        #expect(Date().timeIntervalSince(start) < 2)
    }
}
