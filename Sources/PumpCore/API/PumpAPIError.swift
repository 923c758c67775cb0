import Foundation

/// Failures of the typed API layer. (`PumpError`, owned by the core branch, covers transport and
/// OAuth; this covers what comes back from a request that technically succeeded.)
public enum PumpAPIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 4xx/5xx with the server's message (`{"error":…}`, plain text, or an HTML page's text),
    /// sanitized and cut to one line.
    case server(status: Int, message: String)
    /// JSON was expected but something else came back (an HTML error page, a proxy's reply).
    case notJSON(status: Int, contentType: String, snippet: String)
    /// JSON, but not the shape the call returns (e.g. an activity without a verb).
    case unexpectedJSON(String)
    /// A URL we need cannot be derived (no nickname, no links, a non-URL id).
    case missingEndpoint(String)
    /// An account written other than `nick@host`.
    case badAccount(String)
    /// A URL on another server: signed requests go only to the account's own server (remote
    /// things are reached through its `proxyURL`).
    case notOnThisServer(String)

    public var description: String {
        switch self {
        case .server(let status, let message):
            return message.isEmpty ? "The server answered HTTP \(status)." : "Server error \(status): \(message)"
        case .notJSON(let status, let type, let snippet):
            let what = type.isEmpty ? "no content type" : type
            return "Expected JSON from the server but got \(what) (HTTP \(status))"
                + (snippet.isEmpty ? "." : ": \(snippet)")
        case .unexpectedJSON(let what):
            return "The server's reply was not understood: \(what)."
        case .missingEndpoint(let what):
            return "Cannot find the address for \(what)."
        case .badAccount(let text):
            return "“\(text)” is not an account; write it as nick@host."
        case .notOnThisServer(let url):
            return "\(url) is on another server; it can only be reached through your server."
        }
    }
}

extension PumpAPIError {
    /// Checks status and content type; returns the JSON object body.
    static func jsonObject(from r: HTTPResponse) throws -> JSONNode {
        let type = r.contentType.lowercased()
        let parsed = JSONValue.parseObject(r.body)
        guard (200..<300).contains(r.status) else {
            throw PumpAPIError.server(status: r.status, message: message(from: r, json: parsed))
        }
        // Accept any JSON object body; a wrong content type on a valid body is not worth failing.
        if let parsed { return parsed }
        // Labelled JSON but unparsable (a cut-off or broken reply): "expected JSON but got
        // application/json" would only confuse.
        if type.contains("json") { throw PumpAPIError.unexpectedJSON("malformed or truncated JSON") }
        throw PumpAPIError.notJSON(status: r.status, contentType: TerminalText.clean(type, .line, maxLength: 60),
                                   snippet: snippet(r))
    }

    static func message(from r: HTTPResponse, json: JSONNode?) -> String {
        if let e = json?.string("error") ?? json?.string("message") {
            return TerminalText.clean(e, .line, maxLength: 200)
        }
        return snippet(r)
    }

    /// A short, safe, one-line rendering of a non-JSON body (HTML pages reduced to their text).
    static func snippet(_ r: HTTPResponse) -> String {
        let head = String(decoding: r.body.prefix(4096), as: UTF8.self)
        let text = r.contentType.lowercased().contains("html") || head.hasPrefix("<")
            ? HTMLText.line(head) : head
        return TerminalText.clean(text.trimmingSpaces, .line, maxLength: 160)
    }
}
