/// Shown instead of a screen below the minimum size.
public struct TooSmall: Equatable, Sendable {
    public var minimum: Size
    public init(minimum: Size = Size(rows: 12, cols: 40)) { self.minimum = minimum }

    public func applies(to size: Size) -> Bool { size.rows < minimum.rows || size.cols < minimum.cols }

    public func message(for size: Size) -> String {
        "Window too small: need at least \(minimum.cols)×\(minimum.rows), have \(size.cols)×\(size.rows)"
    }

    /// Clears the whole buffer and centers the message, wrapped to the width.
    public func render(into buffer: inout CellBuffer) {
        let size = buffer.size
        buffer.fill(Rect(row: 0, col: 0, rows: size.rows, cols: size.cols))
        let lines = TextLayout.wrap(message(for: size), width: max(1, size.cols))
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let col = max(0, (size.cols - TextWidth.width(line)) / 2)
            buffer.put(line, row: top + i, col: col, role: .warning)
        }
    }
}
