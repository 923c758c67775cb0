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

    var items: [FeedItem] { feed?.items ?? [] }
    var isLoading: Bool { loadingOlder || loadingNewer }
}

/// A post and its replies (oldest first, paged by offset).
struct ThreadPane: Equatable {
    var root: PumpObject
    var replies: [PumpObject] = []
    var total: Int?
    var list = ListState()
    var loading = true
    var error: String?

    var items: [FeedItem] { [.object(root)] + replies.map { .object($0) } }
    var hasMore: Bool { !loading && error == nil && replies.count < (total ?? 0) }
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

/// What sits above the timelines: a thread or a profile (stacked, q goes back).
enum ClientPage: Equatable {
    case thread(ThreadPane)
    case profile(ProfilePane)
}

/// Modal things drawn over the page, one at a time; each takes the keys while open.
indirect enum ClientModal {
    /// Help over whatever was open (the editor keeps its text underneath); closing it goes back there.
    case help(HelpOverlay, under: ClientModal?)
    case confirm(ConfirmDialog, ConfirmIntent)
    case prompt(TextBox, PromptIntent)
    case composer(Composer, sending: Bool)
    case accounts(ListState)
}

enum ConfirmIntent: Equatable { case quit, delete(PumpObject) }
enum PromptIntent: Equatable { case followAccount, openLink([String]) }
