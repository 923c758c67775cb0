import Foundation

/// Turns a server's error reply into a `PumpError`. pump.io answers OAuth failures as
/// text/plain, API failures as JSON `{"error": ...}` and crashes as HTML 500 pages.
public enum ServerReply {
    public static func error(for response: HTTPResponse) -> PumpError {
        let text = ServerText.extractMessage(response)
        if let known = knownOAuthError(text) { return known }
        return .http(status: response.status, serverMessage: text)
    }

    /// The server's well-known OAuth texts, matched wherever they appear in the reply.
    package static func knownOAuthError(_ text: String) -> PumpError? {
        let lower = text.lowercased()
        if lower.contains("invalid consumer key") { return .invalidConsumerKey }
        if lower.contains("invalid / expired token") { return .expiredToken }
        if lower.contains("invalid signature") { return .invalidSignature }
        if lower.contains("invalid / used nonce") { return .clientForgotten }
        return nil
    }

    /// Access-token step: a refused verifier and a dead request token must be told apart,
    /// because the first keeps the request token (the user retries) and the second needs a new URL.
    package static func accessTokenError(for response: HTTPResponse) -> PumpError {
        let text = ServerText.extractMessage(response)
        let lower = text.lowercased()
        if lower.contains("invalid consumer key") { return .invalidConsumerKey }
        if lower.contains("verifier") { return .wrongVerifier }
        if lower.contains("invalid / expired token") || lower.contains("expired") || lower.contains("token") {
            return .requestTokenExpired
        }
        if lower.contains("invalid signature") { return .invalidSignature }
        return .http(status: response.status, serverMessage: text)
    }
}

/// The human part of a server's error reply, made safe for a message.
public enum ServerText {
    package static let maxLength = 200

    /// The human part of an error body: JSON `error`, oauthlib-style `error_description`,
    /// an HTML page's title, or the plain text; cleaned and shortened.
    public static func extractMessage(_ response: HTTPResponse) -> String {
        let raw = String(decoding: response.body.prefix(64 * 1024), as: UTF8.self)
        let ct = response.contentType.lowercased()
        if ct.contains("json") || raw.hasPrefix("{"), let reply = JSONValue.parseObject(response.body) {
            if let e = reply.string("error") { return summary(e) }
            if let e = reply.string("message") { return summary(e) }
        }
        if ct.contains("html") || raw.range(of: "<html", options: .caseInsensitive) != nil {
            return htmlSummary(raw)
        }
        if raw.contains("error="), !raw.contains(" ") {
            let pairs = FormEncoding.parse(raw)
            if let d = pairs["error_description"] ?? pairs["error"] { return summary(d) }
        }
        return summary(raw)
    }

    /// HTML 500 pages are summarised (the error line, title or first text), never dumped.
    package static func htmlSummary(_ html: String) -> String {
        if let line = preLine(html) { return line }
        if let t = between(html, "<title>", "</title>"), !summary(t).isEmpty { return "HTML page: " + summary(t) }
        if let t = between(html, "<h1>", "</h1>"), !summary(t).isEmpty { return "HTML page: " + summary(t) }
        return "HTML error page"
    }

    /// Express's error pages (pump.io's 413, its "no original post" 500) are titled only "Error";
    /// the message is the first line of their `<pre>`, before the stack trace. Nil without one.
    package static func preLine(_ html: String) -> String? {
        guard let open = html.range(of: "<pre>", options: .caseInsensitive) else { return nil }
        var text = html[open.upperBound...]
        for end in ["<br", "</pre", "\n"] {
            if let r = text.range(of: end, options: .caseInsensitive) { text = text[..<r.lowerBound] }
        }
        let line = summary(String(text))
        return line.isEmpty ? nil : line
    }

    private static func between(_ s: String, _ open: String, _ close: String) -> String? {
        guard let a = s.range(of: open, options: .caseInsensitive),
              let b = s.range(of: close, options: .caseInsensitive, range: a.upperBound..<s.endIndex) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }

    /// Tags and entities go through the same HTML-to-text as timeline content (which ends in
    /// `TerminalText`); one line, shortened.
    package static func summary(_ s: String) -> String {
        HTMLText.line(s, maxLength: maxLength)
    }
}
