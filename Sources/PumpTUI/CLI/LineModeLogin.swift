import Foundation
import Logging
import PumpCore

/// The line-mode login dialogue: instructions, the URL alone on a line, `Verifier: `.
enum LoginLineMode {
    /// Drives `PumpLogin` through its callback, as the full-screen login does: progress goes to
    /// stderr, each authorize URL is printed as it arrives, then the verifier is read from stdin.
    /// An expired request token is renewed once (a new URL is printed) and asked for again.
    static func run(account: AccountID, store: CredentialStore, allowHTTP: Bool) async throws -> PumpSession {
        let login = PumpLogin(account: account, store: store, allowHTTP: allowHTTP) { event in
            switch event {
            case .progress(let step):
                PumpLog.login.debug("login \(account): \(step)")
                if case .discovering(let url) = step { LineMode.warnInfo("trying \(url)") }
            case .authorizeURL(let url): showURL(url, account: account)
            }
        }
        try await login.start()
        var renewed = false
        while true {
            LineMode.prompt("Verifier: ")
            guard let line = readLine(strippingNewline: true) else {
                throw LineModeError("no verifier given (end of input)")
            }
            do {
                return try await login.verifier(line)
            } catch PumpError.requestTokenExpired where !renewed {
                renewed = true
                LineMode.warnInfo("The server refused that authorization (not approved yet, expired or used); here is a new one.")
                try await login.renewRequestToken()
            }
        }
    }

    private static func showURL(_ url: URL, account: AccountID) {
        LineMode.say("To log in as \(account), open this URL in a browser, log in, click Authorize,")
        LineMode.say("then copy the Verifier value (not the Token) and paste it here:")
        LineMode.say("")
        LineMode.say(url.absoluteString)
        LineMode.say("")
    }

    static func reportSuccess(_ session: PumpSession) {
        LineMode.say("Logged in as \(session.account)" + (session.spellingNote.map { " (\($0))" } ?? ""))
        if session.accountMismatch {
            LineMode.say("Note: you typed \(session.typedAccount), but \(session.authorizedAs) authorized this login; saved as \(session.account).")
        }
    }
}

extension LineMode {
    /// Progress notes go to stderr so stdout stays parseable (the URL line).
    static func warnInfo(_ text: String) {
        FileHandle.standardError.write(Data("\(TerminalText.clean(text, .text))\n".utf8))
    }
}
