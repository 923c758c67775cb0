import Testing
@testable import PumpTUI

@Suite struct TextAreaTests {
    func type(_ a: inout TextArea, _ s: String) { for c in s { _ = a.handle(.key(c == "\n" ? .enter : .char(c))) } }

    @Test func enterInsertsNewlineAndPasteKeepsThem() {
        var a = TextArea()
        type(&a, "hi\nthere")
        _ = a.handle(.paste("\r\nx\ry"))
        #expect(a.text == "hi\nthere\nx\ny")
    }

    @Test func wrapsByDisplayWidthAndRenders() {
        var a = TextArea(text: "日本語テキスト abc", focused: true, viewWidth: 6, viewHeight: 4)
        var b = CellBuffer(size: Size(rows: 4, cols: 6))
        a.render(into: &b, area: Rect(row: 0, col: 0, rows: 4, cols: 6))
        #expect(b.trimmedLines() == ["日本語", "テキス", "ト abc", ""])
        // The last row is full, so the cursor after it gets the next row.
        #expect(b.cursor?.row == 3 && b.cursor?.col == 0)
        _ = a.handle(.key(.up))
        #expect(a.cursor == 6)
    }

    @Test func upDownKeepColumn() {
        var a = TextArea(text: "abcdef\nxy\nlonger line", viewWidth: 20, viewHeight: 5)
        _ = a.handle(.key(.ctrl("a")))   // start of "longer line"
        for _ in 0..<4 { _ = a.handle(.key(.right)) }
        _ = a.handle(.key(.up))          // "xy" is shorter: end of it
        #expect(a.cursor == 9)
        _ = a.handle(.key(.up))
        #expect(a.cursor == 2)
        _ = a.handle(.key(.down)); _ = a.handle(.key(.down))
        #expect(a.cursor == 12)
    }

    @Test func scrollsToKeepCursorVisible() {
        var a = TextArea(text: (1...10).map { "l\($0)" }.joined(separator: "\n"), focused: true, viewWidth: 10, viewHeight: 3)
        var b = CellBuffer(size: Size(rows: 3, cols: 10))
        a.render(into: &b, area: Rect(row: 0, col: 0, rows: 3, cols: 10))
        #expect(b.trimmedLines() == ["l8", "l9", "l10"])
        for _ in 0..<9 { _ = a.handle(.key(.up)) }
        b = CellBuffer(size: Size(rows: 3, cols: 10))
        a.render(into: &b, area: Rect(row: 0, col: 0, rows: 3, cols: 10))
        #expect(b.trimmedLines() == ["l1", "l2", "l3"])
        #expect(b.cursor?.row == 0)
    }

    @Test func maxLengthAndEditingKeys() {
        var a = TextArea(maxLength: 5)
        type(&a, "abc\ndefg")
        #expect(a.text == "abc\nd")
        _ = a.handle(.key(.ctrl("u")))
        #expect(a.text == "abc\n")
        _ = a.handle(.key(.backspace))
        _ = a.handle(.key(.ctrl("w")))
        #expect(a.text == "")
        do { let r = a.handle(.key(.ctrl("d"))); #expect(r == .ignored) }
        do { let r = a.handle(.key(.escape)); #expect(r == .ignored) }
    }
}

/// The editor wraps between words (issue 10: it cut words in the middle), and says when the
/// window is too small to show it at all.
@Suite struct EditorWrapTests {
    func lines(_ text: String, width: Int) -> [String] {
        let chars = Array(text)
        return TextArea.rows(chars, width: width).map { String(chars[$0.start..<$0.end]) }
    }

    @Test func wrapsAtSpacesAndCutsOnlyOverlongWords() {
        #expect(lines("hello world foo", width: 8) == ["hello ", "world ", "foo"])
        #expect(lines("abcdefghijkl xyz", width: 5) == ["abcde", "fghij", "kl ", "xyz"])
        #expect(lines("a\nb cd", width: 3) == ["a", "b ", "cd"])
    }

    @Test func aTinyWindowSaysTheEditorDoesNotFit() {
        var s = ClientFixtures.screen(Size(rows: 12, cols: 40))
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        _ = s.update(.input(.paste("kept words")))
        let text = ClientFixtures.text(s).joined(separator: "\n")
        #expect(text.contains("│kept words") && text.contains("└───"))    // 40×12: text and frame show
        guard let c = s.compose.composer else { Issue.record("editor closed"); return }
        #expect(c.draft.text == "kept words")
        var tiny = CellBuffer(size: Size(rows: 5, cols: 40))          // no room for a text row
        c.render(into: &tiny, area: Rect(row: 0, col: 0, rows: 5, cols: 40))
        #expect(tiny.trimmedLines().joined(separator: " ").contains("Too small for the editor"))
    }
}

@Suite struct NarrowEditorTests {
    /// At 40 columns the controls row used to end in "[ Attach i": Send was off screen.
    @Test func sendStaysOnScreenAt40Columns() {
        var s = ClientFixtures.screen(Size(rows: 12, cols: 40))
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        let rows = ClientFixtures.text(s)
        #expect(rows.contains { $0.contains("To: Public") && $0.contains("[ Send ]") }, "\(rows)")
    }
}
