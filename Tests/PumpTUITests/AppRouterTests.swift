import Testing
import PumpCore
@testable import PumpTUI

/// The router: which screen comes first, and where outcomes lead.
@Suite struct AppRouterTests {
    let size = Size(rows: 24, cols: 80)
    let bob = try! AccountID(parsing: "bob@127.0.0.1:45678")

    func kind(_ app: PumpApp) -> String {
        switch app.screen {
        case .account: return "account"
        case .login: return "login"
        case .client: return "client"
        }
    }

    @Test func storedAccountGoesStraightToTheClient() {
        let d = AppDriver(PumpApp(account: loginTestAccount, stored: [loginTestAccount: "Alice"]), size: size)
        #expect(kind(d.app) == "client")
        #expect(d.text(size).contains("Logged in as Alice (alice@127.0.0.1:45678)"))
    }

    @Test func unknownAccountStartsTheLogin() {
        let d = AppDriver(PumpApp(account: loginTestAccount, stored: [:]), size: size)
        #expect(kind(d.app) == "login")
        #expect(d.effects.compactMap(\.job).contains { if case .login(loginTestAccount, .start) = $0 { return true }; return false })
    }

    @Test func noArgumentChoosesTheOnlyStoredOrAsks() {
        #expect(kind(AppDriver(PumpApp(account: nil, stored: [bob: "Bob"]), size: size).app) == "client")
        #expect(kind(AppDriver(PumpApp(account: nil, stored: [:]), size: size).app) == "account")
        let several = AppDriver(PumpApp(account: nil, stored: [bob: "Bob", loginTestAccount: "Alice"]), size: size)
        #expect(kind(several.app) == "account")
        #expect(several.text(size).contains("Stored accounts"))
    }

    @Test func pickingAStoredAccountOpensItsClient() {
        var d = AppDriver(PumpApp(account: nil, stored: [bob: "Bob", loginTestAccount: "Alice"]), size: size)
        d.key(.down)      // second: bob (sorted)
        d.key(.enter)
        #expect(kind(d.app) == "client")
        #expect(d.text(size).contains("Logged in as Bob"))
    }

    @Test func typedNewAccountLogsIn() {
        var d = AppDriver(PumpApp(account: nil, stored: [:]), size: size)
        d.paste("carol@127.0.0.1:45678")
        d.key(.enter)
        #expect(kind(d.app) == "login")
        #expect(d.text(size).contains("carol@127.0.0.1:45678"))
    }

    @Test func loginSuccessContinuesIntoTheClient() {
        var d = AppDriver(PumpApp(account: loginTestAccount, stored: [:]), size: size)
        d.message(.login(.urlReady(loginTestURL)))
        d.message(.login(.loggedIn(LoginSuccess(account: loginTestAccount, displayName: "Alice"))))
        #expect(d.effects.contains { if case .after(_, .login(.proceed)) = $0 { return true }; return false })
        d.message(.login(.proceed))
        #expect(kind(d.app) == "client")
        d.key(.char("q"))
        #expect(d.effects.contains { if case .quit(0, nil) = $0 { return true }; return false })
    }

    @Test func loginOnlyModeQuitsAfterSuccess() {
        var d = AppDriver(PumpApp(account: loginTestAccount, stored: [loginTestAccount: "Alice"], mode: .loginOnly), size: size)
        #expect(kind(d.app) == "login")
        d.message(.login(.urlReady(loginTestURL)))
        d.message(.login(.loggedIn(LoginSuccess(account: loginTestAccount, displayName: "Alice"))))
        d.message(.login(.proceed))
        #expect(d.effects.contains { if case .quit(0, nil) = $0 { return true }; return false })
    }

    @Test func cancellingTheLoginQuitsWithTheURL() {
        var d = AppDriver(PumpApp(account: loginTestAccount, stored: [:]), size: size)
        d.message(.login(.urlReady(loginTestURL)))
        d.key(.escape)
        d.key(.char("y"))
        #expect(d.effects.contains { if case .quit(1, let f?) = $0 { return f.contains(loginTestURL) }; return false })
    }

    @Test func themeWarningShowsOnTheFirstScreen() {
        let d = AppDriver(PumpApp(account: nil, stored: [:], notice: "Unknown theme 'x'"), size: size)
        #expect(d.text(size).contains("Unknown theme 'x'"))
    }

    @Test func addAccountFromTheClientOpensTheAccountScreen() {
        var d = AppDriver(PumpApp(account: loginTestAccount, stored: [loginTestAccount: "Alice"]), size: size)
        d.key(.char("A"))
        #expect(kind(d.app) == "account")
    }
}
