import Foundation
import PumpCore

/// `/` searches the account's cache (FTS5, `CacheStore.search`) and shows the results as a
/// list; `]` and `[` go to the next and previous item holding the last query in any list.
extension ClientScreen {
    mutating func openSearch(_ query: String) -> Effects {
        lastQuery = query
        pages.append(.search(SearchPane(query: query)))
        return start(.search(query), "Searching the cache for “\(TerminalText.clean(query, .line, maxLength: 60))”…")
    }

    mutating func searched(_ query: String, _ result: Result<[FeedItem], ClientFailure>) {
        guard let i = pages.lastIndex(where: { if case .search(let s) = $0 { return s.query == query }; return false }),
              case .search(var pane) = pages[i] else { return }
        pane.loading = false
        switch result {
        case .failure(let f): pane.error = f.message; say(f.message, .error)
        case .success(let found):
            pane.results = found; pane.list = ListState()
            say(found.isEmpty ? "No cached item matches." : "\(Plural.count(found.count, "match", "matches")) · ] and [ go through them in a timeline")
        }
        pages[i] = .search(pane)
    }

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
