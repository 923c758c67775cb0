import Foundation
import PumpCore

/// One timeline's place on screen: where the selection is and what is loading. Its items and
/// paging links are the store's (`TimelineStore`).
struct TimelinePane: Equatable {
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

    var isLoading: Bool { loadingOlder || loadingNewer }
}

/// A post and its replies as a conversation: oldest first, each reply's own replies indented
/// under it (`nested`, fetched by the worker), the root's replies paged by offset.
/// The conversation in reading order (`entries`, `items`, `indents`) is worked out when the
/// posts change, not on every read: the screen reads it several times per frame (issue 23).
struct ThreadPane: Equatable {
    var root: PumpObject { didSet { flatten() } }
    /// The root's direct replies, in the order the server paged them.
    var replies: [PumpObject] = [] { didSet { flatten() } }
    /// Replies of replies, by the id of the post they answer.
    var nested: [String: [PumpObject]] = [:] { didSet { flatten() } }
    var total: Int?
    var list = ListState()
    var loading = true
    var error: String?

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

    var hasMore: Bool { !loading && error == nil && !isCut && replies.count < (total ?? 0) }

    private mutating func flatten() {
        (entries, isCut) = ThreadBudget.flatten(root: root, replies: replies, nested: nested)
        items = entries.map { .object($0.object) }
        indents = [:]
        for (i, e) in entries.enumerated() where e.depth > 1 { indents[i] = 2 * (min(e.depth, Self.maxIndent) - 1) }
    }
}

/// A person's card followed by their recent posts.
struct ProfilePane: Equatable {
    var person: Person
    var posts: [FeedItem] = []
    var list = ListState()
    var loading = true
    var error: String?
    /// What was just done here ("Saved your bio…"), said again when the reload arrives.
    var note: String?

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

    /// What every page has, whatever it shows: its rows and where the selection is. One switch
    /// here instead of one in each place that reads or moves the selection.
    var content: any PageContent {
        switch self {
        case .thread(let t): return t
        case .profile(let p): return p
        case .people(let p), .lists(let p): return p
        case .search(let s): return s
        }
    }

    var list: ListState {
        get { content.list }
        set {
            switch self {
            case .thread(var t): t.list = newValue; self = .thread(t)
            case .profile(var p): p.list = newValue; self = .profile(p)
            case .people(var p): p.list = newValue; self = .people(p)
            case .lists(var l): l.list = newValue; self = .lists(l)
            case .search(var s): s.list = newValue; self = .search(s)
            }
        }
    }
}

/// The rows of a page and its selection.
protocol PageContent {
    var items: [FeedItem] { get }
    var list: ListState { get }
}

extension ThreadPane: PageContent {}
extension ProfilePane: PageContent {}
extension PeoplePane: PageContent {}
extension SearchPane: PageContent {
    var items: [FeedItem] { results }
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
    /// Help over whatever was open; closing it goes back there. Over the editor (`ComposeFlow`,
    /// which lies under every modal) `under` is nil: the editor keeps its text meanwhile.
    case help(HelpOverlay, under: ClientModal?)
    case confirm(ConfirmDialog, ConfirmIntent)
    case prompt(TextBox, PromptIntent)
    /// `A`: the other stored accounts, or add one.
    case accounts(AccountPicker)
    /// "Whose profile?" for a share: the sharer and the author.
    case people(PeoplePicker)
    /// `c` / `L`: which of the item's addresses.
    case links(LinkChooser)
    /// `i`: open, copy, save or view the item's image; then `v`: the image itself, drawn in the
    /// terminal. Which of them, and their state, is `ClientScreen.imageFlow`'s.
    case image
    /// `E` on our own profile: name, location, bio, avatar (`ProfileForm`).
    case profileForm(ProfileForm)
}

enum ConfirmIntent: Equatable { case quit, delete(PumpObject), deleteList(PumpObject) }
enum PromptIntent: Equatable {
    case followAccount, openAccount, search, filter
    case newList, renameList(PumpObject), addToList(PumpObject)
}
