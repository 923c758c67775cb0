import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// swift-nio and AsyncHTTPClient errors to the errors the user can act on.
enum TransportErrors {
    static func map(_ error: Error, url: URL) -> PumpError {
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
