/// Text ready for the terminal: sanitized, with link references numbered.
public struct RenderedText: Sendable, Equatable {
    /// Paragraphs separated by a blank line; `[n]` after each link's text refers to `links[n-1]`.
    public var text: String
    /// Link targets in order of first appearance, deduplicated, sanitized to one line.
    public var links: [String]

    public init(text: String, links: [String]) { self.text = text; self.links = links }
}

/// HTML (pump.io `content`, already DOMPurify'd by the server, but possibly from anywhere) → text.
/// A small tolerant scanner rather than a parser: it never fails, tolerates unclosed tags, `>`
/// inside quoted attributes, stray `<`, and malformed entities (kept literally).
public enum HTMLText {
    /// Bounded by `TextBudget`: the first `maxInputScalars` of the HTML are read, the text is
    /// cut at `maxTextBytes` with "…", at most `maxLinks` links are numbered.
    public static func render(_ html: String, linkMarkers: Bool = true) -> RenderedText {
        let scalars = html.unicodeScalars
        // Where reading stops, found without counting the rest (8 MB of it costs milliseconds).
        let end = scalars.index(scalars.startIndex, offsetBy: TextBudget.maxInputScalars, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var r = HTMLRenderer(scalars: Array(scalars[..<end]), linkMarkers: linkMarkers)
        r.inputCut = end < scalars.endIndex
        r.run()
        return r.finish()
    }

    /// The HTML as text to edit (issue 24): links as `[text](URL)` (a link whose text is its URL
    /// stays a bare URL), paragraphs as blank lines, and what else the markup held and the text
    /// cannot keep (bold, lists, images…) in `lost`. `html(fromEditable:)` turns it back.
    /// Bounded like `render`.
    public static func editable(_ html: String) -> EditableText {
        let scalars = html.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: TextBudget.maxInputScalars, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var r = HTMLRenderer(scalars: Array(scalars[..<end]), linkMarkers: false, editable: true)
        r.inputCut = end < scalars.endIndex
        r.run()
        while let open = r.anchors.popLast() { r.closeEditableLink(open) }
        var lost = r.lost
        if r.inputCut || r.i < r.s.count || r.outBytes > TextBudget.maxTextBytes { lost.insert(.cut) }
        return EditableText(text: r.finish().text, lost: lost)
    }

    /// One line of plain text (no link markers), e.g. an activity's summary sentence.
    public static func line(_ html: String, maxLength: Int? = nil) -> String {
        TerminalText.clean(render(html, linkMarkers: false).text, .line, maxLength: maxLength)
    }

    /// The user's plain text as HTML for `content`: escape `& < > "`, newlines → `<br>`, plain
    /// URLs → `<a href="URL">URL</a>` (so every pump.io client shows them as links).
    public static func escapeForPost(_ text: String) -> String {
        escapeForPost(Array(text.unicodeScalars))
    }

    static func escapeForPost(_ scalars: [Unicode.Scalar]) -> String {
        var out = ""
        var at = 0
        for r in PlainURLs.find(in: scalars) {
            out += escapeText(scalars[at..<r.lowerBound])
            let url = escapeText(scalars[r])
            out += "<a href=\"\(url)\">\(url)</a>"
            at = r.upperBound
        }
        return out + escapeText(scalars[at...])
    }

    static func escapeText(_ text: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        out.reserveCapacity(text.count + 16)
        var lastWasCR = false
        for u in text {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "<br>"
            case "\n": if !lastWasCR { out += "<br>" }
            default: out.unicodeScalars.append(u)
            }
            lastWasCR = u == "\r"
        }
        return out
    }
}

private let blockTags: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "section", "article", "header",
    "footer", "figure", "figcaption", "dl", "address", "aside", "nav", "main", "form", "fieldset",
    "details", "summary", "center",
]

