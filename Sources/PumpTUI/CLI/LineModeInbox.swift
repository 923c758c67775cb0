import Foundation
import PumpCore

/// Plain-text rendering of a feed for `pumptui inbox`: "author · age", then, indented, the title,
/// the text, what a share or like points at, the item's URL and the numbered links of the text,
/// each on a line of its own (no "[n]" glued to a URL in the text: copied, it would not open).
/// All server text goes through the shared HTMLText/TerminalText (via the model helpers).
enum InboxLineMode {
    static func render(_ feed: Feed, now: Date) -> [String] {
        feed.items.compactMap { item -> String? in
            guard let activity = item.activity else { return nil }
            let author = activity.actor?.label ?? "?"
            let age = item.published.map { RelativeTime.describe($0, now: now) } ?? ""
            // A followed person's profile text is not what the line is about: no text, no links.
            let content = activity.object.flatMap { $0.isPerson ? nil : $0.contentAndLinks }
            var body: [String] = []
            if !activity.showsSummary, let title = activity.object?.title { body.append(title) }
            body.append(activity.showsSummary ? activity.summaryLine : (content?.text ?? ""))
            // A share (or like) names its object in the summary only: show what was shared.
            if activity.showsSummary, let object = activity.object, !object.isPerson {
                let by = object.author.map { "\($0.label): " } ?? ""
                let text = [object.title, oneLine(content?.text ?? "")].compactMap { $0 }.filter { !$0.isEmpty }
                body.append("> " + by + text.joined(separator: " — "))
            }
            if let url = activity.object?.displayURL ?? activity.url.map({ TerminalText.clean($0.absoluteString, .line) }) {
                body.append(url)
            }
            for (n, link) in (content?.links ?? []).enumerated() { body.append("[\(n + 1)] \(link)") }
            return "\(author) · \(age)\n  " + body.joined(separator: "\n").replacingOccurrences(of: "\n", with: "\n  ")
        }
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 200 ? String(flat.prefix(199)) + "…" : flat
    }
}
