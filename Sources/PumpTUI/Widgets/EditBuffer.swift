/// The editing core shared by TextBox and TextArea: text as grapheme clusters (so emoji and
/// ZWJ sequences are edited as one unit) and a cursor index into them.
public struct EditBuffer: Equatable, Sendable {
    public private(set) var chars: [Character]
    public private(set) var cursor: Int
    /// Maximum number of characters; insertions beyond it are cut.
    public var maxLength: Int

    public init(text: String = "", maxLength: Int = 10_000) {
        self.maxLength = maxLength
        chars = Array(text.prefix(maxLength))
        cursor = chars.count
    }

    public var text: String { String(chars) }

    public mutating func setText(_ text: String) {
        chars = Array(text.prefix(maxLength)); cursor = chars.count
    }

    public mutating func moveTo(_ index: Int) { cursor = min(max(0, index), chars.count) }

    public mutating func insert(_ text: String) {
        let room = maxLength - chars.count
        guard room > 0 else { return }
        let new = Array(text.prefix(room))
        let start = cursor
        chars.insert(contentsOf: new, at: cursor)
        cursor += new.count
        rejoin(at: cursor)
        rejoin(at: start)
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1); cursor -= 1
        rejoin(at: cursor)
    }

    public mutating func deleteForward() {
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
        rejoin(at: cursor)
    }

    /// Removes `range` and puts the cursor at its start.
    public mutating func delete(_ range: Range<Int>) {
        let r = max(0, range.lowerBound)..<min(chars.count, range.upperBound)
        guard !r.isEmpty else { return }
        chars.removeSubrange(r); cursor = r.lowerBound
        rejoin(at: cursor)
    }

    /// Keeps `chars` the clusters String(chars) really has. A terminal delivers 👍🏽 as two typed
    /// scalars, and deleting the x of "🇫x🇷" brings two halves of a flag together: the pieces
    /// meeting at index `i` are re-segmented (and the ones after, while that changes them), so
    /// the cursor, backspace and the layout always step over whole clusters.
    private mutating func rejoin(at index: Int) {
        var i = index
        while i > 0, i < chars.count {
            let pair = [chars[i - 1], chars[i]]
            let merged = Array(String(pair))
            if merged.count == 2, merged[0].unicodeScalars.elementsEqual(pair[0].unicodeScalars) { return }
            chars.replaceSubrange(i - 1...i, with: merged)
            if cursor > i { cursor -= pair.count - merged.count }
            i = i - 1 + merged.count
        }
    }

    /// Ctrl-W: the spaces before the cursor, then the word before them.
    public mutating func deleteWordBefore() {
        var i = cursor
        while i > 0, chars[i - 1] == " " { i -= 1 }
        while i > 0, chars[i - 1] != " ", chars[i - 1] != "\n" { i -= 1 }
        delete(i..<cursor)
    }

    /// Start and end of the logical line holding the cursor (TextBox: the whole text).
    public var lineStart: Int {
        var i = cursor
        while i > 0, chars[i - 1] != "\n" { i -= 1 }
        return i
    }

    public var lineEnd: Int {
        var i = cursor
        while i < chars.count, chars[i] != "\n" { i += 1 }
        return i
    }

    /// The editing actions both widgets share (the keys come from the keymap's `textField`
    /// context). Returns false for actions it does not edit with.
    public mutating func apply(_ action: Action) -> Bool {
        switch action {
        case .deleteBackward: backspace()
        case .deleteForward: deleteForward()
        case .cursorLeft: moveTo(cursor - 1)
        case .cursorRight: moveTo(cursor + 1)
        case .lineStart: moveTo(lineStart)
        case .lineEnd: moveTo(lineEnd)
        case .deleteToLineStart: delete(lineStart..<cursor)
        case .deleteToLineEnd:
            // At the end of a line Ctrl-K joins the next one, as in Emacs.
            cursor == lineEnd ? deleteForward() : delete(cursor..<lineEnd)
        case .deleteWordBackward: deleteWordBefore()
        default: return false
        }
        return true
    }
}
