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
    /// `R` was pressed with the top of the list on screen: the news it brings shows above the
    /// reading position. A timer's refresh keeps the screen still (the user may be reading).
    var revealNews = false

    /// Switching to a timeline older than this asks for what is newer (quietly, the position
    /// stays): a tab loaded at start must not look empty while its news waits for the timer.
    static let staleAfter: TimeInterval = 30

    func isStale(at now: Date) -> Bool {
        fromCache || loadedAt.map { now.timeIntervalSince($0) >= Self.staleAfter } ?? false
    }

    var isLoading: Bool { loadingOlder || loadingNewer }
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

enum ConfirmIntent: Equatable { case delete(PumpObject), deleteList(PumpObject) }
enum PromptIntent: Equatable {
    case followAccount, openAccount, search, filter
    case newList, renameList(PumpObject), addToList(PumpObject)
}
