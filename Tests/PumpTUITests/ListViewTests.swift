import Testing
@testable import PumpTUI

@Suite struct ListViewTests {
    final class Counter { var measured: [Int] = []; var drawn: [Int] = [] }

    func render(_ state: ListState, count: Int, rows: Int = 10, counter: Counter) -> (CellBuffer, ListView.Layout) {
        var b = CellBuffer(size: Size(rows: rows, cols: 20))
        let layout = ListView.render(into: &b, area: Rect(row: 0, col: 0, rows: rows, cols: 20), state: state, count: count,
                                     measure: { i in counter.measured.append(i); return i % 3 + 1 },
                                     draw: { i, buf, rect, _ in
                                         counter.drawn.append(i)
                                         buf.put("item \(i)", row: rect.row, col: rect.col)
                                     })
        return (b, layout)
    }

    @Test func onlyVisibleItemsAreMeasuredAndDrawn() {
        for selected in [0, 10_000, 99_999] {
            let c = Counter()
            var state = ListState(selected: selected, top: 0)
            state.ensureVisible(rows: 10, count: 100_000) { i in c.measured.append(i); return i % 3 + 1 }
            let c2 = Counter()
            let (_, layout) = render(state, count: 100_000, counter: c2)
            #expect(layout.items.contains { $0.index == selected })
            #expect(c.measured.count <= 25, "ensureVisible measured \(c.measured.count) items")
            #expect(Set(c2.measured).count <= 12)
            #expect(c2.drawn == layout.items.map(\.index))
        }
    }

    @Test func selectionStaysVisibleAndIsHighlighted() {
        var state = ListState()
        let heights = { (i: Int) in i % 3 + 1 }
        for _ in 0..<7 { _ = state.apply(.moveDown, count: 50); state.ensureVisible(rows: 10, count: 50, measure: heights) }
        let c = Counter()
        let (b, layout) = render(state, count: 50, counter: c)
        let item = try! #require(layout.items.first { $0.index == 7 })
        #expect(item.row + item.rows <= 10 && item.rows == heights(7))
        #expect(b[item.row, 0].role == .selection && b[item.row + 1, 0].role == .selection)
        #expect(b.trimmedLines()[item.row] == "item 7")
        #expect(layout.items.allSatisfy { $0.index == 7 || b[$0.row, 0].role == .text })
    }

    @Test func keysMoveSelection() {
        var s = ListState()
        s.visibleCount = 5
        _ = s.apply(.pageDown, count: 100); #expect(s.selected == 4)
        _ = s.apply(.bottom, count: 100); #expect(s.selected == 99)
        _ = s.apply(.moveDown, count: 100); #expect(s.selected == 99)
        _ = s.apply(.top, count: 100); #expect(s.selected == 0)
        _ = s.apply(.moveUp, count: 100); #expect(s.selected == 0)
        do { let r = s.apply(.like, count: 100); #expect(!r) }
    }

    @Test func scrollingUpMovesTopToSelection() {
        var s = ListState(selected: 40, top: 45)
        s.ensureVisible(rows: 10, count: 100) { _ in 2 }
        #expect(s.top == 40)
    }
}
