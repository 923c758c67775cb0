import Foundation
import PumpCore

/// Plain-text rendering of a feed for `pumptui inbox`.
/// Minimal private decoding: replaced by the shared models and HTML-to-text once merged.
enum InboxLineMode {
    static let maxNameLength = 80

    /// nil when the reply is not a collection (malformed or cut-off JSON): that is an error to
    /// report, not an empty inbox.
    static func render(feed data: Data, now: Date) -> [String]? {
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = obj["items"] as? [[String: Any]] else { return nil }
        return items.map { item in
            let actor = item["actor"] as? [String: Any]
            let object = item["object"] as? [String: Any]
            let author = (actor?["displayName"] as? String) ?? (actor?["preferredUsername"] as? String) ?? (actor?["id"] as? String) ?? "?"
            let when = (item["published"] as? String).flatMap(parseDate).map { relative($0, now: now) } ?? ""
            let html = (object?["content"] as? String) ?? (item["content"] as? String) ?? ""
            // The shared gate (whole escape sequences removed, bidi controls dropped, long names
            // and words cut), not a per-character filter that leaves "[2J" behind.
            let text = HTMLText.render(html, linkMarkers: false).text
            let name = Sanitizer.clean(author, singleLine: true, maxLength: maxNameLength)
            return "\(name) · \(when)\n  \(text.replacingOccurrences(of: "\n", with: "\n  "))"
        }
    }

    static func parseDate(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: s) { return d }
        return f.date(from: s + "Z")
    }

    static func relative(_ date: Date, now: Date) -> String {
        let s = max(0, Int(now.timeIntervalSince(date)))
        switch s {
        case ..<60: return "just now"
        case ..<3600: return "\(s / 60)m ago"
        case ..<86400: return "\(s / 3600)h ago"
        default: return "\(s / 86400)d ago"
        }
    }
}
