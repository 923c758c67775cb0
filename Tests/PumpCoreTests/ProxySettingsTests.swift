import Foundation
import AsyncHTTPClient
import NIOCore
import NIOSOCKS
import Testing
@testable import PumpCore

/// The proxy environment: used as curl reads it, and a value that cannot be honoured is refused
/// (a skipped proxy would mean a direct connection and a local DNS lookup).
@Suite struct ProxySettingsTests {
    let https = URL(string: "https://pump.example/")!

    @Test func readsTheEnvironmentLikeCurl() throws {
        let p = ProxySettings(environment: ["HTTPS_PROXY": "http://proxy.lan:3128", "HTTP_PROXY": "http://ignored:1",
                                            "NO_PROXY": "internal.example, .corp"])
        #expect(try p.proxy(for: https) == .init(host: "proxy.lan", port: 3128, variable: "HTTPS_PROXY"))
        #expect(try p.proxy(for: URL(string: "http://pump.example/")!) == nil, "curl reads only lowercase http_proxy")
        #expect(try p.proxy(for: URL(string: "https://api.internal.example/")!) == nil)
        #expect(try p.proxy(for: URL(string: "https://x.corp/")!) == nil)
        #expect(try p.proxy(for: URL(string: "https://127.0.0.1:8443/")!) == nil, "loopback never via a proxy")
    }

    @Test func allProxyIsTheFallbackForBothSchemes() throws {
        let p = ProxySettings(environment: ["ALL_PROXY": "socks5h://tor.lan:9050", "https_proxy": "http://web.lan:3128"])
        #expect(try p.proxy(for: https) == .init(host: "web.lan", port: 3128, variable: "https_proxy"))
        #expect(try p.proxy(for: URL(string: "http://pump.example/")!)
                == .init(kind: .socks5, host: "tor.lan", port: 9050, variable: "ALL_PROXY"))
    }

    @Test func socks5AndCredentialsAreUsed() throws {
        let socks = try ProxySettings(environment: ["https_proxy": "socks5h://127.0.0.1:9"]).proxy(for: https)
        #expect(socks == .init(kind: .socks5, host: "127.0.0.1", port: 9))
        #expect(try ProxySettings(environment: ["https_proxy": "socks5://[::1]"]).proxy(for: https)
                == .init(kind: .socks5, host: "::1", port: 1080))
        let http = try ProxySettings(environment: ["https_proxy": "http://u%40corp:p%3Ass@proxy.lan:8080"]).proxy(for: https)
        #expect(http == .init(host: "proxy.lan", port: 8080, credentials: .init(user: "u@corp", password: "p:ss")))
        #expect(http?.description == "http://proxy.lan:8080 (from https_proxy)", "never the credentials")
    }

    @Test(arguments: [
        ("socks4://127.0.0.1:9", "socks4"), ("socks4a://127.0.0.1:9", "socks4a"), ("https://127.0.0.1:9", "over TLS"),
        ("socks5h://u:secret@127.0.0.1:9", "credentials"), ("http://", "not a proxy address"), ("ftp://p:1", "ftp"),
    ])
    func whatCannotBeHonouredIsRefused(value: String, why: String) throws {
        let p = ProxySettings(environment: ["https_proxy": value])
        #expect(throws: PumpError.self) { try p.proxy(for: https) }
        do { _ = try p.proxy(for: https) } catch {
            let message = (error as? PumpError)?.message ?? ""
            #expect(message.contains(why) && message.contains("https_proxy"), "\(message)")
            #expect(!message.contains("secret"))
        }
        #expect(try p.proxy(for: URL(string: "https://127.0.0.1/")!) == nil, "loopback still direct")
    }

    @Test func aFailureNamesTheProxyNotTheTarget() {
        let proxy = ProxySettings.Proxy(kind: .socks5, host: "127.0.0.1", port: 9)
        let target = URL(string: "https://pump.example/api")!
        let refused = TransportErrors.map(IOError(errnoCode: ECONNREFUSED, reason: "connect"), url: target, proxy: proxy)
        #expect(refused.message == "proxy socks5h://127.0.0.1:9 (from https_proxy): connection refused (is the proxy running?)")
        #expect(refused.isConnectionLevel)
        let auth = TransportErrors.map(HTTPClientError.proxyAuthenticationRequired, url: target,
                                       proxy: .init(host: "p", port: 1, credentials: .init(user: "u", password: "pw")))
        #expect(auth.message == "proxy http://p:1 (from https_proxy): it refused the credentials (HTTP 407)")
        let unreachable = TransportErrors.map(SOCKSError.ConnectionFailed(reply: .hostUnreachable), url: target, proxy: proxy)
        #expect(unreachable.message.hasSuffix("it could not reach pump.example:443 (host unreachable or unknown)"))
        #expect(TransportErrors.map(IOError(errnoCode: ECONNREFUSED, reason: "connect"), url: target) == .connectionRefused(host: "pump.example"))
        #expect(TransportErrors.map(HTTPClientError.connectTimeout, url: target, proxy: proxy).message
                == "proxy socks5h://127.0.0.1:9 (from https_proxy): could not connect in time (timed out)")
        #expect(TransportErrors.map(HTTPClientError.readTimeout, url: target, proxy: proxy) == .timeout(url: target.absoluteString),
                "past the tunnel: the server's")
    }
}
