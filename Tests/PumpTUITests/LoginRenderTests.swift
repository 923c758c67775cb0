import Testing
import PumpCore
@testable import PumpTUI

/// Every login state rendered as text at 80×24 and 60×20 (issue 4 "Must show").
@Suite struct LoginRenderTests {
    /// The URL rows hold exactly the URL: from column 0, no spaces, pieces join to the URL.
    func expectURLRows(_ b: CellBuffer, _ url: String = loginTestURL, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = urlRows(b)
        #expect(!rows.isEmpty, sourceLocation: sourceLocation)
        #expect(rows.map(\.text).joined() == url, sourceLocation: sourceLocation)
        #expect(rows.allSatisfy { !$0.text.contains(" ") && $0.text.first != " " }, sourceLocation: sourceLocation)
        #expect(rows.allSatisfy { $0.text.count <= b.size.cols }, sourceLocation: sourceLocation)
        // consecutive rows: never split by anything but the screen edge
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $1.row == $0.row + 1 }, sourceLocation: sourceLocation)
        #expect(rows.dropLast().allSatisfy { $0.text.count == b.size.cols }, sourceLocation: sourceLocation)
    }

    @Test(arguments: standardSizes) func accountEntry(size: Size) {
        var d = AppDriver(AccountScreen(size: size, stored: []), size: size)
        d.type("alice@")
        var t = d.text(size)
        #expect(t.contains("pumptui — account"))
        #expect(t.contains("Account: alice@"))
        #expect(t.contains("the host after '@' is empty"))
        d.type("example.org")
        t = d.text(size)
        #expect(t.contains("alice@example.org: press Enter to log in."))
    }

    @Test(arguments: standardSizes) func progressStates(size: Size) {
        var d = AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size)
        #expect(d.text(size).contains("Looking up 127.0.0.1:45678…"))
        #expect(d.app.wantsTicks)
        let frames = [(LoginProgress.discovering("http://127.0.0.1:45678/.well-known/host-meta"), "Looking up 127.0.0.1:45678…"),
                      (.registering, "Registering pumptui…"), (.requestingToken, "Requesting a token…")]
        for (p, words) in frames {
            d.message(.progress(p))
            let b = d.buffer(size)
            let status = b.lines()[size.rows - 2]
            #expect(status.contains(words), "\(status)")
            #expect(StatusLine.spinnerFrames.contains(status.first!))
            #expect(b.lines()[0].contains("pumptui — log in"))
            #expect(b.lines()[0].contains("alice@127.0.0.1:45678"))
            #expect(urlRows(b).isEmpty)
        }
    }

    @Test(arguments: standardSizes) func urlShown(size: Size) {
        let d = loginWithURL(size)
        let b = d.buffer(size)
        let t = b.lines().joined(separator: "\n")
        expectURLRows(b)
        #expect(t.contains("Please authorize pumptui"))
        #expect(flat(t).contains("copy the Verifier (not the Token)"))
        #expect(t.contains("Verifier: "))
        #expect(t.contains("[ Submit ]  [ Cancel ]"))
        #expect(b.lines()[size.rows - 1].contains("F2 copy"))
        #expect(!d.app.wantsTicks)
        #expect(b.cursor != nil)   // in the verifier box
    }

    @Test func aVeryLongURLStillJoinsBack() {
        let long = "http://127.0.0.1:45678/oauth/authorize?oauth_token=" + String(repeating: "x", count: 150)
        for size in standardSizes {
            var d = AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size)
            d.message(.urlReady(long))
            expectURLRows(d.buffer(size), long)
        }
    }

    @Test(arguments: standardSizes) func verifierTypedThenWrong(size: Size) {
        var d = loginWithURL(size)
        d.paste("Ver1fierFromTheServer_")
        #expect(d.text(size).contains("Verifier: Ver1fierFromTheServer_"))
        d.key(.enter)
        d.message(.failed(.wrongVerifier))
        let t = d.text(size)
        #expect(t.contains("Wrong verifier"))
        #expect(t.contains("Verifier: Ver1fierFromTheServer_"))
        expectURLRows(d.buffer(size))
    }

    @Test(arguments: standardSizes) func expiredToken(size: Size) {
        var d = loginWithURL(size)
        d.paste("abc")
        d.key(.enter)
        d.message(.failed(.expired))
        let t = d.text(size)
        #expect(t.contains("^N"))
        #expect(t.contains("expired"))
        #expect(t.contains("Verifier: abc"))
        #expect(t.contains("[ Submit ]"))
        d.key(.ctrl("n"))
        #expect(d.effects.compactMap(\.job).contains(.renew))
        d.message(.urlReady(loginTestURL + "2"))
        expectURLRows(d.buffer(size), loginTestURL + "2")
        #expect(!d.text(size).contains("expired"))
    }

    @Test(arguments: standardSizes) func errorWithRetry(size: Size) {
        var d = AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size)
        d.message(.failed(.other("could not connect to 127.0.0.1:45678: connection refused (is the server running?)")))
        let t = d.text(size)
        #expect(flat(t).contains("Press ^R (or r) to try again"))
        #expect(flat(t).contains("connection refused"))
        #expect(!d.app.wantsTicks)
        d.key(.char("r"))
        #expect(d.effects.compactMap(\.job).filter { $0 == .start }.count == 2)
        #expect(d.app.wantsTicks)
    }

    @Test(arguments: standardSizes) func loggedIn(size: Size) {
        var d = loginWithURL(size)
        d.paste("Ver1fierFromTheServer_")
        d.key(.enter)
        d.message(.loggedIn(LoginSuccess(account: loginTestAccount, displayName: "Alice Liddell")))
        #expect(d.text(size).contains("Logged in as Alice Liddell (alice@127.0.0.1:45678)"))
        #expect(d.app.outcome == nil)
        d.message(.proceed)
        #expect(d.app.outcome == .loggedIn(LoginSuccess(account: loginTestAccount, displayName: "Alice Liddell")))
    }

    @Test(arguments: standardSizes) func confirmCancel(size: Size) {
        var d = loginWithURL(size)
        d.key(.escape)
        let t = d.text(size)
        #expect(t.contains("Cancel the login?"))
        #expect(t.contains("[ Quit ]"))
        #expect(d.app.contexts == [.dialog])
        d.key(.char("y"))
        guard case .cancelled(let farewell)? = d.app.outcome else { Issue.record("not cancelled"); return }
        #expect(farewell?.contains("\n\(loginTestURL)\n") == true)
    }

    /// 80×24 fits the code of a local URL; 60×20 does not (it needs 21 rows) and says so.
    @Test(arguments: standardSizes + [Size(rows: 30, cols: 60)]) func qrOverlay(size: Size) {
        var d = loginWithURL(size)
        if size.rows < 21 {
            d.key(.f(5))
            #expect(!d.app.showingQR)
            #expect(d.text(size).contains("Window too small for the QR code (needs 41×21)"))
            return
        }
        d.key(.f(5))
        let b = d.buffer(size)
        let t = b.lines().joined(separator: "\n")
        #expect(d.app.showingQR)
        #expect(t.contains("▀") || t.contains("▄"))
        #expect(!t.contains("Verifier:"))
        #expect(t.contains("Any key closes"))
        d.key(.char("x"))
        #expect(!d.app.showingQR)
        #expect(d.app.verifier.text == "")   // the closing key is not typed
    }

    @Test func qrTooSmallSaysWhatItNeeds() {
        let size = Size(rows: 14, cols: 40)
        var d = loginWithURL(size)
        d.key(.f(5))
        #expect(!d.app.showingQR)
        let status = d.buffer(size).lines()[size.rows - 2]
        #expect(status.contains("Window too small for the QR code (needs"), "\(status)")
    }

    /// Screen text with wrapping undone, for sentences that wrap at 60 columns.
    func flat(_ t: String) -> String { t.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func tooSmall() {
        let size = Size(rows: 10, cols: 30)
        let d = loginWithURL(size)
        #expect(d.text(size).contains("Window too small"))
    }
}