private struct HTMLRenderer {
    package let s: [Unicode.Scalar]
    package let linkMarkers: Bool
    /// Text to edit (`HTMLText.editable`): links written `[text](URL)`, lost markup noted.
    package let editable: Bool
    /// Where each open link's `[` is in `out` (editable only).
    package var linkStarts: [String.UnicodeScalarView.Index] = []
    /// Markup the editable text cannot keep.
    package var lost: LostMarkup = []
    package var i = 0
    package var out = String.UnicodeScalarView()
    package var links: [String] = []
    /// Each link's number, so a repeated link is found without searching `links` (issue 23).
    package var linkNumbers: [String: Int] = [:]
    /// UTF-8 bytes written to `out` (its `count` is not O(1)); reading stops past the budget.
    package var outBytes = 0
    /// The HTML was longer than `TextBudget.maxInputScalars`: the text ends in "…".
    package var inputCut = false
    package var pendingSpace = false
    package var pendingBreaks = 0
    package var atLineStart = true
    package var quoteDepth = 0
    package var listDepth = 0
    package var preDepth = 0
    package var anchors: [String?] = []
    /// Just wrote a list marker: the item's own <p> and leading spaces must not push the text away.
    package var afterMarker = false

    package init(scalars: [Unicode.Scalar], linkMarkers: Bool, editable: Bool = false) {
        s = scalars; self.linkMarkers = linkMarkers; self.editable = editable
    }

    package mutating func run() {
        while i < s.count, outBytes <= TextBudget.maxTextBytes {
            let c = s[i]
            if c == "<" { tagOrLiteral() }
            else if c == "&" { let d = entity(); text(d) }
            else { text(c); i += 1 }
        }
    }

    package mutating func finish() -> RenderedText {
        while let l = out.last, l == " " || l == "\n" { out.removeLast() }
        var text = TextBudget.cut(TerminalText.clean(String(out), .text))
        if inputCut || i < s.count, !text.hasSuffix("…") { text += text.isEmpty ? "…" : " …" }
        guard linkMarkers else { return RenderedText(text: text, links: links) }
        let marked = PlainURLs.markPlainLinks(text, links: links)
        return RenderedText(text: marked.text, links: marked.links)
    }

    // MARK: Output with whitespace collapsing and block spacing

    package mutating func text(_ c: Unicode.Scalar) {
        switch c.value {
        case 0x20, 0x09, 0x0C:
            if preDepth > 0 { emit(" ") } else { pendingSpace = true }
        case 0x0A, 0x0D:
            if preDepth > 0 { if c.value == 0x0A { pendingBreaks = max(pendingBreaks, 1); forceBreak() } }
            else { pendingSpace = true }
        case 0xA0:
            emit(" ")  // nbsp: a space that is not collapsed
        default:
            emit(c)
        }
    }

    package mutating func text(_ str: String) { for u in str.unicodeScalars { text(u) } }

    /// In <pre>, consecutive newlines are kept as they are (not capped like <br>).
    package mutating func forceBreak() {
        if out.isEmpty { pendingBreaks = 0; return }
        trimTrailingSpaces()
        out.append("\n")
        outBytes += 1
        pendingBreaks = 0
        atLineStart = true
        pendingSpace = false
    }

    package mutating func emit(_ c: Unicode.Scalar) {
        if afterMarker { pendingSpace = false; afterMarker = false }
        if pendingBreaks > 0 && !out.isEmpty {
            trimTrailingSpaces()
            for _ in 0..<pendingBreaks { out.append("\n") }
            outBytes += pendingBreaks
            atLineStart = true
        }
        pendingBreaks = 0
        if atLineStart {
            for _ in 0..<min(quoteDepth, Self.maxShownDepth) { out.append(">"); out.append(" "); outBytes += 2 }
            atLineStart = false
            pendingSpace = false
        }
        if pendingSpace { out.append(" "); pendingSpace = false; outBytes += 1 }
        out.append(c)
        outBytes += UTF8.width(c)
    }

    /// Quote marks and list indents drawn at most this deep: 10 000 nested `<blockquote>`s
    /// would otherwise put 20 000 columns of "> " before every line.
    package static let maxShownDepth = 8

    package mutating func emitRaw(_ str: String) { for u in str.unicodeScalars { emit(u) } }

    package mutating func trimTrailingSpaces() { while out.last == " " { out.removeLast() } }

    package mutating func blockBreak() { pendingBreaks = 2; pendingSpace = false; afterMarker = false }
    package mutating func lineBreak() { pendingBreaks = min(pendingBreaks + 1, 2); pendingSpace = false; afterMarker = false }
    package mutating func itemBreak() { pendingBreaks = max(pendingBreaks, 1); pendingSpace = false; afterMarker = false }

    package mutating func linkMarker(_ href: String?) {
        guard let href, let n = addLink(href), linkMarkers else { return }
        emitRaw("[\(n)]")
    }

