import Foundation
import PumpCore

/// One timeline: the items loaded so far (as one `Feed` that keeps the paging links) and where
/// the selection is.
struct TimelinePane: Equatable {
    var feed: Feed?
    var list = ListState()
    var loadingOlder = false
    var loadingNewer = false
    var error: String?
    /// What the user's own action said ("Posted."), kept in front of this refresh's result so
    /// the refresh that follows the action does not hide it.
    var actionNote: String?
    /// The items came from the offline cache and the server has not been asked yet this run.
    var fromCache = false
    /// When the server last gave this timeline its newest items (nil: never this run).
    var loadedAt: Date?

    /// Switching to a timeline older than this asks for what is newer (quietly, the position
    /// stays): a tab loaded at start must not look empty while its news waits for the timer.
    static let staleAfter: TimeInterval = 30

    func isStale(at now: Date) -> Bool {
        fromCache || loadedAt.map { now.timeIntervalSince($0) >= Self.staleAfter } ?? false
    }

    var items: [FeedItem] { feed?.items ?? [] }
    var isLoading: Bool { loadingOlder || loadingNewer }
}

/// A post and its replies as a conversation: oldest first, each reply's own replies indented
/// under it (`nested`, fetched by the worker), the root's replies paged by offset.
struct ThreadPane: Equatable {
    var root: PumpObject
    /// The root's direct replies, in the order the server paged them.
    var replies: [PumpObject] = []
    /// Replies of replies, by the id of the post they answer.
    var nested: [String: [PumpObject]] = [:]
    var total: Int?
    var list = ListState()
    var loading = true
    var error: String?

    /// Deeper replies are still shown, just no further to the right.
    static let maxIndent = 4

    /// The conversation in reading order with each entry's depth (root 0).
    var entries: [(object: PumpObject, depth: Int)] {
        var out: [(PumpObject, Int)] = [(root, 0)]
        var seen: Set<String> = [root.id]
        func walk(_ posts: [PumpObject], depth: Int) {
            for post in Self.oldestFirst(posts) where seen.insert(post.id).inserted {
                out.append((post, depth))
                walk(nested[post.id] ?? [], depth: depth + 1)
            }
        }
        walk(replies, depth: 1)
        return out
    }

    var items: [FeedItem] { entries.map { .object($0.object) } }
    var hasMore: Bool { !loading && error == nil && replies.count < (total ?? 0) }

    /// pump.io pages replies newest first; a conversation reads oldest first.
    static func oldestFirst(_ posts: [PumpObject]) -> [PumpObject] {
        posts.enumerated().sorted { a, b in
            switch (a.element.published, b.element.published) {
            case let (x?, y?) where x != y: return x < y
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// A person's card followed by their recent posts.
struct ProfilePane: Equatable {
    var person: Person
    var posts: [FeedItem] = []
    var list = ListState()
    var loading = true
    var error: String?

    var items: [FeedItem] { [.person(person)] + posts }
}

/// Followers, following or a list's members: people, paged, Enter opens a profile. Our lists
/// page (`M`, source `.lists`) is the same: a collection loaded, selected, reloaded.
struct PeoplePane: Equatable {
    var source: PeopleSource
    var feed: Feed?
    var list = ListState()
    var loading = true
    var error: String?
    /// What a change just said ("Added Bob to Friends."), kept in front of the reload's count.
    var actionNote: String?

    var items: [FeedItem] { feed?.items ?? [] }
    var hasMore: Bool { !loading && error == nil && feed.map { !$0.isAtEnd && !$0.items.isEmpty } == true }
}

/// What sits above the timelines: a thread, a profile, people or lists (stacked, q goes back).
enum ClientPage: Equatable {
    case thread(ThreadPane)
    case profile(ProfilePane)
    case people(PeoplePane)
    case lists(PeoplePane)
    case search(SearchPane)
}

/// The items of the account's cache that match a search (`/`), newest first.
struct SearchPane: Equatable {
    var query: String
    var results: [FeedItem] = []
    var list = ListState()
    var loading = true
    var error: String?
}

/// Modal things drawn over the page, one at a time; each takes the keys while open.
indirect enum ClientModal {
    /// Help over whatever was open (the editor keeps its text underneath); closing it goes back there.
    case help(HelpOverlay, under: ClientModal?)
    case confirm(ConfirmDialog, ConfirmIntent)
    case prompt(TextBox, PromptIntent)
    case composer(Composer, sending: Bool)
    case accounts(ListState)
    /// "Whose profile?" for a share: the sharer and the author.
    case people([Person], ListState)
    /// `c` / `L`: which of the item's addresses.
    case links(LinkChooser)
    /// `i`: open, copy or save the item's image.
    case image(ImageMenu)
    /// `i` then `v`: the image itself, drawn in the terminal.
    case preview(ImagePreview)
}

enum ConfirmIntent: Equatable { case quit, delete(PumpObject), deleteList(PumpObject) }
enum PromptIntent: Equatable {
    case followAccount, openAccount, search, filter
    case newList, renameList(PumpObject), addToList(PumpObject)
}
