import PumpCore
/// The multi-line editor for compose and reply. Rows wrap by display width (at character
/// boundaries, so the cursor maps simply); Enter inserts a newline; Up/Down move by row.
public struct TextArea: Equatable, Sendable {
    public var focused: Bool
    public private(set) var edit: EditBuffer
    /// First visible row; `viewWidth`/`viewHeight` are the size at the last layout.
    public private(set) var scroll = 0
    public var viewWidth: Int { didSet { rescroll() } }
    public var viewHeight: Int { didSet { rescroll() } }

    /// One visual row: characters `start..<end`; `lastOfLine` rows also own the cursor at `end`.
    struct Row: Equatable { var start: Int, end: Int, lastOfLine: Bool }

    public init(text: String = "", maxLength: Int = 5000, focused: Bool = false, viewWidth: Int = 60, viewHeight: Int = 10) {
        self.focused = focused; self.viewWidth = viewWidth; self.viewHeight = viewHeight
        edit = EditBuffer(text: TerminalText.clean(text, .typed(keepNewlines: true)), maxLength: maxLength)
        rescroll()
    }

    public var text: String { edit.text }
    public var cursor: Int { edit.cursor }

    public mutating func handle(_ event: InputEvent, keymap: Keymap = .standard) -> Outcome {
        switch event {
        case .paste(let s): edit.insert(TerminalText.clean(s, .typed(keepNewlines: true)))
        case .key(.char(let c)):
            let text = TerminalText.clean(String(c), .typed(keepNewlines: false))
            guard !text.isEmpty else { return .ignored }
            edit.insert(text)
        case .key(let key):
            guard let action = keymap.action(for: key, in: [.textArea, .textField]), apply(action) else { return .ignored }
        case .resize: return .ignored
        }
        rescroll()
        return .handled
    }

    /// Completes the `@word` before the cursor from `candidates` (`nick@host`, matched from the
    /// start, any case): one match goes in whole with a space after; several extend the word to
    /// what they share. False when there was nothing to complete.
    public mutating func complete(_ candidates: [String]) -> Bool {
        let chars = edit.chars, end = edit.cursor
        var start = end
        while start > 0, !chars[start - 1].isWhitespace { start -= 1 }
        guard start < end, chars[start] == "@" else { return false }
        let typed = String(chars[(start + 1)..<end]).lowercased()
        let matches = candidates.filter { $0.lowercased().hasPrefix(typed) }
        guard let first = matches.first else { return false }
        var shared = first.count
        for m in matches.dropFirst() {
            shared = min(shared, zip(first.lowercased(), m.lowercased()).prefix { $0 == $1 }.count)
        }
        let insert = matches.count == 1 ? first + " " : String(first.prefix(shared))
        guard insert.count > typed.count else { return false }
        edit.delete((start + 1)..<end)
        edit.insert(insert)
        rescroll()
        return true
    }

    /// The multi-line actions, then the ones TextBox shares.
    private mutating func apply(_ action: Action) -> Bool {
        switch action {
        case .newline: edit.insert("\n")
        case .cursorUp: moveVertically(by: -1)
        case .cursorDown: moveVertically(by: 1)
        case .pageUp: moveVertically(by: -max(1, viewHeight - 1))
        case .pageDown: moveVertically(by: max(1, viewHeight - 1))
        default: return edit.apply(action)
        }
        return true
    }

    static func rows(_ chars: [Character], width: Int) -> [Row] {
        let width = max(1, width)
        var rows: [Row] = []
        var start = 0, used = 0, i = 0
        var lastSpace: Int? = nil      // in the current row: where a word wrap may break
        while i <= chars.count {
            if i == chars.count || chars[i] == "\n" {
                // A full last row leaves no cell for the cursor after it: the end gets its own row.
                if used >= width, i > start {
                    rows.append(Row(start: start, end: i, lastOfLine: false))
                    rows.append(Row(start: i, end: i, lastOfLine: true))
                } else {
                    rows.append(Row(start: start, end: i, lastOfLine: true))
                }
                start = i + 1; used = 0; i += 1; lastSpace = nil
                continue
            }
            let w = TextWidth.width(chars[i])
            if used + w > width, i > start {
                // Wrap at the last space of the row (it stays at the row's end), so words are
                // not cut in two; a word longer than the row is cut where it must be.
                let end = lastSpace.map { $0 + 1 } ?? i
                rows.append(Row(start: start, end: end, lastOfLine: false))
                start = end; used = 0; i = end; lastSpace = nil
                continue
            }
            if chars[i] == " " { lastSpace = i }
            used += w; i += 1
        }
        return rows
    }

    /// Row and display column of the cursor.
    func cursorPosition(_ rows: [Row]) -> (row: Int, col: Int) {
        let c = edit.cursor
        for (r, row) in rows.enumerated() where c >= row.start && (c < row.end || (c == row.end && row.lastOfLine)) {
            let col = edit.chars[row.start..<c].reduce(0) { $0 + TextWidth.width($1) }
            return (r, col)
        }
        return (max(0, rows.count - 1), 0)
    }

    private mutating func moveVertically(by delta: Int) {
        let rows = Self.rows(edit.chars, width: viewWidth)
        let pos = cursorPosition(rows)
        let target = min(max(0, pos.row + delta), rows.count - 1)
        guard target != pos.row else {
            edit.moveTo(delta < 0 ? 0 : edit.chars.count); return
        }
        let row = rows[target]
        var i = row.start, col = 0
        let last = row.lastOfLine ? row.end : max(row.start, row.end - 1)
        while i < last {
            let w = TextWidth.width(edit.chars[i])
            if col + w > pos.col { break }
            col += w; i += 1
        }
        edit.moveTo(i)
    }

    private mutating func rescroll() {
        let pos = cursorPosition(Self.rows(edit.chars, width: viewWidth))
        let h = max(1, viewHeight)
        if pos.row < scroll { scroll = pos.row }
        if pos.row >= scroll + h { scroll = pos.row - h + 1 }
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0, area.cols > 0 else { return }
        let role: Role = focused ? .inputFocus : .input
        buffer.fill(area, role: role)
        let rows = Self.rows(edit.chars, width: area.cols)
        let pos = cursorPosition(rows)
        // Clamp against this area's size, which may differ from the last layout.
        var top = min(scroll, max(0, rows.count - 1))
        if pos.row < top { top = pos.row }
        if pos.row >= top + area.rows { top = pos.row - area.rows + 1 }
        for r in 0..<area.rows where top + r < rows.count {
            let row = rows[top + r]
            buffer.put(String(edit.chars[row.start..<row.end]), row: area.row + r, col: area.col, role: role, maxCols: area.cols)
        }
        if focused { buffer.cursor = (area.row + pos.row - top, area.col + min(pos.col, area.cols - 1)) }
    }
}
