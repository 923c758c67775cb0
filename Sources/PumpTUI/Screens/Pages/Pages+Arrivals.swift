import PumpCore

/// The answers to the pages' jobs: each fills the newest page it belongs to (a page closed
/// meanwhile drops its answer) and says what arrived.
extension Pages {
    mutating func receive(_ message: Message) -> Step {
        switch message {
        case .thread(let rootID, let offset, let result): return threadArrived(rootID, offset, result)
        case .profile(let personID, let result):
            var step = profileArrived(personID, result)
            // The looked-up profile has its data: the keys typed since act on it.
            if let held = lookup, held.personID == personID {
                lookup = nil
                step.outcomes.append(.replay(held.keys))
            }
            return step
        case .people(let source, let older, let result): return peopleArrived(source, older: older, result)
        case .openedAccount(let who, let result): return openedAccount(who, result)
        case .listChanged(let change, let result): return listChanged(change, result)
        case .searched(let query, let result): return searched(query, result)
        }
    }

    /// The newest page that `matches`, changed by `change` (which says what to tell).
    private mutating func withNewest(_ matches: (Page.Kind) -> Bool, _ change: (inout Page) -> Step) -> Step {
        guard let i = stack.lastIndex(where: { matches($0.kind) }) else { return Step() }
        return change(&stack[i])
    }

    private mutating func threadArrived(_ rootID: String, _ offset: Int, _ result: Result<ThreadPage, ClientFailure>) -> Step {
        withNewest({ if case .thread(let c) = $0 { return c.root.id == rootID }; return false }) { page in
            guard var c = page.conversation else { return Step() }
            page.loading = false
            var step = Step()
            switch result {
            case .failure(let f):
                page.error = f.message
                step.outcomes = [.failed(f)]
                // Gone on the server (410): deleted wherever it shows, and in the cache.
                if f.deleted { step.outcomes.append(.deleted(rootID)) }
            case .success(let fetched):
                // Its counts and text as the server has them now, in every timeline too.
                step.outcomes = [.learned([fetched.root] + fetched.replies.objects)]
                if offset == 0 { c.root = fetched.root; c.replies = []; c.nested = [:] }
                let known = Set(c.replies.map(\.id))
                c.replies += fetched.replies.objects.filter { !known.contains($0.id) }
                c.nested.merge(fetched.nested) { _, new in new }
                c.total = fetched.replies.totalItems ?? fetched.root.replies?.totalItems ?? c.replies.count
                if fetched.replies.items.isEmpty { c.total = c.replies.count }
                let total = c.total ?? c.replies.count
                step.outcomes.append(.say(total == 0 ? "No replies yet." : "\(c.replies.count) of \(Plural.count(total, "reply", "replies"))", .info))
                page.kind = .thread(c)
            }
            return step
        }
    }

    private mutating func profileArrived(_ personID: String, _ result: Result<ProfilePage, ClientFailure>) -> Step {
        withNewest({ if case .profile(let p, _) = $0 { return p.id == personID }; return false }) { page in
            page.loading = false
            switch result {
            case .failure(let f):
                page.error = f.message
                return Step(outcomes: [.failed(f)])
            case .success(let fetched):
                var person = fetched.person
                if let state = fetched.followState {
                    person.followed = state.youFollow ?? person.followed
                    person.followsYou = state.followsYou
                }
                page.kind = .profile(person, posts: fetched.posts?.items ?? [])
                page.error = fetched.postsError
                defer { page.note = nil }
                if let e = fetched.postsError { return .say(e, .warning) }
                if let note = page.note { return .say(note, .success) }
                return .say(person.label)
            }
        }
    }

    /// People, a list's members or our lists; a change's note goes in front of the count.
    private mutating func peopleArrived(_ source: PeopleSource, older: Bool, _ result: Result<Feed, ClientFailure>) -> Step {
        let onTop = top?.peopleSource == source
        return withNewest({ if case .people(let s, _) = $0 { return s == source }; return false }) { page in
            page.loading = false
            defer { page.note = nil }
            switch result {
            case .failure(let f):
                page.error = f.message
                return Step(outcomes: [.failed(f)])
            case .success(let fetched):
                let feed: Feed
                if case .people(_, let had?) = page.kind, older { feed = had.appending(fetched) } else { feed = fetched }
                page.kind = .people(source, feed)
                page.error = nil
                let count = source == .lists ? Plural.count(feed.items.count, "list")
                    : "\(source.title): \(page.items.count) of \(Plural.count(feed.totalItems ?? page.items.count, "person", "people"))"
                if let note = page.note { return .say(note + " · " + count, .success) }
                // Our lists are also reloaded under another page (a change made there): no count then.
                return source == .lists && !onTop ? Step() : .say(count)
            }
        }
    }

    private mutating func searched(_ query: String, _ result: Result<[FeedItem], ClientFailure>) -> Step {
        withNewest({ if case .search(let q, _) = $0 { return q == query }; return false }) { page in
            page.loading = false
            switch result {
            case .failure(let f):
                page.error = f.message
                return .say(f.message, .error)
            case .success(let found):
                page.kind = .search(query, results: found); page.list = ListState()
                return .say(found.isEmpty ? "No cached item matches." : "\(Plural.count(found.count, "match", "matches")) · ] and [ go through them in a timeline")
            }
        }
    }

    /// A list changed: the pages showing it load again, and the status keeps what was done.
    private mutating func listChanged(_ change: ListChange, _ result: Result<String, ClientFailure>) -> Step {
        switch result {
        case .failure(let f): return Step(outcomes: [.failed(f)])
        case .success(let done):
            var step = Step(outcomes: [.say(done, .success), .listsChanged])
            for (i, page) in stack.enumerated() {
                switch page.kind {
                case .people(.lists, _):
                    stack[i].loading = true; stack[i].note = done
                    step.effects.append(.run(.people(.lists, known: nil)))
                case .people(.members(var list), let feed):
                    if case .rename(let renamed, let name) = change, renamed.id == list.id {
                        list.displayName = name; stack[i].kind = .people(.members(list), feed)   // the title follows
                    }
                    guard change.touches(list) else { continue }
                    stack[i].loading = true; stack[i].kind = .people(.members(list), nil); stack[i].note = done
                    step.effects.append(.run(.people(.members(list), known: nil)))
                default: continue
                }
            }
            return step
        }
    }
}

extension ListChange {
    /// Does this change alter that list's members page?
    func touches(_ list: PumpObject) -> Bool {
        switch self {
        case .add(_, let l), .remove(_, let l): return l.id == list.id
        case .create, .rename, .delete: return false
        }
    }
}
