import Foundation
import PumpCore

/// Plain-text rendering of a feed for `pumptui inbox`: "author · age", then the text indented.
/// All server text goes through the shared HTMLText/TerminalText (via the model helpers).
enum InboxLineMode {
    static func render(_ feed: Feed, now: Date) -> [String] {
        feed.items.compactMap { item -> String? in
            guard let activity = item.activity else { return nil }
            let author = activity.actor?.label ?? "?"
            let age = item.published.map { RelativeTime.describe($0, now: now) } ?? ""
            let text = activity.showsSummary ? activity.summaryLine : (activity.object?.renderedContent.text ?? "")
            return "\(author) · \(age)\n  " + text.replacingOccurrences(of: "\n", with: "\n  ")
        }
    }
}
