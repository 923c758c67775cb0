import Testing
@testable import PumpTUI

@Suite struct CellSizeTests {
    /// The preview's colours (`Ink`) fit in the padding a cell already had: a frame of cells
    /// costs what it did before.
    @Test func aCellIsStill24Bytes() {
        #expect(MemoryLayout<Cell>.stride == 24)
    }
}

@Suite struct CellBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = CellBuffer(size: Size(rows: 1, cols: 6))
        let used = b.put("日本x", row: 0, col: 0)
        #expect(used == 5)
        #expect(b.trimmedLines() == ["日本x"])
    }

    @Test func wideCharacterAtClipEdgeBecomesSpace() {
        var b = CellBuffer(size: Size(rows: 1, cols: 4))
        b.put("a日本", row: 0, col: 0)
        #expect(b.lines() == ["a日 "])
    }
}
