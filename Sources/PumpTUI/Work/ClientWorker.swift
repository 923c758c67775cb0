import Foundation
import Logging
import PumpCore

/// Carries out the client's jobs against the account's server (off the runtime's loop thread).
/// Holds no screen state: every job's result comes back as one `ClientMessage`.
final class ClientWorker: Sendable {
    let api: PumpAPI
    let drafts: DraftStore?
    /// People on other servers are looked up unsigned, by WebFinger (`P`, `a` on a list).
    let finder: WebFinger
    /// The account's offline cache (nil: none, or it could not be opened: `cacheProblem` says why).
    let cache: CacheStore?
    let cacheProblem: String?
    /// The image preview's decodes: one at a time, stopped when their preview closes.
    let previews = PreviewDecodes()

    /// `state`: where drafts are kept (the state directory); the config directory when nil.
    /// `cacheDirectory`: where the offline cache lives; nil for no cache.
    /// `opened`: the cache as `openCache` opened it already (a cached start's first read).
    init(store: CredentialStore, account: AccountID, allowHTTP: Bool, state: CredentialStore? = nil,
         cacheDirectory: URL? = nil, cacheLimit: Int = CacheStore.defaultLimit, opened: OpenedCache? = nil) throws {
        api = try PumpAPI(stored: account, store: store, allowHTTP: allowHTTP)
        drafts = DraftStore(store: store, account: account, files: state)
        finder = WebFinger(transport: AsyncHTTPTransport(), allowHTTP: allowHTTP)
        (cache, cacheProblem) = opened ?? Self.openCache(cacheDirectory, account: account, limit: cacheLimit)
    }

    /// For tests: any requester; drafts, cache and the WebFinger client optional.
    init(api: PumpAPI, drafts: DraftStore? = nil, cache: CacheStore? = nil,
         finder: WebFinger = WebFinger(transport: AsyncHTTPTransport())) {
        self.api = api; self.drafts = drafts; self.cache = cache; cacheProblem = nil; self.finder = finder
    }

    /// The account's cache, or nil and why not.
    typealias OpenedCache = (cache: CacheStore?, problem: String?)

    /// A cache that cannot be opened is no reason not to start: the client runs without one.
    static func openCache(_ directory: URL?, account: AccountID, limit: Int) -> OpenedCache {
        guard let directory else { return (nil, nil) }
        do {
            let store = try CacheStore(directory: directory, account: account, limit: limit)
            return (store, store.rebuiltBecause)
        } catch {
            return (nil, "No offline cache: \(failure(error).message)")
        }
    }

    func perform(_ job: ClientJob) async -> ClientMessage {
        switch job {
        case .feed(let kind, let direction, let known):
            do {
                return .feed(kind, direction, .success(try await cachedPage(kind, direction, known)))
            } catch PumpError.http(status: 400, let text) where direction != .first && Self.isUnknownAnchor(text) {
                // The server no longer has the item paging starts from (its database was reset,
                // the item deleted): the timeline starts again from its first page.
                return .feed(kind, .first, await attempt { try await self.cachedPage(kind, .first, nil) })
            } catch {
                return .feed(kind, direction, .failure(Self.failure(error)))
            }
        case .page(let job):
            return .page(await performPage(job))
        case .verb(var request):
            if let current = await alreadySo(request) {
                request.alreadySo = current
                return .verb(request, .success(Activity(id: "", verb: .favorite, object: current)))
            }
            return .verb(request, await attempt { try await self.verb(request) })
        case .followAccount(let account):
            return .followedAccount(account, await attempt { try await self.api.follow(account: account) })
        case .compose(let job):
            return .compose(await performCompose(job))
        case .image(let job):
            return .image(await performImage(job))
        case .profile(let job):
            return .profile(await performProfile(job))
        case .cached(let kind):
            return .cached(snapshot(only: kind))
        case .cachedRest(let have):
            return .cached(snapshot(skipping: have))
        case .saveReadMarker(let kind, let marker):
            do { try cache?.setReadMarker(marker, for: kind.rawValue); return .stored(nil) }
            catch { return .stored("The read position could not be stored: \(Self.failure(error).message)") }
        case .saveRevisions(let revisions):
            do { try cache?.save(revisions); return .stored(nil) }
            catch { return .stored("The offline cache could not be updated: \(Self.failure(error).message)") }
        }
    }

