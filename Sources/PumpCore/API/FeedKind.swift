import Foundation

/// The timelines of the client (pump-api §4.2; major inbox so "you liked/shared" marks are filled).
/// `notifications` is no server feed: the client builds it from three (`Notifications`).
public enum FeedKind: String, CaseIterable, Sendable {
    case inboxMajor, inboxMinor, direct, outbox, favorites, notifications

    public var title: String {
        switch self {
        case .inboxMajor: return "Inbox"
        case .inboxMinor: return "Meanwhile"
        case .direct: return "Direct"
        case .outbox: return "Mine"
        case .favorites: return "Favorites"
        case .notifications: return "Notifications"
        }
    }

    /// Favorites have no next/prev links; they are paged with `offset` (pump.io #812, PyPump #65).
    public var usesOffset: Bool { self == .favorites }

    /// The collection URL for `person` (links first, conventional paths as the fallback).
    public func url(for person: Person, base: URL? = nil) -> URL? {
        switch self {
        case .inboxMajor: return person.inboxURL(base: base)?.appendingPath("major")
        case .inboxMinor: return person.inboxURL(base: base)?.appendingPath("minor")
        case .direct: return person.inboxURL(base: base)?.appendingPath("direct")
        case .outbox: return person.outboxURL(base: base)?.appendingPath("major")
        case .favorites: return person.favoritesURL(base: base)
        case .notifications: return nil
        }
    }
}

extension URL {
    /// Appends a path segment by string, leaving any existing percent-encoding untouched.
    func appendingPath(_ segment: String) -> URL? {
        URL(string: absoluteString.trimmingSlash + "/" + segment)
    }

    /// Adds query parameters (simple values) without re-encoding the existing query: paging links
    /// arrive percent-encoded and must reach the signer exactly as received.
    func addingQuery(_ items: [(String, String)]) -> URL {
        guard !items.isEmpty else { return self }
        let q = items.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let s = absoluteString
        return URL(string: s + (s.contains("?") ? "&" : "?") + q) ?? self
    }

    /// This URL without its query.
    var withoutQuery: URL {
        let s = absoluteString
        guard let q = s.firstIndex(of: "?") else { return self }
        return URL(string: String(s[..<q])) ?? self
    }

    var hasCountParameter: Bool {
        guard let q = query else { return false }
        return q.split(separator: "&").contains { $0.hasPrefix("count=") }
    }

    /// `host[:port]` for comparing servers.
    var hostAndPort: String? {
        guard let h = host?.lowercased() else { return nil }
        let scheme = self.scheme?.lowercased()
        guard let p = port, !(p == 443 && scheme == "https"), !(p == 80 && scheme == "http") else { return h }
        return "\(h):\(p)"
    }
}
