import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 25's bugs, each the way it was seen: state that outlives one tab (the same activity in
/// two tabs, unread counts, notification wording, edits and deletions) comes from one store.
@Suite struct StoreBugTests {
    typealias F = ClientFixtures
    static let me = Notifications.Me(id: "acct:alice@pump.example", webfinger: "alice@pump.example")

    static func feed(_ items: String) -> Feed { Feed.decode(Data("{\"items\":[\(items)]}".utf8))! }

    static let note = """
        {"objectType":"note","id":"https://pump.example/api/note/mine","content":"My own note",
         "published":"2026-03-10T09:00:00Z","author":\(F.person("alice", "Alice A."))}
        """
    static let dm = """
        {"id":"d1","verb":"post","published":"2026-03-10T11:50:00Z","actor":\(F.person("bob", "Bob B.")),
         "to":[{"objectType":"person","id":"acct:alice@pump.example"}],
         "object":{"objectType":"note","id":"https://pump.example/api/note/psst","content":"Psst, Alice",
          "published":"2026-03-10T11:50:00Z","author":\(F.person("bob", "Bob B.")),
          "to":[{"objectType":"person","id":"acct:alice@pump.example"}]}}
        """
    static let reply = """
        {"id":"r1","verb":"post","published":"2026-03-10T11:45:00Z","actor":\(F.person("bob", "Bob B.")),
         "to":[{"objectType":"person","id":"acct:alice@pump.example"}],
         "object":{"objectType":"comment","id":"https://pump.example/api/comment/r1","content":"Good point",
          "published":"2026-03-10T11:45:00Z","author":\(F.person("bob", "Bob B.")),"inReplyTo":\(note)}}
        """

    func send(_ s: inout ClientScreen, _ key: Character) -> [String] { jobs(s.update(.input(.key(.char(key))))) }

    func screenText(_ s: ClientScreen) -> String { F.text(s).joined(separator: "\n") }

    /// Direct (or Meanwhile) and Notifications hold the same activity: each tab says it its own
    /// way, whichever of the two loaded last (both orders).
    @Test(arguments: [(FeedKind.direct, "3", dm, "sent you a direct message"),
                      (FeedKind.inboxMinor, "2", reply, "replied to your note")])
    func theSameActivityReadsTheSameWhicheverTabLoadedLast(tab: FeedKind, key: String, json: String, line: String) {
        for tabFirst in [true, false] {
            var s = F.screen()
            let raw = Self.feed(json)
            let built = Feed(items: Notifications.build(raw.items, me: Self.me))
            let loads: [(FeedKind, Feed)] = tabFirst ? [(tab, raw), (.notifications, built)] : [(.notifications, built), (tab, raw)]
            for (kind, feed) in loads {
                _ = s.update(.message(.feed(kind, .first, .success(feed))))
                // Each tab is looked at as it loads, as a user switching tabs does.
                _ = send(&s, kind == .notifications ? "6" : Character(key))
                _ = screenText(s)
            }
            _ = send(&s, "6")
            #expect(screenText(s).contains(line), "Notifications after \(tabFirst ? tab.title : "Notifications") first")
            _ = send(&s, Character(key))
            #expect(!screenText(s).contains(line), "\(tab.title) after \(tabFirst ? tab.title : "Notifications") first")
        }
    }

    /// The refresh timer and R keep Direct's and Notifications' counts current, not only the
    /// tab on screen.
    @Test func theTimerAndRRefreshDirectAndNotificationsToo() {
        var s = F.screen()
        _ = s.update(.message(.feed(.direct, .first, .success(Self.feed(Self.dm)))))
        _ = s.update(.message(.feed(.notifications, .first, .success(Feed()))))
        #expect(Set(jobs(s.update(.message(.refreshTimer)))) == ["feed inboxMajor newer", "feed direct newer", "feed notifications newer"])
        s.running = 0
        for kind in FeedKind.allCases { s.timelines[kind]?.loadingNewer = false }
        #expect(Set(send(&s, "R")) == ["feed inboxMajor newer", "feed direct newer", "feed notifications newer"])
    }

    /// A new direct message raises Direct's count in the tab bar.
    @Test func directGetsACount() {
        var s = F.screen()
        _ = s.update(.message(.feed(.direct, .first, .success(Self.feed(Self.reply)))))
        _ = s.update(.message(.feed(.direct, .newer, .success(Self.feed(Self.dm)))))
        #expect(s.unread(.direct) == 1)
        #expect(F.text(s)[0].contains("3 Direct 1"))
    }

