import Foundation

/// `k=v&k=v` bodies and queries. pump.io's token endpoints answer with this shape under
/// `text/plain`, so it is parsed whatever the content type says.
public enum FormEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// RFC 3986 encoding: only unreserved bytes stay literal, hex uppercase, space is %20.
    /// (Foundation's urlQueryAllowed leaves + & = / ? : @ ... alone, which breaks signatures.)
    public static func percentEncode(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if unreserved.contains(b) { out.append(b) } else {
                out.append(UInt8(ascii: "%")); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Pairs in order, duplicates kept; `+` decodes to a space, `%XX` to bytes.
    public static func parsePairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(String(kv[0]))
            let value = kv.count > 1 ? decode(String(kv[1])) : ""
            return (key, value)
        }
    }

    /// Last value wins, as on the server.
    public static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in parsePairs(text.trimmingWhitespace) { out[k] = v }
        return out
    }

    public static func parse(_ data: Data) -> [String: String] { parse(String(decoding: data, as: UTF8.self)) }

    public static func decode(_ s: String) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Encodes pairs with RFC 3986 percent-encoding (space as %20, never +).
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(FormEncoding.percentEncode($0.0))=\(FormEncoding.percentEncode($0.1))" }.joined(separator: "&")
    }
}

/// Token credentials from `oauth/request_token` or `oauth/access_token`.
public struct TokenReply: Sendable, Equatable {
    public let token: String
    public let secret: String

    /// Nil when the reply lacks `oauth_token` or `oauth_token_secret`.
    public init?(body: Data) {
        let fields = FormEncoding.parse(body)
        guard let t = fields["oauth_token"], !t.isEmpty, let s = fields["oauth_token_secret"], !s.isEmpty else { return nil }
        token = t; secret = s
    }
}
