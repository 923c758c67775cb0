import Foundation

// Stand-in for Sources/PumpCore/HTTP's AsyncHTTPClient files, only in fuzz builds (scripts/fuzz.sh
// leaves out every PumpCore file that imports AsyncHTTPClient or NIO). No fuzz target sends a
// request. Never linked into pumptui.
public struct AsyncHTTPTransport: HTTPTransport {
    public init() {}
    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
        throw PumpError.cancelled
    }
}
