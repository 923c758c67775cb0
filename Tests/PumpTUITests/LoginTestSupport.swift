import Foundation
import PumpCore
@testable import PumpTUI

let loginTestAccount = try! AccountID(parsing: "alice@127.0.0.1:45678")
let loginTestURL = "http://127.0.0.1:45678/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv"

/// Drives a screen with events and keeps every effect it returned.
struct AppDriver<A: TerminalApp> {
    var app: A
    var effects: [Effect<A.Message, A.Job>] = []

    init(_ app: A, size: Size) {
        self.app = app
        send(.start(size))
    }

    @discardableResult
    mutating func send(_ event: AppEvent<A.Message>) -> [Effect<A.Message, A.Job>] {
        let e = app.update(event)
        effects += e
        return e
    }

    mutating func key(_ k: Key) { send(.input(.key(k))) }
    mutating func type(_ s: String) { for c in s { key(.char(c)) } }
    mutating func paste(_ s: String) { send(.input(.paste(s))) }
    mutating func message(_ m: A.Message) { send(.message(m)) }

    func buffer(_ size: Size) -> CellBuffer {
        var b = CellBuffer(size: size)
        app.render(into: &b)
        return b
    }

    func text(_ size: Size) -> String { buffer(size).lines().joined(separator: "\n") }
}

/// A login screen at `size` whose start job has returned the URL.
func loginWithURL(_ size: Size) -> AppDriver<LoginScreen> {
    var d = AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size)
    d.message(.urlReady(loginTestURL))
    return d
}

/// The rows drawn in the URL role, and their text (trimmed of the padding after the URL).
func urlRows(_ b: CellBuffer) -> [(row: Int, text: String)] {
    let lines = b.lines()
    return (0..<b.size.rows).compactMap { r in
        b[r, 0].role == .url ? (r, String(lines[r].reversed().drop(while: { $0 == " " }).reversed())) : nil
    }
}

extension LoginMessage {
    /// The login's callback handing over an authorize URL.
    static func urlReady(_ url: String) -> LoginMessage { .event(.authorizeURL(URL(string: url)!)) }
    static func progress(_ step: LoginProgress) -> LoginMessage { .event(.progress(step)) }
}

extension Effect {
    var job: J? { if case .run(let j) = self { return j }; return nil }
}
