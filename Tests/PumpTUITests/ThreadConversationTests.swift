import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// A thread reads as a conversation (issue 10): oldest first, replies to replies under their
/// parent, `^` to the parent, `p` on a share asks whose profile.
@Suite struct ThreadConversationTests {
    typealias F = ClientFixtures

    func post(_ id: String, _ minute: Int, replyTo parent: String? = nil, replies: Int = 0) -> PumpObject {
        var o = PumpObject(id: id, objectType: parent == nil ? "note" : "comment", content: id,
                           inReplyTo: parent.map { PumpObject(id: $0) })
        o.published = Date(timeIntervalSince1970: 1_770_000_000 + Double(minute) * 60)
        if replies > 0 { o.replies = CollectionSummary(totalItems: replies) }
        return o
    }

    /// root ← a (older), b (newer, listed first by the server) ← b1 ← b1x
    func conversation() -> ClientScreen {
        var s = F.screen()
        let root = post("root", 0, replies: 2)
        _ = s.update(.input(.key(.enter)))                   // a thread page is up
        let page = ThreadPage(root: root, replies: Feed(items: [.object(post("b", 5, replyTo: "root", replies: 1)),
                                                                .object(post("a", 1, replyTo: "root"))], totalItems: 2),
                              nested: ["b": [post("b1", 7, replyTo: "b", replies: 1)], "b1": [post("b1x", 9, replyTo: "b1")]])
        guard let t = s.pages.top?.conversation else { Issue.record("no thread"); return s }
        _ = s.update(.message(.page(.thread(rootID: t.root.id, offset: 0, .success(page)))))
        return s
    }

    @Test func oldestFirstAndNested() {
        let s = conversation()
        guard let t = s.pages.top?.conversation else { Issue.record("no thread"); return }
        #expect(t.entries.map(\.object.id) == ["root", "a", "b", "b1", "b1x"])
        #expect(t.entries.map(\.depth) == [0, 1, 1, 2, 3])
        #expect(s.indentation == [3: 2, 4: 4])
        var shown = s
        var l = shown.list; l.selected = 4; shown.list = l
        shown.keepSelectionVisible()
        let rows = F.text(shown)
        let b1 = rows.firstIndex { $0.hasSuffix("  b1") }, b1x = rows.firstIndex { $0.hasSuffix("  b1x") }
        #expect(b1 != nil && b1x != nil, "\(rows)")
        if let b1, let b1x {                                   // each reply level sits 2 columns further in
            let lead = { (r: String) in r.prefix { $0 == " " }.count }
            #expect(lead(rows[b1x]) == lead(rows[b1]) + 2)
        }
    }

    @Test func caretGoesToTheParent() {
        var s = conversation()
        var l = s.list; l.selected = 4; s.list = l              // b1x
        _ = s.update(.input(.key(.char("^"))))
        #expect(s.list.selected == 3)                           // b1
        _ = s.update(.input(.key(.char("^"))))
        _ = s.update(.input(.key(.char("^"))))
        #expect(s.list.selected == 0)                           // b, then the root
    }

    @Test func enterOnANestedReplyOpensItsOwnConversation() {
        var s = conversation()
        var l = s.list; l.selected = 3; s.list = l
        let effects = jobs(s.update(.input(.key(.enter))))
        #expect(effects == ["thread b1 0"])
        #expect(s.pages.depth == 2)
    }

    @Test func pOnAShareAsksWhoseProfile() {
        var s = F.screen()
        _ = s.update(.input(.key(.char("j"))))                 // carol shared bob's note
        #expect(jobs(s.update(.input(.key(.char("p"))))).isEmpty)
        guard case .people(let picker)? = s.modal else { Issue.record("no chooser"); return }
        #expect(picker.people.map(\.label) == ["Carol C.", "Bob B."])
        #expect(F.text(s).joined(separator: "\n").contains("Whose profile?"))
        _ = s.update(.input(.key(.char("j"))))
        #expect(jobs(s.update(.input(.key(.enter)))) == ["profile acct:bob@pump.example"])
    }
}

/// The pickers (accounts, whose profile) have keys of their own: their footer offers choose
/// and close, not the list's like and share (issue 12's "the account picker reuses the thread context").
@Suite struct PickerKeysTests {
    @Test func pickerFooterOffersOnlyWhatWorks() {
        var s = ClientFixtures.screen()
        s.otherAccounts = [try! AccountID(parsing: "bob@pump.example")]
        _ = s.update(.input(.key(.char("A"))))
        #expect(s.contexts == [.picker])
        let footer = ClientFixtures.text(s).last ?? ""
        #expect(footer.contains("Enter choose") && footer.contains("close") && !footer.contains("like"))
        _ = s.update(.input(.key(.char("j"))))
        _ = s.update(.input(.key(.enter)))
        #expect(s.handoff == .addAccount)
    }
}
