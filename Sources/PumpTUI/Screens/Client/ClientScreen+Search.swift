import Foundation
import PumpCore

/// `/` searches the account's cache (FTS5, `CacheStore.search`) and shows the results as a
/// page (`Pages.openSearch`); `]` and `[` go to the next and previous item holding the last
/// query in any list.
extension ClientScreen {
    /// The next (or previous) item of the current list whose author, title or text holds every
    /// word of the last query, wrapping around.
    mutating func jumpToMatch(forward: Bool) -> Effects {
        guard let query = lastQuery else { return nothing("Search first (/).") }
        let all = items
        guard !all.isEmpty else { return [] }
        let words = query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        let start = list.selected
        for step in 1...all.count {
            let i = ((start + (forward ? step : -step)) % all.count + all.count) % all.count
            let text = Self.searchableText(all[i])
            if words.allSatisfy({ text.contains($0) }) {
                var l = list; l.selected = i; list = l
                keepSelectionVisible()
                say("Match for “\(TerminalText.clean(query, .line, maxLength: 60))”.")
                return markRead()
            }
        }
        return nothing("No item here holds “\(TerminalText.clean(query, .line, maxLength: 60))”.")
    }

    static func searchableText(_ item: FeedItem) -> String {
        let o = item.object
        let who = o?.author ?? item.activity?.actor
        return [who?.label, who?.webfinger, o?.displayName, o?.renderedContent.text, item.activity?.summaryLine]
            .compactMap { $0 }.joined(separator: " ").lowercased()
    }
}
