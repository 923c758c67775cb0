import Foundation
import Synchronization

/// Honours `Retry-After` on 429 (and on 503 when the server names a time): until then, requests
/// to that origin fail at once with `.rateLimited`, without touching the network, so the
/// client's automatic refresh cannot hammer a server that asked for a pause. Process-wide,
/// because every screen and command makes its own transport value.
public final class RetryAfterGate: Sendable {
    public static let process = RetryAfterGate()
    /// A server may not park us for longer than this (a hostile `Retry-After: 99999999`).
    static let maxSeconds = 3600
    /// 429 without a usable `Retry-After`.
    static let defaultSeconds = 30

    private let notBefore = Mutex<[String: Date]>([:])
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    /// Throws while the origin of `url` is paused.
    func check(_ url: URL) throws {
        let origin = Endpoints.origin(of: url)
        guard let until = notBefore.withLock({ $0[origin] }) else { return }
        let left = until.timeIntervalSince(now())
        if left > 0 { throw PumpError.rateLimited(host: url.hostForMessages, seconds: Int(left.rounded(.up))) }
        notBefore.withLock { _ = $0.removeValue(forKey: origin) }
    }

    /// Records a pause when the response asks for one, and reports it as `.rateLimited`.
    func observe(_ response: HTTPResponse, url: URL) throws {
        guard response.status == 429 || response.status == 503 else { return }
        let asked = response.headers["retry-after"].flatMap { RetryAfterGate.seconds($0, now: now()) }
        guard let seconds = asked ?? (response.status == 429 ? RetryAfterGate.defaultSeconds : nil) else { return }
        let bounded = min(max(seconds, 1), RetryAfterGate.maxSeconds)
        let until = now().addingTimeInterval(TimeInterval(bounded))
        notBefore.withLock { $0[Endpoints.origin(of: url)] = until }
        throw PumpError.rateLimited(host: url.hostForMessages, seconds: bounded)
    }

    /// Delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
    static func seconds(_ value: String, now: Date) -> Int? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let n = Int(text), n >= 0 { return n }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}
