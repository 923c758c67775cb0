/// Word wrapping by display width. URLs are atomic tokens: breaking them anywhere but the
/// screen edge (or inserting anything into them) makes them impossible to copy (tui-notes §A5).
public enum TextLayout {
    /// Wraps `text` to rows of at most `width` columns. Hard newlines are kept; runs of spaces
    /// between words collapse to one; a word wider than the row is broken at the edge. A URL
    /// that fits is never broken; a wider one starts its own row and continues on rows that
    /// hold exactly its next characters, and nothing else shares those rows.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            rows += wrapLine(line, width: width)
        }
        return rows
    }

    /// A word holding a URL, also inside punctuation such as "(https://…)" or "<http://…>".
    public static func isURL<S: StringProtocol>(_ word: S) -> Bool {
        let w = word.lowercased()
        return w.contains("http://") || w.contains("https://")
    }

    /// Cuts `text` into pieces of at most `width` columns without splitting a Character.
    /// A character wider than `width` still gets a row of its own, so this always terminates.
    public static func chunks<S: StringProtocol>(_ text: S, width: Int) -> [String] {
        var out: [String] = [], cur = "", curW = 0
        for ch in text {
            let w = TextWidth.width(ch)
            if curW + w > width, !cur.isEmpty { out.append(cur); cur = ""; curW = 0 }
            cur.append(ch); curW += w
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    private static func wrapLine(_ line: Substring, width: Int) -> [String] {
        var rows: [String] = [], cur = "", curW = 0
        func flush() { if !cur.isEmpty { rows.append(cur); cur = ""; curW = 0 } }
        for word in line.split(separator: " ") {
            let w = TextWidth.width(String(word))
            if !cur.isEmpty, curW + 1 + w <= width {
                cur += " " + word; curW += 1 + w
            } else if w <= width {
                flush(); cur = String(word); curW = w
            } else if isURL(word) {
                flush(); rows += chunks(word, width: width)   // own rows, nothing appended after
            } else {
                flush()
                var pieces = chunks(word, width: width)
                let last = pieces.removeLast()
                rows += pieces; cur = last; curW = TextWidth.width(last)
            }
        }
        flush()
        return rows.isEmpty ? [""] : rows
    }
}
