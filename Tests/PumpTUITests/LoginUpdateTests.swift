import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Key handling of the login screen: pure update, effects asserted.
@Suite struct LoginUpdateTests {
    let size = Size(rows: 24, cols: 80)

    @Test func startRunsTheLogin() {
        let d = AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size)
        #expect(d.effects.compactMap(\.job) == [.start])
        #expect(d.app.phase == .resolving(words: "Looking up 127.0.0.1:45678…"))
    }

    /// The login's callback drives the phases: progress words while resolving, then the URL.
    /// A report that arrives after its step ended (a late progress) changes nothing.
    @Test func eventsMoveThePhaseAndLateProgressIsIgnored() {
        var d = AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size)
        #expect(d.send(.message(.event(.progress(.registering)))).isEmpty)
        #expect(d.app.phase == .resolving(words: "Registering pumptui…"))
        d.message(.urlReady(loginTestURL))
        d.message(.stepFinished)
        #expect(d.app.phase == .awaitingVerifier(URL(string: loginTestURL)!))
        d.message(.event(.progress(.requestingToken)))
        #expect(d.app.phase == .awaitingVerifier(URL(string: loginTestURL)!))
        #expect(d.app.busy == nil)
    }

    @Test func pasteGoesToTheFieldAndEnterSubmitsTrimmed() {
        var d = loginWithURL(size)
        d.paste("  Ver1fierFromTheServer_\n")
        #expect(d.app.verifier.text == "  Ver1fierFromTheServer_")
        let e = d.send(.input(.key(.enter)))
        #expect(e.compactMap(\.job).first == .submit(verifier: "Ver1fierFromTheServer_"))
        #expect(d.app.status.kind == .info)
    }

    @Test func anOddVerifierWarnsButIsSent() {
        var d = loginWithURL(size)
        d.type("short")
        let e = d.send(.input(.key(.enter)))
        #expect(e.compactMap(\.job).first == .submit(verifier: "short"))
        #expect(d.app.status.kind == .warning)
        #expect(d.app.status.message.contains("does not look like a pump.io verifier"))
    }

    @Test func emptyVerifierIsNotSent() {
        var d = loginWithURL(size)
        let e = d.send(.input(.key(.enter)))
        #expect(e.isEmpty)
        #expect(d.app.status.message.contains("Paste the Verifier"))
    }

    @Test func wrongVerifierKeepsTheTextAndFocusesIt() {
        var d = loginWithURL(size)
        d.paste("Ver1fierFromTheServer_")
        d.key(.tab)            // focus on Submit
        #expect(d.app.focus.current == .submit)
        d.key(.enter)
        #expect(d.effects.compactMap(\.job).contains(.submit(verifier: "Ver1fierFromTheServer_")))
        d.message(.failed(.wrongVerifier))
        #expect(d.app.verifier.text == "Ver1fierFromTheServer_")
        #expect(d.app.focus.current == .verifier)
        #expect(d.app.verifier.focused)
        #expect(d.app.status.kind == .error)
    }

    @Test func lettersInTheTextBoxNeverTriggerActions() {
        var d = loginWithURL(size)
        let before = d.effects.count
        d.type("cuoQqrn?")
        #expect(d.effects.count == before)
        #expect(d.app.verifier.text == "cuoQqrn?")
        #expect(!d.app.showingQR && d.app.confirm == nil && d.app.help == nil)
    }

    @Test func lettersWorkWhenTheFocusIsOnAButton() {
        var d = loginWithURL(size)
        d.key(.tab)
        #expect(d.send(.input(.key(.char("c")))).contains { if case .copyToClipboard(loginTestURL) = $0 { return true }; return false })
        #expect(d.send(.input(.key(.char("u")))).contains { if case .showPlain(let s) = $0 { return s.contains(loginTestURL) }; return false })
        #expect(d.send(.input(.key(.char("o")))).contains { if case .openBrowser(loginTestURL) = $0 { return true }; return false })
        d.key(.char("Q"))
        #expect(d.app.showingQR)
    }

    @Test func functionKeysWorkInTheTextBox() {
        var d = loginWithURL(size)
        #expect(d.send(.input(.key(.f(2)))).contains { if case .copyToClipboard(loginTestURL) = $0 { return true }; return false })
        d.send(.notice(.copied))
        #expect(d.app.status.message == "Sent the URL to the terminal's clipboard (OSC 52)")
        #expect(d.send(.input(.key(.f(3)))).contains { if case .showPlain = $0 { return true }; return false })
        #expect(d.send(.input(.key(.f(4)))).contains { if case .openBrowser = $0 { return true }; return false })
        d.send(.notice(.browserUnavailable(reason: "this is an SSH session")))
        #expect(d.app.status.message.contains("this is an SSH session"))
        #expect(d.app.status.message.contains("c (F2)"))
    }

    @Test func tabCyclesFocusAndEnterOnCancelAsks() {
        var d = loginWithURL(size)
        d.key(.tab); d.key(.tab)
        #expect(d.app.focus.current == .cancel)
        d.key(.backTab)
        #expect(d.app.focus.current == .submit)
        d.key(.tab)
        d.key(.enter)
        #expect(d.app.confirm != nil)
        d.key(.char("n"))
        #expect(d.app.confirm == nil && d.app.outcome == nil)
    }

    @Test func shutdownPrintsTheURL() {
        var d = loginWithURL(size)
        let e = d.send(.shutdown(.signal(15)))
        guard case .quit(_, let farewell)? = e.first else { Issue.record("no quit"); return }
        #expect(farewell?.contains(loginTestURL) == true)
    }

    @Test func otherFailureAfterSubmitRetriesTheSameVerifier() {
        var d = loginWithURL(size)
        d.paste("Ver1fierFromTheServer_")
        d.key(.enter)
        d.message(.failed(.other("no answer")))
        #expect(d.app.status.message.contains("^R"))
        let e = d.send(.input(.key(.ctrl("r"))))
        #expect(e.compactMap(\.job).first == .submit(verifier: "Ver1fierFromTheServer_"))
    }

    @Test func f1OpensHelpFromTheTextBoxAndEscClosesIt() {
        var d = loginWithURL(size)
        d.key(.f(1))
        #expect(d.app.help != nil)
        #expect(d.text(size).contains("Copy the URL to the clipboard (OSC 52)"))
        d.key(.escape)
        #expect(d.app.help == nil && d.app.confirm == nil)
    }

    @Test func verifierShapeCheck() {
        #expect(LoginWords.looksLikePumpVerifier("AbCdEfGhIjKlMnOpQrSt-_"))
        #expect(!LoginWords.looksLikePumpVerifier("AbCdEfGhIjKlMnOpQrSt-"))
        #expect(!LoginWords.looksLikePumpVerifier("AbCdEfGhIjKlMnOpQrSt+/"))
    }
}

/// --allow-http to another host: the screen says the exchange is not encrypted (issue 11).
@Suite struct LoginEncryptionNoticeTests {
    @Test func plainHTTPToAnotherHostIsNamed() {
        #expect(LoginScreen.unencryptedWarning("http://pump.example/oauth/authorize?oauth_token=x")?.contains("Not encrypted") == true)
        #expect(LoginScreen.unencryptedWarning("https://pump.example/oauth/authorize?oauth_token=x") == nil)
        #expect(LoginScreen.unencryptedWarning("http://127.0.0.1:8080/oauth/authorize?oauth_token=x") == nil)
    }
}
