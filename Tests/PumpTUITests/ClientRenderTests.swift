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
        _ = s.update(.message(.page(.thread(rootID: root.id, offset: 0, .success(ThreadPage(root: root, replies: replies))))))
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
        _ = s.update(.message(.page(.profile(personID: "acct:bob@pump.example", .success(ProfilePage(person: bob, posts: F.inbox))))))
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
        // The editor's keys come last in a timeline's help (issue 14).
        #expect(end.contains("Delete the word before the cursor"))
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
        // The tab holds what its byte budget allows (issue 23): still well over a thousand here.
        #expect(s.items.count > 1_000)
        _ = s.update(.input(.key(.char("G"))))
        _ = F.text(s)
        #expect(s.list.selected == s.items.count - 1)
        #expect(s.cache.count < 40)
    }
}

/// The modal things the client draws over its pages.
@Suite struct ClientModalRenderTests {
    typealias F = ClientFixtures

    @Test(arguments: standardSizes) func composerInsideTheClient(size: Size) {
        var s = F.screen(size)
        _ = s.update(.input(.key(.char("r"))))
        _ = s.update(.message(.compose(.ready(.reply(to: s.items[0].object!), nil))))
        _ = s.update(.input(.paste("my answer")))
        let lines = F.text(s)
        #expect(lines.joined(separator: "\n").contains("my answer"))
        #expect(lines[size.rows - 1].contains("^D send"))
        #expect(!lines[size.rows - 1].contains("q quit"))
        #expect(lines.count == size.rows)
    }

    /// The editor covers the whole body: nothing of the timeline underneath shows through.
    @Test(arguments: standardSizes) func composerHidesTheTimeline(size: Size) {
        var s = F.screen(size)
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        guard let composer = s.compose.composer else { Issue.record("no composer"); return }
        let body = ScreenFrame(size: size).body
        var alone = CellBuffer(size: size)
        composer.render(into: &alone, area: body)
        let lines = F.text(s), expected = alone.trimmedLines()
        for row in body.row..<(body.row + body.rows) { #expect(lines[row] == expected[row]) }
    }

    @Test(arguments: standardSizes) func followPromptAndDeleteDialog(size: Size) {
        var s = F.screen(size)
        _ = s.update(.input(.key(.char("F"))))
        #expect(F.text(s).joined().contains("Follow (nick@host):"))
        _ = s.update(.input(.key(.escape)))
        for _ in 0..<5 { _ = s.update(.input(.key(.char("j")))) }
        _ = s.update(.input(.key(.char("d"))))
        let all = F.text(s).joined(separator: "\n")
        #expect(all.contains("[ Delete ]") && all.contains("[ Keep ]"))
        #expect(F.text(s)[size.rows - 1].contains("y yes"))
    }
}

@Suite struct ClientSafetyTests {
    /// An image whose file name decodes to an escape sequence still renders as plain text.
    @Test func imageNamesAreSanitized() {
        let json = #"{"items":[{"objectType":"image","id":"https://pump.example/api/image/i1","#
            + #""author":{"id":"acct:eve@pump.example"},"image":{"url":"https://pump.example/uploads/a%1B%5B2Jb.png"}}]}"#
        let s = ClientFixtures.screen(feed: Feed.decode(Data(json.utf8))!)
        let all = ClientFixtures.text(s).joined(separator: "\n")
        #expect(all.contains("[image]"))
        #expect(!all.unicodeScalars.contains { $0.value == 0x1b })
        #expect(!all.contains("[2J"))                        // the whole sequence is gone, not just ESC
    }
}
