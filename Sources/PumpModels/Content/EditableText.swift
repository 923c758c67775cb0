/// A post's HTML as the editor shows it for an edit (issue 24: `e` sent back the rendered text,
/// so a note written in the web UI lost its link targets and paragraphs). Links are written
/// `[text](URL)` (markdown's form: the link's extent is unambiguous, unlike `text <URL>`), a
/// blank line separates paragraphs; `HTMLText.html(fromEditable:)` turns it back into HTML.
public struct EditableText: Equatable, Sendable {
    public var text: String
    /// What the HTML held that the text cannot: sent as plain text if the text is changed.
    public var lost: LostMarkup

    public init(text: String, lost: LostMarkup) { self.text = text; self.lost = lost }
}

/// Markup an edit of the text turns into plain text (or, `cut`, the part of a long post past
/// `TextBudget` that the editor never held).
public struct LostMarkup: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let bold = LostMarkup(rawValue: 1 << 0)
    public static let italics = LostMarkup(rawValue: 1 << 1)
    public static let lists = LostMarkup(rawValue: 1 << 2)
    public static let images = LostMarkup(rawValue: 1 << 3)
    public static let quotes = LostMarkup(rawValue: 1 << 4)
    public static let code = LostMarkup(rawValue: 1 << 5)
    public static let headings = LostMarkup(rawValue: 1 << 6)
    public static let tables = LostMarkup(rawValue: 1 << 7)
    public static let formatting = LostMarkup(rawValue: 1 << 8)
    public static let cut = LostMarkup(rawValue: 1 << 9)

    /// The kind of markup an opening tag stands for, if the editable text drops it.
    static func of(tag name: String) -> LostMarkup? {
        switch name {
        case "b", "strong": return .bold
        case "i", "em", "cite", "var": return .italics
        case "ul", "ol", "li", "dl", "dt", "dd": return .lists
        case "img", "video", "audio", "picture", "svg": return .images
        case "blockquote", "q": return .quotes
        case "pre", "code", "tt", "kbd", "samp": return .code
        case "h1", "h2", "h3", "h4", "h5", "h6": return .headings
        case "table": return .tables
        case "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big", "mark", "hr", "font", "abbr": return .formatting
        default: return nil
        }
    }

    private static let names: [(LostMarkup, String)] = [
        (.bold, "bold"), (.italics, "italics"), (.lists, "lists"), (.images, "images"), (.quotes, "quotes"),
        (.code, "code"), (.headings, "headings"), (.tables, "tables"), (.formatting, "other formatting"),
    ]

    /// "bold, lists and images" (nil when only `cut` or nothing).
    var markupNames: String? {
        let words = Self.names.filter { contains($0.0) }.map(\.1)
        guard let last = words.last else { return nil }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The editor's line about it: before the text is changed, what a change would do; after,
    /// what will be sent. Nil when nothing is lost.
    public func notice(textChanged: Bool) -> String? {
        if contains(.cut) {
            return "This post is longer than the editor holds: only its title can be changed here"
        }
        guard let names = markupNames else { return nil }
        if textChanged { return names.prefix(1).uppercased() + names.dropFirst() + " in this post will be sent as plain text" }
        return "Changing the text sends \(names) as plain text; a new title alone keeps them"
    }
}

extension HTMLText {
    /// The editor's text (`editable`'s form) as HTML for `content`: a blank line starts a new
    /// `<p>` (one paragraph is sent bare, as a new post is), a line break is `<br>`,
    /// `[text](URL)` is `<a href="URL">text</a>`, and everything else is escaped and its plain
    /// URLs linked as `escapeForPost` does. Linear in the text.
    public static func html(fromEditable text: String) -> String {
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(text.utf8.count)
        var lastWasCR = false
        for u in text.unicodeScalars {
            if u == "\n", lastWasCR { lastWasCR = false; continue }
            lastWasCR = u == "\r"
            s.append(lastWasCR ? "\n" : u)
        }
        var paragraphs: [String] = []
        var lineStart = 0, paragraphStart: Int?, paragraphEnd = 0
        for i in 0...s.count where i == s.count || s[i] == "\n" {
            if s[lineStart..<i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                if let p = paragraphStart { paragraphs.append(inlineHTML(s[p..<paragraphEnd])); paragraphStart = nil }
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = i
            }
            lineStart = i + 1
        }
        if let p = paragraphStart { paragraphs.append(inlineHTML(s[p..<paragraphEnd])) }
        if paragraphs.count <= 1 { return paragraphs.first ?? "" }
        return paragraphs.map { "<p>\($0)</p>" }.joined()
    }

    /// One paragraph: its `[text](URL)` links as anchors, the rest as `escapeForPost` does.
    private static func inlineHTML(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        var at = s.startIndex
        for link in markdownLinks(s) {
            out += escapeForPost(Array(s[at..<link.whole.lowerBound]))
            out += "<a href=\"\(escapeText(s[link.url]))\">\(escapeText(s[link.text]))</a>"
            at = link.whole.upperBound
        }
        return out + escapeForPost(Array(s[at...]))
    }

    /// The longest URL read inside `(…)`; longer is text.
    static let maxEditableURL = 8 * 1024

    /// `[text](URL)` in one pass: `[`s wait on a stack, a `]` closes the last, and when `(`
    /// follows, the URL runs to its balancing `)` without spaces or quotes. A URL that fails
    /// marks how far it was read, and no later one starts before that, so no scalar is read
    /// twice (a line of 50 000 `](` stays linear). Found in order, not overlapping.
    static func markdownLinks(_ s: ArraySlice<Unicode.Scalar>) -> [(whole: Range<Int>, text: Range<Int>, url: Range<Int>)] {
        var found: [(whole: Range<Int>, text: Range<Int>, url: Range<Int>)] = []
        var opens: [Int] = []
        var readUpTo = s.startIndex
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "[" { opens.append(i) }
            else if s[i] == "]", let open = opens.popLast(), i + 1 < s.endIndex, s[i + 1] == "(", i + 2 >= readUpTo {
                switch urlEnd(s, from: i + 2) {
                case .success(let close) where open + 1 < i:
                    found.append((open..<close + 1, open + 1..<i, i + 2..<close))
                    opens.removeAll()        // a link holds no link: brackets before it stay text
                    i = close + 1
                    continue
                case .success(let close): readUpTo = close      // "[](URL)": no text, stays text
                case .failure(let stop): readUpTo = stop.at
                }
            }
            i += 1
        }
        return found
    }

    private struct Stop: Error { var at: Int }

    /// The index of the `)` ending a URL that starts at `start`, or where reading stopped.
    private static func urlEnd(_ s: ArraySlice<Unicode.Scalar>, from start: Int) -> Result<Int, Stop> {
        var depth = 0
        var k = start
        while k < s.endIndex, k - start <= maxEditableURL {
            switch s[k] {
            case " ", "\t", "\n", "\"", "<", ">", "[", "]": return .failure(Stop(at: k))
            case "(": depth += 1
            case ")":
                if depth > 0 { depth -= 1; break }
                guard k > start, isSendableURL(s[start..<k]) else { return .failure(Stop(at: k)) }
                return .success(k)
            default: break
            }
            k += 1
        }
        return .failure(Stop(at: k))
    }

    /// Script and data URLs stay text (the server would strip them anyway).
    private static func isSendableURL(_ url: ArraySlice<Unicode.Scalar>) -> Bool {
        let head = String(String.UnicodeScalarView(url.prefix(11))).lowercased()
        return !head.hasPrefix("javascript:") && !head.hasPrefix("data:") && !head.hasPrefix("vbscript:")
    }
}