    // MARK: - Jobs

    /// A page from the server, stored in the cache on the way (its JSON is then dropped: the
    /// screen keeps only the models). A cache that fails to write costs nothing but the cache.
    private func cachedPage(_ kind: FeedKind, _ direction: PageDirection, _ known: Feed?) async throws -> Feed {
        var page = kind == .notifications ? try await notifications() : try await self.page(kind, direction, known)
        if let cache {
            let merged: Feed
            switch (direction, known) {
            case (.older, let k?): merged = k.appending(page)
            case (.newer, let k?): merged = k.prepending(page)
            default: merged = page
            }
            do { try cache.save(page, merged: merged, in: kind.rawValue) }
            catch { PumpLog.app.error("cache: \(String(describing: error))") }
        }
        page.itemJSON = [:]
        return page
    }

    /// Notifications' sources: the Meanwhile, Direct and Inbox feeds' newest pages, and my recent
    /// posts (their collections show replies and likes). The screen's store picks the items meant
    /// for me from these and every other timeline (`Notifications.build`); the cache keeps them
    /// as the server sent them.
    private func notifications() async throws -> Feed {
        var items: [FeedItem] = []
        var json: [String: Data] = [:]
        for (kind, count) in [(FeedKind.inboxMinor, 60), (.direct, 30), (.inboxMajor, 60)] {
            // Each source's share of the tab's byte budget (issue 23), so three full pages
            // are never held at once.
            let page = try await api.feed(kind, count: count).trimmed(toBytes: MemoryBudget.timelineBytes / 3)
            items += page.items
            json.merge(page.itemJSON) { old, _ in old }
        }
        // My recent posts, for the replies and likes their collections embed: a bonus source,
        // so a failure here costs only those.
        if let mine = try? await api.feed(.outbox, count: 20).trimmed(toBytes: MemoryBudget.timelineBytes / 4) {
            items += mine.items
            json.merge(mine.itemJSON) { old, _ in old }
        }
        var feed = Feed(items: items)
        feed.itemJSON = json
        return feed
    }

    /// What the cache holds for the screen; read failures leave a timeline out. `only`: one
    /// timeline's first screenful (`firstSnapshot`). `skipping`: the timeline whose first
    /// screenful the screen has; only its older items are read.
    private func snapshot(only: FeedKind? = nil, skipping: FeedKind? = nil) -> CacheSnapshot {
        if let one = only, one != .notifications { return Self.firstSnapshot(one, cache: cache, problem: cacheProblem) }
        var snap = CacheSnapshot(problem: cacheProblem)
        guard let cache else { return snap }
        let first = ClientJob.firstCachedCount
        for kind in FeedKind.allCases where kind != skipping {
            guard let feed = (try? cache.timeline(kind.rawValue, count: ClientJob.cachedCount))?.feed else { continue }
            snap.timelines[kind] = feed
        }
        // The skipped tab's older items, after the screenful the first read brought.
        if let skipping, skipping != .notifications,
           let rest = (try? cache.timeline(skipping.rawValue, count: ClientJob.cachedCount - first, offset: first))?.feed {
            snap.timelines[skipping] = rest
            snap.restOf = skipping
        }
        snap.markers = Self.markers(cache)
        return snap
    }

