import Foundation
import PumpCore

/// What the client asks its host (the router) to do once it cannot go on by itself.
enum ClientHandoff: Equatable, Sendable {
    /// The token was refused (401 Invalid / expired Token): log in again; credentials stay until replaced.
    case relogin(AccountID, reason: String)
    case switchAccount(AccountID)
    case addAccount
    case quit(Int32)
}

/// A failed job, reduced to what the screen needs: the server's message, and whether the
/// token itself was refused (which no retry can fix).
struct ClientFailure: Error, Equatable, Sendable {
    var message: String
    var tokenRejected: Bool = false
    /// The server could not be reached at all (the client then says it is offline).
    var offline: Bool = false
    /// The object is gone (pump.io's 410 "Deleted"): the store marks it deleted everywhere.
    var deleted: Bool = false
    /// No answer came (a timeout): the request may have been carried out.
    var uncertain: Bool = false
}

/// The verbs that change one object or person, echoed back with their result so the screen can
/// undo an optimistic change.
enum VerbKind: Equatable, Sendable { case like, unlike, share, unshare, delete, follow, unfollow }

struct VerbRequest: Equatable, Sendable {
    var kind: VerbKind
    var object: PumpObject?
    var person: Person?
    /// The marks before the optimistic change, restored when the server refuses.
    var undo: ObjectMarks?
    /// The feed did not say whether it is liked/shared (pump.io's Meanwhile and Direct streams):
    /// the worker asks the server first, so `l` never sends a second like (400 "Already have").
    var checkFirst = false
    /// Set by the worker when the server already had it so: its copy, and nothing was sent.
    var alreadySo: PumpObject?
}

/// What this session itself did to an object (nil: nothing).
struct OwnMarks: Equatable, Sendable {
    var liked: Bool?
    var shared: Bool?
}

/// The parts of an object a like/share changes optimistically.
struct ObjectMarks: Equatable, Sendable {
    var liked: Bool?
    var shared: Bool?
    var likes: Int?
    var shares: Int?

    init(_ o: PumpObject) {
        liked = o.liked; shared = o.shared; likes = o.likes?.totalItems; shares = o.shares?.totalItems
    }

    func apply(to o: inout PumpObject) {
        o.liked = liked; o.shared = shared
        if o.likes != nil || likes != nil { o.likes = o.likes ?? CollectionSummary(); o.likes?.totalItems = likes }
        if o.shares != nil || shares != nil { o.shares = o.shares ?? CollectionSummary(); o.shares?.totalItems = shares }
    }
}

/// Work the client hands the runtime; `ClientWorker.perform` turns each into a `ClientMessage`.
enum ClientJob: Sendable {
    case feed(FeedKind, PageDirection, Feed?)
    /// Threads, profiles, people, lists, search (`Pages.Job`).
    case page(Pages.Job)
    case verb(VerbRequest)
    case followAccount(String)
    /// The editor: sending, drafts, its attach check, the external editor (`ComposeFlow.Job`).
    case compose(ComposeFlow.Job)
    /// `E`'s profile form: the avatar's check and the save (`ProfileForm.Job`).
    case profile(ProfileForm.Job)
    /// `i`: saving the image, the preview's download, decode and drawing (`ImageFlow.Job`).
    case image(ImageFlow.Job)
    /// Reads the offline cache at start: the newest `firstCachedCount` items of one timeline (the
    /// first tab's, so its rows show before anything else is decoded) and the read markers; nil:
    /// every timeline, whole.
    case cached(FeedKind?)
    /// The rest, after `.cached(have)`: the other timelines, and the older items of `have` (its
    /// first items are not decoded again).
    case cachedRest(have: FeedKind)
    /// Stores where reading stopped in a timeline.
    case saveReadMarker(FeedKind, ReadMarker)
    /// Stores what the store learned about objects (edits, deletions, counts). Quiet.
    case saveRevisions([ObjectRevision])
}

enum ClientMessage: Sendable {
    case feed(FeedKind, PageDirection, Result<Feed, ClientFailure>)
    /// The answers to `ClientJob.page`.
    case page(Pages.Message)
    case verb(VerbRequest, Result<Activity, ClientFailure>)
    case followedAccount(String, Result<Activity, ClientFailure>)
    /// The answers to `ClientJob.compose`.
    case compose(ComposeFlow.Message)
    /// The answers to `ClientJob.profile`.
    case profile(ProfileForm.Message)
    /// The answers to `ClientJob.image`.
    case image(ImageFlow.Message)
    /// The periodic refresh timer (`--refresh`).
    case refreshTimer
    case cached(CacheSnapshot)
    /// A quiet write finished (a read marker, revisions, a removed file): nil, or the problem.
    case stored(String?)
}

/// What the cache held at start: timelines (newest items and links), read markers, and a
/// problem to tell the user (a rebuilt or unusable cache).
struct CacheSnapshot: Sendable {
    var timelines: [FeedKind: Feed] = [:]
    var markers: [FeedKind: ReadMarker] = [:]
    var problem: String?
    /// False when only one timeline was read (`.cached(kind)`): the rest is still to read.
    var complete = true
    /// Set by `.cachedRest(have:)`: `timelines[have]` holds the items after those the first read
    /// brought, to append.
    var restOf: FeedKind?
}

extension ClientJob {
    /// Items of the first tab read before the first frame: a tall terminal's screenful. Each
    /// cached item decoded costs ~35 µs; the other items follow with the rest of the cache.
    static let firstCachedCount = 40
    /// Items of each timeline a start reads from the cache (older ones come from the server).
    static let cachedCount = 100
}
