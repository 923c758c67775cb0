import Foundation

/// The proxy environment as libcurl read it: `https_proxy`/`HTTPS_PROXY` for https URLs,
/// `http_proxy` (lowercase only, as curl does) for http, `all_proxy`/`ALL_PROXY` for either when
/// those are unset, `no_proxy`/`NO_PROXY` a comma list of host suffixes or `*`. Loopback hosts
/// never go through a proxy.
///
/// A proxy that is set is used or the request fails: a value we cannot honour (SOCKS4, TLS to
/// the proxy, SOCKS5 credentials, no host) is refused, never skipped, since skipping it would
/// connect directly and look the host up locally — a leak for someone behind Tor or a company
/// proxy. SOCKS5 always hands the host *name* to the proxy (AsyncHTTPClient never resolves the
/// target itself), so `socks5://` is as private as `socks5h://`.
public struct ProxySettings: Sendable, Equatable {
    public struct Proxy: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable { case http, socks5 }
        public let kind: Kind
        public let host: String
        public let port: Int
        /// Basic credentials for an HTTP proxy (percent-decoded). Never in `description`.
        let credentials: Credentials?
        /// The variable it came from, so messages say what to change.
        let variable: String

        public init(kind: Kind = .http, host: String, port: Int, credentials: Credentials? = nil, variable: String = "https_proxy") {
            self.kind = kind; self.host = host; self.port = port
            self.credentials = credentials; self.variable = variable
        }

        /// `socks5h://127.0.0.1:9050 (from https_proxy)`: names the proxy in messages and logs,
        /// without its credentials.
        public var description: String {
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "\(kind == .http ? "http" : "socks5h")://\(shownHost):\(port) (from \(variable))"
        }
    }

    public struct Credentials: Sendable, Equatable {
        let user: String
        let password: String
        public init(user: String, password: String) { self.user = user; self.password = password }
    }

    /// What one variable said: a proxy, or why it cannot be used (the reason names the variable
    /// and the proxy, never its credentials).
    enum Setting: Sendable, Equatable {
        case proxy(Proxy)
        case unusable(String)
    }

    let https: Setting?
    let http: Setting?
    let noProxy: [String]

    public init(environment env: [String: String]) {
        func named(_ names: [String]) -> (name: String, value: String)? {
            names.lazy.compactMap { name in env[name].flatMap { $0.isEmpty ? nil : (name, $0) } }.first
        }
        func setting(_ names: String...) -> Setting? { named(names).map { ProxySettings.parse($0.value, variable: $0.name) } }
        let all = setting("all_proxy", "ALL_PROXY")
        https = setting("https_proxy", "HTTPS_PROXY") ?? all
        http = setting("http_proxy") ?? all
        noProxy = (named(["no_proxy", "NO_PROXY"])?.value ?? "").split(separator: ",")
            .map { $0.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
    }

    /// `scheme://[user:password@]host[:port]` (or bare `host:port`, an HTTP proxy); the port
    /// defaults to 1080 as in curl.
    static func parse(_ text: String, variable: String) -> Setting {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let parts = URLComponents(string: withScheme), let host = parts.host, !host.isEmpty else {
            return .unusable("\(variable) is not a proxy address pumptui can read (scheme://host:port)")
        }
        let scheme = parts.scheme?.lowercased() ?? ""
        let bare = String(AccountID.unbracketed(host))
        let port = parts.port ?? 1080
        let named = "\(scheme)://\(host):\(port) (from \(variable))"
        let credentials = parts.percentEncodedUser.map {
            Credentials(user: $0.removingPercentEncoding ?? $0,
                        password: parts.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 } ?? "")
        }
        switch scheme {
        case "http":
            return .proxy(Proxy(kind: .http, host: bare, port: port, credentials: credentials, variable: variable))
        case "socks5", "socks5h":
            guard credentials == nil else {
                return .unusable("the proxy \(named) has credentials, which pumptui cannot send to a SOCKS5 proxy (use one without them, or an http:// proxy)")
            }
            return .proxy(Proxy(kind: .socks5, host: bare, port: port, variable: variable))
        case "https":
            return .unusable("the proxy \(named) is reached over TLS, which pumptui does not support (use http:// or socks5h://)")
        default:
            return .unusable("the proxy \(named) uses \(scheme.isEmpty ? "no scheme" : scheme), which pumptui does not support (use http:// or socks5h://)")
        }
    }

    /// The proxy for this URL, nil for a direct connection; throws when the proxy set for it
    /// cannot be used (nothing is sent then).
    public func proxy(for url: URL) throws -> Proxy? {
        guard let host = url.host?.lowercased(), !AccountID.isLoopbackHost(host), !bypass(host) else { return nil }
        switch url.scheme?.lowercased() == "https" ? https : http {
        case nil: return nil
        case .proxy(let proxy): return proxy
        case .unusable(let why): throw PumpError.proxyUnusable(why)
        }
    }

    func bypass(_ host: String) -> Bool {
        let bare = String(AccountID.unbracketed(host))
        return noProxy.contains { entry in
            if entry == "*" { return true }
            let suffix = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            return bare == suffix || bare.hasSuffix("." + suffix)
        }
    }
}
