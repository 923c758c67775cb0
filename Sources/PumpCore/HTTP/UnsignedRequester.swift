import Foundation

/// GETs for things on other servers that need no login (images and avatars without a proxy
/// URL, issue 24): no Authorization header, no token, nothing of the account goes with them.
/// Bounded like every download (the transport's byte limit and deadline); redirects are
/// followed by hand, at most `maxRedirects`, each hop held to the same scheme rule: https, or
/// plain http only for loopback hosts or where the user allowed it, and never from https down.
public struct UnsignedRequester: APIRequester {
    let transport: HTTPTransport
    let allowHTTP: Bool
    let timeout: TimeInterval
    var maxRedirects = 5

    public init(transport: HTTPTransport = AsyncHTTPTransport(), allowHTTP: Bool = false, timeout: TimeInterval = 30) {
        self.transport = transport; self.allowHTTP = allowHTTP; self.timeout = timeout
    }

    /// Only GET (and HEAD): a write to another server would need our credentials, so none is sent.
    public func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse {
        guard method == "GET" || method == "HEAD", body == nil else {
            throw UnsignedRefusal(message: "Refusing to send \(method) to \(url.hostForMessages) without your account's server")
        }
        var current = url
        var secure = false
        for _ in 0...maxRedirects {
            try check(current, afterHTTPS: secure)
            secure = secure || current.scheme?.lowercased() == "https"
            let response = try await transport.send(HTTPRequest(method: method, url: current, headers: ["Accept": "*/*"]),
                                                    timeout: timeout)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"] else {
                guard (200..<300).contains(response.status) else { throw ServerReply.error(for: response) }
                return response
            }
            guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                throw PumpError.badResponse("redirect to an invalid URL")
            }
            current = next
        }
        throw PumpError.redirectLoop
    }

    func check(_ url: URL, afterHTTPS: Bool) throws {
        switch url.scheme?.lowercased() {
        case "https": return
        case "http" where afterHTTPS:
            throw PumpError.downgradeRefused(host: url.hostForMessages)
        case "http" where allowHTTP || AccountID.isLoopbackHost(url.host ?? ""):
            return
        case "http":
            throw UnsignedRefusal(message: "Refusing plain http to \(url.hostForMessages) (use --allow-http to allow it)")
        default:
            throw UnsignedRefusal(message: "Refusing to fetch \(TerminalText.clean(url.scheme ?? "?", .message)): URLs")
        }
    }
}

/// Why an unsigned fetch was not made; `description` is the status line's sentence.
public struct UnsignedRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
