import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Every client screen as text at 80×24 and 60×20, from decoded fixtures.
@Suite struct ClientRenderTests {
    typealias F = ClientFixtures

    @Test(arguments: standardSizes) func timeline(size: Size) {
        let s = F.screen(size)
        let lines = F.text(s)
        let all = lines.joined(separator: "\n")
        #expect(lines.count == size.rows)
        #expect(lines[0].contains("[1 Inbox]"))
        #expect(all.contains("bob@pump.example"))
        #expect(all.contains("5m"))                       // relative time, right-aligned
        #expect(all.contains("Hello world & a link[1]"))
        #expect(all.contains("• one") || all.contains("- one") || all.contains("one"))
        #expect(all.contains("[1] https://x.example/page"))
        #expect(all.contains("2 likes · 1 reply · 0 shares"))
        #expect(lines[size.rows - 1].contains("q quit"))
        // Names pass the sanitizer: no escape or bell characters reach the buffer.
        #expect(!all.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        for line in lines { #expect(TextWidth.width(line) <= size.cols) }
    }

    @Test func activitiesThatAreNotPostsAndAwkwardObjects() {
        var s = F.screen(Size(rows: 60, cols: 80))
        var all = F.text(s).joined(separator: "\n")
        #expect(all.contains("Carol C. shared a note"))           // the server's sentence, as text
        #expect(all.contains("↻ you shared"))
        #expect(all.contains("♥ you liked"))
        #expect(all.contains("Carol C. started following Alice A."))
        #expect(all.contains("[deleted]"))
        // Scroll down to the unknown verb from a remote person without links.
        _ = s.update(.input(.key(.char("G"))))
        all = F.text(s).joined(separator: "\n")
        #expect(all.contains("Dave waved at you"))
        #expect(all.contains("dave@remote.example"))
        #expect(all.contains("a wave"))
    }

    @Test(arguments: standardSizes) func thread(size: Size) {
        var s = F.screen(size)
        _ = s.update(.input(.key(.enter)))
        let root = F.inbox.items[0].object!
        let replies = Feed.decode(Data(F.repliesJSON.utf8))!
        _ = s.update(.message(.thread(rootID: root.id, offset: 0, .success(ThreadPage(root: root, replies: replies)))))
        let all = F.text(s).joined(separator: "\n")
        #expect(F.text(s)[0].contains("Thread · Bob B."))
        #expect(all.contains("Hello world"))
        #expect(all.contains("Nice post!"))
        #expect(all.contains("in reply to"))
        #expect(all.contains("q/Esc back"))
    }

    @Test(arguments: standardSizes) func profile(size: Size) {
        var s = F.screen(size)
        _ = s.update(.input(.key(.char("p"))))
        let bob = Person.decode(Data(F.profileJSON.utf8))!
        _ = s.update(.message(.profile(personID: "acct:bob@pump.example", .success(ProfilePage(person: bob, posts: F.inbox)))))
        let lines = F.text(s)
        let all = lines.joined(separator: "\n")
        #expect(lines[0].contains("Profile · Bob B."))
        #expect(all.contains("I like trains"))
        #expect(all.contains("3 followers · 4 following · 5 favorites"))
        #expect(all.contains("You follow them"))
        #expect(lines[size.rows - 1].contains("f follow"))
    }

    @Test(arguments: standardSizes) func help(size: Size) {
        var s = F.screen(size)
        _ = s.update(.input(.key(.char("?"))))
        let all = F.text(s).joined(separator: "\n")
        #expect(all.contains("Help"))
        #expect(all.contains("Previous item"))
        _ = s.update(.input(.key(.char("G"))))
        let end = F.text(s).joined(separator: "\n")
        #expect(end.contains("Help: all keys") || end.contains("Switch or add accounts"))
        _ = s.update(.input(.key(.escape)))
        #expect(!F.text(s).joined().contains("Previous item"))
    }

    @Test(arguments: standardSizes) func emptyAndLoadingAndErrors(size: Size) {
        var s = ClientScreen(account: F.alice, displayName: "A", size: size)
        _ = s.update(.start(size))
        #expect(F.text(s).joined().contains("Loading Inbox…"))
        _ = s.update(.message(.feed(.inboxMajor, .first, .success(Feed()))))
        #expect(F.text(s).joined().contains("Nothing in Inbox yet"))
        _ = s.update(.input(.key(.char("2"))))
        _ = s.update(.message(.feed(.inboxMinor, .first, .failure(ClientFailure(message: "Server error 500: boom")))))
        let all = F.text(s).joined(separator: "\n")
        #expect(all.contains("Could not load Meanwhile"))
        #expect(F.text(s)[size.rows - 2].contains("Server error 500: boom"))
    }

    /// Rendering touches only visible rows: 10 000 items lay out only a screenful.
    @Test func longFeedsRenderOnlyVisibleItems() {
        let one = F.inbox.items[0]
        let many = (0..<10_000).map { i -> FeedItem in
            guard case .activity(var a) = one else { return one }
            a.id = "x\(i)"; a.object?.id = "o\(i)"
            return .activity(a)
        }
        var s = F.screen(feed: Feed(items: many))
        _ = s.update(.input(.key(.char("G"))))
        _ = F.text(s)
        #expect(s.list.selected == 9_999)
        #expect(s.cache.count < 40)
    }
}
