import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 13 on the client screen, as text: unread counts in the tab bar, the "N new" line, `u`,
/// the cached start and offline, the Notifications tab and search results.
@Suite struct CacheScreenTextTests {
    typealias F = ClientFixtures
    let size = Size(rows: 24, cols: 80)

    func buffer(_ s: ClientScreen) -> CellBuffer { s.wholeScreen }
    func rows(_ s: ClientScreen) -> [String] { F.text(s) }
    @discardableResult
    func send(_ s: inout ClientScreen, _ keys: Key...) -> [String] {
        keys.flatMap { jobs(s.update(.input(.key($0)))) }
    }

    /// Two posts newer than the inbox fixture's newest (a1, 11:55Z).
    static let newerJSON = """
    {"items":[
      {"id":"n2","verb":"post","published":"2026-03-10T11:59:00Z","actor":\(F.person("bob", "Bob B.")),
       "object":{"objectType":"note","id":"https://pump.example/api/note/x2","content":"Second new post",
        "published":"2026-03-10T11:59:00Z","author":\(F.person("bob", "Bob B."))}},
      {"id":"n1","verb":"post","published":"2026-03-10T11:58:00Z","actor":\(F.person("carol", "Carol C.")),
       "object":{"objectType":"note","id":"https://pump.example/api/note/x1","content":"First new post",
        "published":"2026-03-10T11:58:00Z","author":\(F.person("carol", "Carol C."))}}]}
    """
    static var newer: Feed { Feed.decode(Data(newerJSON.utf8))! }

