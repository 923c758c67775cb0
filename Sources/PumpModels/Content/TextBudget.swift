/// What one post, summary or reply may cost to render (issue 23): a stranger's note of 8 MiB,
/// 150 000 links or a URL followed by 100 000 `)` must not take seconds to scan, lay out and
/// draw, on every start (the cache keeps it). Every text pass is linear; these caps bound the
/// size each pass works on, so one item costs milliseconds whatever the server sends.
public enum TextBudget {
    /// HTML scalars read from one content field; the rest is not looked at (an 8 MiB body is
    /// ~8 M scalars, 32 MB as an array). Four times the text shown: markup rarely weighs more.
    public static let maxInputScalars = 128 * 1024
    /// UTF-8 bytes of text shown for one item (about 400 rows at 80 columns); longer text ends
    /// in "…". A long article still reads in full in the browser (`o`).
    public static let maxTextBytes = 32 * 1024
    /// Numbered links per item: more are not numbered (a page of 150 000 anchors would
    /// otherwise list 150 000 rows under the post).
    public static let maxLinks = 200

    /// `text` cut to at most `maxBytes` UTF-8 bytes (plus the "…"), never inside a character;
    /// at the last space or line break within the final `maxURL` bytes when there is one, so
    /// a word (or URL) is not left half. Linear in the bytes kept.
    public static func cut(_ text: String, maxBytes: Int = maxTextBytes) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var end = text.startIndex, lastBreak: String.Index?
        var bytes = 0
        for (i, ch) in zip(text.indices, text) {
            let n = ch.utf8.count
            if bytes + n > maxBytes { break }
            bytes += n
            end = text.index(after: i)
            if ch == " " || ch == "\n" { lastBreak = i }
        }
        // A break far before the end would drop most of the text: then cut mid-word.
        if let b = lastBreak, text.utf8.distance(from: b, to: end) <= maxURL {
            return String(text[..<b]) + " …"
        }
        return String(text[..<end]) + "…"
    }

    /// The longest link kept (longer ones are not listed).
    public static let maxURL = 2000
}
