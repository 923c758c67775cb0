import Foundation

extension PumpAPI {
    /// Most pages a single `newer` call follows; a client that was away for days gets the newest
    /// `maxCatchUpPages × count` items and the rest through normal paging.
    public static let maxCatchUpPages = 25

    /// The newest page of a timeline.
    public func feed(_ kind: FeedKind, count: Int = 20) async throws -> Feed {
        let url = try endpoint(kind.url(for: me, base: base), "the \(kind.title) feed")
        return try await firstPage(of: url, count: count, byOffset: kind.usesOffset)
    }

    /// The newest page of any collection URL (followers, a person's outbox, …).
    public func collection(_ url: URL, count: Int = 20, byOffset: Bool = false) async throws -> Feed {
        try await firstPage(of: url, count: count, byOffset: byOffset)
    }

    /// A person's public outbox (their recent posts for the profile screen).
    public func outbox(of person: Person, count: Int = 20) async throws -> Feed {
        let url = try endpoint(person.outboxURL(base: isLocalPerson(person) ? base : nil), "\(person.webfinger)'s outbox")
        return try await firstPage(of: url.appendingPath("major") ?? url, count: count, byOffset: false)
    }

    /// The page after `feed` (older items). Empty with no `nextURL` at the end.
    public func older(_ feed: Feed) async throws -> Feed {
        let size = feed.pageSize ?? 20
        if let offset = feed.offset, let baseURL = feed.baseURL {
            guard !feed.items.isEmpty else { return Feed.end(like: feed) }
            return try await page(baseURL, offset: offset + feed.items.count, count: size)
        }
        guard let next = feed.nextURL else { return Feed.end(like: feed) }
        var page = try await fetchFeed(withCount(next, size))
        page.baseURL = feed.baseURL; page.pageSize = size
        return page
    }

    /// Items newer than `feed`'s first item, newest first. Follows `prev` until a page comes back
    /// empty: `since=X` returns the items *immediately* after X, not the newest (pitfall 13).
    /// The result's `prevURL` is where the next refresh starts.
    public func newer(_ feed: Feed) async throws -> Feed {
        let size = feed.pageSize ?? 20
        if feed.offset != nil, let baseURL = feed.baseURL {
            // No since/before here: fetch the head again and keep what precedes the known head.
            var head = try await page(baseURL, offset: 0, count: size)
            if let known = feed.items.first?.id, let k = head.items.firstIndex(where: { $0.id == known }) {
                head.items = Array(head.items[..<k])
            }
            return head
        }
        guard var url = feed.prevURL else {
            // An empty feed has no links: start over from its first page.
            guard let baseURL = feed.baseURL else { return Feed.end(like: feed) }
            return try await firstPage(of: baseURL, count: size, byOffset: false)
        }
        var pages: [[FeedItem]] = []
        var itemJSON: [String: Data] = [:]
        var latestPrev = feed.prevURL
        var seen = Set(feed.items.prefix(size).map(\.id))
        var bytes = 0
        for _ in 0..<Self.maxCatchUpPages {
            let page = try await fetchFeed(withCount(url, size))
            let fresh = page.items.filter { seen.insert($0.id).inserted }
            if fresh.isEmpty { break }
            pages.append(fresh)
            itemJSON.merge(page.itemJSON) { old, _ in old }
            // Bounded by bytes too: 25 pages of 8 MB items would be 200 MB in one refresh. The
            // next refresh goes on from here (`latestPrev`).
            bytes += page.itemJSONBytes
            guard let prev = page.prevURL, prev != url else { break }
            latestPrev = prev
            if bytes >= MemoryBudget.catchUpBytes { break }
            url = prev
        }
        var result = Feed(items: pages.reversed().flatMap { $0 }, totalItems: nil,
                          nextURL: nil, prevURL: latestPrev, selfURL: feed.selfURL)
        result.baseURL = feed.baseURL; result.pageSize = size
        result.itemJSON = itemJSON
        return result
    }