    /// The inbox, then a refresh that brings two new posts while the user reads a1.
    func refreshed() -> ClientScreen {
        var s = F.screen(size)
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(Self.newer))))
        return s
    }

    @Test func firstLoadStartsReadAndStoresTheMarker() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.clock = { F.now }
        #expect(jobs(s.update(.start(size))) == ["cached inboxMajor"])
        _ = s.update(.message(.cached(CacheSnapshot())))
        let effects = jobs(s.update(.message(.feed(.inboxMajor, .first, .success(F.inbox)))))
        #expect(effects == ["saveReadMarker inboxMajor a1"])
        #expect(s.unread(.inboxMajor) == 0)
    }

    @Test func refreshKeepsThePositionAndCountsNewItems() {
        let s = refreshed()
        #expect(s.selectedItem?.id == "a1")                // the item being read stays selected
        #expect(s.unread(.inboxMajor) == 2)
        let r = rows(s)
        #expect(r[0].hasPrefix(" [1 Inbox 2] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif."))
        #expect(r[22] == "Inbox: 2 new · u jumps to them")
        #expect(r[1] == "──── 2 new above ────")
        #expect(r[2].hasPrefix("Bob B.  bob@pump.example"))    // a1 still on top: the list did not move
    }

    /// R with the top of the list on screen: the news it brings shows above the reading position
    /// (found by hand on the real pump.io: bob pressed R and saw "2 new above" with the two new
    /// notes off screen). A timer's refresh keeps the screen still (the test above).
    @Test func rAtTheTopShowsTheNewsAboveTheReadingPosition() {
        var s = F.screen(size)
        #expect(send(&s, .char("R")).contains("feed inboxMajor newer"))
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(Self.newer))))
        #expect(s.selectedItem?.id == "a1")                // the item being read stays selected
        let r = rows(s)
        #expect(r[1].hasPrefix("Bob B.  bob@pump.example"))
        #expect(r[2] == "  Second new post")
        #expect(r.contains("  First new post"))
        #expect(r.contains("──── 2 new above ────"))
        #expect(r[22] == "Inbox: 2 new · u jumps to them")
        // Scrolled down the list, R keeps the screen where it was.
        var t = F.screen(Size(rows: 12, cols: 80))
        _ = send(&t, .char("G"), .char("R"))
        let before = rows(t)[1...9]
        _ = t.update(.message(.feed(.inboxMajor, .newer, .success(Self.newer))))
        #expect(rows(t)[1...9] == before)
    }

    @Test func theNewLineSitsOverTheReadingPositionAndUReadsUpward() {
        var s = refreshed()
        expectScreen(buffer(s), #"""
        | [1 Inbox 2] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.                   |
        |──── 2 new above ────                                                           |
        |Bob B.  bob@pump.example                                                      5m|
        |  Hello world & a link[1]                                                       |
        |                                                                                |
        |  • one                                                                         |
        |  • two                                                                         |
        |  [1] https://x.example/page                                                    |
        |  2 likes · 1 reply · 0 shares                                                  |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  2h|
        |  Carol C. shared a note                                                        |
        |  ↳ Bob B.                                                                      |
        |  Shared text                                                                   |
        |  1 like · 0 replies · 1 share · ♥ you liked · ↻ you shared                     |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  1d|
        |  Carol C. started following Alice A.                                           |
        |                                                                                |
        |Alice A.  alice@pump.example                                                  2d|
        |  [deleted]                                                                     |
        |                                                                                |
        |Inbox: 2 new · u jumps to them                                                  |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
        // u: the oldest unread item, read now; the line moves above it with what is left.
        #expect(send(&s, .char("u")) == ["saveReadMarker inboxMajor n1"])
        #expect(s.selectedItem?.id == "n1")
        var r = rows(s)
        #expect(r[0].hasPrefix(" [1 Inbox 1] 2 Meanwhile"))
        #expect(r[1] == "──── 1 new above ────")
        #expect(r[2].hasPrefix("Carol C.  carol@pump.example"))
        #expect(r[22] == "1 new above · k reads on")
        // Reading up to the top clears the count and the line.
        #expect(send(&s, .char("k")) == ["saveReadMarker inboxMajor n2"])
        #expect(s.unread(.inboxMajor) == 0)
        r = rows(s)
        #expect(r[0].hasPrefix(" [1 Inbox] 2 Meanwhile"))
        #expect(!r[1...21].contains { $0.contains("new above") })
        #expect(send(&s, .char("u")) == [])
        #expect(rows(s)[22] == "Nothing unread in Inbox.")
    }

    @Test func ownPostsAreNeverNew() {
        var s = F.screen(size)
        let mine = Feed.decode(Data(#"""
        {"items":[{"id":"own","verb":"post","published":"2026-03-10T11:59:00Z","actor":\#(F.person("alice", "Alice A.")),
          "object":{"objectType":"note","id":"https://pump.example/api/note/own","content":"Mine",
            "author":\#(F.person("alice", "Alice A."))}}]}
        """#.utf8))!
        let effects = jobs(s.update(.message(.feed(.inboxMajor, .newer, .success(mine)))))
        #expect(effects == ["saveReadMarker inboxMajor own"])
        #expect(s.unread(.inboxMajor) == 0)
    }

    /// The greeting waits for the current tab's news. CI saw a cached start where Notifications
    /// answered first: the greeting was used up off screen and the inbox said only
    /// "Inbox: 1 item".
    @Test func theGreetingWaitsForTheCurrentTab() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.clock = { F.now }
        _ = s.update(.start(size))
        _ = s.update(.message(.cached(CacheSnapshot(timelines: [.inboxMajor: F.inbox]))))
        _ = s.update(.message(.feed(.notifications, .first, .success(Feed()))))
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(Self.newer))))
        #expect(rows(s)[22].contains("Logged in as Alice A. (alice@pump.example)"))
    }

    @Test func cachedStartShowsAtOnceThenAsksForNewer() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.clock = { F.now }
        _ = s.update(.start(size))
        let snapshot = CacheSnapshot(timelines: [.inboxMajor: F.inbox],
                                     markers: [.inboxMajor: ReadMarker(itemID: "a1", published: F.inbox.items[0].published)])
        let effects = jobs(s.update(.message(.cached(snapshot))))
        #expect(effects == ["feed inboxMajor newer", "feed notifications first"])
        #expect(rows(s)[1].hasPrefix("Bob B.  bob@pump.example"))
        #expect(rows(s)[22].contains("Inbox: 6 cached items · updating…"))
        // The first news after a cached start shows at the top, the line where reading stopped.
        var online = s
        _ = online.update(.message(.feed(.inboxMajor, .newer, .success(Self.newer))))
        let top = rows(online)
        #expect(top[0].hasPrefix(" [1 Inbox 2]"))
        #expect(top[1].hasPrefix("Bob B.  bob@pump.example") && top[2] == "  Second new post")
        #expect(top[9] == "──── 2 new above ────")
        // The server is down: the cached items stay, the title says offline.
        _ = s.update(.message(.feed(.inboxMajor, .newer, .failure(ClientFailure(message: "Could not connect to pump.example: connection refused", offline: true)))))
        let r = rows(s)
        #expect(r[0].hasPrefix(" offline · [1 Inbox]"))
        #expect(r[1].hasPrefix("Bob B.  bob@pump.example"))
        #expect(r[22].contains("Offline: Could not connect to pump.example"))
        // Back online: the word goes.
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(Feed()))))
        #expect(rows(s)[0].hasPrefix(" [1 Inbox]"))
    }

    /// The first tab's cached rows come first (one timeline decoded, not all); the other
    /// timelines follow, and only then is Notifications asked of the server, once.
    @Test func theFirstTabIsReadBeforeTheRest() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.clock = { F.now }
        #expect(jobs(s.update(.start(size))) == ["cached inboxMajor"])
        var first = CacheSnapshot(timelines: [.inboxMajor: F.inbox])
        first.complete = false
        #expect(jobs(s.update(.message(.cached(first)))) == ["cached all", "feed inboxMajor newer"])
        #expect(rows(s)[1].hasPrefix("Bob B.  bob@pump.example"))
        #expect(rows(s)[22].contains("Inbox: 6 cached items · updating…"))
        // The rest: Inbox is there already (kept, not asked again); Notifications is asked for.
        let rest = CacheSnapshot(timelines: [.inboxMajor: Feed(), .notifications: Feed(items: [])])
        #expect(jobs(s.update(.message(.cached(rest)))) == ["feed notifications newer"])
        #expect(s.timelineItems(.inboxMajor).count == 6)
        #expect(rows(s)[22].contains("Inbox: 6 cached items · updating…"))
    }

    @Test func refreshZeroMeansNoTimer() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.refreshSeconds = 0
        let effects = s.update(.start(size))
        #expect(!effects.contains { if case .after = $0 { return true }; return false })
    }

    /// Bob replied to and liked alice's note, carol followed her, dave posted to the public.
    static let minorJSON = """
    {"items":[
      {"id":"m3","verb":"post","published":"2026-03-10T11:50:00Z","actor":\(F.person("bob", "Bob B.")),
       "to":[{"objectType":"person","id":"acct:alice@pump.example"}],
       "object":{"objectType":"comment","id":"https://pump.example/api/comment/r1","content":"Good point, Alice",
        "author":\(F.person("bob", "Bob B.")),
        "inReplyTo":{"objectType":"note","id":"https://pump.example/api/note/mine","content":"My own note",
          "author":\(F.person("alice", "Alice A."))}}},
      {"id":"m2","verb":"favorite","published":"2026-03-10T11:40:00Z","actor":\(F.person("bob", "Bob B.")),
       "object":{"objectType":"note","id":"https://pump.example/api/note/mine","content":"My own note",
        "author":\(F.person("alice", "Alice A."))}},
      {"id":"m1","verb":"follow","published":"2026-03-10T10:00:00Z","actor":\(F.person("carol", "Carol C.")),
       "object":\(F.person("alice", "Alice A."))},
      {"id":"m0","verb":"favorite","published":"2026-03-10T09:00:00Z","actor":\(F.person("dave", "Dave")),
       "object":{"objectType":"note","id":"https://pump.example/api/note/other","content":"Not mine",
        "author":\(F.person("bob", "Bob B."))}}]}
    """

    @Test func notificationsSayWhoDidWhatToWhichPost() {
        let me = Notifications.Me(id: "acct:alice@pump.example", webfinger: "alice@pump.example")
        let built = Notifications.build(Feed.decode(Data(Self.minorJSON.utf8))!.items, me: me)
        #expect(built.map(\.id) == ["m3", "m2", "m1"])
        var s = F.screen(size)
        // The second follow (a3, a day old) is in the Inbox the screen has: Notifications come
        // from every timeline, not only the notifications page.
        _ = s.update(.message(.cached(CacheSnapshot(timelines: [.notifications: Feed(items: built)]))))
        _ = send(&s, .char("6"))
        expectScreen(buffer(s), #"""
        | 1 Inbox 2 Meanwhile 3 Direct 4 Mine 5 Favorites [6 Notifications]              |
        |Bob B.  bob@pump.example                                                     10m|
        |  Bob B. replied to your note “My own note”                                     |
        |  in reply to Alice A.                                                          |
        |  Good point, Alice                                                             |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        |Bob B.  bob@pump.example                                                     20m|
        |  Bob B. liked your note “My own note”                                          |
        |  ↳ Alice A.                                                                    |
        |  My own note                                                                   |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  2h|
        |  Carol C. started following you                                                |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  1d|
        |  Carol C. started following you                                                |
        |                                                                                |
        | End of Notifications.                                                          |
        |                                                                                |
        |                                                                                |
        |⠋ Notifications                                                                 |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
    }

    @Test func colonFiltersByPersonOrImagesAndEmptyShowsAll() {
        var s = F.screen(size)
        _ = send(&s, .char(":"))
        for c in "@carol" { _ = send(&s, .char(c)) }
        _ = send(&s, .enter)
        #expect(s.items.map(\.id) == ["a2", "a3"])
        #expect(rows(s)[0].hasPrefix(" filter from carol · [1 Inbox]"))
        _ = send(&s, .char(":"))
        for c in "images" { _ = send(&s, .char(c)) }
        _ = send(&s, .enter)
        #expect(s.items.isEmpty)
        #expect(rows(s)[2].contains("No post here with images."))
        _ = send(&s, .char(":"), .enter)
        #expect(s.items.count == 6)
    }

    @Test func slashSearchesTheCacheAndShowsResultsAsAList() {
        var s = F.screen(size)
        _ = send(&s, .char("/"))
        for c in "wave" { _ = send(&s, .char(c)) }
        #expect(send(&s, .enter) == ["search wave"])
        _ = s.update(.message(.page(.searched("wave", .success([F.inbox.items[4]])))))
        let r = rows(s)
        #expect(r[0].hasPrefix(" Search · wave"))
        #expect(r[1].hasPrefix("Dave  dave@remote.example"))
        #expect(r[22] == "1 match · ] and [ go through them in a timeline")
        // Back in the inbox, ] goes to the next item holding the word.
        _ = send(&s, .char("q"))
        _ = send(&s, .char("]"))
        #expect(s.selectedItem?.id == "a5")
    }
}
