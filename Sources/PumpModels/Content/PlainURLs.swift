/// Plain http(s) URLs in text: linked when posting (so other pump.io clients show links) and
/// numbered when reading (so `L` and `c` reach them). Punctuation after a URL ("see
/// https://x.org.", "(https://x.org)") is not part of it; balanced parentheses inside are.
public enum PlainURLs {
    /// Scalar offsets of each URL, in order.
    public static func find(in s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard let schemeLength = scheme(s, at: i), i == 0 || !isWord(s[i - 1]) else { i += 1; continue }
            var end = i + schemeLength
            while end < s.count, isURLScalar(s[end]) { end += 1 }
            end = trimmed(s, from: i + schemeLength, to: end)
            if end > i + schemeLength { out.append(i..<end); i = end } else { i += schemeLength }
        }
        return out
    }

    /// Text with numbered markers after URLs that are not already among `links` (anchors keep
    /// theirs: no double numbering), and the links with the new ones appended, at most
    /// `TextBudget.maxLinks` in all. Linear: the known links are looked up in a set.
    public static func markPlainLinks(_ text: String, links: [String]) -> (text: String, links: [String]) {
        let s = Array(text.unicodeScalars)
        let found = find(in: s)
        guard !found.isEmpty else { return (text, links) }
        var links = links
        var known = Set(links)
        // An array, turned into a String once: appending a slice to a String.UnicodeScalarView
        // copies the whole view, so 140 000 URLs cost 10^10 steps (found by the links fuzzer).
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 6 * min(found.count, TextBudget.maxLinks))
        var at = 0
        for r in found where links.count < TextBudget.maxLinks {
            out.append(contentsOf: s[at..<r.upperBound])
            at = r.upperBound
            guard r.count <= TextBudget.maxURL else { continue }
            var url = String.UnicodeScalarView(); url.append(contentsOf: s[r])
            let href = String(url)
            guard known.insert(href).inserted else { continue }
            links.append(href)
            out.append(contentsOf: "[\(links.count)]".unicodeScalars)
        }
        out.append(contentsOf: s[at...])
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return (String(view), links)
    }

    // MARK: Scanning

    private static let schemes = [Array("https://".unicodeScalars), Array("http://".unicodeScalars)]

    private static func scheme(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard lower(s[i]) == "h" else { return nil }   // most scalars: one comparison
        for p in schemes where i + p.count <= s.count {
            if (0..<p.count).allSatisfy({ lower(s[i + $0]) == p[$0] }) { return p.count }
        }
        return nil
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(c.value) ? Unicode.Scalar(c.value + 32)! : c
    }

    private static func isWord(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == "_"
    }

    /// Anything but spaces, controls and the characters that end a URL in text or HTML.
    private static func isURLScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x21 || (0x7F...0x9F).contains(c.value) || c.properties.isWhitespace { return false }
        return !stops.contains(c)
    }

    private static let stops = Set("<>\"[]{}|\\^`。、，！？「」『』（）".unicodeScalars)

    private static let trailing = Set(".,:;!?'*_~。、，！？：；…»”’".unicodeScalars)

    /// Drops trailing punctuation, and each `)` that closes nothing opened in the URL. The
    /// parentheses are counted once and the counts kept up as the end moves back (recounting
    /// per `)` made a URL followed by 100 000 `)` cost 10^10 steps, issue 23).
    private static func trimmed(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var opens = 0, closes = 0
        for c in s[start..<end] { if c == "(" { opens += 1 } else if c == ")" { closes += 1 } }
        var e = end
        while e > start {
            let c = s[e - 1]
            if trailing.contains(c) { e -= 1; continue }
            if c == ")", closes > opens { closes -= 1; e -= 1; continue }
            break
        }
        return e
    }
}
