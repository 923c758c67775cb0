import PumpCore

/// The pages above the timelines (threads, profiles, people, our lists, search results): their
/// stack, the jobs that fill them and the answers to those jobs. Pure: the client lifts the
/// effects (`ClientMessage.page`, `ClientJob.page`) and carries out the outcomes
/// (`ClientScreen+Pages.swift`); the worker's side is `Work/PagesWorker.swift`.
struct Pages: Equatable {
    /// Bottom first; the last one is on screen.
    var stack: [Page] = []
    /// Keys typed after `P nick@host Enter` while the profile is looked up and loaded (nil when
    /// none is): they were meant for that profile and replay on it once it shows its data.
    var lookup: LookupTypeahead?

    enum Job: Sendable {
        case thread(PumpObject, offset: Int)
        case profile(Person)
        /// A page of followers/following, a list's members or our lists (`known` nil: the first page).
        case people(PeopleSource, known: Feed?)
        /// A profile by `nick@host` (our server, or WebFinger elsewhere).
        case openAccount(String)
        case listChange(ListChange)
        /// Full-text search over the account's cache.
        case search(String)
    }

    enum Message: Sendable {
        /// The (possibly refreshed) root and one page of replies starting at `offset`.
        case thread(rootID: String, offset: Int, Result<ThreadPage, ClientFailure>)
        case profile(personID: String, Result<ProfilePage, ClientFailure>)
        case people(PeopleSource, older: Bool, Result<Feed, ClientFailure>)
        case openedAccount(String, Result<Person, ClientFailure>)
        /// What to say about the change.
        case listChanged(ListChange, Result<String, ClientFailure>)
        case searched(String, Result<[FeedItem], ClientFailure>)
    }

    /// What the client does for the pages.
    enum Outcome: Equatable, StatusOutcome {
        case say(String, StatusLine.Kind)
        /// A job's progress ("Loading the thread…"): it stays until the answer replaces it.
        case progress(String)
        /// Said as an error; a refused token asks for a new login.
        case failed(ClientFailure)
        /// Fresh copies of posts (a thread's): the store learns them, every timeline shows them.
        case learned([PumpObject])
        /// The server says the post is gone (410): deleted everywhere, and in the cache.
        case deleted(String)
        /// Our lists changed: the editor's copy of them is stale.
        case listsChanged
        /// Keys held for a looked-up profile, to handle now as if just typed.
        case replay([InputEvent])
    }

    /// What one call asks of the client: effects to lift, outcomes to carry out, in order.
    typealias Step = PartStep<Message, Job, Outcome>

    var top: Page? {
        get { stack.last }
        set { if let newValue, !stack.isEmpty { stack[stack.count - 1] = newValue } }
    }

    var isEmpty: Bool { stack.isEmpty }
    var depth: Int { stack.count }

    mutating func back() { if !stack.isEmpty { stack.removeLast() } }
    mutating func removeAll() { stack.removeAll() }

    // MARK: - Opening

    mutating func openThread(_ root: PumpObject) -> Step {
        stack.append(Page(.thread(Conversation(root: root))))
        return .start(.thread(root, offset: 0), "Loading the thread…")
    }

    mutating func openProfile(_ person: Person) -> Step {
        stack.append(Page(.profile(person, posts: [])))
        return .start(.profile(person), "Loading \(person.label)…")
    }

    /// Followers, following, a list's members; our lists (`M`) unless they are on screen already.
    mutating func openPeople(_ source: PeopleSource) -> Step {
        if source == .lists, top?.isLists == true { return Step() }
        stack.append(Page(.people(source, nil)))
        return .start(.people(source, known: nil), source == .lists ? "Loading your lists…" : "Loading \(source.title)…")
    }

    mutating func openSearch(_ query: String) -> Step {
        stack.append(Page(.search(query, results: [])))
        return .start(.search(query), "Searching the cache for “\(TerminalText.clean(query, .line, maxLength: 60))”…")
    }

    // MARK: - Loading again, loading more

    /// `R` on the page on screen.
    mutating func refresh() -> Step {
        guard var page = top else { return Step() }
        switch page.kind {
        case .thread(var c):
            guard !page.loading else { return Step() }
            page.loading = true; c.replies = []; c.total = nil; page.kind = .thread(c)
            top = page
            return .start(.thread(c.root, offset: 0), "Refreshing the thread…")
        case .profile(let person, _):
            return .start(.profile(person), "Refreshing \(person.label)…")
        case .people(.lists, _):
            page.loading = true; page.error = nil
            top = page
            return .start(.people(.lists, known: nil), "Loading your lists…")
        case .people(let source, _):
            guard !page.loading else { return Step() }
            page.loading = true; page.error = nil; page.kind = .people(source, nil); page.list = ListState()
            top = page
            return .start(.people(source, known: nil), "Refreshing…")
        case .search(let query, _):
            return .start(.search(query), "Searching again…")
        }
    }

    /// The selection is near the end of the page on screen: its next part, if it has one.
    mutating func loadMore() -> Step {
        guard var page = top, page.hasMore else { return Step() }
        switch page.kind {
        case .thread(let c):
            page.loading = true; top = page
            return .start(.thread(c.root, offset: c.replies.count), "Loading more replies…")
        case .people(let source, let feed) where source != .lists:
            page.loading = true; top = page
            return .start(.people(source, known: feed), "Loading more…")
        default: return Step()
        }
    }

    /// The list the keys act on: the one selected on the lists page, or the members page's.
    func currentList(selected: FeedItem?) -> PumpObject? {
        switch top?.kind {
        case .people(.lists, _)?: if case .object(let o)? = selected, o.isPersonList { return o }
        case .people(.members(let list), _)?: return list
        default: break
        }
        return nil
    }

    // MARK: - Changes from elsewhere

    /// Applies `change` to every copy of the object on every page.
    mutating func updateObject(_ id: String, _ change: (inout PumpObject) -> Void) {
        for i in stack.indices { stack[i].updateObject(id, change) }
    }

    /// A follow or unfollow went through: that person's profiles say so, with the count.
    mutating func setFollowed(_ id: String?, _ on: Bool) {
        for (i, page) in stack.enumerated() {
            guard case .profile(var p, let posts) = page.kind, p.id == id else { continue }
            p.followed = on
            if var f = p.followers { f.totalItems = max(0, f.count.saturatingAdd(on ? 1 : -1)); p.followers = f }
            stack[i].kind = .profile(p, posts: posts)
        }
    }

    /// A reply just sent shows under what it answers, in every open conversation holding that.
    mutating func appendReply(_ reply: PumpObject, to parentID: String) {
        for (i, page) in stack.enumerated() {
            guard case .thread(var c) = page.kind, !c.entries.contains(where: { $0.object.id == reply.id }) else { continue }
            if c.root.id == parentID {
                c.replies.append(reply); c.total = (c.total ?? 0).saturatingAdd(1)
            } else if c.entries.contains(where: { $0.object.id == parentID }) {
                c.nested[parentID, default: []].append(reply)
            }
            stack[i].kind = .thread(c)
        }
    }

    /// Our profile was saved: our profile pages show the server's copy at once and load again
    /// (the posts, the avatar's among them), saying `note` when they have.
    mutating func ownProfileSaved(_ person: Person, note: String, isMe: (Person) -> Bool) -> Step {
        var step = Step()
        for (i, page) in stack.enumerated() {
            guard case .profile(let p, let posts) = page.kind, isMe(p) else { continue }
            stack[i].kind = .profile(person, posts: posts)
            stack[i].loading = true; stack[i].note = note
            step = step + .start(.profile(person), "")
        }
        return step
    }
}
