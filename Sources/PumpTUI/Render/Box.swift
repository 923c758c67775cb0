/// Unicode box drawing in role `.border`, shared by dialogs and overlays.
public enum Box {
    /// Draws a frame around `rect` and clears its inside. An optional title sits on the top edge.
    public static func draw(into buffer: inout CellBuffer, rect: Rect, title: String? = nil) {
        guard rect.rows >= 2, rect.cols >= 2 else { return }
        buffer.fill(Rect(row: rect.row + 1, col: rect.col + 1, rows: rect.rows - 2, cols: rect.cols - 2))
        let bar = String(repeating: "─", count: rect.cols - 2)
        let bottom = rect.row + rect.rows - 1, right = rect.col + rect.cols - 1
        buffer.put("┌" + bar + "┐", row: rect.row, col: rect.col, role: .border, maxCols: rect.cols)
        buffer.put("└" + bar + "┘", row: bottom, col: rect.col, role: .border, maxCols: rect.cols)
        for r in (rect.row + 1)..<bottom {
            buffer.put("│", row: r, col: rect.col, role: .border)
            buffer.put("│", row: r, col: right, role: .border)
        }
        if let title, rect.cols > 4 {
            buffer.put(" \(title) ", row: rect.row, col: rect.col + 2, role: .title, maxCols: rect.cols - 4)
        }
    }

    /// The area inside a frame.
    public static func inner(_ rect: Rect) -> Rect {
        Rect(row: rect.row + 1, col: rect.col + 1, rows: max(0, rect.rows - 2), cols: max(0, rect.cols - 2))
    }

    /// A rect of the given size centered in `area`, shrunk to fit.
    public static func centered(rows: Int, cols: Int, in area: Rect) -> Rect {
        let r = min(rows, area.rows), c = min(cols, area.cols)
        return Rect(row: area.row + (area.rows - r) / 2, col: area.col + (area.cols - c) / 2, rows: r, cols: c)
    }
}
