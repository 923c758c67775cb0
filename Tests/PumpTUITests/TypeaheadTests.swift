import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Keys arrive in bursts over SSH: every key goes to the screen the keys before it opened,
/// however long that screen's own loading takes (issue 10, "Keys typed ahead").
@Suite struct TypeaheadTests {
    typealias F = ClientFixtures

    /// `n` and the text in one burst, all before the draft read comes back: the letters that
    /// are timeline commands (l s j k d e p f) are text, and ^D sends exactly that text.
    @Test(arguments: ["n", "r"]) func aBurstAfterOpeningTheEditorIsItsText(opener: Character) {
        var s = F.screen()
        let before = s.items
        let text = "Hello world, liking jokes; deep fun"
        var effects = s.update(.input(.key(.char(opener))))
        for ch in text { effects += s.update(.input(.key(.char(ch)))) }
        effects += s.update(.input(.key(.ctrl("d"))))
        // Only the draft read (and the editor's lists and people), no verb, no feed.
        #expect(jobs(effects).count == 2 && jobs(effects).last == "audienceData")
        #expect(jobs(effects).first?.hasPrefix("openComposer") == true)
        let mode: Composer.Mode = opener == "n" ? .note : .reply(to: s.items[0].object!)
        let sent = jobs(s.update(.message(.compose(.ready(mode, nil)))))
        #expect(sent == ["compose \(text)"])
        #expect(s.items == before && s.list.selected == 0)
    }

    /// A restored draft comes first; the keys typed meanwhile land after it.
    @Test func typedKeysFollowARestoredDraft() {
        var s = F.screen()
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.input(.paste(" and more")))
        _ = s.update(.message(.compose(.ready(.note, Draft(kind: .note, text: "from before")))))
        guard let c = s.compose.composer else { Issue.record("no composer"); return }
        #expect(c.draft.text == "from before and more")
    }

    /// The editor shows at once (no frame of the timeline taking the keys) and a shutdown before
    /// the draft is read leaves the saved draft alone.
    @Test func theEditorIsUpBeforeItsDraftIsRead() {
        var s = F.screen()
        _ = s.update(.input(.key(.char("n"))))
        #expect(s.contexts.first == .editor)
        #expect(jobs(s.update(.shutdown(.hangUp))).isEmpty)
    }

    /// Help, the follow prompt and the confirm dialog open in the same update as their key.
    @Test func overlaysTakeTheVeryNextKey() {
        var s = F.screen()
        _ = s.update(.input(.key(.char("F"))))
        _ = s.update(.input(.key(.char("l"))))
        guard case .prompt(let box, _)? = s.modal else { Issue.record("no prompt"); return }
        #expect(box.text == "l")
        s.modal = nil
        _ = s.update(.input(.key(.char("?"))))
        #expect(jobs(s.update(.input(.key(.char("l"))))).isEmpty)
    }
}
