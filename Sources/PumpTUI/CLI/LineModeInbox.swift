import Foundation
import PumpCore

/// Plain-text rendering of a feed for `pumptui inbox`: "author · age", then, indented, the title,
/// the text, what a share or like points at, and the item's URL. All server text goes through
/// the shared HTMLText/TerminalText (via the model helpers).
enum InboxLineMode {
    static func render(_ feed: Feed, now: Date) -> [String] {
        feed.items.compactMap { item -> String? in
            guard let activity = item.activity else { return nil }
            let author = activity.actor?.label ?? "?"
            let age = item.published.map { RelativeTime.describe($0, now: now) } ?? ""
            var body: [String] = []
            if !activity.showsSummary, let title = activity.object?.title { body.append(title) }
            body.append(activity.showsSummary ? activity.summaryLine : (activity.object?.renderedContent.text ?? ""))
            // A share (or like) names its object in the summary only: show what was shared.
            if activity.showsSummary, let object = activity.object, !object.isPerson {
                let by = object.author.map { "\($0.label): " } ?? ""
                let text = [object.title, oneLine(object.renderedContent.text)].compactMap { $0 }.filter { !$0.isEmpty }
                body.append("> " + by + text.joined(separator: " — "))
            }
            if let url = activity.object?.displayURL ?? activity.url.map({ TerminalText.clean($0.absoluteString, .line) }) {
                body.append(url)
            }
            return "\(author) · \(age)\n  " + body.joined(separator: "\n").replacingOccurrences(of: "\n", with: "\n  ")
        }
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 200 ? String(flat.prefix(199)) + "…" : flat
    }

    /// `--json`: one object per activity, every text field already cleaned as the line output is.
    static func json(_ feed: Feed) -> [[String: Any]] {
        feed.items.compactMap { item -> [String: Any]? in
            guard let activity = item.activity else { return nil }
            var out: [String: Any] = ["id": clean(activity.id), "verb": clean(activity.verb.rawValue)]
            if let actor = activity.actor { out["actor"] = person(actor) }
            if let published = item.published { out["published"] = ISO8601DateFormatter().string(from: published) }
            if activity.showsSummary { out["summary"] = activity.summaryLine }
            if let url = activity.url { out["url"] = clean(url.absoluteString) }
            if let object = activity.object { out["object"] = self.object(object) }
            return out
        }
    }

    static func object(_ object: PumpObject) -> [String: Any] {
        var out: [String: Any] = ["id": clean(object.id), "type": clean(object.objectType ?? "note")]
        if let title = object.title { out["title"] = title }
        out["text"] = object.renderedContent.text
        if let url = object.displayURL { out["url"] = url }
        if let author = object.author { out["author"] = person(author) }
        if let published = object.published { out["published"] = ISO8601DateFormatter().string(from: published) }
        return out
    }

    static func person(_ person: Person) -> [String: Any] {
        ["id": clean(person.id), "name": person.label, "webfinger": clean(person.webfinger)]
    }

    private static func clean(_ text: String) -> String { TerminalText.clean(text, .line, maxLength: 2000) }
}
