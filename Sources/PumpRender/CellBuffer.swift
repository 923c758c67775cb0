/// Semantic roles, not colours: a theme maps each to attributes at paint time, so screens
/// never know whether the terminal has 256 colours, 8 or none.
public enum Role: String, CaseIterable, Sendable {
    case text, title, muted, url, focus, button, buttonFocus, input, inputFocus
    case error, warning, success, selection, author, time, border, status, hintKey, hint, mark, link
}

public struct Size: Equatable, Sendable {
    public var rows: Int
    public var cols: Int
    public init(rows: Int, cols: Int) { self.rows = rows; self.cols = cols }
}

public struct Rect: Equatable, Sendable {
    public var row: Int, col: Int, rows: Int, cols: Int
    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row; self.col = col; self.rows = rows; self.cols = cols
    }
}

/// A colour pair from the 256-colour palette (0–15 system, 16–231 the 6×6×6 cube, 232–255
/// greys) for cells that show pixels, not text: the image preview's half blocks. Text cells
/// have none and keep their role's theme colours.
public struct Ink: Equatable, Sendable {
    public var fg: UInt8
    public var bg: UInt8
    public init(fg: UInt8, bg: UInt8) { self.fg = fg; self.bg = bg }
}

/// One terminal cell. A grapheme cluster wider than one column (日, 👍🏽) sits in its first
/// cell with its width; the cells after it are continuations (char nil, width 0), so rows
/// always hold exactly `cols` cells.
public struct Cell: Equatable, Sendable {
    public var char: Character?
    public var width: UInt8
    public var role: Role
    /// Explicit colours (nil for every text cell): pixels drawn as characters.
    public var ink: Ink? = nil
    public static let blank = Cell(char: " ", width: 1, role: .text)
    package var isContinuation: Bool { char == nil && width == 0 }
}

/// The in-memory screen every widget renders into (ratatui's Buffer). The curses backend
/// paints it; tests read it back as text lines.
public struct CellBuffer: Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a focused text box), if anywhere.
    public var cursor: (row: Int, col: Int)?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.rows * size.cols))
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * size.cols + col]
    }

    /// Writes `text` at (row, col), clipped to `maxCols` columns (default: to the row's end).
    /// Returns the number of columns used. A cluster that would straddle the clip edge is
    /// replaced by a space rather than cut; zero-width clusters are dropped.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, role: Role = .text, maxCols: Int? = nil) -> Int {
        guard row >= 0, row < size.rows, col >= 0, col < size.cols else { return 0 }
        let limit = min(size.cols, col + (maxCols ?? size.cols))
        var x = col
        for ch in text {
            let w = TextWidth.width(ch)
            if w == 0 { continue }
            if x + w > limit {
                if x < limit { setCell(row, x, Cell(char: " ", width: 1, role: role)); x += 1 }
                break
            }
            setCell(row, x, Cell(char: ch, width: UInt8(w), role: role))
            for c in x + 1 ..< x + w { setCell(row, c, Cell(char: nil, width: 0, role: role)) }
            x += w
        }
        return x - col
    }

    /// Paints `count` cells with a role, keeping characters (used for selection bars).
    public mutating func setRole(_ role: Role, row: Int, col: Int, count: Int) {
        guard row >= 0, row < size.rows else { return }
        for x in max(0, col)..<min(size.cols, col + count) { cells[row * size.cols + x].role = role }
    }

    /// One cell of pixels: a one-column character in explicit colours (the preview's `▀`).
    public mutating func paint(_ char: Character, ink: Ink, row: Int, col: Int) {
        guard row >= 0, row < size.rows, col >= 0, col < size.cols else { return }
        setCell(row, col, Cell(char: char, width: 1, role: .text, ink: ink))
    }

    public mutating func fill(_ rect: Rect, char: Character = " ", role: Role = .text) {
        for r in max(0, rect.row)..<min(size.rows, rect.row + rect.rows) {
            for c in max(0, rect.col)..<min(size.cols, rect.col + rect.cols) {
                setCell(r, c, Cell(char: char, width: 1, role: role))
            }
        }
    }

    private mutating func setCell(_ row: Int, _ col: Int, _ cell: Cell) {
        let i = row * size.cols + col
        // Overwriting part of a wide cluster leaves the rest of it as blanks.
        if cells[i].isContinuation || cells[i].width > 1 { blankCluster(row: row, covering: col) }
        cells[i] = cell
    }

    /// Blanks the whole cluster (lead and continuation cells) that covers (row, col).
    private mutating func blankCluster(row: Int, covering col: Int) {
        let base = row * size.cols
        var lead = col
        while lead > 0, cells[base + lead].isContinuation { lead -= 1 }
        let end = min(size.cols, lead + max(1, Int(cells[base + lead].width)))
        for c in lead..<end where c == lead || cells[base + c].isContinuation { cells[base + c] = .blank }
    }

    /// The rows as text, trailing spaces kept, continuation cells skipped.
    public func lines() -> [String] {
        (0..<size.rows).map { r in
            var s = ""
            for c in 0..<size.cols {
                if let ch = self[r, c].char { s.append(ch) }
            }
            return s
        }
    }

    /// Rows with trailing blanks removed: what most tests compare against.
    public func trimmedLines() -> [String] {
        lines().map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }
    }
}
