import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// What the user's own actions leave behind: one like per intention, numbers that cannot trap,
/// a status that says what happened (issue 10).
@Suite struct OwnActionTests {
    typealias F = ClientFixtures

    func key(_ s: inout ClientScreen, _ k: Key) -> [String] { jobs(s.update(.input(.key(k)))) }

    /// A page without `liked` (some servers never send it), like the note, the page comes again
    /// still without it: `l` now unlikes; it never sends a second like.
    @Test func aServerThatForgetsLikedDoesNotGetASecondLike() {
        let json = F.inboxJSON.replacingOccurrences(of: #""liked":false,"#, with: "")
        let feed = Feed.decode(Data(json.utf8))!
        #expect(feed.items[0].object?.liked == nil)
        var s = F.screen(feed: feed)
        #expect(key(&s, .char("l")) == ["verb like https://pump.example/api/note/n1"])
        let like = VerbRequest(kind: .like, object: feed.items[0].object, undo: nil)
        _ = s.update(.message(.verb(like, .success(Activity(id: "x", verb: .like)))))
        _ = s.update(.message(.feed(.inboxMajor, .first, .success(feed))))    // reloaded, no `liked`
        #expect(s.items[0].object?.liked == true)
        #expect(key(&s, .char("l")) == ["verb unlike https://pump.example/api/note/n1"])
    }

    @Test func aLikeSaysWhatItLikedAndHowToUndoIt() {
        var s = F.screen()
        _ = key(&s, .char("l"))
        let like = VerbRequest(kind: .like, object: s.items[0].object, undo: nil)
        _ = s.update(.message(.verb(like, .success(Activity(id: "x", verb: .like)))))
        #expect(s.status.message == "Liked Bob B.'s note · l again undoes")
    }

    /// `likes.totalItems` of Int.max and `l`: an overflow trap once; now the count saturates.
    @Test func hugeServerCountsDoNotTrap() {
        let json = F.inboxJSON.replacingOccurrences(of: #""likes":{"totalItems":2}"#,
                                                    with: #""likes":{"totalItems":9223372036854775807}"#)
        var s = F.screen(feed: Feed.decode(Data(json.utf8))!)
        _ = key(&s, .char("l"))
        #expect(s.items[0].object?.likes?.totalItems == Int.max)
        #expect(Int.max.saturatingAdd(1) == .max && Int.min.saturatingAdd(-1) == .min && 2.saturatingAdd(-3) == -1)
    }

    /// After posting, the refresh that follows keeps "Posted." on the status line, and Mine
    /// (opened earlier) is refreshed too instead of waiting for R.
    @Test func postedStaysVisibleAndMineRefreshes() {
        var s = F.screen()
        _ = s.update(.message(.feed(.outbox, .first, .success(F.inbox))))
        _ = key(&s, .char("n"))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        _ = s.update(.input(.paste("hello")))
        _ = key(&s, .ctrl("d"))
        let after = jobs(s.update(.message(.compose(.sent(.note, .success(Activity(id: "p", verb: .post)))))))
        #expect(after.contains("feed outbox newer") && after.contains("feed inboxMajor newer"))
        #expect(s.status.message == "Posted.")
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(Feed()))))
        #expect(s.status.message == "Posted. · No new items.")
        _ = s.update(.message(.feed(.outbox, .newer, .success(Feed()))))
        #expect(s.status.message == "Posted. · No new items.")     // a background tab says nothing
    }

    @Test func leavingAThreadTakesItsStatusAlong() {
        var s = F.screen()
        _ = s.update(.input(.key(.enter)))
        _ = s.update(.message(.page(.thread(rootID: s.items[0].object!.id, offset: 0,
                                      .success(ThreadPage(root: s.items[0].object!, replies: Feed()))))))
        #expect(s.status.message == "No replies yet.")
        _ = key(&s, .char("q"))
        #expect(s.status.message == "Inbox")
    }

    @Test func countsReadAsWords() {
        #expect(Plural.count(1, "item") == "1 item" && Plural.count(0, "item") == "0 items")
        #expect(Plural.count(1, "reply", "replies") == "1 reply" && Plural.count(2, "reply", "replies") == "2 replies")
    }
}

/// F1 in the editor did nothing though the footer offered it (issue 10).
@Suite struct EditorHelpTests {
    @Test func f1OpensHelpOverTheEditorAndEscReturnsToIt() {
        var s = ClientFixtures.screen()
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        _ = s.update(.input(.paste("half a thought")))
        _ = s.update(.input(.key(.f(1))))
        #expect(s.contexts == [.help])
        #expect(ClientFixtures.text(s).joined(separator: "\n").contains("Editor"))
        _ = s.update(.input(.key(.escape)))
        guard let c = s.compose.composer else { Issue.record("the editor is gone"); return }
        #expect(c.draft.text == "half a thought")
        #expect(jobs(s.update(.shutdown(.hangUp))) == ["draft save note"])
    }
}
