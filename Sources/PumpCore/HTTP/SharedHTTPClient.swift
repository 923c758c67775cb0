import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import Synchronization

/// The process's HTTP clients, made on first use and shared, so the login's requests reuse one
/// pooled connection per origin. One direct, and one per proxy the environment names
/// (AsyncHTTPClient keeps one proxy per client; `NO_PROXY` picks per request).
/// `shutdown(within:)` closes them; the CLI calls it once the command or the TUI has returned.
public final class SharedHTTPClient: Sendable {
    public static let process = SharedHTTPClient(proxies: ProxySettings(environment: ProcessInfo.processInfo.environment))

    private let proxies: ProxySettings
    private struct State {
        var clients: [String: HTTPClient] = [:]   // "" direct, else the proxy's kind, host, port, variable
        var closed = false
    }
    private let state = Mutex(State())

    public init(proxies: ProxySettings = ProxySettings(environment: [:])) { self.proxies = proxies }

    /// The client for this URL and the proxy it goes through (nil: direct), so errors can
    /// name the proxy. Throws, sending nothing, when the URL's proxy cannot be used.
    func client(for url: URL) throws -> (client: HTTPClient, proxy: ProxySettings.Proxy?) {
        let proxy = try proxies.proxy(for: url)
        return (try client(proxy: proxy), proxy)
    }

    /// Makes the direct client, and with it NIO's event loop threads, on another thread now, so
    /// the first request does not wait for them (issue 11: the login's first request went out
    /// ~8 ms after the process had parsed its arguments). For commands that will use the
    /// network; the client is closed at exit like any other.
    public func warmUp() {
        Task.detached(priority: .high) { _ = try? self.client(proxy: nil) }
    }

    private func client(proxy: ProxySettings.Proxy?) throws -> HTTPClient {
        let key = proxy.map { "\($0.kind) \($0.host) \($0.port) \($0.variable)" } ?? ""
        return try state.withLock { state in
            guard !state.closed else { throw PumpError.cancelled }
            if let existing = state.clients[key] { return existing }
            let made = HTTPClient(eventLoopGroup: SharedHTTPClient.eventLoops,
                                  configuration: SharedHTTPClient.configuration(proxy: proxy))
            state.clients[key] = made
            return made
        }
    }

    /// One event-loop thread for the process's few connections. NIO's shared group starts one
    /// per core; the second thread and its selector cost start-up CPU that a busy core does not
    /// have (issue 11), and a terminal client never keeps two loops busy. Lives as long as the
    /// process, like NIO's own singleton (nothing to shut down; the clients are).
    static let eventLoops: EventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    static func configuration(proxy: ProxySettings.Proxy?) -> HTTPClient.Configuration {
        var config = HTTPClient.Configuration(
            tlsConfiguration: nil,  // swift-nio-ssl's client default: full verification, system roots
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(30)),
            connectionPool: .init(idleTimeout: .seconds(30)),
            proxy: proxy.map(SharedHTTPClient.proxyConfiguration),
            ignoreUncleanSSLShutdown: false,
            // Counted on the inflated bytes as they stream: a gzip bomb ends at the cap.
            decompression: .enabled(limit: .size(AsyncHTTPTransport.defaultMaxBodyBytes)))
        config.httpVersion = .http1Only
        // Report a refused connection at once (AsyncHTTPClient would retry until the deadline,
        // turning "connection refused" into "timed out").
        config.connectionPool.retryConnectionEstablishment = false
        return config
    }

    static func proxyConfiguration(_ proxy: ProxySettings.Proxy) -> HTTPClient.Configuration.Proxy {
        switch proxy.kind {
        case .socks5: return .socksServer(host: proxy.host, port: proxy.port)
        case .http:
            return .server(host: proxy.host, port: proxy.port,
                           authorization: proxy.credentials.map { .basic(username: $0.user, password: $0.password) })
        }
    }

    /// Closes every client, waiting at most `seconds` (a hung server must not hold the exit).
    /// Later requests fail as cancelled.
    public func shutdown(within seconds: TimeInterval) async {
        let all: [HTTPClient] = state.withLock { state in
            state.closed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        guard !all.isEmpty else { return }
        _ = try? await Deadline.run(seconds: seconds, url: URL(string: "about:shutdown")!) {
            for client in all { try? await client.shutdown() }
        }
    }
}
