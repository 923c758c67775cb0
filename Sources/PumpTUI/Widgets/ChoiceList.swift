/// A small centred box to pick one line from (accounts, whose profile, who sees a note).
/// Longer lists scroll so the selected line stays inside the box.
struct ChoiceList {
    var choices: [String]
    var selected: Int
    var title: String
    var maxCols = 60

    func render(into buffer: inout CellBuffer, area: Rect) {
        let rect = Box.centered(rows: min(choices.count + 2, area.rows), cols: min(area.cols, maxCols), in: area)
        Box.draw(into: &buffer, rect: rect, title: title)
        let inner = Box.inner(rect)
        let top = max(0, selected - inner.rows + 1)
        for (i, c) in choices.enumerated().dropFirst(top) where i - top < inner.rows {
            let row = inner.row + i - top
            buffer.put(" " + c, row: row, col: inner.col, role: i == selected ? .selection : .text, maxCols: inner.cols)
            if i == selected { buffer.setRole(.selection, row: row, col: inner.col, count: inner.cols) }
        }
    }
}
