import Foundation
import PumpCore

/// Keys: modal things first (they own the keys while open), then the keymap's actions.
extension ClientScreen {
    mutating func handleInput(_ input: InputEvent) -> Effects {
        if modal != nil { return handleModal(input) }
        if compose.isOpen { return composeInput(input) }
        if pages.lookup != nil { return run(pages.hold(input)) }
        guard case .key(let key) = input, let action = keymap.action(for: key, in: contexts) else { return [] }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> Effects {
        var l = list
        if l.apply(action, count: items.count) {
            list = l
            keepSelectionVisible()
            return markRead() + loadMoreIfNearEnd()
        }
        switch action {
        case .timeline(let n): return switchTimeline(to: n - 1)
        case .nextTimeline: return switchTimeline(to: (timelineIndex + 1) % FeedKind.allCases.count)
        case .prevTimeline: return switchTimeline(to: (timelineIndex + FeedKind.allCases.count - 1) % FeedKind.allCases.count)
        case .refresh: return refresh()
        case .firstUnread: return jumpToFirstUnread()
        case .search:
            modal = .prompt(TextBox(label: "Search the cache", focused: true, viewWidth: max(10, size.cols - 30)), .search)
            return []
        case .filter:
            modal = .prompt(TextBox(label: "Filter: @nick, or images (empty: all)", focused: true,
                                    viewWidth: max(10, size.cols - 30)), .filter)
            return []
        case .nextMatch: return jumpToMatch(forward: true)
        case .previousMatch: return jumpToMatch(forward: false)
        case .openThread: return openThread()
        case .back:
            pages.back()
            say(pages.isEmpty ? current.title : "")    // the page's own status ("2 of 3 replies") went with it
            keepSelectionVisible(); return []
        case .quit:
            // Nothing to ask: a closed editor's text is a draft on disk already (DraftPolicy).
            handoff = .quit(0)
            return [.quit(exitCode: 0, farewell: nil)]
        case .help: modal = .help(helpOverlay(contexts), under: nil); return []
        case .compose: return openComposer(.note)
        case .reply:
            guard let o = selectedObject else { return nothing("Nothing to reply to.") }
            return openComposer(.reply(to: o))
        case .edit:
            guard let o = selectedObject, isMe(o.author), !o.isDeleted else { return nothing("You can only edit your own posts.") }
            return openComposer(.edit(o))
        case .delete:
            guard let o = selectedObject, isMe(o.author), !o.isDeleted else { return nothing("You can only delete your own posts.") }
            modal = .confirm(ConfirmDialog("Delete this \(o.objectType ?? "post")? This cannot be undone.", yes: "Delete", no: "Keep"),
                             .delete(o))
            return []
        case .like: return toggleLike()
        case .share: return toggleShare()
        case .profile:
            // A share has two people: who shared it and who wrote it. Ask which.
            if case .activity(let a)? = selectedItem, a.verb == .share, let sharer = a.actor, let author = a.object?.author,
               sharer.id != author.id {
                modal = .people(PeoplePicker(people: [sharer, author]))
                return []
            }
            return openProfile()
        case .parent: return goToParent()
        case .follow: return toggleFollow()
        case .followByID:
            modal = .prompt(TextBox(label: "Follow (nick@host)", focused: true, viewWidth: max(10, size.cols - 30)), .followAccount)
            return []
        case .copyItemURL: return copyLink()
        case .openItemURL:
            guard let url = selectedURL else { return nothing("This item has no URL.") }
            return [.openBrowser(url)]
        case .openLink: return openLink()
        case .image: return openImageMenu()
        case .followers: return openPeople(.followers)
        case .following: return openPeople(.following)
        case .openProfileByID:
            modal = .prompt(TextBox(label: "Profile (nick@host)", focused: true, viewWidth: max(10, size.cols - 30)), .openAccount)
            return []
        case .lists: return openPeople(.lists)
        case .editProfile: return openProfileForm()
        case .newList, .renameList, .deleteList, .addToList, .removeFromList: return listAction(action)
        case .switchAccount:
            // With no other account known here, the router's account screen lists and adds them.
            if otherAccounts.isEmpty { handoff = .addAccount } else { modal = .accounts(AccountPicker(accounts: otherAccounts)) }
            return []
        default: return []
        }
    }

    mutating func nothing(_ text: String) -> Effects { say(text, .warning); return [] }

    var timelineIndex: Int { FeedKind.allCases.firstIndex(of: current) ?? 0 }

    /// The object the selected row is about (a thread's root, an activity's object).
    var selectedObject: PumpObject? {
        guard let o = selectedItem?.object, !o.id.isEmpty, !o.isPerson else { return nil }
        return o
    }

    var selectedURL: String? {
        switch selectedItem {
        case .person(let p)?: return p.url.map { TerminalText.clean($0.absoluteString, .line) } ?? p.id
        case let item?: return item.object?.displayURL ?? item.activity?.url.map { TerminalText.clean($0.absoluteString, .line) }
        case nil: return nil
        }
    }

    // MARK: - Navigation

    mutating func switchTimeline(to index: Int) -> Effects {
        let kinds = FeedKind.allCases
        guard kinds.indices.contains(index) else { return [] }
        pages.removeAll()
        current = kinds[index]
        say(current.title)
        if store.feed(current) == nil, timelines[current]?.isLoading != true { return load(current, .first) }
        let shown = showNews()
        // Shown from the cache, or loaded a while ago: what is newer is asked for now, the
        // position stays.
        if let pane = timelines[current], pane.isStale(at: now), !pane.isLoading {
            keepSelectionVisible()
            return shown + load(current, .newer, quiet: true)
        }
        keepSelectionVisible()
        return shown
    }

    /// A tab with new items opens with them on screen, from the top: the selection stays where
    /// reading stopped when that fits below them, else it goes to the oldest new item (read
    /// now, as `u` does), never leaving the news above the screen.
    private mutating func showNews() -> Effects {
        guard unread(current) > 0, let l = timelines[current]?.list else { return [] }
        timelines[current]?.list.top = 0
        guard !selectionFitsFromTop(l), let first = Unread.firstUnread(items, marker: markers[current]) else { return [] }
        timelines[current]?.list.selected = first
        return markRead()
    }

    /// Whether the current list, scrolled to its top, still shows the selection.
    func selectionFitsFromTop(_ l: ListState) -> Bool {
        var t = l; t.top = 0
        let all = items
        return ListView.layout(state: t, rows: bodyRect.rows, count: all.count, measure: measure(all, width: bodyRect.cols)).top == 0
    }

    // MARK: - Loading

    mutating func load(_ kind: FeedKind, _ direction: PageDirection, quiet: Bool = false) -> Effects {
        var pane = timelines[kind] ?? TimelinePane()
        switch direction {
        case .older: pane.loadingOlder = true
        case .first, .newer: pane.loadingNewer = true
        }
        pane.error = nil
        timelines[kind] = pane
        let label = direction == .older ? "Loading older items…" : (direction == .newer ? "Refreshing…" : "Loading \(kind.title)…")
        return start(.feed(kind, direction, store.feed(kind)), quiet ? "" : label)
    }

    mutating func refresh() -> Effects {
        if !pages.isEmpty { return run(pages.refresh()) }
        return refreshCounted(quiet: false)
    }

    /// The current timeline and those whose counts the tab bar shows (Direct, Notifications):
    /// R and the refresh timer keep them all current, not only the tab on screen.
    mutating func refreshCounted(quiet: Bool) -> Effects {
        var effects: Effects = []
        for kind in [current, .direct, .notifications] where timelines[kind]?.isLoading != true {
            // A background tab never opened is loaded once by the timer; R loads only this one.
            guard kind == current || store.feed(kind) != nil || quiet else { continue }
            effects += load(kind, store.feed(kind) == nil ? .first : .newer, quiet: quiet || kind != current)
            if !quiet, kind == current, timelines[kind]?.list.top == 0 { timelines[kind]?.revealNews = true }
        }
        return effects
    }

    /// Scrolling near the bottom asks for the next page.
    mutating func loadMoreIfNearEnd() -> Effects {
        guard list.selected >= items.count - 3 else { return [] }
        if !pages.isEmpty { return run(pages.loadMore()) }
        guard let pane = timelines[current], let feed = store.feed(current), !pane.isLoading, pane.error == nil, !feed.isAtEnd else { return [] }
        return load(current, .older)
    }

    // MARK: - Verbs (optimistic)

    mutating func toggleLike() -> Effects {
        toggleMark(\.liked, own: \.liked, count: \.likes, verbs: (.like, .unlike), words: ("like", "Liking…", "Unliking…"))
    }

    mutating func toggleShare() -> Effects {
        toggleMark(\.shared, own: \.shared, count: \.shares, verbs: (.share, .unshare), words: ("share", "Sharing…", "Unsharing…"))
    }

    /// Like and share are one optimistic toggle over different fields and verbs: flip the mark
    /// and its count at once, remember the old marks so a refusal can undo them.
    private mutating func toggleMark(_ mark: WritableKeyPath<PumpObject, Bool?>, own ownMark: WritableKeyPath<OwnMarks, Bool?>,
                                     count: WritableKeyPath<PumpObject, CollectionSummary?>,
                                     verbs: (on: VerbKind, off: VerbKind),
                                     words: (noun: String, on: String, off: String)) -> Effects {
        guard let o = selectedObject, !o.isDeleted else { return nothing("Nothing to \(words.noun).") }
        let on = o[keyPath: mark] != true
        let undo = ObjectMarks(o)
        ownMarks[o.id, default: OwnMarks()][keyPath: ownMark] = on
        updateObject(o.id) { $0[keyPath: mark] = on; $0[keyPath: count] = Self.bump($0[keyPath: count], on ? 1 : -1) }
        var request = VerbRequest(kind: on ? verbs.on : verbs.off, object: o, undo: undo)
        request.checkFirst = o[keyPath: mark] == nil
        return start(.verb(request), on ? words.on : words.off)
    }

    mutating func toggleFollow() -> Effects {
        guard let person = pages.top?.person else { return [] }
        guard !isMe(person) else { return nothing("That is you.") }
        let on = person.followed != true
        return start(.verb(VerbRequest(kind: on ? .follow : .unfollow, person: person)),
                     on ? "Following \(person.label)…" : "Unfollowing \(person.label)…")
    }

    static func bump(_ c: CollectionSummary?, _ by: Int) -> CollectionSummary {
        var s = c ?? CollectionSummary()
        s.totalItems = max(0, s.count.saturatingAdd(by))
        return s
    }

    /// Applies `change` to every copy of the object: timelines, threads, profiles.
    mutating func updateObject(_ id: String, _ change: (inout PumpObject) -> Void) {
        store.revise(id, change)
        pages.updateObject(id, change)
    }
}
