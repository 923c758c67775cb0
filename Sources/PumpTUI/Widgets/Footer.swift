/// The hint row, generated from the keymap so it never disagrees with what keys do.
public struct Footer: Sendable {
    public var contexts: [KeyContext]
    public var keymap: Keymap
    /// Actions that would do nothing now (see `Keymap.footerHints`).
    public var unavailable: Set<Action>
    public init(contexts: [KeyContext], keymap: Keymap = .standard, unavailable: Set<Action> = []) {
        self.contexts = contexts; self.keymap = keymap; self.unavailable = unavailable
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0 else { return }
        buffer.fill(Rect(row: area.row, col: area.col, rows: 1, cols: area.cols), role: .hint)
        var col = area.col
        for hint in keymap.footerHints(for: contexts, width: area.cols, unavailable: unavailable) {
            if col > area.col { col += 2 }
            col += buffer.put(hint.keys, row: area.row, col: col, role: .hintKey)
            col += buffer.put(" " + hint.label, row: area.row, col: col, role: .hint)
        }
    }
}
