import Foundation
import PumpCore

/// Plain-text rendering of a feed for `pumptui inbox`.
/// Minimal private decoding: replaced by the shared models and HTML-to-text once merged.
enum InboxLineMode {
    static func render(feed data: Data, now: Date) -> [String] {
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = obj["items"] as? [[String: Any]] else { return [] }
        return items.map { item in
            let actor = item["actor"] as? [String: Any]
            let object = item["object"] as? [String: Any]
            let author = (actor?["displayName"] as? String) ?? (actor?["preferredUsername"] as? String) ?? (actor?["id"] as? String) ?? "?"
            let when = (item["published"] as? String).flatMap(parseDate).map { relative($0, now: now) } ?? ""
            let html = (object?["content"] as? String) ?? (item["content"] as? String) ?? ""
            let text = LineMode.safe(plainText(html))
            return "\(LineMode.safe(author).replacingOccurrences(of: "\n", with: " ")) · \(when)\n  \(text.replacingOccurrences(of: "\n", with: "\n  "))"
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

    /// Tags dropped, <br> and </p> as newlines, the common entities decoded.
    static func plainText(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "<br>", with: "\n").replacingOccurrences(of: "<br/>", with: "\n")
            .replacingOccurrences(of: "<br />", with: "\n").replacingOccurrences(of: "</p>", with: "\n")
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        s = out
        for (e, r) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: e, with: r)
        }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
