/// The top row: title on the left, context (host, account) on the right, in role `.title`.
public struct TitleBar: Equatable, Sendable {
    public var title: String
    public var right: String
    public init(_ title: String, right: String = "") { self.title = title; self.right = right }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0 else { return }
        buffer.fill(Rect(row: area.row, col: area.col, rows: 1, cols: area.cols), role: .title)
        let used = buffer.put(" " + title, row: area.row, col: area.col, role: .title, maxCols: area.cols)
        let rw = TextWidth.width(right)
        // The right part only shows when it fits beside the title with a gap.
        if !right.isEmpty, used + 2 + rw + 1 <= area.cols {
            buffer.put(right, row: area.row, col: area.col + area.cols - rw - 1, role: .title)
        }
    }
}
