import Testing
import PumpCore
@testable import PumpTUI

/// The login screen, whole, at 80×24: every state a user sees, row by row (ScreenExpectation.swift
/// says how the expectations are written), plus spot checks of the roles that carry meaning.
@Suite struct LoginScreenTextTests {
    let size = Size(rows: 24, cols: 80)

    func start() -> AppDriver<LoginScreen> { AppDriver(LoginScreen(account: loginTestAccount, size: size), size: size) }

    /// Before the URL: the spinner at its first frame (no tick has come). The footer offers only
    /// what can act before there is a URL (F2 copy … F5 QR and Enter come with it).
    @Test func resolving() {
        let b = start().buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Logging in to 127.0.0.1:45678 as alice.                                        |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |⠋ Looking up 127.0.0.1:45678…                                                   |
        |Tab next  Esc cancel  F1 help                                                   |
        """#)
        expectRole(.title, row: 0, in: b)
        expectRole(.status, row: 22, in: b)
    }

    @Test func urlWithVerifierBox() {
        var d = loginWithURL(size)
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Please authorize pumptui: open the URL below in a browser, log in as alice,    |
        | press Authorize, then copy the Verifier (not the Token) and paste it here.     |
        |                                                                                |
        |http://127.0.0.1:45678/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv       |
        |                                                                                |
        | Verifier:                                                                      |
        |                                                                                |
        | [ Submit ]  [ Cancel ]                                                         |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Paste the Verifier and press Enter.                                             |
        |F2 copy  F3 show URL  F4 browser  F5 QR  Enter submit  Esc cancel  F1 help      |
        """#)
        expectRole(.url, of: loginTestURL, in: b, row: 5)
        expectRole(.focus, of: "Verifier:", in: b)
        expectRole(.button, of: "[ Submit ]", in: b)
        expectRole(.button, of: "[ Cancel ]", in: b)
        #expect(b.cursor.map { $0.row } == locate("Verifier:", in: b)?.row)
        // Tab moves focus to Submit: the button, not the box, is drawn focused.
        d.key(.tab)
        let tabbed = d.buffer(size)
        expectRole(.buttonFocus, of: "[ Submit ]", in: tabbed)
        expectRole(.button, of: "[ Cancel ]", in: tabbed)
        expectRole(.text, of: "Verifier:", in: tabbed)
    }

    @Test func wrongVerifier() {
        var d = loginWithURL(size)
        d.paste("Ver1fierFromTheServer_")
        d.key(.enter)
        d.message(.failed(.wrongVerifier))
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Please authorize pumptui: open the URL below in a browser, log in as alice,    |
        | press Authorize, then copy the Verifier (not the Token) and paste it here.     |
        |                                                                                |
        |http://127.0.0.1:45678/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv       |
        |                                                                                |
        | Verifier: Ver1fierFromTheServer_                                               |
        |                                                                                |
        | [ Submit ]  [ Cancel ]                                                         |
        |                                                                                |
        | The server did not accept that verifier. Copy the Verifier (not the Token) and |
        | try again.                                                                     |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Wrong verifier: edit it and press Enter.                                        |
        |F2 copy  F3 show URL  F4 browser  F5 QR  Enter submit  Esc cancel  F1 help      |
        """#)
        expectRole(.error, row: 22, in: b)
        expectRole(.error, of: "The server did not accept that verifier.", in: b)
    }

    @Test func expired() {
        var d = loginWithURL(size)
        d.paste("abc")
        d.key(.enter)
        d.message(.failed(.expired))
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Please authorize pumptui: open the URL below in a browser, log in as alice,    |
        | press Authorize, then copy the Verifier (not the Token) and paste it here.     |
        |                                                                                |
        |http://127.0.0.1:45678/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv       |
        |                                                                                |
        | The server refused this URL's authorization: approve it in the browser first,  |
        | then press Enter again. If it expired or was used, press ^N (or n) for a new   |
        | one.                                                                           |
        |                                                                                |
        | Verifier: abc                                                                  |
        |                                                                                |
        | [ Submit ]  [ Cancel ]                                                         |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Not approved yet, expired or used: Enter tries again, ^N gets a new URL.        |
        |F2 copy  F3 show URL  F4 browser  F5 QR  Enter submit  Esc cancel  F1 help      |
        """#)
        expectRole(.warning, of: "The server refused this URL's authorization", in: b)
        expectRole(.error, row: 22, in: b)
    }