    /// A cached start's first rows: the newest screenful of one timeline (not Notifications,
    /// which is built from all of them) and the read markers. Static, so it can run before the
    /// worker exists (`AppPerformer`): the stored account's decode then waits until after them.
    static func firstSnapshot(_ kind: FeedKind, cache: CacheStore?, problem: String?) -> CacheSnapshot {
        var snap = CacheSnapshot(problem: problem)
        guard let cache else { return snap }
        snap.complete = false
        if let feed = (try? cache.timeline(kind.rawValue, count: ClientJob.firstCachedCount))?.feed {
            snap.timelines[kind] = feed
        }
        snap.markers = markers(cache)
        return snap
    }

    private static func markers(_ cache: CacheStore) -> [FeedKind: ReadMarker] {
        var markers: [FeedKind: ReadMarker] = [:]
        for (name, marker) in (try? cache.readMarkers()) ?? [:] {
            if let kind = FeedKind(rawValue: name) { markers[kind] = marker }
        }
        return markers
    }

    private func page(_ kind: FeedKind, _ direction: PageDirection, _ known: Feed?) async throws -> Feed {
        switch (direction, known) {
        case (.older, let feed?): return try await api.older(feed)
        case (.newer, let feed?): return try await api.newer(feed)
        default: return try await api.feed(kind, count: 20)
        }
    }

    /// The server's copy of the object when it is already liked (shared) as a like (share) asks;
    /// nil when it is not, when the feed said so already, or when the object cannot be read.
    private func alreadySo(_ r: VerbRequest) async -> PumpObject? {
        guard r.checkFirst, let o = r.object,
              let current = try? await api.object(id: o.id, proxyURL: o.proxyURL) else { return nil }
        switch r.kind {
        case .like: return current.liked == true ? current : nil
        case .share: return current.shared == true ? current : nil
        default: return nil
        }
    }

    private func verb(_ r: VerbRequest) async throws -> Activity {
        switch (r.kind, r.object, r.person) {
        case (.like, let o?, _): return try await api.like(o)
        case (.unlike, let o?, _): return try await api.unlike(o)
        case (.share, let o?, _): return try await api.share(o)
        case (.unshare, let o?, _): return try await api.unshare(o)
        case (.delete, let o?, _): return try await api.delete(o)
        case (.follow, _, let p?): return try await api.follow(p)
        case (.unfollow, _, let p?): return try await api.unfollow(p)
        default: throw ClientFailure(message: "Nothing to act on.")
        }
    }

    // MARK: - Errors

    /// pump.io's 400 for a `since`/`before` id its stream does not hold ("id 'X' not found in
    /// stream 'Y'").
    static func isUnknownAnchor(_ text: String) -> Bool {
        text.contains("not found in stream") || text.contains("not in stream")
    }

    func attempt<T: Sendable>(_ body: () async throws -> T) async -> Result<T, ClientFailure> {
        do { return .success(try await body()) } catch { return .failure(Self.failure(error)) }
    }

    /// The server's message as one safe line, as a sentence for the status line; a refused token
    /// is flagged for the relogin handoff.
    static func failure(_ error: Error) -> ClientFailure {
        switch error {
        case let f as ClientFailure: return f
        // The server forgot the token or the client itself (a reset database): no retry helps,
        // a new login (which registers the client again) does.
        case PumpError.expiredToken, PumpError.clientForgotten, PumpError.invalidConsumerKey:
            return ClientFailure(message: sentence((error as? PumpError)?.message ?? ""), tokenRejected: true)
        case let e as PumpError:
            var f = ClientFailure(message: sentence(TerminalText.clean(e.message, .line, maxLength: 300)), offline: e.isOffline)
            if case .timeout = e { f.uncertain = true }
            return f
        case let e as ImageFileError: return ClientFailure(message: e.message)
        default: return ClientFailure(message: TerminalText.clean(String(describing: error), .line, maxLength: 300))
        }
    }

    /// PumpError's messages are clauses ("could not connect…", also used after "pumptui: ");
    /// the status line shows them as sentences.
    private static func sentence(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

}
