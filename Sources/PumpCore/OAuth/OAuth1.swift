import Crypto
import Foundation

/// The secrets a request is signed with. `token` nil means a 2-legged (consumer-only) request:
/// the server treats any `oauth_token` in the header as 3-legged, so it is then left out entirely.
public struct OAuthCredentials: Sendable {
    public var consumerKey: String
    public var consumerSecret: String
    public var token: String?
    public var tokenSecret: String
    public init(consumerKey: String, consumerSecret: String, token: String? = nil, tokenSecret: String = "") {
        self.consumerKey = consumerKey; self.consumerSecret = consumerSecret
        self.token = token; self.tokenSecret = tokenSecret
    }
}

/// RFC 5849 HMAC-SHA1 signing, written against pump.io's verifier (pump-api.md §3.5–3.6).
public enum OAuth1 {
    /// Scheme and host lowercased, default port dropped, path as sent ("/" if empty), no query.
    public static func baseURL(_ url: URL) -> String {
        let comps = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let scheme = (comps?.scheme ?? "https").lowercased()
        var host = (comps?.host ?? "").lowercased()
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        var result = "\(scheme)://\(host)"
        if let port = comps?.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            result += ":\(port)"
        }
        let path = comps?.percentEncodedPath ?? ""
        return result + (path.isEmpty ? "/" : path)
    }

    /// The URL's query parameters, decoded (`+` is a space, as the server's parser does).
    public static func queryParameters(_ url: URL) -> [(String, String)] {
        guard let q = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery else { return [] }
        return FormEncoding.parsePairs(q)
    }

    /// `METHOD&pct(baseURL)&pct(sorted, encoded parameters)`; parameters are given decoded.
    public static func baseString(method: String, url: URL, parameters: [(String, String)]) -> String {
        let encoded: [(String, String)] = parameters.map { (FormEncoding.percentEncode($0.0), FormEncoding.percentEncode($0.1)) }
        let sorted = encoded.sorted { (a: (String, String), b: (String, String)) -> Bool in
            a.0 == b.0 ? Array(a.1.utf8).lexicographicallyPrecedes(Array(b.1.utf8))
                       : Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
        }
        let normalized = sorted.map { (p: (String, String)) -> String in "\(p.0)=\(p.1)" }.joined(separator: "&")
        return [method.uppercased(), FormEncoding.percentEncode(baseURL(url)), FormEncoding.percentEncode(normalized)].joined(separator: "&")
    }

    /// base64(HMAC-SHA1(pct(consumerSecret)&pct(tokenSecret), baseString)).
    public static func signature(baseString: String, consumerSecret: String, tokenSecret: String) -> String {
        let key = SymmetricKey(data: Data("\(FormEncoding.percentEncode(consumerSecret))&\(FormEncoding.percentEncode(tokenSecret))".utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(baseString.utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// The oauth_* parameters for one request (without the signature).
    public static func protocolParameters(credentials: OAuthCredentials, extra: [String: String],
                                          nonce: String, timestamp: String) -> [(String, String)] {
        var params: [(String, String)] = [
            ("oauth_consumer_key", credentials.consumerKey),
            ("oauth_nonce", nonce),
            ("oauth_signature_method", "HMAC-SHA1"),
            ("oauth_timestamp", timestamp),
            ("oauth_version", "1.0"),
        ]
        if let token = credentials.token { params.append(("oauth_token", token)) }
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { params.append((k, v)) }
        return params
    }

    /// Returns `request` with an `Authorization: OAuth ...` header. Query parameters are signed
    /// decoded-then-re-encoded; form fields only for exactly `application/x-www-form-urlencoded`;
    /// JSON and binary bodies never. `extra` carries oauth_callback / oauth_verifier.
    public static func sign(_ request: HTTPRequest, credentials: OAuthCredentials, extra: [String: String] = [:],
                            nonce: String = makeNonce(), timestamp: String = currentTimestamp()) -> HTTPRequest {
        let oauth = protocolParameters(credentials: credentials, extra: extra, nonce: nonce, timestamp: timestamp)
        var all = oauth + queryParameters(request.url)
        if headerValue(request.headers, "Content-Type") == "application/x-www-form-urlencoded", let body = request.body {
            all += FormEncoding.parsePairs(String(decoding: body, as: UTF8.self))
        }
        let base = baseString(method: request.method, url: request.url, parameters: all)
        let sig = signature(baseString: base, consumerSecret: credentials.consumerSecret, tokenSecret: credentials.tokenSecret)
        let header = (oauth + [("oauth_signature", sig)])
            .map { (p: (String, String)) -> String in "\(FormEncoding.percentEncode(p.0))=\"\(FormEncoding.percentEncode(p.1))\"" }
            .joined(separator: ", ")
        var signed = request
        signed.headers = request.headers.filter { $0.key.lowercased() != "authorization" }
        signed.headers["Authorization"] = "OAuth " + header
        return signed
    }

    /// A fresh random alphanumeric nonce; the server remembers nonces for 10 minutes.
    public static func makeNonce() -> String {
        let chars = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in chars[Int(rng.next(upperBound: UInt32(chars.count)))] })
    }

    public static func currentTimestamp() -> String { String(Int(Date().timeIntervalSince1970)) }

    static func headerValue(_ headers: [String: String], _ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
