import PumpCore

extension ClientScreen {
    /// A tab's items held to `MemoryBudget.timelineBytes` (issue 23: 20 new 360 KB items per
    /// refresh grew the process by 7 MB a refresh, without end). After a refresh the oldest go
    /// (the selection moves up to the oldest kept when it was below); after paging down the
    /// newest go instead, so the page the user asked for stays, and the refresh point moves down
    /// with them. Paging on or refreshing fetches what went, again.
    mutating func keepWithinBudget(_ kind: FeedKind, pagedOlder: Bool) {
        let dropped = store.keep(kind, withinBytes: MemoryBudget.timelineBytes, pagedOlder: pagedOlder)
        var pane = timelines[kind] ?? TimelinePane()
        pane.list.selected = max(0, pane.list.selected - dropped)
        pane.list.top = max(0, pane.list.top - dropped)
        let count = store.items(kind).count
        if pane.list.selected >= count { pane.list.selected = max(0, count - 1) }
        if pane.list.top >= count { pane.list.top = max(0, count - 1) }
        timelines[kind] = pane
    }
}
