import PumpCore

/// `P nick@host`: the profile is looked up, then opened; the keys typed meanwhile wait until
/// its data is there (a follow state fetched before an `f` must not overwrite it).
extension Pages {
    mutating func lookUp(_ who: String) -> Step {
        lookup = LookupTypeahead()
        return .start(.openAccount(who), "Looking up \(TerminalText.clean(who, .line, maxLength: 80))…")
    }

    /// The person was found: their profile opens, loading. After Esc (the wait was given up)
    /// the answer is dropped.
    mutating func openedAccount(_ who: String, _ result: Result<Person, ClientFailure>) -> Step {
        guard let held = lookup, held.personID == nil else { return Step() }
        switch result {
        case .failure(let f):
            lookup = nil
            return Step(outcomes: [.failed(f)])
        case .success(let person):
            lookup?.personID = person.id
            return openProfile(person)
        }
    }

    /// While a profile is looked up, keys wait for it (bounded); Esc stops waiting (and, once
    /// the profile is up, goes back as usual).
    mutating func hold(_ input: InputEvent) -> Step {
        if case .key(.escape) = input {
            let pageIsUp = lookup?.personID != nil
            lookup = nil   // the job's spinner still ends with its answer, which is dropped
            return pageIsUp ? Step(outcomes: [.replay([input])]) : .say("Stopped waiting for the profile.")
        }
        if (lookup?.keys.count ?? 0) < LookupTypeahead.limit { lookup?.keys.append(input) }
        return Step()
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
