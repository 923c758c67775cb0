import PumpCore
/// A one-line text field with a label, horizontal scrolling and wide-character-aware cursor.
public struct TextBox: Equatable, Sendable {
    public var label: String
    public var focused: Bool
    public private(set) var edit: EditBuffer
    /// Index of the first visible character; kept so the view does not jump on each key.
    public private(set) var scroll = 0
    /// Columns the field showed at the last layout; `handle` scrolls against it.
    public var viewWidth: Int

    public init(label: String = "", text: String = "", maxLength: Int = 256, focused: Bool = false, viewWidth: Int = 40) {
        self.label = label; self.focused = focused; self.viewWidth = viewWidth
        edit = EditBuffer(text: text, maxLength: maxLength)
        scroll = Self.visibleStart(edit.chars, cursor: edit.cursor, from: 0, width: viewWidth)
    }

    public var text: String { edit.text }
    public var cursor: Int { edit.cursor }

    public mutating func setText(_ text: String) { edit.setText(text); rescroll() }

    /// Edits for typing and pastes; everything else (Enter, Tab, Esc, F-keys) is `.ignored`
    /// so the screen's keymap decides.
    public mutating func handle(_ event: InputEvent, keymap: Keymap = .standard) -> Outcome {
        switch event {
        case .paste(let s):
            edit.insert(TerminalText.clean(s, .typed(keepNewlines: false)))
        case .key(.char(let c)):
            let text = TerminalText.clean(String(c), .typed(keepNewlines: false))
            guard !text.isEmpty else { return .ignored }
            edit.insert(text)
        case .key(let key):
            guard let action = keymap.action(for: key, in: [.textField]), edit.apply(action) else { return .ignored }
        case .resize:
            return .ignored
        }
        rescroll()
        return .handled
    }

    private mutating func rescroll() {
        scroll = Self.visibleStart(edit.chars, cursor: edit.cursor, from: scroll, width: viewWidth)
    }

    /// The first visible character: `from` moved just enough that the cursor cell fits.
    static func visibleStart(_ chars: [Character], cursor: Int, from: Int, width: Int) -> Int {
        var start = min(max(0, from), cursor)
        let need = cursor < chars.count ? TextWidth.width(chars[cursor]) : 1
        var used = 0
        for i in start..<cursor { used += TextWidth.width(chars[i]) }
        while start < cursor, used + need > width {
            used -= TextWidth.width(chars[start]); start += 1
        }
        return start
    }

    /// Draws "Label: text" on the area's first row and, when focused, places the cursor.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0, area.cols > 0 else { return }
        let labelText = label.isEmpty ? "" : label + ": "
        let labelW = buffer.put(labelText, row: area.row, col: area.col, role: focused ? .focus : .text, maxCols: area.cols)
        let fieldCol = area.col + labelW, fieldW = area.cols - labelW
        guard fieldW > 0 else { return }
        let role: Role = focused ? .inputFocus : .input
        // The empty part of the field always wears `.input` (an underline in most themes) so
        // its extent shows; typed text wears `.inputFocus`. In the default theme that is the
        // terminal's plain style, so echoing a typed character costs one byte over SSH instead
        // of an attribute change and reset around every keystroke.
        buffer.fill(Rect(row: area.row, col: fieldCol, rows: 1, cols: fieldW), role: .input)
        let chars = edit.chars
        let start = Self.visibleStart(chars, cursor: edit.cursor, from: scroll, width: fieldW)
        var col = fieldCol
        var cursorCol = fieldCol
        for i in start..<chars.count {
            if i == edit.cursor { cursorCol = col }
            let w = TextWidth.width(chars[i])
            if col + w > fieldCol + fieldW { break }   // never half-draw a wide character
            buffer.put(String(chars[i]), row: area.row, col: col, role: role)
            col += w
        }
        if edit.cursor == chars.count { cursorCol = col }
        if focused { buffer.cursor = (area.row, min(cursorCol, fieldCol + fieldW - 1)) }
    }
}
