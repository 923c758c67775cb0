import Foundation

/// Which way a page of a timeline goes: the first page (replacing), newer items on top, older
/// items at the bottom.
public enum PageDirection: Equatable, Sendable { case first, older, newer }

/// One account's timelines as the client shows them: the one source of truth (issue 25).
///
/// It holds each timeline as paged (membership, order, paging links), the newest known state of
/// every object in them, the edits and deletions learned, and the read markers. Every tab is a
/// query over it: an object shows from its newest state wherever it appears, Notifications are
/// derived from all the timelines that can hold them (whichever loaded last), unread counts
/// leave out the account's own items. Pure: the screen keeps it in its state; what should reach
/// the cache is collected in `unsaved` for the screen to hand to a job.
public struct TimelineStore: Sendable {
    public let me: Notifications.Me
    /// Where reading stopped, per timeline (stored in the cache).
    public var markers: [FeedKind: ReadMarker] = [:]
    private var feeds: [FeedKind: Feed] = [:]
    /// The newest copy of each object some timeline holds, by id.
    private var latest: [String: PumpObject] = [:]
    /// Edits and deletions learned, applied to copies that arrive later (an older page).
    private var revisions: [String: ObjectRevision] = [:]
    private var views: [FeedKind: [FeedItem]] = [:]
    /// Revisions the cache does not have yet (`takeUnsaved`).
    public private(set) var unsaved: [ObjectRevision] = []

    /// The timelines Notifications are derived from (their activities), and with Mine the posts
    /// the replies and likes are about.
    static let notificationSources: Set<FeedKind> = [.notifications, .inboxMinor, .direct, .inboxMajor, .outbox]

    public init(me: Notifications.Me) { self.me = me }

    // MARK: - Queries

    /// A timeline as paged (with its links), or nil before its first page.
    public func feed(_ kind: FeedKind) -> Feed? { feeds[kind] }

    /// A timeline's items, each object in its newest known state.
    public func items(_ kind: FeedKind) -> [FeedItem] { views[kind] ?? [] }

    /// The newest known copy of an object (nil: no timeline holds it).
    public func object(_ id: String) -> PumpObject? { latest[id] }

    /// What the account itself did or wrote: never news to it.
    public func isOwn(_ item: FeedItem) -> Bool {
        switch item {
        case .activity(let a): return me.isMe(a.actor ?? a.object?.author)
        case .object(let o): return me.isMe(o.author)
        case .person: return false
        }
    }

    /// Unread items in a timeline: those above the read marker, the account's own left out.
    public func unread(_ kind: FeedKind) -> Int {
        let all = items(kind)
        return all.prefix(Unread.count(all, marker: markers[kind])).count { !isOwn($0) }
    }

    // MARK: - Arrivals

    /// A page from the server or the cache: merged into the timeline as `direction` says, its
    /// objects learned (edits, deletions, fresher counts). `fromCache`: the copies are what the
    /// cache had (with its revisions applied), nothing to store again.
    public mutating func receive(_ page: Feed, into kind: FeedKind, _ direction: PageDirection, fromCache: Bool = false) {
        var changed = Set<String>()
        for item in page.items { learn(item, persist: !fromCache, changed: &changed) }
        switch (direction, feeds[kind]) {
        case (.older, let feed?): feeds[kind] = feed.appending(page)
        case (.newer, let feed?): feeds[kind] = feed.prepending(page)
        default: feeds[kind] = page
        }
        refresh(kind, changed: changed)
    }

    /// Fresh copies from elsewhere (a thread's root and replies, a profile's posts): every
    /// timeline holding them shows their counts and text.
    public mutating func learn(_ objects: [PumpObject]) {
        var changed = Set<String>()
        for o in objects { learn(o, persist: true, changed: &changed) }
        refresh(nil, changed: changed)
    }

    /// A change the account made or the server confirmed (a deletion, an own edit): everywhere,
    /// and in the cache.
    public mutating func record(_ revision: ObjectRevision) {
        revisions[revision.id] = revision
        unsaved.append(revision)
        if var o = latest[revision.id] { revision.apply(to: &o); latest[revision.id] = o }
        refresh(nil, changed: [revision.id])
    }

    /// An optimistic change (a like before the server answered): shown, not stored.
    public mutating func revise(_ id: String, _ change: (inout PumpObject) -> Void) {
        guard var o = latest[id] else { return }
        change(&o)
        latest[id] = o
        refresh(nil, changed: [id])
    }

    /// Keeps a timeline within `bytes`: the newest items when paging older, else the oldest ones
    /// go. Returns how many items left the top (the caller moves its position by that).
    public mutating func keep(_ kind: FeedKind, withinBytes bytes: Int, pagedOlder: Bool) -> Int {
        guard let feed = feeds[kind] else { return 0 }
        var dropped = 0
        if pagedOlder {
            let (kept, n) = feed.droppingNewest(toBytes: bytes)
            guard n > 0 else { return 0 }
            feeds[kind] = kept; dropped = n
        } else {
            let kept = feed.trimmed(toBytes: bytes)
            guard kept.items.count < feed.items.count else { return 0 }
            feeds[kind] = kept
        }
        refresh(kind, changed: [])
        forgetUnheld()
        return dropped
    }

    /// The revisions to store, once: the screen hands them to the cache.
    public mutating func takeUnsaved() -> [ObjectRevision] {
        defer { unsaved = [] }
        return unsaved
    }

