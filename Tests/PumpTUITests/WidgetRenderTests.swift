import Testing
@testable import PumpTUI

@Suite struct WidgetRenderTests {
    @Test func buttonRolesFollowFocus() {
        var b = CellBuffer(size: Size(rows: 1, cols: 20))
        let used = Button("Submit", focused: true).render(into: &b, area: Rect(row: 0, col: 1, rows: 1, cols: 19))
        #expect(used == 10 && b.trimmedLines() == [" [ Submit ]"])
        #expect(b[0, 1].role == .buttonFocus)
        Button("Submit").render(into: &b, area: Rect(row: 0, col: 1, rows: 1, cols: 19))
        #expect(b[0, 1].role == .button)
    }

    @Test func focusRingCycles() {
        enum F: Hashable, Sendable { case url, field, submit }
        var ring = FocusRing<F>([.url, .field, .submit], focused: .field)
        do { let r = ring.apply(.nextFocus); #expect(r && ring.current == .submit) }
        _ = ring.apply(.nextFocus); #expect(ring.current == .url)
        _ = ring.apply(.prevFocus); #expect(ring.current == .submit)
        do { let r = ring.apply(.quit); #expect(!r) }
    }

    @Test func statusLineSpinnerAdvancesWithTicks() {
        var b = CellBuffer(size: Size(rows: 1, cols: 30))
        StatusLine("Requesting a token…", busy: true, tick: 0).render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 30))
        #expect(b.trimmedLines() == ["⠋ Requesting a token…"])
        StatusLine("Requesting a token…", busy: true, tick: 3).render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 30))
        #expect(b.trimmedLines() == ["⠸ Requesting a token…"])
        StatusLine("Wrong verifier", kind: .error).render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 30))
        #expect(b.trimmedLines() == ["Wrong verifier"] && b[0, 0].role == .error)
    }

    /// A message too long for its row continues over the footer row, cut at a word, so the path
    /// at its end is whole at 80 columns (issue 22: "…what it saved: " lost the file's path).
    @Test func aLongStatusContinuesOverTheFooterRowAtAWord() {
        var b = CellBuffer(size: Size(rows: 2, cols: 80))
        b.put("Tab next  ^D send", row: 1, col: 0)
        let path = "/tmp/pumptui-draft-Ab12Cd.txt"
        StatusLine("Text unchanged; the editor's copy: \(path) (it exited with status 3)", kind: .warning)
            .render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 80), spill: Rect(row: 1, col: 0, rows: 1, cols: 80))
        let lines = b.trimmedLines()
        #expect(lines.joined(separator: " ").contains(path))
        #expect(lines.joined(separator: " ").hasSuffix("(it exited with status 3)"))
        #expect(!lines[1].contains("send") && b[1, 0].role == .warning)
        // A short one leaves the footer alone.
        var c = CellBuffer(size: Size(rows: 2, cols: 80))
        c.put("Tab next", row: 1, col: 0)
        StatusLine("Saved.").render(into: &c, area: Rect(row: 0, col: 0, rows: 1, cols: 80), spill: Rect(row: 1, col: 0, rows: 1, cols: 80))
        #expect(c.trimmedLines() == ["Saved.", "Tab next"])
    }

    @Test(arguments: standardSizes) func confirmDialogIsCenteredBox(size: Size) {
        var b = CellBuffer(size: size)
        ConfirmDialog("Cancel the login?").render(into: &b, area: full(size))
        let lines = b.trimmedLines()
        let top = lines.firstIndex { $0.contains("┌") }!
        #expect(lines[top].trimmingPrefixSpaces.hasPrefix("┌─") && lines[top].hasSuffix("┐"))
        #expect(lines.contains { $0.contains("│ Cancel the login?") })
        #expect(lines.contains { $0.contains("[ Yes ]  [ No ]") })
        #expect(lines.contains { $0.contains("└") && $0.hasSuffix("┘") })
        let col = lines[top].firstIndex(of: "┌")!.utf16Offset(in: lines[top])
        #expect(abs(col - (size.cols - TextWidth.width(lines[top].trimmingPrefixSpaces)) / 2) <= 1)
        #expect(b[top, col].role == .border)
    }

    @Test func confirmDialogKeys() {
        var d = ConfirmDialog("Quit?")
        do { let r = d.handle(.key(.char("y"))); #expect(r == .yes) }
        do { let r = d.handle(.key(.char("n"))); #expect(r == .no) }
        do { let r = d.handle(.key(.escape)); #expect(r == .no) }
        do { let r = d.handle(.key(.enter)); #expect(r == .no) }             // No is focused by default: safe
        do { let r = d.handle(.key(.tab)); #expect(r == .pending && d.yesFocused) }
        do { let r = d.handle(.key(.enter)); #expect(r == .yes) }
        do { let r = d.handle(.paste("y")); #expect(r == .pending) }         // a paste never answers a question
    }

    @Test(arguments: standardSizes) func helpOverlayListsKeymapAndScrolls(size: Size) {
        var help = HelpOverlay(contexts: [.timeline])
        var b = CellBuffer(size: size)
        help.render(into: &b, area: full(size))
        let text = b.trimmedLines().joined(separator: "\n")
        #expect(text.contains("Help — ? or Esc closes"))
        #expect(text.contains("Timeline"))
        #expect(text.contains("k, ↑") && text.contains("Previous item"))
        let inner = HelpOverlay.textArea(full(size))
        #expect(b.trimmedLines()[1].hasPrefix("│ Timeline"))
        let total = help.lines(width: inner.cols).count
        #expect(total > inner.rows)
        do { let r = help.apply(.bottom, area: full(size)); #expect(r) }
        b = CellBuffer(size: size)
        help.render(into: &b, area: full(size))
        // The editor's keys follow the timeline's own (issue 14); the word-delete key is last.
        #expect(b.trimmedLines()[size.rows - 2].contains("delete-word-backward"))   // its action name, for [keys]
        #expect(help.lines(width: inner.cols).contains { $0.text.contains("Help: all keys") })
    }

    @Test(arguments: standardSizes) func footerFitsWidth(size: Size) {
        var b = CellBuffer(size: size)
        Footer(contexts: [.timeline]).render(into: &b, area: Rect(row: size.rows - 1, col: 0, rows: 1, cols: size.cols))
        let line = b.trimmedLines()[size.rows - 1]
        #expect(line.hasPrefix("Enter open  q quit"))
        #expect(TextWidth.width(line) <= size.cols)
        #expect(b[size.rows - 1, 0].role == .hintKey && b[size.rows - 1, 5].role == .hint)
    }

    @Test(arguments: standardSizes) func screenFrameSplitsRows(size: Size) {
        let f = ScreenFrame(size: size)
        #expect(f.title.row == 0 && f.body.row == 1 && f.body.rows == size.rows - 3)
        #expect(f.status.row == size.rows - 2 && f.footer.row == size.rows - 1 && f.footer.cols == size.cols)
    }

    @Test func tooSmallMessage() {
        let t = TooSmall()
        #expect(t.applies(to: Size(rows: 10, cols: 80)) && !t.applies(to: Size(rows: 20, cols: 60)))
        var b = CellBuffer(size: Size(rows: 8, cols: 30))
        t.render(into: &b)
        #expect(b.trimmedLines().joined(separator: " ").split(separator: " ").joined(separator: " ")
                    == "Window too small: need at least 40×12, have 30×8")
    }

    @Test func titleBarDropsRightPartWhenNarrow() {
        var b = CellBuffer(size: Size(rows: 1, cols: 40))
        TitleBar("pumptui", right: "pump.example.org").render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: 40))
        #expect(b.lines() == [" pumptui" + String(repeating: " ", count: 15) + "pump.example.org "])
        #expect(b[0, 0].role == .title)
        var narrow = CellBuffer(size: Size(rows: 1, cols: 20))
        TitleBar("pumptui", right: "pump.example.org").render(into: &narrow, area: Rect(row: 0, col: 0, rows: 1, cols: 20))
        #expect(narrow.trimmedLines() == [" pumptui"])
    }

    /// The login screen's pieces composed the way the login screen will (issue 4).
    @Test(arguments: standardSizes) func loginLayoutComposes(size: Size) {
        let url = "https://pump.example.org/oauth/authorize?oauth_token=Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA"
        var b = CellBuffer(size: size)
        TitleBar("pumptui — log in", right: "pump.example.org").render(into: &b, area: Rect(row: 0, col: 0, rows: 1, cols: size.cols))
        let pane = MessagePane([.init("Open the URL, log in, press Authorize, then copy the Verifier (not the Token). 検証コード 🔐"),
                                .init(""), .url(url)])
        let paneArea = Rect(row: 2, col: 1, rows: 8, cols: size.cols - 2)
        pane.render(into: &b, area: paneArea)
        let paneRows = pane.contentHeight(area: paneArea, bufferCols: size.cols)
        var box = TextBox(label: "Verifier", focused: true, viewWidth: size.cols - 12)
        _ = box.handle(.paste("abcDEF123_-xyz\n"))
        box.render(into: &b, area: Rect(row: 2 + paneRows + 1, col: 1, rows: 1, cols: size.cols - 2))
        Button("Submit").render(into: &b, area: Rect(row: 2 + paneRows + 3, col: 1, rows: 1, cols: 12))
        StatusLine("Ready").render(into: &b, area: Rect(row: size.rows - 2, col: 0, rows: 1, cols: size.cols))
        Footer(contexts: [.loginTextFocused]).render(into: &b, area: Rect(row: size.rows - 1, col: 0, rows: 1, cols: size.cols))
        let lines = b.trimmedLines()
        #expect(lines.count == size.rows)
        let urlRows = lines.indices.filter { b[$0, 0].role == .url }.map { lines[$0] }
        #expect(urlRows.joined() == url)
        #expect(lines.contains(" Verifier: abcDEF123_-xyz"))
        #expect(lines.contains(" [ Submit ]"))
        #expect(lines.last!.hasPrefix("F2 copy  F3 show URL"))
        #expect(b.cursor?.row == 2 + paneRows + 1 && b.cursor?.col == 1 + 10 + 14)
    }
}

extension String {
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
