import Testing
@testable import PumpTUI

@Suite struct TextBoxTests {
    func type(_ box: inout TextBox, _ s: String) { for c in s { _ = box.handle(.key(.char(c))) } }
    func press(_ box: inout TextBox, _ keys: Key...) { for k in keys { _ = box.handle(.key(k)) } }

    @Test func insertAnywhereAndDelete() {
        var box = TextBox(label: "Verifier")
        type(&box, "helo")
        press(&box, .left)
        type(&box, "l")
        #expect(box.text == "hello")
        press(&box, .home, .delete)
        #expect(box.text == "ello")
        press(&box, .end, .backspace)
        #expect(box.text == "ell")
        #expect(box.cursor == 3)
    }

    @Test func emacsKeys() {
        var box = TextBox()
        type(&box, "one two three")
        press(&box, .ctrl("w"))
        #expect(box.text == "one two ")
        press(&box, .ctrl("a"), .right, .right, .right, .ctrl("k"))
        #expect(box.text == "one")
        press(&box, .ctrl("e"))
        type(&box, "!")
        press(&box, .left, .ctrl("u"))
        #expect(box.text == "!")
    }

    @Test func pasteDropsNewlinesAndControlsAndRespectsMaxLength() {
        var box = TextBox(maxLength: 10)
        do { let r = box.handle(.paste("abc\r\ndef\u{1b}[31mgh\nijklmnop")); #expect(r == .handled) }
        #expect(box.text == "abcdefghij")   // the escape sequence goes whole, not just its ESC
        type(&box, "z")
        #expect(box.text.count == 10)
    }

    @Test func nonEditingKeysAreIgnoredForTheKeymap() {
        var box = TextBox()
        for k: Key in [.enter, .tab, .backTab, .escape, .f(2), .ctrl("d"), .pageDown] {
            do { let r = box.handle(.key(k)); #expect(r == .ignored) }
        }
    }

    @Test func rendersLabelAndCursor() {
        var box = TextBox(label: "Verifier", text: "abc", focused: true)
        var b = CellBuffer(size: Size(rows: 1, cols: 30))
        box.render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 30))
        #expect(b.trimmedLines() == ["Verifier: abc"])
        #expect(b.cursor?.col == 13)
        #expect(b[0, 10].role == .inputFocus)
        box.focused = false
        var b2 = CellBuffer(size: Size(rows: 1, cols: 30))
        box.render(into: &b2, area: Rect(row: 0, col: 0, rows: 1, cols: 30))
        #expect(b2[0, 10].role == .input)
        #expect(b2.cursor == nil)
    }

    @Test func scrollsHorizontallyKeepingCursorVisible() {
        var box = TextBox(focused: true, viewWidth: 5)
        type(&box, "abcdefghij")
        var b = CellBuffer(size: Size(rows: 1, cols: 5))
        box.render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 5))
        #expect(b.trimmedLines() == ["ghij"])
        #expect(b.cursor?.col == 4)
        press(&box, .home)
        b = CellBuffer(size: Size(rows: 1, cols: 5))
        box.render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 5))
        #expect(b.trimmedLines() == ["abcde"])
        #expect(b.cursor?.col == 0)
    }

    @Test func wideCharactersNeverHalfDrawn() {
        var box = TextBox(focused: true, viewWidth: 5)
        type(&box, "日本語😀")
        press(&box, .home, .right)
        var b = CellBuffer(size: Size(rows: 1, cols: 5))
        box.render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 5))
        #expect(b.lines() == ["日本 "])
        #expect(b.cursor?.col == 2)
        press(&box, .end)
        b = CellBuffer(size: Size(rows: 1, cols: 5))
        box.render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 5))
        #expect(b.trimmedLines() == ["語😀"])
        #expect(b.cursor?.col == 4)
    }

    @Test func zwjEmojiEditedAsOneCharacter() {
        var box = TextBox()
        _ = box.handle(.paste("a👩‍💻b"))
        press(&box, .left, .backspace)
        #expect(box.text == "ab")
    }
}
