import PumpCore

/// Whose people a people page shows.
enum PeopleSource: Equatable, Sendable {
    case collection(PeopleCollection, Person)
    case members(PumpObject)
    /// Our person lists themselves (the lists page).
    case lists

    var title: String {
        switch self {
        case .collection(let which, let p): return "\(which.title) · \(p.label)"
        case .members(let list): return "List · \(list.title ?? "list")"
        case .lists: return "Your lists"
        }
    }
}

/// Changes to our person lists.
enum ListChange: Equatable, Sendable {
    case create(String)
    case rename(PumpObject, String)
    case delete(PumpObject)
    case add(account: String, to: PumpObject)
    case remove(Person, from: PumpObject)
}

struct ThreadPage: Equatable, Sendable {
    var root: PumpObject
    var replies: Feed
    /// Replies of the replies (and of theirs), by parent id.
    var nested: [String: [PumpObject]] = [:]
}

struct ProfilePage: Equatable, Sendable {
    var person: Person
    var posts: Feed?
    /// Why the posts could not be loaded (remote people without a reachable outbox).
    var postsError: String?
    /// "Follows you" / "you follow" (nil: not found out).
    var followState: FollowState?
}
