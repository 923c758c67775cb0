import Foundation
import Logging
import PumpCore

/// The line-mode login dialogue: instructions, the URL alone on a line, `Verifier: `.
enum LoginLineMode {
    static func run(account: AccountID, store: CredentialStore, allowHTTP: Bool) async throws -> PumpSession {
        let progress: @Sendable (LoginProgress) -> Void = { step in
            PumpLog.login.debug("login \(account): \(step)")
            if case .discovering(let url) = step { LineMode.warnInfo("trying \(url)") }
        }
        return try await PumpLogin.login(account: account, store: store, allowHTTP: allowHTTP, progress: progress) { url in
            LineMode.say("To log in as \(account), open this URL in a browser, log in, click Authorize,")
            LineMode.say("then copy the Verifier value (not the Token) and paste it here:")
            LineMode.say("")
            LineMode.say(url.absoluteString)
            LineMode.say("")
            LineMode.prompt("Verifier: ")
            guard let line = readLine(strippingNewline: true) else {
                throw LineModeError("no verifier given (end of input)")
            }
            return line.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static func reportSuccess(_ session: PumpSession) {
        LineMode.say("Logged in as \(session.account)")
        if session.accountMismatch {
            LineMode.say("Note: you typed \(session.typedAccount), but \(session.authorizedAs) authorized this login; saved as \(session.account).")
        }
    }
}

extension LineMode {
    /// Progress notes go to stderr so stdout stays parseable (the URL line).
    static func warnInfo(_ text: String) {
        FileHandle.standardError.write(Data("\(safe(text))\n".utf8))
    }
}