    /// Ends the link opened last as `](URL)`; a link without a target or text keeps only its
    /// text, and so does one whose text is its URL when sending links that URL again
    /// (`escapeForPost` finds it whole). Appended as it is: a pending space goes after the
    /// link, not inside it.
    package mutating func closeEditableLink(_ href: String?) {
        guard let start = linkStarts.popLast() else { return }
        let url = TerminalText.clean((href ?? "").trimmingSpaces, .line)
        let inside = out[out.index(after: start)...]
        let urlScalars = Array(url.unicodeScalars)
        if url.isEmpty || inside.isEmpty
            || inside.elementsEqual(urlScalars) && PlainURLs.find(in: urlScalars) == [0..<urlScalars.count] {
            out.remove(at: start)
            outBytes -= 1
            return
        }
        let tail = "](" + url + ")"
        out.append(contentsOf: tail.unicodeScalars)
        outBytes += tail.utf8.count
    }

    /// Returns the 1-based number of the link, or nil for links not worth listing.
    package mutating func addLink(_ raw: String) -> Int? {
        let href = TerminalText.clean(raw.trimmingSpaces, .line, maxLength: TextBudget.maxURL)
        let lower = href.lowercased()
        if href.isEmpty || href.hasPrefix("#") || lower.hasPrefix("javascript:") || lower.hasPrefix("data:") {
            return nil
        }
        if let k = linkNumbers[href] { return k }
        guard links.count < TextBudget.maxLinks else { return nil }
        links.append(href)
        linkNumbers[href] = links.count
        return links.count
    }

    // MARK: Tags

    package mutating func tagOrLiteral() {
        let next = i + 1 < s.count ? s[i + 1] : " "
        if next == "!" {
            if matches("<!--", at: i) { i = indexAfter("-->", from: i + 4) }
            else { i = indexAfter(">", from: i + 2) }  // doctype, CDATA: dropped
            return
        }
        if next == "?" { i = indexAfter(">", from: i + 2); return }
        if next == "/" || next.properties.isAlphabetic && next.isASCII { tag(); return }
        text("<"); i += 1
    }

    package mutating func tag() {
        var j = i + 1
        let closing = s[j] == "/"
        if closing { j += 1 }
        var name = String.UnicodeScalarView()
        while j < s.count, isNameChar(s[j]) { name.append(lowerASCII(s[j])); j += 1 }
        var attrs: [String: String] = [:]
        j = attributes(from: j, into: &attrs)
        i = j
        handle(String(name), closing: closing, attrs: attrs)
    }

    /// Reads attributes up to and past the closing `>`; quoted values may contain `>`.
    package mutating func attributes(from start: Int, into attrs: inout [String: String]) -> Int {
        var j = start
        while j < s.count {
            let c = s[j]
            if c == ">" { return j + 1 }
            if isSpace(c) || c == "/" { j += 1; continue }
            var key = String.UnicodeScalarView()
            while j < s.count, !isSpace(s[j]), s[j] != "=", s[j] != ">", s[j] != "/" {
                key.append(lowerASCII(s[j])); j += 1
            }
            if key.isEmpty { j += 1; continue }  // e.g. a stray quote: skip it
            while j < s.count, isSpace(s[j]) { j += 1 }
            guard j < s.count, s[j] == "=" else { continue }
            j += 1
            while j < s.count, isSpace(s[j]) { j += 1 }
            var value = String.UnicodeScalarView()
            if j < s.count, s[j] == "\"" || s[j] == "'" {
                let q = s[j]; j += 1
                while j < s.count, s[j] != q { value.append(s[j]); j += 1 }
                j += 1
            } else {
                while j < s.count, !isSpace(s[j]), s[j] != ">" { value.append(s[j]); j += 1 }
            }
            let k = String(key)
            if k == "href" || k == "src" || k == "alt" { attrs[k] = decodeEntities(String(value)) }
        }
        return s.count
    }

