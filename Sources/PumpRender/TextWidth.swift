import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The width ncurses gives a character is glibc's wcwidth. Layout must use the very same
// function, or our idea of where a cell lands and the terminal's drift apart.
@_silgen_name("wcwidth") private func c_wcwidth(_ wc: Int32) -> Int32

public enum TextWidth {
    /// wcwidth only knows non-ASCII widths in a UTF-8 locale; over SSH LANG is often unset.
    private static let localeReady: Bool = {
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return true
    }()

    /// wcwidth as the terminal sees it: -1 for controls and unknown scalars (never painted as
    /// they are), 0 for combining marks, ZWJ and variation selectors.
    package static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value < 0x20 ? -1 : 1 }
        _ = localeReady
        return Int(c_wcwidth(Int32(bitPattern: scalar.value)))
    }

    /// Columns one scalar occupies: 0 for combining marks, ZWJ and VS16; control characters
    /// (which the sanitizer should have removed) count as 1 so they can never shrink a row.
    public static func width(_ scalar: Unicode.Scalar) -> Int {
        let w = cellWidth(scalar)
        return w < 0 ? 1 : w
    }

    /// A grapheme cluster is laid out as one unit, as wide as the terminal draws it
    /// (see Grapheme): 0 only when it has nothing to show.
    public static func width(_ ch: Character) -> Int { Grapheme.width(ch) }

    public static func width(_ text: String) -> Int {
        var total = 0
        for ch in text { total += width(ch) }
        return total
    }
}
