import PumpCore

/// What sits above the timelines: a thread, a profile, people, our lists or search results
/// (stacked in `Pages`; q goes back). What every page has — its rows' selection, whether it is
/// loading, its error, the note of the user's own action — is here once; what differs is `Kind`.
struct Page: Equatable {
    var kind: Kind
    var list = ListState()
    var loading = true
    var error: String?
    /// What the user's own action just said ("Added Bob to Friends.", "Saved your bio…"), said
    /// again in front of the reload's result, so the reload does not hide it.
    var note: String?

    enum Kind: Equatable {
        case thread(Conversation)
        /// A person's card followed by their recent posts.
        case profile(Person, posts: [FeedItem])
        /// Followers, following or a list's members, paged; Enter opens a profile. Our lists page
        /// (`M`, source `.lists`) is the same: a collection loaded, selected, reloaded.
        case people(PeopleSource, Feed?)
        /// The items of the account's cache that match a search (`/`), newest first.
        case search(String, results: [FeedItem])
    }

    init(_ kind: Kind) { self.kind = kind }

    /// The rows of the page.
    var items: [FeedItem] {
        switch kind {
        case .thread(let c): return c.items
        case .profile(let person, let posts): return [.person(person)] + posts
        case .people(_, let feed): return feed?.items ?? []
        case .search(_, let results): return results
        }
    }

    /// Scrolling to the end asks for more (threads and people only).
    var hasMore: Bool {
        guard !loading, error == nil else { return false }
        switch kind {
        case .thread(let c): return !c.isCut && c.replies.count < (c.total ?? 0)
        case .people(_, let feed): return feed.map { !$0.isAtEnd && !$0.items.isEmpty } == true
        case .profile, .search: return false
        }
    }

    // What one kind holds, for the places that act on that kind only.

    var conversation: Conversation? {
        if case .thread(let c) = kind { return c }
        return nil
    }

    /// The profile's person (nil on other pages).
    var person: Person? {
        if case .profile(let p, _) = kind { return p }
        return nil
    }

    var peopleSource: PeopleSource? {
        if case .people(let source, _) = kind { return source }
        return nil
    }

    var isLists: Bool { peopleSource == .lists }

    /// Applies `change` to every copy of the object the page holds.
    mutating func updateObject(_ id: String, _ change: (inout PumpObject) -> Void) {
        func fix(_ item: FeedItem) -> FeedItem {
            switch item {
            case .object(var o) where o.id == id: change(&o); return .object(o)
            case .activity(var a) where a.object?.id == id:
                if var o = a.object { change(&o); a.object = o }
                return .activity(a)
            default: return item
            }
        }
        switch kind {
        case .thread(var c):
            if c.root.id == id { change(&c.root) }
            c.replies = c.replies.map { r in var r = r; if r.id == id { change(&r) }; return r }
            c.nested = c.nested.mapValues { $0.map { r in var r = r; if r.id == id { change(&r) }; return r } }
            kind = .thread(c)
        case .search(let query, let results): kind = .search(query, results: results.map(fix))
        case .profile(let person, let posts): kind = .profile(person, posts: posts.map(fix))
        case .people: break
        }
    }
}

/// A post and its replies as a conversation: oldest first, each reply's own replies indented
/// under it (`nested`, fetched by the worker), the root's replies paged by offset.
/// The conversation in reading order (`entries`, `items`, `indents`) is worked out when the
/// posts change, not on every read: the screen reads it several times per frame (issue 23).
struct Conversation: Equatable {
    var root: PumpObject { didSet { flatten() } }
    /// The root's direct replies, in the order the server paged them.
    var replies: [PumpObject] = [] { didSet { flatten() } }
    /// Replies of replies, by the id of the post they answer.
    var nested: [String: [PumpObject]] = [:] { didSet { flatten() } }
    var total: Int?

    /// The conversation in reading order with each entry's depth (root 0), within `ThreadBudget`.
    private(set) var entries: [ThreadEntry] = []
    private(set) var items: [FeedItem] = []
    /// Columns each row is pushed right, by row (replies to replies only).
    private(set) var indents: [Int: Int] = [:]
    /// Posts were left out: the thread holds more than `ThreadBudget` allows.
    private(set) var isCut = false

    init(root: PumpObject) {
        self.root = root
        flatten()
    }

    /// Deeper replies are still shown, just no further to the right.
    static let maxIndent = 4

    private mutating func flatten() {
        (entries, isCut) = ThreadBudget.flatten(root: root, replies: replies, nested: nested)
        items = entries.map { .object($0.object) }
        indents = [:]
        for (i, e) in entries.enumerated() where e.depth > 1 { indents[i] = 2 * (min(e.depth, Self.maxIndent) - 1) }
    }
}
