import Foundation

// Types that hold secrets print and reflect without them, so a `print(x)`, `dump(x)`, string
// interpolation or a crash report can never leak a token (issue 6, Secrets). Mirrors are
// replaced too: `dump` and debuggers walk them, not `description`.

extension OAuthCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "OAuthCredentials(consumerKey: \(consumerKey), consumerSecret: <hidden>"
            + (token == nil ? "" : ", token: <hidden>, tokenSecret: <hidden>") + ")"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["consumerKey": consumerKey], displayStyle: .struct) }
}

extension TokenReply: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "TokenReply(token: <hidden>, secret: <hidden>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:], displayStyle: .struct) }
}

extension ClientCredentials: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: ["clientID": clientID], displayStyle: .struct) }
}

extension StoredAccount: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["account": account, "personID": personID, "endpoints": endpoints], displayStyle: .struct)
    }
}
