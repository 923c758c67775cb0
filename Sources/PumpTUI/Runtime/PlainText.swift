/// Text the runtime prints outside curses (plain screen, farewell). curses no longer filters
/// it there, so escape sequences and other controls are removed here: only printable text,
/// newlines and tabs reach the terminal.
public enum PlainText {
    public static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A, 0x09: out.append(s)
            case 0x0D: continue
            case 0x00..<0x20, 0x7F..<0xA0: continue
            case 0x202A...0x202E, 0x2066...0x2069: continue   // bidi overrides could reorder the text
            default: out.append(s)
            }
        }
        return String(out)
    }
}
