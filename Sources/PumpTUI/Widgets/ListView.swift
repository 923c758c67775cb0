/// Selection and scroll position of a list; lives in screen state (ratatui's ListState).
public struct ListState: Equatable, Sendable {
    public var selected = 0
    /// Index of the first item drawn.
    public var top = 0
    /// Items that fitted at the last layout; PgUp/PgDn move by this many.
    public var visibleCount = 1

    public init(selected: Int = 0, top: Int = 0) { self.selected = selected; self.top = top }

    /// Moves the selection for a list action; false if the action is not a movement.
    public mutating func apply(_ action: Action, count: Int) -> Bool {
        guard count > 0 else { return false }
        let page = max(1, visibleCount - 1)
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .top: selected = 0
        case .bottom: selected = count - 1
        default: return false
        }
        selected = min(max(0, selected), count - 1)
        return true
    }

    /// Adjusts `top` so the selected item is on screen, measuring only items near the view.
    public mutating func ensureVisible(rows: Int, count: Int, measure: (Int) -> Int) {
        let layout = ListView.layout(state: self, rows: rows, count: count, measure: measure)
        top = layout.top; visibleCount = max(1, layout.items.count)
    }
}

/// A virtualised list of variable-height items. The caller gives the count, a measure closure
/// (rows item i needs) and a draw closure; only items that end up on screen are measured or
/// drawn, so a frame costs the same at item 10 000 as at item 0.
public struct ListView {
    public struct Layout: Equatable {
        public var top: Int
        /// Drawn items with their rows (a last item may be cut at the bottom).
        public var items: [(index: Int, row: Int, rows: Int)]
        public static func == (a: Layout, b: Layout) -> Bool {
            a.top == b.top && a.items.map(\.index) == b.items.map(\.index) && a.items.map(\.row) == b.items.map(\.row)
        }
    }

    /// Where each visible item goes. `top` moves only as far as needed to show the selection.
    public static func layout(state: ListState, rows: Int, count: Int, measure: (Int) -> Int) -> Layout {
        guard count > 0, rows > 0 else { return Layout(top: 0, items: []) }
        let selected = min(max(0, state.selected), count - 1)
        var top = min(max(0, state.top), count - 1)
        var heights: [Int: Int] = [:]
        func height(_ i: Int) -> Int {
            if let h = heights[i] { return h }
            let h = max(1, measure(i)); heights[i] = h; return h
        }
        if selected < top { top = selected }
        // Does the selection fit below `top`? Stop measuring as soon as it cannot.
        var used = 0, i = top
        while i <= selected, used <= rows { used += height(i); i += 1 }
        if used > rows {
            // Walk back from the selection: it sits at the bottom, fully visible if it can be.
            top = selected; used = height(selected)
            while top > 0, used + height(top - 1) <= rows { top -= 1; used += height(top) }
        }
        var items: [(index: Int, row: Int, rows: Int)] = []
        var row = 0
        i = top
        while i < count, row < rows {
            let h = height(i)
            items.append((i, row, min(h, rows - row)))
            row += h; i += 1
        }
        return Layout(top: top, items: items)
    }

    /// Renders the visible items. `draw(i, &buffer, rect, selected)` paints item i into rect;
    /// the selected item's rows get role `.selection`. Returns the layout used.
    @discardableResult
    public static func render(into buffer: inout CellBuffer, area: Rect, state: ListState, count: Int,
                              measure: (Int) -> Int,
                              draw: (Int, inout CellBuffer, Rect, Bool) -> Void) -> Layout {
        let layout = self.layout(state: state, rows: area.rows, count: count, measure: measure)
        for item in layout.items {
            let rect = Rect(row: area.row + item.row, col: area.col, rows: item.rows, cols: area.cols)
            let isSelected = item.index == state.selected
            draw(item.index, &buffer, rect, isSelected)
            if isSelected {
                for r in rect.row..<(rect.row + rect.rows) { buffer.setRole(.selection, row: r, col: rect.col, count: rect.cols) }
            }
        }
        return layout
    }
}
