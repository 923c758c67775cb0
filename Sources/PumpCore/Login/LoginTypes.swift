import Foundation

/// What a running `PumpLogin` tells its UI, through the callback given at init.
public enum LoginEvent: Sendable, Equatable {
    case progress(LoginProgress)
    /// PyPump's verifier callback: the user opens this URL, authorizes, and the UI passes the
    /// verifier to `PumpLogin.verifier(_:)`. Sent again with a new URL after a renewal.
    case authorizeURL(URL)
}

/// What the login is doing, for a status line or spinner.
public enum LoginProgress: Sendable, Equatable {
    case discovering(String)   // the URL being tried
    case registering
    case requestingToken
    case exchangingVerifier
    case confirmingAccount
    case saving
}

/// The result of a finished login. Holds no secrets (they are in the store only).
public struct PumpSession: Sendable, Equatable, CustomStringConvertible {
    /// The account the credentials were saved under: the one that actually authorized.
    public let account: AccountID
    /// What the user typed.
    public let typedAccount: AccountID
    public let personID: String
    public let displayName: String
    /// Who whoami says authorized the request token.
    public let authorizedAs: AccountID
    /// True when another account than the typed one logged in on the authorize page.
    public var accountMismatch: Bool

    public init(account: AccountID, typedAccount: AccountID, personID: String, displayName: String,
                authorizedAs: AccountID, accountMismatch: Bool) {
        self.account = account; self.typedAccount = typedAccount; self.personID = personID
        self.displayName = displayName; self.authorizedAs = authorizedAs; self.accountMismatch = accountMismatch
    }

    public var description: String {
        "PumpSession(\(account)" + (accountMismatch ? ", typed \(typedAccount)" : "") + ")"
    }

    /// "the server spells the name 'alice'" when the typed nickname differed only in case (the
    /// account was saved with the server's spelling); nil otherwise.
    public var spellingNote: String? {
        guard !accountMismatch, typedAccount.nickname != account.nickname else { return nil }
        return "the server spells the name '\(account.nickname)'"
    }
}

/// The identity fields of a pump.io person object, read leniently.
struct PersonIdentity: Equatable {
    var id: String
    var preferredUsername: String?
    var displayName: String?

    init?(json data: Data) {
        guard let person = JSONValue.parseObject(data), let id = person.string("id") else { return nil }
        self.id = id
        preferredUsername = person.string("preferredUsername")
        displayName = person.string("displayName")
    }

    /// The nickname: preferredUsername, else from an `acct:` id or a `/api/user/NICK/profile` id.
    var nickname: String? {
        if let p = preferredUsername, !p.isEmpty { return p }
        if id.hasPrefix("acct:"), let at = id.firstIndex(of: "@") { return String(id[id.index(id.startIndex, offsetBy: 5)..<at]) }
        let parts = id.split(separator: "/")
        if let i = parts.firstIndex(of: "user"), i + 1 < parts.count { return String(parts[i + 1]) }
        return nil
    }
}
