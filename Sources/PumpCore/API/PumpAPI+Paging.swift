import Foundation

extension PumpAPI {
    /// One page of a timeline around a known activity, with pump.io's own query parameters:
    /// `since` = the items newer than that id, `before` = the items older than it (for scripts:
    /// `pumptui inbox --since ID`, `--before ID`). With neither, the newest page.
    public func feedPage(_ kind: FeedKind, count: Int = 20, since: String? = nil, before: String? = nil) async throws -> Feed {
        let url = try endpoint(kind.url(for: me, base: base), "the \(kind.title) feed")
        let size = Self.clampCount(count)
        var query = [("count", "\(size)")]
        if let since { query.append(("since", Self.queryValue(since))) }
        if let before { query.append(("before", Self.queryValue(before))) }
        var feed = try await fetchFeed(url.withoutQuery.addingQuery(query))
        feed.baseURL = url.withoutQuery; feed.pageSize = size
        return feed
    }

    /// Activity ids are URLs: every reserved character is escaped so the id stays one value.
    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