    package mutating func handle(_ name: String, closing: Bool, attrs: [String: String]) {
        if editable, !closing, let kind = LostMarkup.of(tag: name) { lost.insert(kind) }
        switch name {
        case "br": lineBreak()
        case "script", "style", "template", "title", "head":
            if !closing { i = indexAfterClosingTag(name) }
        case "a" where editable:
            if closing { if let h = anchors.popLast() { closeEditableLink(h) } }
            else { anchors.append(attrs["href"]); emit("["); linkStarts.append(out.index(before: out.endIndex)) }
        case "a":
            if closing { if let h = anchors.popLast() { linkMarker(h) } }
            else { anchors.append(attrs["href"]) }
        case "img":
            guard !closing else { return }
            let alt = attrs["alt"]?.trimmingSpaces ?? ""
            text(alt.isEmpty ? "[image]" : "[image: \(alt)]")
            linkMarker(attrs["src"])
        case "ul", "ol":
            listDepth = max(0, listDepth + (closing ? -1 : 1))
            if listDepth == 0 || (!closing && listDepth == 1) { blockBreak() } else { itemBreak() }
        case "li":
            guard !closing else { return }
            itemBreak()
            emitRaw(String(repeating: "  ", count: max(0, min(listDepth, Self.maxShownDepth) - 1)) + "• ")
            afterMarker = true
        case "blockquote":
            blockBreak()
            quoteDepth = max(0, quoteDepth + (closing ? -1 : 1))
        case "pre":
            blockBreak()
            preDepth = max(0, preDepth + (closing ? -1 : 1))
        case "hr":
            blockBreak(); emitRaw("———"); blockBreak()
        case "dt", "dd":
            itemBreak()
        case "td", "th":
            pendingSpace = true
        default:
            // An item's own opening <p>/<div> stays on the marker's line.
            if blockTags.contains(name), closing || !afterMarker { blockBreak() }
        }
    }

    // MARK: Entities

    /// At `&`: the decoded entity, or a literal `&` when it is malformed.
    package mutating func entity() -> String {
        if let (str, end) = parseEntity(at: i) { i = end; return str }
        i += 1
        return "&"
    }

    package func parseEntity(at start: Int) -> (String, Int)? {
        var j = start + 1
        guard j < s.count else { return nil }
        if s[j] == "#" {
            j += 1
            var hex = false
            if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
            var v: UInt32 = 0, digits = 0
            while j < s.count, let d = digitValue(s[j], hex: hex), digits < 8 {
                v = v * (hex ? 16 : 10) + d; digits += 1; j += 1
            }
            guard digits > 0, j < s.count, s[j] == ";" else { return nil }
            let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
            return (String(v == 0 ? "\u{FFFD}" : scalar), j + 1)
        }
        var name = ""
        while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]), name.count < 10 {
            name.unicodeScalars.append(s[j]); j += 1
        }
        guard j < s.count, s[j] == ";", let v = namedEntities[name] else { return nil }
        return (v, j + 1)
    }

    package func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var sub = HTMLRenderer(scalars: Array(value.unicodeScalars), linkMarkers: false)
        var out = ""
        while sub.i < sub.s.count {
            if sub.s[sub.i] == "&" { out += sub.entity() }
            else { out.unicodeScalars.append(sub.s[sub.i]); sub.i += 1 }
        }
        return out
    }

    // MARK: Scanning helpers

    package func matches(_ lit: String, at k: Int) -> Bool {
        var p = k
        for u in lit.unicodeScalars {
            guard p < s.count, lowerASCII(s[p]) == u else { return false }
            p += 1
        }
        return true
    }

    package func indexAfter(_ lit: String, from k: Int) -> Int {
        var p = k
        while p < s.count {
            if matches(lit, at: p) { return p + lit.unicodeScalars.count }
            p += 1
        }
        return s.count
    }

    /// Skips raw content (script/style) up to and past `</name …>`.
    package func indexAfterClosingTag(_ name: String) -> Int {
        var p = i
        while p < s.count {
            if s[p] == "<", matches("</" + name, at: p) { return indexAfter(">", from: p) }
            p += 1
        }
        return s.count
    }

    package func isNameChar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":")
    }

    package func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }

    package func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
    }

    package func digitValue(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x61...0x66 where hex: return c.value - 0x61 + 10
        case 0x41...0x46 where hex: return c.value - 0x41 + 10
        default: return nil
        }
    }
}

private let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™",
    "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "deg": "°", "times": "×", "divide": "÷",
    "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}", "sect": "§", "para": "¶", "eacute": "é",
    "egrave": "è", "agrave": "à", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
]

extension String {
    package var trimmingSpaces: String {
        var sub = Substring(self)
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }
}
