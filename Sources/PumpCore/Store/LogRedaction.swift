import Foundation

/// The last step of every log line (the --debug / --log-file log): secrets are replaced by
/// `<hidden>` whatever put them in the text. Values that print themselves already hide their
/// secrets (SecretRedaction.swift); this covers what they cannot: URLs with OAuth query
/// parameters (authorize URL, callbacks), `Authorization: OAuth …` headers, token replies
/// (`oauth_token=…&oauth_token_secret=…`) and stored-credential JSON quoted in an error.
public enum LogRedaction {
    /// Names whose values are secret, or (oauth_token, the request token in the authorize URL)
    /// would let someone finish a login in the user's place.
    static let secretNames = [
        "oauth_token", "oauth_token_secret", "oauth_verifier", "oauth_signature", "oauth_consumer_key",
        "oauth_nonce", "client_secret", "token", "tokenSecret", "clientSecret", "consumerSecret", "secret",
        "verifier", "password",
    ]

    private static let patterns: [NSRegularExpression] = {
        let names = secretNames.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        return [
            // Authorization: OAuth ... (the whole header value, to the end of the line).
            #"(?i)(authorization\s*[:=]\s*)(OAuth\b[^\r\n]*)"#,
            // name=value in queries, forms and headers (value may be quoted).
            #"(?<![A-Za-z0-9_])((?:"# + names + #")\s*=\s*"?)([^&\s",;]+)"#,
            // "name": "value" in JSON.
            #"("(?:"# + names + #")"\s*:\s*")((?:[^"\\]|\\.)*)"#,
        ].map { try! NSRegularExpression(pattern: $0) }
    }()

    public static func redact(_ line: String) -> String {
        var text = line
        for pattern in patterns {
            let range = NSRange(text.startIndex..., in: text)
            text = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "$1<hidden>")
        }
        return text
    }

    /// A URL for the log: scheme, host, port and path only (queries carry OAuth tokens and
    /// verifiers; fragments never reach a server anyway).
    public static func describe(_ url: URL) -> String {
        var parts = URLComponents()
        parts.scheme = url.scheme; parts.host = url.host; parts.port = url.port
        parts.percentEncodedPath = url.path.isEmpty ? "/" : (URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path)
        let text = parts.string ?? "?"
        return url.query == nil ? text : text + "?…"
    }
}
