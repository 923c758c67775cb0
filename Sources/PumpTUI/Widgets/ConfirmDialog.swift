/// A centered yes/no question. Keys come from the keymap's `.dialog` context.
public struct ConfirmDialog: Equatable, Sendable {
    public enum Result: Equatable, Sendable { case pending, yes, no }
    public var question: String
    public var yesFocused: Bool
    public var yesTitle: String
    public var noTitle: String

    public init(_ question: String, yes: String = "Yes", no: String = "No", yesFocused: Bool = false) {
        self.question = question; self.yesTitle = yes; self.noTitle = no; self.yesFocused = yesFocused
    }

    /// y / Enter on Yes → `.yes`; n / Esc / Enter on No → `.no`; Tab and arrows switch buttons.
    public mutating func handle(_ event: InputEvent, keymap: Keymap = .standard) -> Result {
        guard case .key(let key) = event, let action = keymap.action(for: key, in: [.dialog]) else { return .pending }
        switch action {
        case .yes: return .yes
        case .no, .cancel: return .no
        case .submit: return yesFocused ? .yes : .no
        case .nextFocus, .prevFocus: yesFocused.toggle(); return .pending
        default: return .pending
        }
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let yes = Button(yesTitle, focused: yesFocused), no = Button(noTitle, focused: !yesFocused)
        let buttonsW = yes.width + 2 + no.width
        let maxInner = max(1, min(area.cols - 4, 56))
        let lines = TextLayout.wrap(question, width: maxInner)
        let textW = lines.map { TextWidth.width($0) }.max() ?? 0
        let innerW = min(maxInner, max(textW, buttonsW))
        let box = Box.centered(rows: lines.count + 5, cols: innerW + 4, in: area)
        Box.draw(into: &buffer, rect: box)
        let inner = Box.inner(box)
        for (i, line) in lines.enumerated() where i < inner.rows - 2 {
            buffer.put(line, row: inner.row + 1 + i, col: inner.col + 1, role: .text, maxCols: inner.cols - 1)
        }
        let by = inner.row + inner.rows - 1
        var bx = inner.col + max(0, (inner.cols - buttonsW) / 2)
        bx += yes.render(into: &buffer, area: Rect(row: by, col: bx, rows: 1, cols: inner.col + inner.cols - bx)) + 2
        no.render(into: &buffer, area: Rect(row: by, col: bx, rows: 1, cols: max(0, inner.col + inner.cols - bx)))
    }
}
