import Foundation
import PumpModels
import PumpRender

/// Token replies and error bodies: form parsing never traps, a parsed token is non-empty, and an
/// error message made from any reply body is terminal-safe and short.
func fuzzTokenReply(_ data: Data) {
    if let reply = TokenReply(body: data) {
        require(!reply.token.isEmpty && !reply.secret.isEmpty, "non-empty token", String(decoding: data, as: UTF8.self))
    }
    _ = FormEncoding.parsePairs(String(decoding: data, as: UTF8.self))
    for type in ["text/plain", "application/json", "text/html"] {
        let response = HTTPResponse(status: 401, headers: ["content-type": type], body: data)
        let message = ServerText.extractMessage(response)
        require(isTerminalSafe(message, allowNewline: false), "error message safe", message)
        require(message.count <= 400, "error message short", message)
        _ = ServerReply.error(for: response)
        _ = ServerReply.accessTokenError(for: response)
    }
}