    /// My own like and reply never count as new, wherever they sit among others' items.
    @Test func ownActionsAreNeverUnread() {
        var s = F.screen()
        _ = s.update(.message(.feed(.inboxMinor, .first, .success(Self.feed(Self.dm)))))
        let mine = """
            {"id":"own-like","verb":"favorite","published":"2026-03-10T11:59:00Z","actor":\(F.person("alice", "Alice A.")),
             "object":{"objectType":"note","id":"https://pump.example/api/note/n1","content":"Hello",
              "author":\(F.person("bob", "Bob B."))}},
            \(Self.reply),
            {"id":"own-reply","verb":"post","published":"2026-03-10T11:40:00Z","actor":\(F.person("alice", "Alice A.")),
             "object":{"objectType":"comment","id":"https://pump.example/api/comment/own","content":"Thanks",
              "author":\(F.person("alice", "Alice A.")),"inReplyTo":{"id":"https://pump.example/api/note/n1"}}}
            """
        _ = s.update(.message(.feed(.inboxMinor, .newer, .success(Self.feed(mine)))))
        #expect(s.unread(.inboxMinor) == 1)   // Bob's reply only
    }

    /// Switching to a tab with new items shows them, not the "N new above" line with the news
    /// off screen.
    @Test func switchingToATabWithNewsShowsTheNews() {
        var s = F.screen(Size(rows: 12, cols: 80))
        _ = send(&s, "2")
        _ = s.update(.message(.feed(.inboxMinor, .first, .success(F.inbox))))
        _ = send(&s, "1")
        _ = s.update(.message(.feed(.inboxMinor, .newer, .success(Self.feed(Self.dm)))))
        _ = send(&s, "2")
        #expect(screenText(s).contains("Psst, Alice"))
    }

    /// "Bob replied to you" was said of Bob's reply to Carol's comment in my thread.
    @Test func aReplyToSomeoneElsesCommentSaysWhose() {
        let carols = """
            {"objectType":"comment","id":"https://pump.example/api/comment/c1","content":"Carol's comment",
             "author":\(F.person("carol", "Carol C.")),"inReplyTo":\(Self.note)}
            """
        let json = """
            {"id":"r2","verb":"post","published":"2026-03-10T11:45:00Z","actor":\(F.person("bob", "Bob B.")),
             "cc":[{"objectType":"person","id":"acct:alice@pump.example"}],
             "to":[{"objectType":"person","id":"acct:alice@pump.example"}],
             "object":{"objectType":"comment","id":"https://pump.example/api/comment/r2","content":"I agree, Carol",
              "author":\(F.person("bob", "Bob B.")),"inReplyTo":\(carols)}}
            """
        let built = Notifications.build(Self.feed(json).items, me: Self.me)
        #expect(built.first?.activity?.summaryLine.hasPrefix("Bob B. replied to Carol C.’s comment") == true)
    }

    /// A like known only from my post's likes collection carries no time (pump.io does not
    /// deliver the like to the author): found by hand on the real pump.io, it showed the post's
    /// age ("13m" for a like a minute old). No time is shown rather than a wrong one.
    @Test func aLikeWithoutATimeShowsNone() {
        var s = F.screen()
        _ = send(&s, "6")
        let post = """
            {"id":"p1","verb":"post","published":"2026-03-10T10:00:00Z","actor":\(F.person("alice", "Alice A.")),
             "object":{"objectType":"note","id":"https://pump.example/api/note/mine2","content":"Liked note",
              "published":"2026-03-10T10:00:00Z","author":\(F.person("alice", "Alice A.")),
              "likes":{"totalItems":1,"items":[\(F.person("bob", "Bob B."))]}}}
            """
        let built = Notifications.build(Self.feed(post).items, me: Self.me)
        _ = s.update(.message(.feed(.notifications, .first, .success(Feed(items: built)))))
        let rows = F.text(s)
        guard let i = rows.firstIndex(where: { $0.hasPrefix("Bob B.  bob@pump.example") }) else { Issue.record("no like: \(rows)"); return }
        #expect(rows[i + 1].hasPrefix("  Bob B. liked your note"))
        #expect(rows[i].trimmingCharacters(in: .whitespaces) == "Bob B.  bob@pump.example")
    }

