import Testing
@testable import PumpTUI

/// Issue 12: the editing keys live in the keymap like every other key: help lists them where
/// a field has the cursor, every action has a stable name, and a changed binding changes what
/// the widget does.
@Suite struct EditingKeysTests {
    let size = Size(rows: 24, cols: 80)

    @Test func helpOverTheVerifierFieldListsTheEditingKeys() {
        var d = loginWithURL(size)
        let typing = d.app.contexts
        #expect(typing == [.loginTextFocused, .textField])
        d.key(.f(1))
        let text = d.text(size)
        #expect(text.contains("Editing text"))
        #expect(text.contains("Home, ^A"), "\(text)")
        // Further down (the overlay scrolls): the rest of the section.
        let all = HelpOverlay(contexts: typing).lines(width: 76).map(\.text).joined(separator: "\n")
        #expect(all.contains("^W") && all.contains("Delete the word before the cursor"))
    }

    @Test func helpInTheEditorListsRowsAndNewLine() {
        let sections = Keymap.standard.helpSections(for: [.editor, .textArea, .textField]).map(\.title)
        #expect(sections == ["Editor", "Editing a note", "Editing text", "Everywhere"])
        let note = Keymap.standard.helpSections(for: [.editor, .textArea, .textField])[1].entries.map(\.help)
        #expect(note.contains("New line") && note.contains("Up a row"))
    }

    @Test func everyActionHasAUniqueStableName() {
        let names = Action.all.map(\.name)
        #expect(Set(names).count == names.count)
        for action in Action.all { #expect(Action(name: action.name) == action) }
        #expect(Action.like.name == "like" && Action.timeline(3).name == "timeline-3")
        #expect(Action(name: "no-such-action") == nil)
    }

    /// A keymap that moves "start of line" from ^A to ^B: the field follows the table.
    @Test func aReboundEditingKeyIsWhatTheFieldObeys() {
        var keymap = Keymap.standard
        let i = keymap.bindings.firstIndex { $0.action == .lineStart }!
        keymap.bindings[i].keys = [.ctrl("b")]
        var box = TextBox()
        _ = box.handle(.paste("abc"), keymap: keymap)
        #expect(box.handle(.key(.ctrl("a")), keymap: keymap) == .ignored)
        #expect(box.cursor == 3)
        #expect(box.handle(.key(.ctrl("b")), keymap: keymap) == .handled)
        #expect(box.cursor == 0)
    }
}