    /// One lead-in before the reason, and the footer leads with the retry key; it offers no
    /// URL keys, as there is no URL.
    @Test func failedBeforeTheURL() {
        var d = start()
        d.message(.failed(.other("could not connect to 127.0.0.1:45678: connection refused (is the server running?)")))
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Logging in to 127.0.0.1:45678 as alice.                                        |
        |                                                                                |
        | Could not get an authorization URL: could not connect to 127.0.0.1:45678:      |
        | connection refused (is the server running?).                                   |
        |                                                                                |
        | Press ^R (or r) to try again, Esc to quit.                                     |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Failed (the reason is above). Press ^R to retry.                                |
        |^R/r retry  Tab next  Esc cancel  ?/F1 help                                     |
        """#)
        expectRole(.error, of: "Could not get an authorization URL:", in: b)
        expectRole(.error, row: 22, in: b)
    }

    @Test func loggedIn() {
        var d = loginWithURL(size)
        d.paste("Ver1fierFromTheServer_")
        d.key(.enter)
        d.message(.loggedIn(LoginSuccess(account: loginTestAccount, displayName: "Alice Liddell")))
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Logged in as Alice Liddell (alice@127.0.0.1:45678)                             |
        |                                                                                |
        | Press any key to continue.                                                     |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Logged in as Alice Liddell (alice@127.0.0.1:45678)                              |
        |Enter continue  F1 help                                                         |
        """#)
        expectRole(.success, of: "Logged in as Alice Liddell", in: b, row: 2)
        expectRole(.success, row: 22, in: b)
    }

    /// The help overlay covers the whole width of its rows: the screen below never shows beside
    /// its frame (it once did: "h│" at the URL row, "┐5m" on the timeline). The list goes on, and
    /// the bottom edge says how to scroll to the rest.
    @Test func helpOverTheURL() {
        var d = loginWithURL(size)
        d.key(.f(1))
        let b = d.buffer(size)
        let expected = #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        | ┌─ Help — ? or Esc closes ───────────────────────────────────────────────────┐ |
        | │ Login (verifier field)                                                     │ |
        | │   F2        Copy the URL to the clipboard (OSC 52) · copy-url              │ |
        | │   F3        Show the URL on the normal screen · show-url                   │ |
        | │   F4        Open the URL in a browser (local display only) · open-browser  │ |
        | │   F5        Show the URL as a QR code · show-qr                            │ |
        | │   Tab       Next field · next-field                                        │ |
        | │   S-Tab     Previous field · previous-field                                │ |
        | │   Enter     Submit (or press the focused button) · submit                  │ |
        | │   Esc       Cancel (asks first) · cancel                                   │ |
        | │   ^R        Retry after a failure · retry                                  │ |
        | │   ^N        Request a new authorization URL · new-url                      │ |
        | │                                                                            │ |
        | │ Editing text                                                               │ |
        | │   ←         Cursor left · cursor-left                                      │ |
        | │   →         Cursor right · cursor-right                                    │ |
        | │   Home, ^A  Start of the line · line-start                                 │ |
        | │   End, ^E   End of the line · line-end                                     │ |
        | │   BS        Delete the character before the cursor · delete-backward       │ |
        | │   Del       Delete the character under the cursor · delete-forward         │ |
        | └─ ↓ more: j, PgDn ──────────────────────────────────────────────────────────┘ |
        |Paste the Verifier and press Enter.                                             |
        |?/Esc close  F1 help                                                            |
        """#
        expectScreen(b, expected)
        #expect(b.cursor == nil)
    }

    @Test func confirmCancel() {
        var d = loginWithURL(size)
        d.key(.escape)
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — log in                                         alice@127.0.0.1:45678 |
        |                                                                                |
        | Please authorize pumptui: open the URL below in a browser, log in as alice,    |
        | press Authorize, then copy the Verifier (not the Token) and paste it here.     |
        |                                                                                |
        |http://127.0.0.1:45678/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv       |
        |                                                                                |
        | Verifier:                                                                      |
        |            ┌─────────────────────────────────────────────────────┐             |
        | [ Submit ] │                                                     │             |
        |            │ Cancel the login? The URL stays on the screen after │             |
        |            │ pumptui quits.                                      │             |
        |            │                                                     │             |
        |            │                 [ Quit ]  [ Stay ]                  │             |
        |            └─────────────────────────────────────────────────────┘             |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Paste the Verifier and press Enter.                                             |
        |Tab/→ next  y yes  n/Esc no  F1 help                                            |
        """#)
        // "Stay" is focused: Enter does the harmless thing.
        expectRole(.buttonFocus, of: "[ Stay ]", in: b)
        expectRole(.button, of: "[ Quit ]", in: b)
        #expect(b.cursor == nil)
    }

