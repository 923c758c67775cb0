import Testing
@testable import PumpTUI

/// Grapheme clusters (issue 10): laid out, measured, clipped and edited as one unit, with the
/// widths tmux 3.3a gives them (Tests/e2e/test_graphemes.py measures those in tmux itself).
@Suite struct GraphemeTests {
    static let thumb = "👍🏽", family = "👨‍👩‍👧", flag = "🇫🇷", cafe = "cafe\u{301}"

    @Test(arguments: [
        ("👍🏽", 4), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("e\u{301}", 1), ("日", 2), ("❤️", 1), ("🏳️‍🌈", 1),
        ("🧑🏽‍💻", 4), ("a", 1), ("\u{301}", 0), ("\u{1b}", 1),
    ])
    func clusterWidthsAreTmuxWidths(text: String, width: Int) {
        let ch = Character(text)
        #expect(TextWidth.width(ch) == width)
        // Painting and layout come from the same segments.
        #expect(Grapheme.segments(ch).reduce(0) { $0 + $1.width } == width)
    }

    @Test func segmentsAreTheCellsTheTerminalDraws() {
        let thumb = Grapheme.segments(Character(Self.thumb))
        #expect(thumb.map(\.width) == [2, 2])
        let family = Grapheme.segments(Character(Self.family))
        #expect(family.count == 1 && family[0].scalars.count == 5 && family[0].width == 2)
        #expect(Grapheme.segments(Character(Self.flag)).map(\.width) == [1, 1])
        #expect(Grapheme.segments(Character("\u{1b}")) == [Grapheme.Segment(scalars: ["?"], width: 1)])
        #expect(Grapheme.segments(Character("\u{301}")).isEmpty)
        // A trailing ZWJ would make the terminal glue the next emoji into this cell.
        #expect(Grapheme.segments(Character("z\u{200D}")) == [Grapheme.Segment(scalars: ["z"], width: 1)])
    }

    /// One Character can hold any number of spacing marks; past a few cells it is not text.
    @Test func absurdlyWideClusterIsOneReplacementCell() {
        let ch = Character("\u{915}" + String(repeating: "\u{93E}", count: 20))
        #expect(TextWidth.width(ch) == 1)
        #expect(Grapheme.segments(ch) == Grapheme.replacement)
    }

    @Test func rowOfClustersKeepsThemWhole() {
        var b = CellBuffer(size: Size(rows: 1, cols: 20))
        let text = "\(Self.thumb) \(Self.family) \(Self.flag) \(Self.cafe)"
        #expect(b.put(text, row: 0, col: 0) == 15)
        #expect(b.trimmedLines() == [text])
        #expect(b[0, 0].width == 4 && (1...3).allSatisfy { b[0, $0].char == nil && b[0, $0].width == 0 })
    }

    @Test func clusterAtTheClipEdgeIsNotCut() {
        var b = CellBuffer(size: Size(rows: 2, cols: 6))
        b.put("abc" + Self.thumb, row: 0, col: 0)
        b.put("x", row: 1, col: 0)
        #expect(b.lines() == ["abc   ", "x     "])
    }

    @Test func overwritingPartOfAWideClusterBlanksAllOfIt() {
        var b = CellBuffer(size: Size(rows: 1, cols: 6))
        b.put(Self.thumb + "ab", row: 0, col: 0)
        b.put("Z", row: 0, col: 2)
        #expect(b.lines() == ["  Z ab"])
        b.put(Self.thumb, row: 0, col: 1)
        b.put("Q", row: 0, col: 0)
        #expect(b.lines() == ["Q" + Self.thumb + "b"])
    }

    @Test func wrappingMovesAClusterThatDoesNotFitWhole() {
        let rows = TextLayout.wrap("abcdefg\(Self.thumb)h \(Self.flag)", width: 8)
        #expect(rows == ["abcdefg", Self.thumb + "h " + Self.flag])
        #expect(TextLayout.chunks(String(repeating: Self.thumb, count: 3), width: 6) == [Self.thumb, Self.thumb, Self.thumb])
    }

    @Test func scalarsTypedOneByOneJoinIntoOneCluster() {
        var e = EditBuffer()
        for s in (Self.thumb + Self.family + Self.flag).unicodeScalars { e.insert(String(s)) }
        #expect(e.chars.map(String.init) == [Self.thumb, Self.family, Self.flag])
        #expect(e.cursor == 3)
        e.backspace()
        #expect(e.text == Self.thumb + Self.family)
        _ = e.apply(.cursorLeft)
        #expect(e.cursor == 1)
        e.backspace()
        #expect(e.text == Self.family && e.cursor == 0)
    }

    @Test func deletingBetweenTwoHalvesJoinsThem() {
        var e = EditBuffer(text: "🇫x🇷")
        #expect(e.chars.count == 3)
        e.moveTo(2)
        e.backspace()
        #expect(e.chars.map(String.init) == [Self.flag])
        #expect(e.cursor == 1)
    }

    @Test func textBoxCursorMovesByCluster() {
        var box = TextBox(label: "", viewWidth: 20)
        for s in "a\(Self.thumb)b".unicodeScalars { _ = box.handle(.key(.char(Character(s)))) }
        _ = box.handle(.key(.left)); _ = box.handle(.key(.left))
        #expect(box.cursor == 1)
        var buffer = CellBuffer(size: Size(rows: 1, cols: 20))
        var focused = box; focused.focused = true
        focused.render(into: &buffer, area: Rect(row: 0, col: 0, rows: 1, cols: 20))
        #expect(buffer.cursor?.col == 1)
        _ = box.handle(.key(.right))
        focused = box; focused.focused = true
        focused.render(into: &buffer, area: Rect(row: 0, col: 0, rows: 1, cols: 20))
        #expect(buffer.cursor?.col == 5)
    }

    @Test func textAreaWrapsAndBackspacesByCluster() {
        var area = TextArea(viewWidth: 6, viewHeight: 4)
        for s in "abc\(Self.thumb)\(Self.family)".unicodeScalars { _ = area.handle(.key(.char(Character(s)))) }
        #expect(TextArea.rows(area.edit.chars, width: 6).prefix(2).map { $0.end - $0.start } == [3, 2])
        _ = area.handle(.key(.backspace))
        #expect(area.text == "abc" + Self.thumb)
    }
}
