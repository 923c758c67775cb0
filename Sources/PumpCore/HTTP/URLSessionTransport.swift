import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real network: ephemeral sessions (no cookies, no cache), redirects never followed,
/// bodies streamed and cut off at `maxBodyBytes`, failures mapped to `PumpError`.
/// Certificates are verified by URLSession's default behaviour; nothing here overrides it.
public struct URLSessionTransport: HTTPTransport {
    public var maxBodyBytes: Int

    public init(maxBodyBytes: Int = 8 * 1024 * 1024) {
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = timeout
        urlRequest.httpShouldHandleCookies = false
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }

        let config = URLSessionConfiguration.ephemeral
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout
        let collector = ResponseCollector(limit: maxBodyBytes, url: request.url)
        let session = URLSession(configuration: config, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: urlRequest)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (cont: CheckedContinuation<HTTPResponse, Error>) in
                collector.start(task: task, continuation: cont)
            }
        } onCancel: {
            collector.cancelByCaller()
        }
    }
}

/// Delegate of one request. Lock-protected because URLSession calls it on its own queue.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private let url: URL
    private var body = Data()
    private var response: HTTPURLResponse?
    private var continuation: CheckedContinuation<HTTPResponse, Error>?
    private var task: URLSessionDataTask?
    private var failure: PumpError?

    init(limit: Int, url: URL) { self.limit = limit; self.url = url }

    func start(task: URLSessionDataTask, continuation: CheckedContinuation<HTTPResponse, Error>) {
        lock.withLock { self.task = task; self.continuation = continuation }
        task.resume()
    }

    func cancelByCaller() {
        let t: URLSessionDataTask? = lock.withLock {
            if failure == nil { failure = .cancelled }
            return task
        }
        t?.cancel()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        // Never follow: each hop of a signed request must be signed again by the caller.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let tooBig = http.map { $0.expectedContentLength > Int64(limit) } ?? false
        lock.withLock {
            self.response = http
            if tooBig { failure = .bodyTooLarge(limit: limit) }
        }
        completionHandler(tooBig ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            if body.count + data.count > limit {
                failure = .bodyTooLarge(limit: limit)
                return true
            }
            body.append(data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let (cont, result): (CheckedContinuation<HTTPResponse, Error>?, Result<HTTPResponse, Error>) = lock.withLock {
            let c = continuation
            continuation = nil
            if let failure { return (c, .failure(failure)) }
            if let error { return (c, .failure(TransportErrors.map(error, url: url))) }
            guard let response else { return (c, .failure(PumpError.badResponse("no HTTP response"))) }
            var headers: [String: String] = [:]
            for (k, v) in response.allHeaderFields {
                if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
            }
            return (c, .success(HTTPResponse(status: response.statusCode, headers: headers, body: body)))
        }
        cont?.resume(with: result)
    }
}

/// URLError codes to the errors the user can act on.
enum TransportErrors {
    static func map(_ error: Error, url: URL) -> PumpError {
        let host = hostDescription(url)
        guard let e = error as? URLError else {
            return .network(host: host, detail: ServerText.clean(String(describing: error)))
        }
        switch e.code {
        case .cannotConnectToHost:
            return .connectionRefused(host: host)
        case .cannotFindHost, .dnsLookupFailed:
            return .dnsFailure(host: host)
        case .timedOut:
            return .timeout(url: url.absoluteString)
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return .tlsFailure(host: host, detail: ServerText.clean(e.localizedDescription))
        case .cancelled:
            return .cancelled
        default:
            // FoundationNetworking (libcurl) reports a refused certificate under a generic code,
            // with curl's "SSL certificate problem: ..." text: still a TLS failure for the user.
            let detail = ServerText.clean(e.localizedDescription)
            if url.scheme?.lowercased() == "https", looksLikeTLS(detail) { return .tlsFailure(host: host, detail: detail) }
            return .network(host: host, detail: detail)
        }
    }

    static func looksLikeTLS(_ detail: String) -> Bool {
        let lower = detail.lowercased()
        return lower.contains("ssl") || lower.contains("certificate") || lower.contains("tls")
    }

    static func hostDescription(_ url: URL) -> String {
        let host = url.host ?? "?"
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
