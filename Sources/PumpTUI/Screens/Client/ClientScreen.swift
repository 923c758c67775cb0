import Foundation
import PumpCore

/// The client after login: five timelines, threads, profiles, and the actions on items.
/// State is a value; `update` is pure and returns effects (all I/O is a `ClientJob`).
struct ClientScreen: TerminalApp {
    typealias Message = ClientMessage
    typealias Job = ClientJob
    typealias Effects = [Effect<ClientMessage, ClientJob>]

    let account: AccountID
    let displayName: String
    var size: Size
    /// Other stored accounts, offered by `A` (set by the router).
    var otherAccounts: [AccountID] = []
    var refreshSeconds: Int = 60
    var keymap: Keymap = .standard
    var settings = ClientSettings()
    /// The clock, injectable so render tests are stable.
    var clock: @Sendable () -> Date = { Date() }
    var now: Date

    /// The account's timelines, objects and read markers: what every tab shows (`TimelineStore`).
    var store: TimelineStore
    /// Each timeline's place on screen (selection, loading); its items are the store's.
    var timelines: [FeedKind: TimelinePane] = [:]
    /// The tab on screen; a client starts on Inbox (`EarlyStart.firstTab` reads its cache
    /// before the screen exists).
    var current: FeedKind = .inboxMajor
    /// The cache's first tab has arrived and the other timelines are being read (`cacheArrived`).
    var cacheRestPending = false
    /// The start's cache read has answered (rows, or that there are none): the first frame can go.
    var cacheArrivedOnce = false
    /// Threads, profiles, people, lists and search results above the timelines (`Pages`).
    var pages = Pages()
    var modal: ClientModal?
    var status = StatusLine()
    /// Where the status message was said: it leaves when the user leaves that place (`expireStatus`).
    var statusOwner: StatusOwner?
    /// Jobs in flight; the spinner turns while this is above zero.
    var running = 0
    /// The editor (note, reply, edit), its drafts and what it offers: a part of its own.
    var compose = ComposeFlow()
    /// Likes and shares this session made, by object id (`applyOwnMarks`).
    var ownMarks: [String: OwnMarks] = [:]
    /// The first page shown still says who is logged in.
    var greeted = false
    /// The server could not be reached on the last try: the title says "offline" until it can.
    var offline = false
    /// The last search (`/`): `]` and `[` go to the next and previous item holding it.
    var lastQuery: String?
    /// `:` — only posts from one person, or with images, in the timelines (nil: all).
    var filter: ItemFilter?
    /// The cue for new replies and direct messages, and the Notifications count it last showed.
    var cueSettings = CueSettings()
    var cuedCount = 0
    /// Where reading stopped, per timeline (the store's; stored in the cache; `Unread`).
    var markers: [FeedKind: ReadMarker] {
        get { store.markers }
        set { store.markers = newValue }
    }
    /// `i` and `v`: the image menu, the preview, and what the terminal can draw (`ImageFlow`).
    var imageFlow = ImageFlow()
    /// Read by the router after each update.
    var handoff: ClientHandoff?
    let cache = ItemLayoutCache()

    init(account: AccountID, displayName: String, size: Size) {
        self.account = account; self.displayName = displayName; self.size = size
        store = TimelineStore(me: Notifications.Me(account: account))
        now = Date()
    }

    var wantsTicks: Bool { running > 0 }

    // MARK: - Update

    mutating func update(_ event: AppEvent<ClientMessage>) -> Effects {
        now = clock()
        if case .message(let m) = event, !m.isQuietAnswer { finished() }
        var effects = react(event)
        if case .input = event { expireStatus() }
        // What the store learned that the cache lacks (edits, deletions, fresher counts) is
        // written once, here, whatever brought it.
        let unsaved = store.takeUnsaved()
        if !unsaved.isEmpty { effects.append(.run(.saveRevisions(unsaved))) }
        countJobs(effects)
        return effects
    }

    /// The spinner turns while a job the user waits for runs: counted here, once, for every job
    /// any part of the client started (a part only returns its jobs; `ClientJob.isQuiet`).
    private mutating func countJobs(_ effects: Effects) {
        for case .run(let job) in effects where !job.isQuiet { running += 1 }
        status.busy = running > 0
    }

    private mutating func react(_ event: AppEvent<ClientMessage>) -> Effects {
        switch event {
        case .start(let s):
            size = s
            // The cache first (milliseconds): its timeline shows at once, then the network's
            // newer items are merged in (`cacheArrived`).
            let effects = start(.cached(current), "") + refreshTimer
            if let notice = settings.notice { say(notice, .warning) } else { say(greeting) }
            return effects
        case .input(.resize(let s)):
            size = s; keepSelectionVisible(); resizeEditors(); return placePreview()
        case .input(let input):
            return handleInput(input)
        case .message(let m):
            return handle(m)
        case .tick:
            status.tick += 1; return []
        case .notice(let n):
            return handle(n)
        case .shutdown, .suspend:
            // Quit, a signal, a hang-up or Ctrl-Z: an open editor's text is kept as a draft
            // (DraftPolicy); the runtime waits briefly for it before it exits or stops.
            return keepOpenDraft()
        }
    }

    /// An open editor or profile form lays its text out at the new body size (before, up and
    /// down in its text moved by the old width until the next edit).
    private mutating func resizeEditors() {
        let body = Size(rows: bodyRect.rows, cols: bodyRect.cols)
        compose.resize(body)
        func resized(_ m: ClientModal?) -> ClientModal? {
            switch m {
            case .profileForm(var f)?: f.size = body; return .profileForm(f)
            case .help(let h, let under)?: return .help(h, under: resized(under))
            default: return m
            }
        }
        modal = resized(modal)
    }

