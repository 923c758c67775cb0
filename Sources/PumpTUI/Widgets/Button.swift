/// "[ Submit ]". Pressing it is the screen's business (Enter → `.submit` while it has focus).
public struct Button: Equatable, Sendable {
    public var title: String
    public var focused: Bool
    public init(_ title: String, focused: Bool = false) { self.title = title; self.focused = focused }

    public var text: String { "[ \(title) ]" }
    public var width: Int { TextWidth.width(text) }

    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Int {
        guard area.rows > 0 else { return 0 }
        return buffer.put(text, row: area.row, col: area.col, role: focused ? .buttonFocus : .button, maxCols: area.cols)
    }
}