    /// The replies (comments) of an object, oldest first as the server keeps them, paged by offset.
    public func replies(of object: PumpObject, offset: Int = 0, count: Int = 20) async throws -> Feed {
        let url = try endpoint(repliesURL(of: object), "the replies of this post")
        do {
            return try await page(url, offset: offset, count: count)
        } catch let error as PumpError {
            // pump.io serves the by-id route only for objects whose post reached our server (one
            // that came through a share has none): then the proxy's copy, whose first page is
            // all it gives (it drops the query), so no further page is asked of it.
            guard case .http(let status, _) = error, status == 403 || status == 404,
                  let proxy = object.replies?.proxyURL, isLocal(proxy), url != proxy.withoutQuery else { throw error }
            return offset > 0 ? Feed() : try await fetchFeed(proxy)
        }
    }

    /// Where `object`'s replies are read, without paging parameters. Our own objects: their
    /// replies collection. Another server's: pump.io's `/api/<type>/replies?id=…` on ours, with
    /// the replies that reached our server (issue 24): their collection's own URL would need our
    /// token sent there, and its `/api/proxy/…` URL drops the query, so every page was the first.
    func repliesURL(of object: PumpObject) -> URL? {
        let id = URL(string: object.id)
        let known = (object.replies?.fetchURL ?? id?.appendingPath("replies"))?.withoutQuery
        if let known, isLocal(known), !known.path.hasPrefix("/api/proxy/") { return known }
        if !(id.map(isLocal) ?? false), let type = object.objectType, !type.isEmpty {
            return base.appendingPath("api/\(Self.pathSafe(type))/replies")?.addingQuery([("id", Self.queryValue(object.id))])
        }
        return known
    }

    // MARK: Helpers

    func firstPage(of url: URL, count: Int, byOffset: Bool) async throws -> Feed {
        let size = Self.clampCount(count)
        let baseURL = url.withoutQuery
        if byOffset { return try await page(baseURL, offset: 0, count: size) }
        var f = try await fetchFeed(url.addingQuery([("count", "\(size)")]))
        f.baseURL = baseURL; f.pageSize = size
        return f
    }

    func page(_ baseURL: URL, offset: Int, count: Int) async throws -> Feed {
        let size = Self.clampCount(count)
        var f = try await fetchFeed(baseURL.addingQuery([("offset", "\(max(0, offset))"), ("count", "\(size)")]))
        f.baseURL = baseURL; f.offset = max(0, offset); f.pageSize = size
        return f
    }

    func fetchFeed(_ url: URL) async throws -> Feed {
        let json = try await getJSON(url)
        var feed = Feed(json: json)
        feed.itemJSON = Feed.itemJSON(of: json)
        return feed
    }

    /// Server links usually lack `count`, which would shrink pages to the default 20.
    func withCount(_ url: URL, _ size: Int) -> URL {
        url.hasCountParameter ? url : url.addingQuery([("count", "\(size)")])
    }

    /// The server answers 400 outside 0...200.
    static func clampCount(_ n: Int) -> Int { min(200, max(1, n)) }

    func isLocalPerson(_ p: Person) -> Bool {
        guard let h = p.host?.lowercased() else { return false }
        return h == base.hostAndPort
    }
}

extension Feed {
    /// An empty page that keeps the paging context (the end of a feed).
    static func end(like feed: Feed) -> Feed {
        var f = Feed()
        f.baseURL = feed.baseURL; f.pageSize = feed.pageSize; f.offset = nil
        return f
    }

    /// `newer` items in front, deduplicated; the refresh point moves forward.
    public func prepending(_ newer: Feed) -> Feed {
        var known = Set(newer.items.map(\.id))
        var f = self
        f.items = newer.items + items.filter { known.insert($0.id).inserted }
        if let p = newer.prevURL { f.prevURL = p }
        return f
    }

    /// `older` items at the end, deduplicated; `nextURL` becomes the older page's (nil = the end).
    public func appending(_ older: Feed) -> Feed {
        var known = Set(items.map(\.id))
        var f = self
        f.items = items + older.items.filter { known.insert($0.id).inserted }
        f.nextURL = older.nextURL
        if f.prevURL == nil { f.prevURL = older.prevURL }
        return f
    }

    /// True when there is nothing older to load.
    public var isAtEnd: Bool {
        guard let offset else { return nextURL == nil }
        guard let total = totalItems else { return items.isEmpty }
        return offset + items.count >= total
    }
}
