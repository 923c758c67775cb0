import PumpCore

extension TimelinePane {
    /// A tab's items held to `bytes` (issue 23: 20 new 360 KB items per refresh grew the process
    /// by 7 MB a refresh, without end). After a refresh the oldest go (the selection moves up to
    /// the oldest kept when it was below); after paging down the newest go instead, so the page
    /// the user asked for stays, and the refresh point moves down with them. Paging on or
    /// refreshing fetches what went, again.
    mutating func keepWithin(bytes budget: Int, pagedOlder: Bool) {
        guard let feed else { return }
        if pagedOlder {
            let (kept, dropped) = feed.droppingNewest(toBytes: budget)
            guard dropped > 0 else { return }
            self.feed = kept
            list.selected = max(0, list.selected - dropped)
            list.top = max(0, list.top - dropped)
        } else {
            self.feed = feed.trimmed(toBytes: budget)
        }
        let count = items.count
        if list.selected >= count { list.selected = max(0, count - 1) }
        if list.top >= count { list.top = max(0, count - 1) }
    }
}