    // MARK: - Learning

    private mutating func learn(_ item: FeedItem, persist: Bool, changed: inout Set<String>) {
        guard let activity = item.activity, var o = activity.object else {
            if let o = item.object { learn(o, persist: persist, changed: &changed) }
            return
        }
        switch activity.verb {
        case .update where !o.isDeleted:
            // The edit itself: its text is the post's newest, from when it was made.
            if o.updated == nil { o.updated = activity.published }
            var r = ObjectRevision(id: o.id)
            r.content = o.content; r.displayName = o.displayName; r.updated = o.updated
            remember(r, persist: persist, changed: &changed)
        case .delete:
            remember(.deletion(of: o.id, at: o.deleted ?? activity.published), persist: persist, changed: &changed)
        default:
            learn(o, persist: persist, changed: &changed)
        }
    }

    private mutating func remember(_ r: ObjectRevision, persist: Bool, changed: inout Set<String>) {
        if let known = revisions[r.id], known.isDeleted || !ObjectRevision.isAtLeastAsNew(r.updated, as: known.updated) { return }
        revisions[r.id] = r
        if persist { unsaved.append(r) }
        if var o = latest[r.id] { r.apply(to: &o); latest[r.id] = o }
        changed.insert(r.id)
    }

    /// A copy that just arrived is the newest (pump.io sends objects as they are now), but keeps
    /// what it leaves out (a like's object comes without its text) and what was learned since
    /// (an edit, a deletion).
    private mutating func learn(_ copy: PumpObject, persist: Bool, changed: inout Set<String>) {
        guard !copy.id.isEmpty else { return }
        var o = copy
        if copy.isDeleted, revisions[copy.id]?.isDeleted != true {
            // News to the cache only when a copy from before the deletion is known.
            let wasShown = latest[copy.id].map { !$0.isDeleted } ?? false
            remember(.deletion(of: copy.id, at: copy.deleted), persist: persist && wasShown, changed: &changed)
        }
        if let old = latest[copy.id] { o.keepMissing(from: old) }
        revisions[copy.id]?.apply(to: &o)
        if let old = latest[copy.id], old != o {
            changed.insert(copy.id)
            if persist, old.counts != o.counts { unsaved.append(ObjectRevision(countsOf: o)) }
        }
        latest[copy.id] = o
    }

    // MARK: - Views

    /// Rebuilds the view of `kind` (nil: none) and replaces the changed objects in the others;
    /// Notifications follow any change of their sources.
    private mutating func refresh(_ kind: FeedKind?, changed: Set<String>) {
        if let kind, kind != .notifications { views[kind] = feeds[kind]?.items.map(resolve) }
        if !changed.isEmpty {
            for (k, items) in views where k != kind && k != .notifications {
                guard items.contains(where: { $0.object.map { changed.contains($0.id) } ?? false }) else { continue }
                views[k] = items.map { item in item.object.map { changed.contains($0.id) } == true ? resolve(item) : item }
            }
        }
        if kind.map(Self.notificationSources.contains) == true || !changed.isEmpty { rebuildNotifications() }
    }

    private func resolve(_ item: FeedItem) -> FeedItem {
        switch item {
        case .activity(var a):
            guard let id = a.object?.id, let o = latest[id] else { return item }
            a.object = o
            return .activity(a)
        case .object(let o): return latest[o.id].map { .object($0) } ?? item
        case .person: return item
        }
    }

    /// Notifications from every timeline that can hold them, one item per activity, newest first
    /// (`Notifications.build`); a timeline's items already built (older callers) pass through.
    private mutating func rebuildNotifications() {
        // Before Notifications' own first page (a cached start's first tab): nothing to build.
        guard feeds[.notifications] != nil else { views[.notifications] = nil; return }
        var sources: [FeedItem] = []
        for kind in FeedKind.allCases where Self.notificationSources.contains(kind) {
            sources += (feeds[kind]?.items ?? []).map(resolve)
        }
        views[.notifications] = Notifications.build(sources, me: me)
    }

    /// Objects no timeline holds any more are dropped (the byte budgets trimmed them).
    private mutating func forgetUnheld() {
        var held = Set<String>()
        for feed in feeds.values { for item in feed.items { if let id = item.object?.id { held.insert(id) } } }
        latest = latest.filter { held.contains($0.key) }
    }
}

extension PumpObject {
    /// What a page's copy leaves out, taken from the copy known before.
    mutating func keepMissing(from old: PumpObject) {
        if content == nil && !isDeleted { content = old.content }
        if displayName == nil { displayName = old.displayName }
        if old.isEdited { isEdited = true }
        if author == nil { author = old.author }
        if inReplyTo == nil { inReplyTo = old.inReplyTo }
        if likes == nil { likes = old.likes }
        if replies == nil { replies = old.replies }
        if shares == nil { shares = old.shares }
        if liked == nil { liked = old.liked }
        if shared == nil { shared = old.shared }
        if image == nil { image = old.image }
        if fullImage == nil { fullImage = old.fullImage }
        if url == nil { url = old.url }
        if published == nil { published = old.published }
    }

    /// The counts and marks a refetch refreshes.
    var counts: [Int?] {
        [likes?.totalItems, replies?.totalItems, shares?.totalItems, liked.map { $0 ? 1 : 0 }, shared.map { $0 ? 1 : 0 }]
    }
}
