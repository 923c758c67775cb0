import Testing
@testable import PumpTUI

@Suite struct MessagePaneTests {
    let url = "https://pump.example.org/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghij"

    func pane() -> MessagePane {
        MessagePane([
            .init("Open this URL in a browser, log in and press Authorize. 日本語のテキストも折り返す。 Then copy the Verifier 🔑 (not the Token) 👩‍💻."),
            .init(""),
            .url(url),
            .init(""),
            .init("Paste it below."),
        ])
    }

    @Test(arguments: standardSizes) func urlRowsHoldExactlyTheURL(size: Size) {
        var b = CellBuffer(size: size)
        // Indented pane: the URL still starts at column 0 and spans the full row width.
        pane().render(into: &b, area: Rect(row: 1, col: 2, rows: size.rows - 2, cols: size.cols - 4))
        let lines = b.trimmedLines()
        let urlRows = lines.enumerated().filter { i, _ in b[i, 0].role == .url }.map(\.element)
        #expect(urlRows.joined() == url)
        #expect(urlRows.count == (url.count + size.cols - 1) / size.cols)
        for r in urlRows.dropLast() { #expect(r.count == size.cols) }
        for r in urlRows { #expect(!r.hasPrefix(" ") && !r.contains(" ")) }
    }

    @Test(arguments: standardSizes) func textRowsFitAreaWithWideCharacters(size: Size) {
        var b = CellBuffer(size: size)
        let area = Rect(row: 1, col: 2, rows: size.rows - 2, cols: size.cols - 4)
        pane().render(into: &b, area: area)
        let lines = b.trimmedLines()
        #expect(lines[1].hasPrefix("  Open this URL"))
        #expect(lines.contains { $0.contains("日本語") })
        #expect(lines.contains { $0.contains("🔑") })
        for (i, l) in lines.enumerated() where b[i, 0].role != .url {
            #expect(TextWidth.width(l) <= area.col + area.cols)
        }
    }

    @Test func scrollsWhenTallerThanArea() {
        var p = MessagePane((1...10).map { .init("line \($0)") })
        let area = Rect(row: 0, col: 0, rows: 3, cols: 20)
        #expect(p.maxScroll(area: area, bufferCols: 20) == 7)
        p.scroll(by: 100, area: area, bufferCols: 20)
        var b = CellBuffer(size: Size(rows: 3, cols: 20))
        p.render(into: &b, area: area)
        #expect(b.trimmedLines() == ["line 8", "line 9", "line 10"])
    }
}