    /// Notifications from two refreshes come newest first.
    @Test func notificationsStayInTimeOrderAcrossRefreshes() {
        var s = F.screen()
        let first = Notifications.build(Self.feed(Self.dm).items, me: Self.me)       // 11:50
        _ = s.update(.message(.feed(.notifications, .first, .success(Feed(items: first)))))
        let later = """
            {"id":"f9","verb":"follow","published":"2026-03-10T11:59:00Z","actor":\(F.person("carol", "Carol C.")),
             "object":\(F.person("alice", "Alice A."))},
            {"id":"l9","verb":"favorite","published":"2026-03-10T11:30:00Z","actor":\(F.person("bob", "Bob B.")),
             "object":\(Self.note)}
            """
        let second = Notifications.build(Self.feed(later).items, me: Self.me)
        _ = s.update(.message(.feed(.notifications, .newer, .success(Feed(items: second)))))
        // a3: Carol's follow in the Inbox the screen has (notifications come from every tab).
        #expect(s.timelineItems(.notifications).map(\.id) == ["f9", "d1", "l9", "a3"])
    }

    /// An edit (an `update` activity in Meanwhile) reaches the copy of the post in Inbox; a
    /// deletion (`delete`) shows the post as deleted there.
    @Test func editsAndDeletionsReachEveryTab() {
        var s = F.screen()
        let update = """
            {"id":"u1","verb":"update","published":"2026-03-10T11:59:00Z","actor":\(F.person("bob", "Bob B.")),
             "object":{"objectType":"note","id":"https://pump.example/api/note/n1","content":"Hello, edited",
              "updated":"2026-03-10T11:59:00Z","author":\(F.person("bob", "Bob B."))}},
            {"id":"x1","verb":"delete","published":"2026-03-10T11:58:00Z","actor":\(F.person("bob", "Bob B.")),
             "object":{"objectType":"note","id":"https://pump.example/api/note/n2","author":\(F.person("bob", "Bob B."))}}
            """
        _ = s.update(.message(.feed(.inboxMinor, .first, .success(Self.feed(update)))))
        let inbox = s.timelineItems(.inboxMajor)
        #expect(inbox.first { $0.object?.id == "https://pump.example/api/note/n1" }?.object?.content == "Hello, edited")
        #expect(inbox.first { $0.object?.id == "https://pump.example/api/note/n2" }?.object?.isDeleted == true)
    }

    /// Counts refresh when the object is fetched again (a thread's root), in every tab and in the
    /// cache (before: they stayed as first loaded).
    @Test func countsRefreshWhenTheObjectIsFetchedAgain() {
        var s = F.screen()
        guard var root = s.timelineItems(.inboxMajor).first?.object else { Issue.record("no item"); return }
        _ = s.update(.input(.key(.enter)))
        root.likes = CollectionSummary(totalItems: 7)
        let effects = s.update(.message(.page(.thread(rootID: root.id, offset: 0, .success(ThreadPage(root: root, replies: Feed()))))))
        #expect(s.timelineItems(.inboxMajor).first?.object?.likes?.totalItems == 7)
        #expect(jobs(effects).contains("saveRevisions \(root.id)"))
    }
}

/// Found by hand on the packaged binary against the real pump.io (session 22).
@Suite struct HandFoundTests {
    typealias F = ClientFixtures

    /// Enter on a post the store knows deleted: its replies answer 410; the thread says it was
    /// deleted (before: "Server answered HTTP 410: Deleted").
    @Test func aKnownDeletedPostsThreadSaysSo() async {
        let r = ClientWorkerTests.Requester()
        var root = PumpObject(id: "https://pump.example/api/note/gone", objectType: "note")
        root.isDeleted = true
        root.replies = CollectionSummary(url: URL(string: "https://pump.example/api/note/gone/replies"), totalItems: 1)
        r.statuses["https://pump.example/api/note/gone/replies?count=20"] = (410, #"{"error":"Deleted"}"#)
        r.statuses["https://pump.example/api/note/gone/replies?offset=0&count=20"] = (410, #"{"error":"Deleted"}"#)
        let worker = ClientWorker(api: PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!))
        let msg = await worker.perform(.page(.thread(root, offset: 0)))
        guard case .page(.thread(_, _, .failure(let f))) = msg else { Issue.record("\(msg)"); return }
        #expect(f.message == "This post was deleted." && f.deleted)
    }
}
