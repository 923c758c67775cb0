import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The pickers on their own (issue 25's sub-models): each owns its rows and keys and says what
/// was chosen; no client screen is involved.
@Suite struct PickerTests {
    let keymap = Keymap.standard
    func key(_ k: Key) -> InputEvent { .key(k) }

    func chosen<C>(_ step: PickerStep<C>) -> C? { if case .chosen(let c) = step { return c }; return nil }
    func isOpen<C>(_ step: PickerStep<C>) -> Bool { if case .open = step { return true }; return false }
    func isClosed<C>(_ step: PickerStep<C>) -> Bool { if case .closed = step { return true }; return false }

    @Test func theLinksChooserTakesADigitOrTheSelectedRow() throws {
        var chooser = try #require(LinkChooser(purpose: .copy, itemURL: "https://h.example/note/1",
                                               links: ["https://a.example", "https://b.example"]))
        #expect(chooser.rows == ["0  this item  https://h.example/note/1", "1  https://a.example", "2  https://b.example"])
        #expect(chosen(chooser.handle(key(.char("2")), keymap: keymap))?.url == "https://b.example")
        #expect(isOpen(chooser.handle(key(.char("j")), keymap: keymap)) && chooser.list.selected == 1)
        #expect(isOpen(chooser.handle(key(.char("9")), keymap: keymap)), "no link 9: nothing happens")
        let enter = try #require(chosen(chooser.handle(key(.enter), keymap: keymap)))
        #expect(enter.url == "https://a.example")
        let effect: Effect<ClientMessage, ClientJob> = chooser.effect(for: enter)
        guard case .copyToClipboard("https://a.example") = effect else { Issue.record("\(effect)"); return }
        #expect(isClosed(chooser.handle(key(.escape), keymap: keymap)))
    }

    @Test func aLinksChooserNeedsTwoChoices() {
        #expect(LinkChooser(purpose: .open, itemURL: nil, links: ["https://a.example"]) == nil)
        #expect(LinkChooser(purpose: .open, itemURL: "https://h.example/n", links: []) == nil)
    }

    @Test func whoseProfileOpensTheChosenPerson() {
        let carol = Person(id: "acct:carol@h.example", preferredUsername: "carol", displayName: "Carol C.")
        let bob = Person(id: "acct:bob@h.example", preferredUsername: "bob", displayName: "Bob B.")
        var picker = PeoplePicker(people: [carol, bob])
        #expect(isOpen(picker.handle(key(.char("j")), keymap: keymap)))
        #expect(isOpen(picker.handle(.paste("x"), keymap: keymap)), "a paste is no choice")
        #expect(chosen(picker.handle(key(.enter), keymap: keymap))?.id == "acct:bob@h.example")
        #expect(isClosed(picker.handle(key(.char("q")), keymap: keymap)))
        var buffer = CellBuffer(size: Size(rows: 10, cols: 60))
        picker.render(into: &buffer, body: Rect(row: 0, col: 0, rows: 10, cols: 60))
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("Whose profile? Enter opens") && text.contains("Carol C.  carol@h.example"))
    }

    @Test func theAccountsPickerSwitchesOrAdds() throws {
        let bob = try AccountID(parsing: "bob@h.example"), carol = try AccountID(parsing: "carol@h.example")
        var picker = AccountPicker(accounts: [bob, carol])
        #expect(picker.rows == ["bob@h.example", "carol@h.example", "Add an account…"])
        #expect(chosen(picker.handle(key(.enter), keymap: keymap)) == .account(bob))
        _ = picker.handle(key(.down), keymap: keymap); _ = picker.handle(key(.char("j")), keymap: keymap)
        #expect(picker.list.selected == 2)
        #expect(chosen(picker.handle(key(.enter), keymap: keymap)) == .add)
        #expect(isOpen(picker.handle(key(.char("j")), keymap: keymap)) && picker.list.selected == 2, "the last row stays")
    }

    /// The client applies what was chosen: `A` then Enter hands the other account to the router.
    @Test func theClientCarriesOutTheChoice() throws {
        var s = ClientFixtures.screen()
        s.otherAccounts = [try AccountID(parsing: "bob@pump.example")]
        _ = s.update(.input(.key(.char("A"))))
        guard case .accounts? = s.modal else { Issue.record("no picker"); return }
        _ = s.update(.input(.key(.char("j"))))
        _ = s.update(.input(.key(.enter)))
        #expect(s.modal == nil && s.handoff == .addAccount)
    }
}
