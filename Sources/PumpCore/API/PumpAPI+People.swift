import Foundation

/// Which of a person's person collections.
public enum PeopleCollection: String, Sendable, CaseIterable {
    case followers, following

    public var title: String { self == .followers ? "Followers" : "Following" }
}

/// How we and another person stand: nil where it could not be found out cheaply.
public struct FollowState: Equatable, Sendable {
    public var youFollow: Bool?
    public var followsYou: Bool?
    public init(youFollow: Bool? = nil, followsYou: Bool? = nil) { self.youFollow = youFollow; self.followsYou = followsYou }
}

extension PumpAPI {
    /// Most pages (of 200) searched for one person before "follows you" is left unknown.
    public static let maxRelationPages = 5

    /// The newest page of `person`'s followers or following, paged by the collection's
    /// `next` links (`older`). People on other servers: only through our server's copy, so a
    /// remote person's collection is refused with a clear message (`notAccountHost`).
    public func people(_ which: PeopleCollection, of person: Person, count: Int = 50) async throws -> Feed {
        let localBase = isLocalPerson(person) ? base : nil
        let url = which == .followers ? person.followersURL(base: localBase) : person.followingURL(base: localBase)
        return try await collection(try endpoint(url, "\(person.webfinger)'s \(which.rawValue)"), count: count)
    }

    /// "You follow" and "follows you" for a profile. `followed` comes with the profile; when it
    /// does not, our own `following` is searched. "Follows you" needs a search either way: of
    /// their `following` when that is on our server and no larger than our `followers`, else of
    /// our `followers` (one page of 200 for most people; at most `maxRelationPages`).
    public func followState(with person: Person, myProfile: Person?) async throws -> FollowState {
        var state = FollowState(youFollow: person.followed)
        let mine = myProfile ?? me
        if state.youFollow == nil {
            state.youFollow = try await contains(mine.followingURL(base: base), matching: person)
        }
        let theirs = person.following?.totalItems ?? Int.max
        let ours = mine.followers?.totalItems ?? Int.max
        if isLocalPerson(person), theirs <= ours, let url = person.followingURL(base: base) {
            state.followsYou = try await contains(url, matching: mine)
        } else {
            state.followsYou = try await contains(mine.followersURL(base: base), matching: person)
        }
        return state
    }

    /// Is `person` in the person collection at `url`? nil when it is too long to search.
    func contains(_ url: URL?, matching person: Person) async throws -> Bool? {
        let url = try endpoint(url, "a person collection")
        var page = try await collection(url, count: 200)
        for _ in 0..<Self.maxRelationPages {
            if page.items.contains(where: { if case .person(let p) = $0 { return p.isSamePerson(as: person) }; return false }) {
                return true
            }
            if page.isAtEnd || page.items.isEmpty { return false }
            page = try await older(page)
        }
        return nil
    }

    /// A person by `nick@host`: on our server their profile; elsewhere WebFinger
    /// (`finder`) confirms they exist and gives their links; our token never goes there.
    public func person(account: String, finder: WebFinger) async throws -> Person {
        let (nick, host) = try Self.splitAccount(account)
        if host == base.hostAndPort { return try await person(nick: nick) }
        return try await finder.person(nick: nick, host: host)
    }
}

extension Person {
    /// Same id, or the same `nick@host` (ids differ in form between servers: acct: or URL).
    public func isSamePerson(as other: Person) -> Bool {
        id == other.id || webfinger.lowercased() == other.webfinger.lowercased()
    }
}
