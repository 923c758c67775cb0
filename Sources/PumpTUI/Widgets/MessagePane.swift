/// Paragraphs of text wrapped to the pane, plus URL paragraphs drawn from the buffer's column 0
/// across the full row so their rows hold exactly the URL pieces (copyable; tui-notes §A6).
public struct MessagePane: Equatable, Sendable {
    public struct Paragraph: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var isURL: Bool
        public init(_ text: String, role: Role = .text, isURL: Bool = false) {
            self.text = text; self.role = isURL ? .url : role; self.isURL = isURL
        }
        public static func url(_ url: String) -> Paragraph { Paragraph(url, isURL: true) }
    }

    /// One laid-out row: its text, role, and the buffer column it starts at.
    public struct Line: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var col: Int
        public var isURL: Bool
    }

    public var paragraphs: [Paragraph]
    /// First row shown.
    public var scroll = 0
    public init(_ paragraphs: [Paragraph], scroll: Int = 0) { self.paragraphs = paragraphs; self.scroll = scroll }

    /// All rows for `area` in a buffer `bufferCols` wide. URL rows break at the screen edge.
    public func lines(area: Rect, bufferCols: Int) -> [Line] {
        paragraphs.flatMap { p -> [Line] in
            if p.isURL {
                return TextLayout.wrap(p.text, width: bufferCols).map { Line(text: $0, role: .url, col: 0, isURL: true) }
            }
            return TextLayout.wrap(p.text, width: area.cols).map { Line(text: $0, role: p.role, col: area.col, isURL: false) }
        }
    }

    public func contentHeight(area: Rect, bufferCols: Int) -> Int { lines(area: area, bufferCols: bufferCols).count }

    /// Largest useful scroll offset.
    public func maxScroll(area: Rect, bufferCols: Int) -> Int {
        max(0, contentHeight(area: area, bufferCols: bufferCols) - area.rows)
    }

    public mutating func scroll(by delta: Int, area: Rect, bufferCols: Int) {
        scroll = min(max(0, scroll + delta), maxScroll(area: area, bufferCols: bufferCols))
    }

    /// Draws the visible rows. A URL row is cleared across the whole buffer row first so
    /// nothing else (borders, padding) shares it.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        let all = lines(area: area, bufferCols: buffer.size.cols)
        let start = min(max(0, scroll), max(0, all.count - area.rows))
        for r in 0..<area.rows {
            let y = area.row + r
            guard start + r < all.count else { break }
            let line = all[start + r]
            if line.isURL {
                buffer.fill(Rect(row: y, col: 0, rows: 1, cols: buffer.size.cols))
                buffer.put(line.text, row: y, col: 0, role: .url)
            } else {
                buffer.put(line.text, row: y, col: line.col, role: line.role, maxCols: area.cols)
            }
        }
    }
}
