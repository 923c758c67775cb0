import PumpCore

/// What a page says about itself: its title, its key contexts, and the lines the body shows
/// when it is empty or at its end. `key` names an action's key as configured.
extension Page {
    var title: String {
        switch kind {
        case .thread(let c): return "Thread · \(c.root.author?.label ?? "post")"
        case .profile(let p, _): return "Profile · \(p.label)"
        case .people(let source, _): return source.title
        case .search(let query, _): return "Search · \(TerminalText.clean(query, .line, maxLength: 60))"
        }
    }

    /// The key contexts, most specific first (search results move like a thread).
    var contexts: [KeyContext] {
        switch kind {
        case .thread, .search: return [.thread]
        case .profile: return [.profile]
        case .people(.lists, _): return [.listsPage]
        case .people(.members, _): return [.members, .people]
        case .people: return [.people]
        }
    }

    /// Only a profile's card names the key that follows ("f follows"); a list of people does not.
    var keyHintsInItems: Bool {
        if case .people(let source, _) = kind, source != .lists { return false }
        return true
    }

    /// What the body says when the page has no rows.
    func emptyText(key: (Action) -> String) -> String {
        switch kind {
        case .people(.lists, _):
            if let e = error { return "Could not load your lists: \(e)  (\(key(.refresh)) retries)" }
            return loading ? "Loading your lists…" : "You have no lists yet. \(key(.newList)) makes one."
        case .people(let source, _):
            if let e = error { return "Could not load them: \(e)  (\(key(.refresh)) retries)" }
            if loading { return "Loading…" }
            if case .members = source { return "Nobody on this list yet. \(key(.addToList)) adds someone by nick@host." }
            return "Nobody here yet."
        case .search(let query, _):
            if let e = error { return "The search failed: \(e)  (\(key(.refresh)) searches again)" }
            if loading { return "Searching…" }
            return "No cached item holds “\(TerminalText.clean(query, .line, maxLength: 60))”. Search reads what pumptui has cached; older posts may be on the server only."
        case .thread, .profile: return "Loading…"
        }
    }

    /// The last row: what happens past the end (loading, the end, a failure); nil for none.
    func tailText(key: (Action) -> String) -> String? {
        switch kind {
        case .thread(let c):
            if loading { return "Loading replies…" }
            if let e = error { return "Replies: \(e)" }
            if c.isCut { return "The thread is cut at \(c.entries.count) posts (\(key(.openItemURL)) opens it in a browser)." }
            return hasMore ? "More replies below (scroll down)" : (c.replies.isEmpty ? "No replies yet. \(key(.reply)) replies." : "End of the thread.")
        case .search(_, let results):
            if loading { return "Searching…" }
            if let e = error { return "Search: \(e)" }
            return results.isEmpty ? "Nothing in the cache matches. (The cache holds what was loaded before.)" : "End of the results."
        case .profile(_, let posts):
            if loading { return "Loading posts…" }
            if let e = error { return "Posts: \(e)" }
            return posts.isEmpty ? "No posts to show." : nil
        case .people(.lists, _): return nil
        case .people(_, let feed):
            if loading { return "Loading more…" }
            if let e = error { return "Error: \(e)" }
            return hasMore ? nil : "End of the list (\(Plural.count(feed?.totalItems ?? items.count, "person", "people")))."
        }
    }
}
