/// How one grapheme cluster (a Swift `Character`) sits in terminal cells.
///
/// Measured in tmux 3.3a (notes in Tests/e2e/test_graphemes.py): the cursor advances by each
/// scalar's wcwidth, except that a scalar following a ZWJ, and any zero-width scalar, is merged
/// into the cell before. So 👨‍👩‍👧 takes 2 columns, but 👍🏽 takes 4 (👍 and 🏽 side by side)
/// and 🇫🇷 takes 2 (two regional indicators of width 1). A cluster is therefore painted as one
/// or more *segments*, each one terminal cell (a spacing scalar plus what merges into it), and
/// its width is the sum of theirs: then our columns and the terminal's cursor agree.
/// Layout (TextWidth) and painting (CursesBackend) both come from here.
/// A terminal that steps the cursor only 2 columns for 👍🏽 (not checked here) would see the
/// rest of such a row 2 columns to the left; tmux 3.3a is the reference.
public enum Grapheme {
    public struct Segment: Equatable, Sendable {
        public var scalars: [Unicode.Scalar]
        public var width: Int
        package init(scalars: [Unicode.Scalar], width: Int) { self.scalars = scalars; self.width = width }
    }

    package static let zwj: Unicode.Scalar = "\u{200D}"
    /// What a cluster holding a control or unknown scalar, or absurdly many cells, shows as.
    package static let replacement = [Segment(scalars: ["?"], width: 1)]
    /// More cells than this in one cluster (e.g. hundreds of spacing marks) is not text.
    package static let maxSegments = 8

    /// The cells of `ch`. Zero-width scalars before the first spacing one are dropped: on their
    /// own they would merge into whatever cell the terminal drew last.
    public static func segments(_ ch: Character) -> [Segment] {
        var out: [Segment] = []
        var afterZWJ = false
        for s in ch.unicodeScalars {
            let w = TextWidth.cellWidth(s)
            if w < 0 { return replacement }
            if w > 0 && !afterZWJ {
                if out.count == maxSegments { return replacement }
                out.append(Segment(scalars: [s], width: w))
            } else if !out.isEmpty {
                out[out.count - 1].scalars.append(s)
            }
            afterZWJ = s == zwj
        }
        // A ZWJ that ends a cluster joins nothing in it, but the terminal would glue the next
        // emoji it draws into this cell, even after a cursor move to the next row.
        if let last = out.last, last.scalars.count > 1, last.scalars.last == zwj {
            out[out.count - 1].scalars.removeLast()
        }
        return out
    }

    /// The sum of the segments' widths, without building them (layout calls this a lot).
    public static func width(_ ch: Character) -> Int {
        var total = 0, cells = 0
        var afterZWJ = false
        for s in ch.unicodeScalars {
            let w = TextWidth.cellWidth(s)
            if w < 0 { return 1 }
            if w > 0 && !afterZWJ { total += w; cells += 1 }
            afterZWJ = s == zwj
        }
        return cells > maxSegments ? 1 : total
    }
}
