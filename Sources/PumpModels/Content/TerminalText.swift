/// The one gate every string passes before it reaches a terminal: server text drawn or printed,
/// error messages, account names echoed back, the plain screen, and what the user types or pastes.
///
/// Server text is written by strangers: a post can carry `ESC]52` (clipboard write), `ESC[6n`
/// (a report that lands on our stdin), bidi overrides that reorder what the user sees, or newlines
/// that forge rows of our UI (tui-notes §A5, §C6). This removes every escape sequence as a whole
/// (not just the ESC byte, which would leave `[2J` garbage behind), all C0/C1 controls except the
/// layout's own line break, DEL, and bidi controls; it flattens newlines in one-line fields and cuts
/// absurdly long words and values.
public enum TerminalText {
    /// Words longer than this (no space, not a URL) are cut: they would otherwise defeat wrapping.
    public static let maxWordLength = 200
    public static let messageLength = 200

    public enum Mode: Sendable, Equatable {
        /// One row (names, titles): line breaks become spaces.
        case line
        /// One row of at most `messageLength` characters: hosts, URLs, server words and the
        /// user's own input echoed inside an error message.
        case message
        /// Paragraphs (post content, line-mode output, the plain screen): line breaks kept.
        case text
        /// What the user typed or pasted into a field: line breaks kept or dropped, and long
        /// words left whole (it is the user's own text, and a verifier or URL must survive).
        case typed(keepNewlines: Bool)
    }

    public static func clean(_ s: String, _ mode: Mode, maxLength: Int? = nil) -> String {
        let singleLine = mode != .text && mode != .typed(keepNewlines: true)
        let dropBreaks = mode == .typed(keepNewlines: false)
        var out = String.UnicodeScalarView()
        var scanner = Scanner(scalars: Array(s.unicodeScalars))
        var run = 0           // length of the current run of non-space scalars
        var longRun = false   // some run exceeded maxWordLength (decided precisely in a second pass)
        var changed = false

        func emit(_ c: Unicode.Scalar) {
            out.append(c)
            if c == " " || c == "\n" { run = 0 } else { run += 1; if run > maxWordLength { longRun = true } }
        }
        func emitBreak() {
            if dropBreaks { return }
            if singleLine {
                // Avoid runs of spaces where a CRLF or paragraph separator used to be.
                if let last = out.last, last == " " { return }
                emit(" ")
            } else { emit("\n") }
        }

        while let c = scanner.next() {
            let v = c.value
            switch v {
            case 0x20...0x7E:
                emit(c)
            case 0x0A:
                changed = changed || singleLine
                emitBreak()
            case 0x0D:
                changed = true
                if scanner.peek()?.value == 0x0A { _ = scanner.next() }  // CRLF is one break
                emitBreak()
            case 0x09:
                changed = true
                emit(" ")
            case 0x1B:
                changed = true
                scanner.skipEscape()
            case 0x9B:  // C1 CSI
                changed = true
                scanner.skipCSIBody()
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // C1 DCS, SOS, OSC, PM, APC: strings up to ST
                changed = true
                scanner.skipControlString()
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                changed = true  // other C0, DEL, C1: dropped
            case 0x2028, 0x2029:  // line/paragraph separator: treat as the layout's break
                changed = true
                emitBreak()
            case 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFFF9...0xFFFB:
                changed = true  // bidi embeddings/overrides/isolates, ALM, interlinear annotations
            default:
                emit(c)
            }
        }

        var result = changed ? String(out) : s
        let maxLength = mode == .message ? min(maxLength ?? messageLength, messageLength) : maxLength
        if longRun, case .typed = mode {} else if longRun { result = cutLongWords(result) }
        if let maxLength, maxLength >= 0 { result = truncate(result, to: maxLength) }
        return result
    }

    /// Cuts `s` to at most `maxLength` characters (grapheme clusters, never split), ending in "…".
    public static func truncate(_ s: String, to maxLength: Int) -> String {
        guard maxLength > 0 else { return "" }
        // utf8.count is an upper bound on the character count and O(1) for native strings.
        if s.utf8.count <= maxLength { return s }
        var count = 0
        var idx = s.startIndex
        while idx < s.endIndex {
            if count == maxLength - 1 {
                // Exactly one character left in budget: keep it if it is the last one.
                let next = s.index(after: idx)
                return next == s.endIndex ? s : String(s[..<idx]) + "…"
            }
            count += 1
            idx = s.index(after: idx)
        }
        return s
    }

    /// Splits on spaces/newlines; each word over `maxWordLength` characters that is not a URL is cut.
    package static func cutLongWords(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var word = Substring()
        var wordStart = s.startIndex
        var idx = s.startIndex
        func flush(upTo end: String.Index) {
            word = s[wordStart..<end]
            if word.count > maxWordLength && !isURL(word) {
                out += word.prefix(maxWordLength - 1)
                out += "…"
            } else {
                out += word
            }
        }
        while idx < s.endIndex {
            let ch = s[idx]
            if ch == " " || ch == "\n" {
                flush(upTo: idx)
                out.append(ch)
                wordStart = s.index(after: idx)
            }
            idx = s.index(after: idx)
        }
        flush(upTo: s.endIndex)
        return out
    }

    package static func isURL(_ w: Substring) -> Bool {
        w.hasPrefix("http://") || w.hasPrefix("https://") || w.hasPrefix("[http") || w.hasPrefix("<http")
    }
}

/// Walks the scalars; knows how long each kind of escape sequence is, the way a terminal does.
private struct Scanner {
    package let scalars: [Unicode.Scalar]
    package var pos = 0

    package mutating func next() -> Unicode.Scalar? {
        guard pos < scalars.count else { return nil }
        defer { pos += 1 }
        return scalars[pos]
    }

    package func peek() -> Unicode.Scalar? { pos < scalars.count ? scalars[pos] : nil }

    /// Called after an ESC. Consumes the rest of the sequence it introduces.
    package mutating func skipEscape() {
        guard let c = peek() else { return }
        switch c.value {
        case 0x5B:  // [  CSI
            pos += 1; skipCSIBody()
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // ] OSC, P DCS, _ APC, ^ PM, X SOS
            pos += 1; skipControlString()
        case 0x20...0x2F:  // intermediates (ESC ( B, ESC # 8 …), then one final byte
            while let d = peek(), (0x20...0x2F).contains(d.value) { pos += 1 }
            if let d = peek(), (0x30...0x7E).contains(d.value) { pos += 1 }
        case 0x30...0x7E:  // ESC c, ESC 7, ESC =, …: two-character sequences
            pos += 1
        default:
            break  // ESC before a control or non-ASCII: drop only the ESC, keep scanning normally
        }
    }

    /// CSI parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E. Anything else ends
    /// the sequence early (it is then processed as ordinary input, so controls are still dropped).
    package mutating func skipCSIBody() {
        while let c = peek() {
            switch c.value {
            case 0x20...0x3F: pos += 1
            case 0x40...0x7E: pos += 1; return
            default: return
            }
        }
    }

    /// OSC/DCS/APC/PM/SOS run until BEL, ESC \ or C1 ST. An unterminated one swallows the rest,
    /// as it would in the terminal.
    package mutating func skipControlString() {
        while let c = next() {
            switch c.value {
            case 0x07, 0x9C: return
            case 0x1B:
                // ESC \ is ST; any other ESC aborts the string and starts a new sequence.
                if peek()?.value == 0x5C { pos += 1 } else { skipEscape() }
                return
            default: continue
            }
        }
    }
}
