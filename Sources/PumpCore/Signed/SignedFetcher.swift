import Foundation

/// Sends one OAuth-signed request and follows redirects by hand, signing each hop afresh
/// (pump.io's whoami 302 breaks if the old signature is replayed). Credentials only ever go
/// to the origin of the first URL; more than `maxRedirects` hops is a loop.
struct SignedFetcher: Sendable {
    let transport: HTTPTransport
    let credentials: OAuthCredentials
    let timeout: TimeInterval
    var maxRedirects = 5

    func send(_ request: HTTPRequest, extra: [String: String] = [:]) async throws -> HTTPResponse {
        let origin = Endpoints.origin(of: request.url)
        var current = request
        for _ in 0...maxRedirects {
            let signed = OAuth1.sign(current, credentials: credentials, extra: extra)
            let response = try await transport.send(signed, timeout: timeout)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"] else {
                return response
            }
            guard let next = URL(string: location, relativeTo: current.url)?.absoluteURL else {
                throw PumpError.badResponse("redirect to an invalid URL")
            }
            guard Endpoints.origin(of: next) == origin else {
                throw PumpError.redirectToOtherHost(TerminalText.clean(next.host ?? location, .message))
            }
            current = SignedFetcher.redirected(current, status: response.status, to: next)
        }
        throw PumpError.redirectLoop
    }

    /// 303 (and 301/302 after a POST, as browsers do) become a bodyless GET; 307/308 keep all.
    static func redirected(_ request: HTTPRequest, status: Int, to url: URL) -> HTTPRequest {
        var next = request
        next.url = url
        if status == 303 || ((status == 301 || status == 302) && request.method != "GET" && request.method != "HEAD") {
            next.method = "GET"
            next.body = nil
            next.headers = request.headers.filter { $0.key.lowercased() != "content-type" }
        }
        return next
    }
}
