import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSOCKS
import NIOSSL

/// swift-nio and AsyncHTTPClient errors to the errors the user can act on.
enum TransportErrors {
    static func map(_ error: Error, url: URL, proxy: ProxySettings.Proxy? = nil) -> PumpError {
        if let proxy, let failure = proxyFailure(error, url: url, proxy: proxy) { return failure }
        let host = url.hostForMessages
        switch error {
        case let e as PumpError: return e
        case is CancellationError: return .cancelled
        case let e as HTTPClientError: return map(e, url: url, host: host)
        case let e as NIOConnectionError: return map(e, host: host)
        case is NIOHTTPDecompression.DecompressionError:
            return .bodyTooLarge(limit: AsyncHTTPTransport.defaultMaxBodyBytes)
        case let e as IOError where e.errnoCode == ECONNREFUSED: return .connectionRefused(host: host)
        case is NIOSSLExtraError: return .tlsFailure(host: host, detail: detail(error))
        case let e as NIOSSLError: return tls(e, host: host)
        default: return .network(host: host, detail: detail(error))
        }
    }

    static func map(_ e: HTTPClientError, url: URL, host: String) -> PumpError {
        switch e {
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
             .getConnectionFromPoolTimeout:
            return .timeout(url: TerminalText.clean(url.absoluteString, .message))
        case .cancelled, .alreadyShutdown: return .cancelled
        default: return .network(host: host, detail: detail(e))
        }
    }

    static func map(_ e: NIOConnectionError, host: String) -> PumpError {
        if e.connectionErrors.isEmpty, e.dnsAError != nil || e.dnsAAAAError != nil { return .dnsFailure(host: host) }
        let refused = e.connectionErrors.contains { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }
        return refused ? .connectionRefused(host: host) : .network(host: host, detail: detail(e))
    }

    /// Through a proxy the only connection we open, and the only name we look up, is the
    /// proxy's: a refused connection or a failed lookup is the proxy's, and so is every
    /// handshake error, so the message names the proxy and not the target. TLS and HTTP past the
    /// tunnel stay the target's (nil: map as usual).
    static func proxyFailure(_ error: Error, url: URL, proxy: ProxySettings.Proxy) -> PumpError? {
        let target = TerminalText.clean(url.host.map { "\(AccountID.bracketed($0)):\(url.port ?? (url.scheme == "https" ? 443 : 80))" } ?? "?", .message)
        let why: String
        switch error {
        case let e as NIOConnectionError:
            if e.connectionErrors.isEmpty, e.dnsAError != nil || e.dnsAAAAError != nil {
                why = "could not find the proxy's host (DNS lookup failed)"
            } else if e.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
                why = "connection refused (is the proxy running?)"
            } else {
                why = "could not connect: \(detail(e))"
            }
        case let e as IOError where e.errnoCode == ECONNREFUSED: why = "connection refused (is the proxy running?)"
        case let e as HTTPClientError:
            switch e {
            case .proxyAuthenticationRequired:
                why = proxy.credentials == nil
                    ? "it asks for credentials (HTTP 407); give them as http://user:password@host:port"
                    : "it refused the credentials (HTTP 407)"
            case .invalidProxyResponse: why = "it did not open a tunnel to \(target) (its answer to CONNECT was not 200)"
            case .httpProxyHandshakeTimeout, .socksHandshakeTimeout: why = "no answer to the proxy handshake in time"
            case .connectTimeout: why = "could not connect in time (timed out)"
            default: return nil
            }
        case let e as SOCKSError.ConnectionFailed: why = "it could not reach \(target) (\(socksReply(e.reply)))"
        case is SOCKSError.NoValidAuthenticationMethod, is SOCKSError.InvalidAuthenticationSelection:
            why = "it wants SOCKS5 authentication, which pumptui does not send"
        case is SOCKSError.InvalidProtocolVersion, is SOCKSError.InvalidReservedByte, is SOCKSError.InvalidAddressType,
             is SOCKSError.UnexpectedRead, is SOCKSError.InvalidClientState:
            why = "it did not answer as a SOCKS5 proxy"
        default: return nil
        }
        return .proxyFailure(proxy: TerminalText.clean(proxy.description, .message), detail: why)
    }

    /// RFC 1928's reply codes, as a SOCKS5 proxy gives why it could not connect.
    static func socksReply(_ reply: SOCKSServerReply) -> String {
        switch reply {
        case .serverFailure: return "general SOCKS server failure"
        case .notAllowed: return "not allowed by its rules"
        case .networkUnreachable: return "network unreachable"
        case .hostUnreachable: return "host unreachable or unknown"
        case .refused: return "connection refused"
        case .ttlExpired: return "TTL expired"
        case .commandUnsupported: return "CONNECT not supported"
        case .addressUnsupported: return "address type not supported"
        default: return "reply \(reply.value)"
        }
    }

    /// A certificate the server presented and we refused is a TLS failure (never a reason to try
    /// http); a port that does not speak TLS at all is a plain network error.
    static func tls(_ e: NIOSSLError, host: String) -> PumpError {
        let text = detail(e)
        let certificate = ["CERTIFICATE", "certificate", "hostname", "HOSTNAME"].contains { text.contains($0) }
            || e == .unableToValidateCertificate || e == .noCertificateToValidate
        return certificate ? .tlsFailure(host: host, detail: text) : .network(host: host, detail: "no TLS here (\(text))")
    }

    static func detail(_ error: Error) -> String { TerminalText.clean(String(describing: error), .message) }
}
