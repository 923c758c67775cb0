import Foundation

/// The proxy environment as libcurl read it: `https_proxy`/`HTTPS_PROXY` for https URLs,
/// `http_proxy` (lowercase only, as curl does) for http, `no_proxy`/`NO_PROXY` a comma list of
/// host suffixes or `*`. Loopback hosts never go through a proxy. Proxy credentials in the URL
/// are not supported (refused rather than silently dropped).
public struct ProxySettings: Sendable, Equatable {
    public struct Proxy: Sendable, Equatable {
        public let host: String
        public let port: Int
    }

    let https: Proxy?
    let http: Proxy?
    let noProxy: [String]

    public init(environment env: [String: String]) {
        func value(_ names: String...) -> String? { names.lazy.compactMap { env[$0] }.first { !$0.isEmpty } }
        https = value("https_proxy", "HTTPS_PROXY").flatMap(ProxySettings.parse)
        http = value("http_proxy").flatMap(ProxySettings.parse)
        noProxy = (value("no_proxy", "NO_PROXY") ?? "").split(separator: ",")
            .map { $0.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
    }

    /// `http://host:port` (or bare `host:port`); the port defaults to 1080 as in curl.
    static func parse(_ text: String) -> Proxy? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let url = URL(string: withScheme), url.scheme?.lowercased() == "http",
              let host = url.host, !host.isEmpty, url.user == nil else { return nil }
        return Proxy(host: host, port: url.port ?? 1080)
    }

    public func proxy(for url: URL) -> Proxy? {
        guard let host = url.host?.lowercased(), !AccountID.isLoopbackHost(host), !bypass(host) else { return nil }
        return url.scheme?.lowercased() == "https" ? https : http
    }

    func bypass(_ host: String) -> Bool {
        let bare = AccountID.unbracketed(host)
        return noProxy.contains { entry in
            if entry == "*" { return true }
            let suffix = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            return bare == suffix || bare.hasSuffix("." + suffix)
        }
    }
}
