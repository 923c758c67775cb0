import Foundation

/// A registered client of one server. Never printed: `description` hides the secret.
public struct ClientCredentials: Codable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var clientID: String
    public var clientSecret: String
    public init(clientID: String, clientSecret: String) { self.clientID = clientID; self.clientSecret = clientSecret }
    public var description: String { "ClientCredentials(clientID: \(clientID), clientSecret: <hidden>)" }
    public var debugDescription: String { description }
}

/// One logged-in account: token pair, who it is, and where its server's endpoints are.
public struct StoredAccount: Codable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var account: AccountID
    public var token: String
    public var tokenSecret: String
    public var personID: String
    public var displayName: String
    public var endpoints: Endpoints
    public var savedAt: Date

    public init(account: AccountID, token: String, tokenSecret: String, personID: String, displayName: String,
                endpoints: Endpoints, savedAt: Date = Date()) {
        self.account = account; self.token = token; self.tokenSecret = tokenSecret
        self.personID = personID; self.displayName = displayName; self.endpoints = endpoints; self.savedAt = savedAt
    }

    public var description: String { "StoredAccount(\(account), personID: \(personID), token: <hidden>)" }
    public var debugDescription: String { description }
}
