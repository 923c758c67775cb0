import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The real network, on AsyncHTTPClient (swift-nio): one shared, pooled client; redirects never
/// followed (each hop of a signed request is signed again by the caller); bodies streamed with
/// backpressure and abandoned at `maxBodyBytes`, decompressed size bounded the same way; and a
/// total deadline per request, body included (AsyncHTTPClient's own deadline ends at the head).
/// TLS is swift-nio-ssl with the system trust store; nothing here relaxes verification.
public struct AsyncHTTPTransport: HTTPTransport {
    public static let defaultMaxBodyBytes = 8 * 1024 * 1024
    public var maxBodyBytes: Int
    private let clients: SharedHTTPClient
    private let gate: RetryAfterGate

    public init(maxBodyBytes: Int = AsyncHTTPTransport.defaultMaxBodyBytes, clients: SharedHTTPClient = .process,
                gate: RetryAfterGate = .process) {
        self.maxBodyBytes = maxBodyBytes
        self.clients = clients
        self.gate = gate
    }

    /// `timeout` is the whole request's budget: connect, TLS, head and every byte of the body.
    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
        try gate.check(request.url)
        let (client, proxy) = try clients.client(for: request.url)
        let limit = maxBodyBytes
        let response: HTTPResponse
        let started = DispatchTime.now().uptimeNanoseconds
        // For --debug: method, URL without its query (tokens), status and time; never headers or bodies.
        func elapsed() -> String { String(format: "%.0f ms", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) }
        do {
            response = try await Deadline.run(seconds: timeout, url: request.url) {
                try await AsyncHTTPTransport.exchange(client, AsyncHTTPTransport.prepare(request), limit: limit)
            }
        } catch {
            let mapped = TransportErrors.map(error, url: request.url, proxy: proxy)
            PumpLog.http.debug("\(request.method) \(LogRedaction.describe(request.url)) failed after \(elapsed()): \(mapped)")
            throw mapped
        }
        PumpLog.http.debug("\(request.method) \(LogRedaction.describe(request.url)) \(response.status) \(response.body.count) bytes \(elapsed())")
        try gate.observe(response, url: request.url)
        return response
    }

    static func prepare(_ request: HTTPRequest) -> HTTPClientRequest {
        var out = HTTPClientRequest(url: request.url.absoluteString)
        out.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { out.headers.replaceOrAdd(name: name, value: value) }
        if let body = request.body { out.body = .bytes(ByteBuffer(bytes: body)) }
        return out
    }

    /// Sends and collects the body; past `limit` it stops reading (leaving the loop drops the
    /// stream, which closes the connection) instead of buffering what the server keeps sending.
    static func exchange(_ client: HTTPClient, _ request: HTTPClientRequest, limit: Int) async throws -> HTTPResponse {
        let response = try await client.execute(request, timeout: .hours(1))  // the real bound is Deadline
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
            throw PumpError.bodyTooLarge(limit: limit)
        }
        var body = ByteBuffer()
        for try await chunk in response.body {
            guard body.readableBytes + chunk.readableBytes <= limit else { throw PumpError.bodyTooLarge(limit: limit) }
            body.writeImmutableBuffer(chunk)
        }
        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            let key = name.lowercased()
            headers[key] = headers[key].map { "\($0), \(value)" } ?? value
        }
        return HTTPResponse(status: Int(response.status.code), headers: headers,
                            body: Data(body.readableBytesView))
    }
}

/// A total time limit around an async operation: whichever ends first, the operation or the
/// clock. The operation is cancelled when the clock wins (AsyncHTTPClient then closes the
/// connection), so a server dribbling one byte a second cannot hold a request past its budget.
enum Deadline {
    static func run<T: Sendable>(seconds: TimeInterval, url: URL,
                                 _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
                throw PumpError.timeout(url: url.absoluteString)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw PumpError.cancelled }
            return first
        }
    }
}
