import PumpCore

/// The router's glue for the pages part (`Pages`): its effects lifted into the client's, its
/// outcomes carried out here and nowhere else.
extension ClientScreen {
    mutating func run(_ step: Pages.Step) -> Effects {
        var effects = step.effects.map { $0.mapped(ClientMessage.page, ClientJob.page) }
        for outcome in step.outcomes {
            switch outcome {
            case .say(let text, let kind): say(text, kind)
            // Progress stays until its answer replaces it, wherever the user moves meanwhile.
            case .progress(let text): progress(text)
            case .failed(let f): fail(f)
            case .learned(let objects): store.learn(objects)
            case .deleted(let id): store.record(.deletion(of: id))
            case .listsChanged: compose.audience = nil    // the editor's list of lists is stale now
            case .replay(let keys):
                applyOwnMarks()
                keepSelectionVisible()
                effects += keys.flatMap { handleInput($0) }
            }
        }
        return effects
    }

    /// A page's job answered. Our own marks and the selection are settled after it (again after
    /// replayed keys, which `run` settles before: both are idempotent).
    mutating func pageArrived(_ message: Pages.Message) -> Effects {
        let effects = run(pages.receive(message))
        applyOwnMarks()
        keepSelectionVisible()
        return effects
    }

    /// `Enter` on a post: its thread (or on a person, their profile; on a list, its members).
    mutating func openThread() -> Effects {
        guard let item = selectedItem else { return [] }
        if case .person(let p) = item { return openProfile(p) }
        if pages.top?.isLists == true, case .object(let list) = item { return openPeople(.members(list)) }
        guard let o = selectedObject else { return nothing("Nothing to open.") }
        // From a timeline a reply opens the conversation it belongs to; inside a conversation,
        // a reply opens as a conversation of its own (its replies, nothing above it).
        if pages.top?.conversation?.root.id == o.id { return nothing("This is the thread's first post.") }
        let root = (pages.isEmpty && o.objectType == "comment" ? o.inReplyTo : nil) ?? o
        return run(pages.openThread(root))
    }

    /// `^`: the post the selected one answers: selected when it is in this conversation, else
    /// opened as a thread.
    mutating func goToParent() -> Effects {
        guard let o = selectedObject, let parent = o.inReplyTo, !parent.id.isEmpty else { return nothing("This post answers nothing.") }
        if let i = pages.top?.conversation?.entries.firstIndex(where: { $0.object.id == parent.id }) {
            var l = list; l.selected = i; list = l
            keepSelectionVisible()
            return []
        }
        return run(pages.openThread(parent))
    }

    /// `p`: the given person's profile, or the selected person's, or the selected post's author.
    mutating func openProfile(_ person: Person? = nil) -> Effects {
        let who: Person?
        if let person { who = person }
        else if case .person(let p)? = selectedItem { who = p }
        else { who = selectedObject?.author ?? selectedItem?.activity?.actor }
        guard let p = who else { return nothing("No author to show.") }
        return run(pages.openProfile(p))
    }

    /// `w`/`W`: the people of the profile on screen, or our own from a timeline or list.
    mutating func openPeople(_ which: PeopleCollection) -> Effects {
        let whose: Person
        if let p = pages.top?.person { whose = p }
        else if case .person(let p)? = selectedItem { whose = p }
        else { whose = Person(id: "acct:\(account)", preferredUsername: account.nickname) }
        return openPeople(.collection(which, whose))
    }

    mutating func openPeople(_ source: PeopleSource) -> Effects { run(pages.openPeople(source)) }

    /// `/`: the cache's items holding the words; `]` and `[` then look for them in any list.
    mutating func openSearch(_ query: String) -> Effects {
        lastQuery = query
        return run(pages.openSearch(query))
    }
}
