import Foundation

/// Reading the reply of an API call: status, content type, then the JSON object (one parse).
extension PumpError {
    /// Checks status and content type; returns the JSON object body.
    static func jsonObject(from r: HTTPResponse) throws -> JSONNode {
        let type = r.contentType.lowercased()
        let parsed = JSONValue.parseObject(r.body)
        guard (200..<300).contains(r.status) else {
            throw PumpError.http(status: r.status, serverMessage: message(from: r, json: parsed))
        }
        // Accept any JSON object body; a wrong content type on a valid body is not worth failing.
        if let parsed { return parsed }
        // Labelled JSON but unparsable (a cut-off or broken reply): "expected JSON but got
        // application/json" would only confuse.
        if type.contains("json") { throw PumpError.badResponse("malformed or truncated JSON") }
        throw PumpError.notJSON(status: r.status, contentType: TerminalText.clean(type, .line, maxLength: 60),
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
        let html = r.contentType.lowercased().contains("html") || head.hasPrefix("<")
        if html, let line = ServerText.preLine(head) { return line }
        let text = html ? HTMLText.line(head) : head
        return TerminalText.clean(text.trimmingSpaces, .line, maxLength: 160)
    }
}
