import Foundation

/// A pump.io account written `nick@host[:port]` (optionally `acct:`-prefixed).
/// The host is lowercased; the nickname keeps its case (pump.io compares it as typed).
public struct AccountID: Hashable, Codable, Sendable, CustomStringConvertible {
    public let nickname: String
    public let host: String
    /// nil when no port was given (or the https default 443 was).
    public let port: Int?

    public init(nickname: String, host: String, port: Int? = nil) throws {
        try self.init(parsing: "\(nickname)@\(AccountID.bracketed(host))" + (port.map { ":\($0)" } ?? ""))
    }

    public init(parsing text: String) throws {
        var rest = text.trimmingWhitespace
        if rest.lowercased().hasPrefix("acct:") { rest = String(rest.dropFirst(5)) }
        guard !rest.isEmpty else { throw PumpError.invalidAccount("empty account; expected nick@host") }
        let parts = rest.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw PumpError.invalidAccount("'\(TerminalText.clean(rest, .message))' is not of the form nick@host")
        }
        let nick = String(parts[0])
        try AccountID.validateNickname(nick)
        let (host, port) = try AccountID.splitHostPort(String(parts[1]))
        self.nickname = nick
        self.host = host
        self.port = port == 443 ? nil : port
    }

    /// `host` or `host:port`, IPv6 literals bracketed: what goes into URLs and file names.
    public var hostWithPort: String {
        let h = AccountID.bracketed(host)
        return port.map { "\(h):\($0)" } ?? h
    }

    public var description: String { "\(nickname)@\(hostWithPort)" }

    /// 127.0.0.0/8, ::1 and localhost: the only hosts plain http is used for without --allow-http.
    public var isLoopback: Bool { AccountID.isLoopbackHost(host) }

    public static func isLoopbackHost(_ host: String) -> Bool {
        let h = unbracketed(host.lowercased())
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { UInt8($0) != nil }
    }

    // Codable as the plain string form, so stored files stay readable.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// `[` and `]` off both ends (an IPv6 literal as URLs write it), without Foundation's trim.
    public static func unbracketed(_ host: String) -> Substring {
        var h = Substring(host)
        while h.first == "[" || h.first == "]" { h.removeFirst() }
        while h.last == "[" || h.last == "]" { h.removeLast() }
        return h
    }

    // MARK: validation

    private static let nickChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    private static func validateNickname(_ nick: String) throws {
        guard !nick.isEmpty else { throw PumpError.invalidAccount("the nickname before '@' is empty") }
        guard nick.count <= 64 else { throw PumpError.invalidAccount("the nickname is longer than 64 characters") }
        guard nick.allSatisfy({ nickChars.contains($0) }) else {
            throw PumpError.invalidAccount(
                "nickname '\(TerminalText.clean(nick, .message))' may only contain letters, digits, '.', '_' and '-'")
        }
        guard nick != "." && nick != ".." else { throw PumpError.invalidAccount("'\(nick)' is not a nickname") }
    }

    private static func splitHostPort(_ text: String) throws -> (String, Int?) {
        guard !text.isEmpty else { throw PumpError.invalidAccount("the host after '@' is empty") }
        var hostPart = text
        var portPart: String?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw PumpError.invalidAccount("unterminated '[' in host '\(TerminalText.clean(text, .message))'")
            }
            hostPart = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw PumpError.invalidAccount("unexpected text after ']'") }
                portPart = String(after.dropFirst())
            }
            try validateIPv6(hostPart)
        } else {
            if let colon = text.lastIndex(of: ":") {
                hostPart = String(text[..<colon])
                portPart = String(text[text.index(after: colon)...])
            }
            try validateHostname(hostPart)
        }
        var port: Int?
        if let p = portPart {
            guard let n = Int(p), p.allSatisfy(\.isASCII), (1...65535).contains(n) else {
                throw PumpError.invalidAccount("port '\(TerminalText.clean(p, .message))' must be a number from 1 to 65535")
            }
            port = n
        }
        return (hostPart.lowercased(), port)
    }

    private static let hostChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")

    private static func validateHostname(_ host: String) throws {
        guard !host.isEmpty else { throw PumpError.invalidAccount("the host after '@' is empty") }
        guard host.count <= 253, host.allSatisfy({ hostChars.contains($0) }) else {
            throw PumpError.invalidAccount(
                "host '\(TerminalText.clean(host, .message))' may only contain letters, digits, '.' and '-' (IPv6 in [brackets])")
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            throw PumpError.invalidAccount("host '\(TerminalText.clean(host, .message))' is not a valid host name")
        }
    }

    private static func validateIPv6(_ host: String) throws {
        let ok = !host.isEmpty && host.contains(":") && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        guard ok else { throw PumpError.invalidAccount("'\(TerminalText.clean(host, .message))' is not an IPv6 address") }
    }

    package static func bracketed(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }

}