    /// The open editor's text to disk (`ComposeFlow.shutdown`), help over it or not.
    private mutating func keepOpenDraft() -> Effects { apply(compose.shutdown(now: now)) }

    /// The key contexts, most specific first, for the keymap, help and footer.
    var contexts: [KeyContext] {
        switch modal {
        case .help?: return [.help]
        case .confirm?: return [.dialog]
        case .prompt?: return [.accountEntry]
        case .profileForm(let f)?: return f.keyContexts
        case .accounts?, .people?, .links?: return [.picker]
        case .image?: return imageFlow.keyContexts
        // The editor lies under the modals (help over it), above the pages.
        case nil: if let c = compose.composer { return c.keyContexts }
        }
        return pages.top?.contexts ?? [.timeline]
    }

    // MARK: - The current list

    var items: [FeedItem] {
        if let page = pages.top { return page.items }
        let all = store.items(current)
        return filter.map { f in all.filter(f.matches) } ?? all
    }

    var list: ListState {
        get { pages.top?.list ?? timelines[current]?.list ?? ListState() }
        set {
            if pages.isEmpty { timelines[current, default: TimelinePane()].list = newValue }
            else { pages.top?.list = newValue }
        }
    }

    var selectedItem: FeedItem? {
        let all = items
        let i = list.selected
        return all.indices.contains(i) ? all[i] : nil
    }

    /// The rows of the body (between title bar and status line).
    var bodyRect: Rect { ScreenFrame(size: size).body }

    func measure(_ items: [FeedItem], width: Int) -> (Int) -> Int {
        let indents = indentation
        let hints = keyHintsInItems
        let marker = markerRow
        return { i in cache.lines(for: items[i], width: max(10, width - (indents[i] ?? 0)), keyHints: hints).count + (i == marker ? 1 : 0) }
    }

    /// Only a profile's card names the key that follows ("f follows"); a list of people does not.
    var keyHintsInItems: Bool { pages.top?.keyHintsInItems ?? true }

    /// A timeline's items as shown (without the `:` filter).
    func timelineItems(_ kind: FeedKind) -> [FeedItem] { store.items(kind) }

    /// A timeline as paged so far (nil: no page yet).
    func feed(_ kind: FeedKind) -> Feed? { store.feed(kind) }

    /// Unread items at the top of a timeline (the account's own never count).
    func unread(_ kind: FeedKind) -> Int { store.unread(kind) }

    /// The item above which the "N new" line is drawn: the newest read one, right under the
    /// unread ones. It belongs to that item, so it is on screen wherever reading goes on upward.
    var markerRow: Int? {
        guard pages.isEmpty else { return nil }
        let shown = items   // filtered on every read: once here (this runs on every frame)
        let n = Unread.count(shown, marker: markers[current])
        // Only the account's own items above it: nothing is new, no line ("0 new above").
        return n > 0 && n < shown.count && unread(current) > 0 ? n : nil
    }

    /// Columns each row of the current list is pushed right (replies under what they answer).
    var indentation: [Int: Int] {
        pages.top?.conversation?.indents ?? [:]
    }

    mutating func keepSelectionVisible() {
        let all = items
        var l = list
        if l.selected >= all.count { l.selected = max(0, all.count - 1) }
        l.ensureVisible(rows: bodyRect.rows, count: all.count, measure: measure(all, width: bodyRect.cols))
        list = l
    }

    /// Is this person the logged-in account? (By id, profile URL or address: `Notifications.Me`.)
    func isMe(_ p: Person?) -> Bool { store.me.isMe(p) }

    // MARK: - Status

    var greeting: String { "Logged in as \(displayName) (\(account))" }

    mutating func say(_ text: String, _ kind: StatusLine.Kind = .info) {
        status.message = TerminalText.clean(text, .line, maxLength: 300)
        status.kind = kind
        statusOwner = here
    }

    /// The view and the item the user is on.
    var here: StatusOwner { StatusOwner(view: "\(current.rawValue) \(pages.depth)", item: selectedItem?.id) }

    /// A message belongs to where it was said ("Liked Bob's note · l again undoes" is about that
    /// note; "1 new above" about that place in that tab): it goes when the user moves to another
    /// item or view. Warnings and errors stay until the view changes.
    mutating func expireStatus() {
        guard let owner = statusOwner, !status.message.isEmpty, modal == nil, !compose.isOpen else { return }
        let now = here
        let sticky = status.kind == .warning || status.kind == .error
        guard owner.view != now.view || (!sticky && owner.item != now.item) else { return }
        status.message = ""; status.kind = .info; statusOwner = nil
    }

    /// The key that does `action` where the user is, as configured, for messages and hints.
    func key(_ action: Action) -> String { keymap.keyName(for: action, in: contexts) }

    /// The same on the timelines (messages about items, said wherever the answer arrives).
    func timelineKey(_ action: Action) -> String { keymap.keyName(for: action, in: [.timeline]) }

    /// Starts a job: the spinner turns until its message comes back (`countJobs`).
    mutating func start(_ job: ClientJob, _ what: String) -> Effects {
        progress(what)
        return [.run(job)]
    }

    /// Progress ("Loading older items…") stays until its answer replaces it, wherever the
    /// user moves meanwhile.
    mutating func progress(_ what: String) {
        if !what.isEmpty { say(what); statusOwner = nil }
    }

    mutating func finished() {
        running = max(0, running - 1)
        status.busy = running > 0
    }
}

/// Where a status message was said: the view (tab and page depth) and the selected item.
struct StatusOwner: Equatable {
    var view: String
    var item: String?
}
