import PumpCore

/// Work the login screen asks for. The performer holds the live `PumpLogin` per account (and
/// with it the request token, which never leaves memory).
enum LoginJob: Equatable, Sendable {
    case start
    case submit(verifier: String)
    case renew
}

/// What login work reports back.
enum LoginMessage: Equatable, Sendable {
    /// The login's own callback (progress, the authorize URL), delivered while its step runs.
    case event(LoginEvent)
    /// `start` or `renew` returned; what they found came as `.event`s before this.
    case stepFinished
    case loggedIn(LoginSuccess)
    case failed(LoginFailure)
    /// The short pause after "Logged in as …" is over.
    case proceed
}

/// A finished login, without secrets.
struct LoginSuccess: Equatable, Sendable {
    var account: AccountID
    var displayName: String
    /// Set when another account than the typed one authorized.
    var mismatchNote: String?

    init(account: AccountID, displayName: String, mismatchNote: String? = nil) {
        self.account = account; self.displayName = displayName; self.mismatchNote = mismatchNote
    }

    init(_ session: PumpSession) {
        account = session.account
        displayName = TerminalText.clean(session.displayName, .line)
        mismatchNote = session.accountMismatch
            ? "You typed \(session.typedAccount), but \(session.authorizedAs) authorized this login; saved as \(session.account)."
            : session.spellingNote.map { "You typed \(session.typedAccount); \($0)." }
    }

    var headline: String { "Logged in as \(displayName) (\(account))" }
}

/// Why a login step failed, sorted by what the screen offers next.
enum LoginFailure: Equatable, Sendable {
    case wrongVerifier
    case expired
    case other(String)

    init(_ error: Error) {
        switch error {
        case PumpError.wrongVerifier: self = .wrongVerifier
        case PumpError.requestTokenExpired, PumpError.noRequestToken: self = .expired
        case let e as PumpError: self = .other(e.message)
        default: self = .other(String(describing: error))
        }
    }
}

/// The words the spinner shows for each step.
enum LoginWords {
    static func text(_ progress: LoginProgress, host: String) -> String {
        switch progress {
        case .discovering(let url): return "Looking up \(host)… (\(url))"
        case .registering: return "Registering pumptui…"
        case .requestingToken: return "Requesting a token…"
        case .exchangingVerifier: return "Checking the verifier…"
        case .confirmingAccount: return "Confirming the account…"
        case .saving: return "Saving the credentials…"
        }
    }

    /// pump.io's verifiers: 22 characters of base64url. Others may differ, so this only warns.
    static func looksLikePumpVerifier(_ text: String) -> Bool {
        text.count == 22 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    static func instructions(for account: AccountID) -> String {
        "Please authorize pumptui: open the URL below in a browser, log in as \(account.nickname), "
            + "press Authorize, then copy the Verifier (not the Token) and paste it here."
    }
}
