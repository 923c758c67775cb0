import Foundation
import PumpCore
import Synchronization
import Testing
@testable import PumpTUI

/// Issue 11: the login's requests start before curses does (`AppPerformer.prestart`), and the
/// screen's own `.start` job adopts that login instead of sending the requests again.
@Suite struct EarlyLoginTests {
    @Test func heldReportsArriveFirstAndInOrder() {
        let relay = ReportRelay<Int>()
        let got = Mutex<[Int]>([])
        relay.report(1)
        relay.report(2)
        relay.attach(Report { m in got.withLock { $0.append(m) } })
        relay.report(3)
        #expect(got.withLock { $0 } == [1, 2, 3])
    }

    let account = try! AccountID(parsing: "alice@127.0.0.1:9")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pumptui-early-\(UUID().uuidString)")

    /// A performer over `server` whose login of `account` was started early, as Launch does.
    func prestarted(_ server: CountingPump) async -> AppPerformer {
        let performer = AppPerformer(store: CredentialStore(directory: dir), allowHTTP: true, transport: server)
        await performer.prestart(.login(account, .start))
        return performer
    }

    /// What Launch may start before curses: a login's requests, or the stored client's cache
    /// read (issue 13's cached start); the account screen waits for the user.
    @Test func theFirstScreensEarlyJob() {
        let login = PumpApp(account: account, stored: [:]).earlyJob
        guard case .login(let a, .start)? = login else { Issue.record("\(String(describing: login))"); return }
        #expect(a == account)
        let client = PumpApp(account: account, stored: [account: "Alice"]).earlyJob
        guard case .client(let b, .cached(let tab))? = client else { Issue.record("\(String(describing: client))"); return }
        // The tab read early is the one the screen starts on.
        #expect(b == account && tab == EarlyStart.firstTab && tab == ClientScreen(account: account, displayName: "A", size: Size(rows: 24, cols: 80)).current)
        #expect(PumpApp(account: nil, stored: [:]).earlyJob == nil)
    }

    /// Launch starts it from the stored ids alone, before reading their files: the same choice.
    @Test func theEarlyJobFromTheStoredIdsAlone() throws {
        let bob = try AccountID(parsing: "bob@pump.example")
        guard case .client(let a, .cached(_))? = EarlyStart.firstJob(account: nil, stored: [account], mode: .client),
              case .login(let b, .start)? = EarlyStart.firstJob(account: account, stored: [account], mode: .loginOnly),
              case .login(let c, .start)? = EarlyStart.firstJob(account: bob, stored: [account], mode: .client) else {
            Issue.record("wrong early jobs"); return
        }
        #expect(a == account && b == account && c == bob)
        #expect(EarlyStart.firstJob(account: nil, stored: [account, bob], mode: .client) == nil)
    }

    @Test func theScreensStartAdoptsThePrestartedLogin() async throws {
        let server = CountingPump()
        defer { try? FileManager.default.removeItem(at: dir) }
        let performer = await prestarted(server)
        let seen = Mutex<[String]>([])
        let result = await performer.perform(.login(account, .start), report: Report { message in
            if case .login(.event(.authorizeURL(let url))) = message { seen.withLock { $0.append(url.absoluteString) } }
        })
        guard case .login(.stepFinished) = result else { Issue.record("\(result)"); return }
        #expect(seen.withLock { $0 } == ["http://127.0.0.1:9/oauth/authorize?oauth_token=rt1"])
        #expect(server.paths == ["/.well-known/host-meta.json", "/.well-known/host-meta", "/api/client/register",
                                 "/oauth/request_token"])
    }

    @Test func aSecondStartIsALoginOfItsOwn() async throws {
        let server = CountingPump()
        defer { try? FileManager.default.removeItem(at: dir) }
        let performer = await prestarted(server)
        _ = await performer.perform(.login(account, .start), report: .ignored)
        _ = await performer.perform(.login(account, .start), report: .ignored)   // r after a failure
        #expect(server.paths.filter { $0 == "/oauth/request_token" }.count == 2)
    }
}

/// The three requests before the authorize URL, answered as pump.io does (no host-meta here,
/// so the conventional paths are used), each recorded.
final class CountingPump: HTTPTransport {
    private let seen = Mutex<[String]>([])
    var paths: [String] { seen.withLock { $0 } }

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
        let n = seen.withLock { s in s.append(request.url.path); return s.filter { $0 == "/oauth/request_token" }.count }
        switch request.url.path {
        case "/api/client/register":
            return HTTPResponse(status: 200, headers: ["content-type": "application/json"],
                                body: Data(#"{"client_id":"c1","client_secret":"s1","expires_at":0}"#.utf8))
        case "/oauth/request_token":
            return HTTPResponse(status: 200, headers: ["content-type": "text/plain"],
                                body: Data("oauth_token=rt\(n)&oauth_token_secret=x&oauth_callback_confirmed=true".utf8))
        default:
            return HTTPResponse(status: 404, headers: ["content-type": "text/plain"], body: Data("Not found".utf8))
        }
    }
}
