import PumpRender

/// The text fallback, drawn by any 256-colour terminal (tmux too): each cell is `▀` with the
/// upper pixel as foreground and the lower one as background, so a cell holds two pixels.
enum HalfBlock {
    static let glyph: Character = "▀"

    /// `cols`×`rows` cells, row by row, for the image scaled to `cols`×(2·`rows`) pixels.
    static func inks(_ image: RGBAImage, cols: Int, rows: Int) -> [Ink] {
        guard cols > 0, rows > 0 else { return [] }
        let scaled = image.resized(width: cols, height: rows * 2)
        var out: [Ink] = []
        out.reserveCapacity(cols * rows)
        for r in 0..<rows {
            for c in 0..<cols {
                out.append(Ink(fg: Palette256.index(scaled.rgb(c, 2 * r)), bg: Palette256.index(scaled.rgb(c, 2 * r + 1))))
            }
        }
        return out
    }

    static func draw(_ inks: [Ink], cols: Int, into buffer: inout CellBuffer, at row: Int, col: Int) {
        guard cols > 0 else { return }
        for (i, ink) in inks.enumerated() { buffer.paint(glyph, ink: ink, row: row + i / cols, col: col + i % cols) }
    }
}
