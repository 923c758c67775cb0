import Foundation

extension PumpAPI {
    /// The API of an account logged in earlier: its stored token, endpoints and person id.
    /// One place for the CLI, the client screen and the tests, so the http rule is never skipped:
    /// plain http only for loopback hosts or when the caller allows it.
    public init(stored account: AccountID, store: CredentialStore, allowHTTP: Bool = false) throws {
        guard let stored = try store.account(account) else { throw PumpError.notLoggedIn(account.description) }
        let base = URL(string: stored.endpoints.origin) ?? stored.endpoints.whoami
        if base.scheme?.lowercased() == "http", !allowHTTP, !account.isLoopback {
            throw PumpError.insecureHTTPRefused(host: account.hostWithPort)
        }
        let profile = stored.personID.hasPrefix("http") ? URL(string: stored.personID) : nil
        self.init(requester: try SignedAPI(stored: stored, store: store), nickname: account.nickname,
                  profileURL: profile, base: base)
        unsigned = UnsignedRequester(allowHTTP: allowHTTP)
    }
}