    @Test func qrCode() {
        var d = loginWithURL(size)
        d.key(.f(5))
        expectScreen(d.buffer(size), #"""
        |                 █████████████████████████████████████████████                  |
        |                 █████████████████████████████████████████████                  |
        |                 ████ ▄▄▄▄▄ █ ▀▀ ▄█▄▄▀▀▄▄▀▄█▄▀  █▀█ ▄▄▄▄▄ ████                  |
        |                 ████ █   █ █▄ ▄▄▀▄▄▄▀▀█▀  ██   ███ █   █ ████                  |
        |                 ████ █▄▄▄█ █▄▄▀▀▄▀ ▄█ ▀▄█▄ ▀█▄██▀█ █▄▄▄█ ████                  |
        |                 ████▄▄▄▄▄▄▄█▄▀ ▀ ▀ ▀▄█▄▀ █ ▀▄▀ ▀ █▄▄▄▄▄▄▄████                  |
        |                 ████▄▀█   ▄  ▀  ▀▀█▄▄█▄█ ██ █  █▄▄▀▀ ▀▄ ▄████                  |
        |                 ████ ▀ ▄▀█▄  ▄ ▄██ ▀█▀ ██▄▄▄█▄▄ █ ▄  ▀ ▀ ████                  |
        |                 ████  █▄▀█▄█▀ ▀█ ▄█▀▀▀▀▄▄█▀▀▄█▄ ▄ ▄▀▀▀█▀ ████                  |
        |                 █████▄▄ █▄▄  █▄▄▄█▄▄▀ ▀▄██ ▀█▄█▄ ▀ █▀  ▄ ████                  |
        |                 ████▀▀▄▀▀ ▄▄█▀▄▄▀▀▀▄ ▄▀█ ▄▄▀▄▄█ █▀▄▄█▀ ▄█████                  |
        |                 ████▄█ █▄ ▄ ██▄█▄  ▄█▄▄█▄▄█ ▄ ▀▄▀▀▄▄█ ▄█ ████                  |
        |                 ████ ▀▄ █▀▄▀█▄▀▀▀█▄ ▄▄█▀▄█▀  ▀█ ▀█▄█ ▄▀██████                  |
        |                 ████ █▄█▀█▄▀▄▄▀ ▀▀█ ▄ ▄█▀██  ▄▄ █ ▄ ▀▄▀▀ ████                  |
        |                 ████▀   ▄▀▄ ▀▄██ ▀ █  ▄  ▀▀▀▄ ▀█ █ ▄▀▀▀█▄████                  |
        |                 ████ ▄█ ▀ ▄▀███▄▀ █▀▄▄  █▄ ██▄▄▄▄▄█▀▀▀▀  ████                  |
        |                 ████▄█▄▄█▄▄▄▀ ██▄▀▄▀██▀▀▀█▀█▀  ▄ ▄▄▄ ▄▄▄█████                  |
        |                 ████ ▄▄▄▄▄ █ ▄▄▄▀██ ▀▀▀ ▀▄█ █▀▄█ █▄█ ▄█▀ ████                  |
        |                 ████ █   █ █ ▀▀▄▄▄██▀█▀ ▄ ██▄█ ▄ ▄ ▄▄▄█▄ ████                  |
        |                 ████ █▄▄▄█ ██ ▄▄█  ▄  ██▀█▄ ▄▄█▄█▀▀▀ ▀ ▀ ████                  |
        |                 ████▄▄▄▄▄▄▄█▄▄████▄▄██▄▄▄█████▄█▄████▄██▄████                  |
        |                 █████████████████████████████████████████████                  |
        |                 █████████████████████████████████████████████                  |
        |                       Scan with a phone. Any key closes.                       |
        """#)
    }

    /// Below 40×12 the screen says what it needs instead of drawing a cut-off login.
    @Test func tooSmall() {
        let small = Size(rows: 10, cols: 39)
        let d = loginWithURL(small)
        let b = d.buffer(small)
        expectScreen(b, #"""
        |                                       |
        |                                       |
        |                                       |
        |                                       |
        |Window too small: need at least 40×12, |
        |              have 39×10               |
        |                                       |
        |                                       |
        |                                       |
        |                                       |
        """#)
        expectRole(.warning, of: "Window too small", in: b)
    }
}

/// The account question before a login, whole, at 80×24.
@Suite struct AccountScreenTextTests {
    let size = Size(rows: 24, cols: 80)

    @Test func empty() {
        let d = AppDriver(AccountScreen(size: size, stored: []), size: size)
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — account                                                              |
        |                                                                                |
        | Which pump.io account? Type it as nick@host (for example alice@example.org).   |
        |                                                                                |
        | Account:                                                                       |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Type your account, nick@host, and press Enter.                                  |
        |Tab next  Enter submit  Esc cancel  F1 help                                     |
        """#)
        expectRole(.focus, of: "Account:", in: b)
        expectRole(.status, row: 22, in: b)
    }

    @Test func twoStoredAccounts() {
        let stored = [try! AccountID(parsing: "alice@pump.example"), try! AccountID(parsing: "bob@other.example:8443")]
        var d = AppDriver(AccountScreen(size: size, stored: stored), size: size)
        d.key(.down)
        let b = d.buffer(size)
        expectScreen(b, #"""
        | pumptui — account                                                              |
        |                                                                                |
        | Which pump.io account? Type it as nick@host (for example alice@example.org).   |
        |                                                                                |
        | Account: bob@other.example:8443                                                |
        |                                                                                |
        | Stored accounts (↑/↓ to pick):                                                 |
        |   alice@pump.example                                                           |
        | > bob@other.example:8443                                                       |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Stored account bob@other.example:8443: Enter logs in with it.                   |
        |Tab next  Enter submit  Esc cancel  F1 help                                     |
        """#)
        expectRole(.selection, of: "> bob@other.example:8443", in: b)
        expectRole(.text, of: "  alice@pump.example", in: b)
        expectRole(.muted, of: "Stored accounts", in: b)
    }
}
