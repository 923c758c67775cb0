import Foundation
import PumpCore

/// Followers and following pages, profiles by `nick@host`, and our person lists (`M`).
extension ClientScreen {
    /// `w`/`W`: the people of the profile on screen, or our own from a timeline or list.
    mutating func openPeople(_ which: PeopleCollection) -> Effects {
        let whose: Person
        if case .profile(let p)? = pages.last { whose = p.person }
        else if case .person(let p)? = selectedItem { whose = p }
        else { whose = Person(id: "acct:\(account)", preferredUsername: account.nickname) }
        return openPeople(.collection(which, whose))
    }

    mutating func openPeople(_ source: PeopleSource) -> Effects {
        pages.append(.people(PeoplePane(source: source)))
        return start(.people(source, known: nil), "Loading \(source.title)…")
    }

    mutating func openMembers(_ list: PumpObject) -> Effects { openPeople(.members(list)) }

    mutating func openLists() -> Effects {
        if case .lists? = pages.last { return [] }
        pages.append(.lists(PeoplePane(source: .lists)))
        return start(.lists, "Loading your lists…")
    }

    mutating func reloadLists() -> Effects {
        if case .lists(var l)? = pages.last { l.loading = true; l.error = nil; pages[pages.count - 1] = .lists(l) }
        return start(.lists, "Loading your lists…")
    }

    /// The list the keys act on: the one selected on the lists page, or the members page's.
    var currentList: PumpObject? {
        switch pages.last {
        case .lists?: if case .object(let o)? = selectedItem, o.isPersonList { return o }
        case .people(let p)?: if case .members(let list) = p.source { return list }
        default: break
        }
        return nil
    }

    mutating func listAction(_ action: Action) -> Effects {
        let width = max(10, size.cols - 30)
        switch action {
        case .newList:
            modal = .prompt(TextBox(label: "New list", maxLength: 100, focused: true, viewWidth: width), .newList)
        case .renameList:
            guard let list = currentList else { say("No list selected.", .warning); return [] }
            modal = .prompt(TextBox(label: "Rename to", text: list.title ?? "", maxLength: 100, focused: true, viewWidth: width),
                            .renameList(list))
        case .deleteList:
            guard case .lists? = pages.last, let list = currentList else { say("No list selected.", .warning); return [] }
            modal = .confirm(ConfirmDialog("Delete the list \(list.title ?? "")? The people stay; only the list goes.",
                                           yes: "Delete", no: "Keep"), .deleteList(list))
        case .addToList:
            guard let list = currentList else { say("Open a list first (M, Enter).", .warning); return [] }
            modal = .prompt(TextBox(label: "Add (nick@host)", focused: true, viewWidth: width), .addToList(list))
        case .removeFromList:
            guard let list = currentList, case .person(let p)? = selectedItem else { say("No one selected.", .warning); return [] }
            return start(.listChange(.remove(p, from: list)), "Removing \(p.label) from \(list.title ?? "the list")…")
        default: break
        }
        return []
    }

    // MARK: - Results

    mutating func peopleArrived(_ source: PeopleSource, older: Bool, _ result: Result<Feed, ClientFailure>) {
        guard let i = pages.lastIndex(where: { if case .people(let p) = $0 { return p.source == source }; return false }),
              case .people(var p) = pages[i] else { return }
        p.loading = false
        switch result {
        case .failure(let f): p.error = f.message; fail(f)
        case .success(let page):
            p.feed = older ? p.feed.map { $0.appending(page) } ?? page : page
            let total = p.feed?.totalItems ?? p.items.count
            let count = "\(p.source.title): \(p.items.count) of \(Plural.count(total, "person", "people"))"
            if let note = p.actionNote { say(note + " · " + count, .success) } else { say(count) }
        }
        p.actionNote = nil
        pages[i] = .people(p)
    }

    mutating func listsArrived(_ result: Result<Feed, ClientFailure>) {
        guard let i = pages.lastIndex(where: { if case .lists = $0 { return true }; return false }),
              case .lists(var l) = pages[i] else { return }
        l.loading = false
        switch result {
        case .failure(let f): l.error = f.message; fail(f)
        case .success(let feed):
            l.feed = feed; l.error = nil
            let count = Plural.count(feed.items.count, "list")
            if let note = l.actionNote { say(note + " · " + count, .success) }
            else if case .lists? = pages.last { say(count) }
        }
        l.actionNote = nil
        pages[i] = .lists(l)
    }

    mutating func listChanged(_ change: ListChange, _ result: Result<String, ClientFailure>) -> Effects {
        switch result {
        case .failure(let f): fail(f); return []
        case .success(let done):
            say(done, .success)
            compose.audience = nil    // the editor's list of lists is stale now
            var effects: Effects = []
            // The pages showing what changed load again; the status keeps what was done.
            for (i, page) in pages.enumerated() {
                switch page {
                case .lists(var l):
                    l.loading = true; l.actionNote = done; pages[i] = .lists(l); effects.append(.run(.lists))
                case .people(var p):
                    guard case .members(var list) = p.source else { continue }
                    if case .rename(let renamed, let name) = change, renamed.id == list.id {
                        list.displayName = name; p.source = .members(list); pages[i] = .people(p)   // the title follows
                    }
                    guard change.touches(list) else { continue }
                    p.loading = true; p.feed = nil; p.actionNote = done; pages[i] = .people(p)
                    effects.append(.run(.people(p.source, known: nil)))
                default: continue
                }
            }
            return effects
        }
    }

    /// The profile the prompt asked for: opened; the keys typed meanwhile keep waiting until
    /// its data is there (a follow state fetched before an `f` must not overwrite it). After
    /// Esc (the wait was given up) the answer is dropped.
    mutating func openedAccount(_ who: String, _ result: Result<Person, ClientFailure>) -> Effects {
        guard let held = lookupTypeahead, held.personID == nil else { return [] }
        switch result {
        case .failure(let f):
            lookupTypeahead = nil
            fail(f)
            return []
        case .success(let person):
            lookupTypeahead?.personID = person.id
            return openProfile(person)
        }
    }

    /// The looked-up profile has its data: the keys typed since act on it.
    mutating func replayLookupTypeahead() -> Effects {
        let queued = lookupTypeahead?.keys ?? []
        lookupTypeahead = nil
        applyOwnMarks()
        keepSelectionVisible()
        return queued.flatMap { handleInput($0) }
    }

    /// While a profile is looked up, keys wait for it (bounded); Esc stops waiting (and, once
    /// the profile is up, goes back as usual).
    mutating func holdForLookup(_ input: InputEvent) -> Effects {
        if case .key(.escape) = input {
            let pageIsUp = lookupTypeahead?.personID != nil
            lookupTypeahead = nil   // the job's spinner still ends with its answer, which is dropped
            if pageIsUp { return handleInput(input) }
            say("Stopped waiting for the profile.")
            return []
        }
        if (lookupTypeahead?.keys.count ?? 0) < LookupTypeahead.limit { lookupTypeahead?.keys.append(input) }
        return []
    }
}

/// Keys held for a profile that is still opening (`P nick@host Enter` and a burst after it).
struct LookupTypeahead: Equatable {
    /// Set once the person is known and their profile page is up, loading.
    var personID: String?
    var keys: [InputEvent] = []
    /// A burst, not a backlog.
    static let limit = 256
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
