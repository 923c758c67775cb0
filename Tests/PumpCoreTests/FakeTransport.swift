import Foundation
@testable import PumpCore

/// An in-memory HTTPTransport: routes by "METHOD path" (or a closure) and records requests.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse
    private let lock = NSLock()
    private var _requests: [HTTPRequest] = []
    private var _timeouts: [TimeInterval] = []
    let handler: Handler

    init(_ handler: @escaping Handler) { self.handler = handler }

    var requests: [HTTPRequest] { lock.withLock { _requests } }
    var timeouts: [TimeInterval] { lock.withLock { _timeouts } }
    var urls: [String] { requests.map(\.url.absoluteString) }

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
        lock.withLock { _requests.append(request); _timeouts.append(timeout) }
        return try handler(request)
    }
}

func text(_ status: Int, _ body: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: ["content-type": "text/plain"], body: Data(body.utf8))
}

func json(_ status: Int, _ body: String, type: String = "application/json") -> HTTPResponse {
    HTTPResponse(status: status, headers: ["content-type": type], body: Data(body.utf8))
}

func tempDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pumpcore-test-\(UUID().uuidString)")
    return url
}

/// The Authorization header's oauth_* fields, decoded.
func oauthFields(_ request: HTTPRequest) -> [String: String] {
    guard let header = request.headers["Authorization"], header.hasPrefix("OAuth ") else { return [:] }
    var out: [String: String] = [:]
    for part in header.dropFirst(6).components(separatedBy: ", ") {
        let kv = part.split(separator: "=", maxSplits: 1)
        guard kv.count == 2 else { continue }
        out[String(kv[0])] = String(kv[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).removingPercentEncoding
    }
    return out
}
