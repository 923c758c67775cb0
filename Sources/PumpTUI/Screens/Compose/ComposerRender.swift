import PumpCore

extension Composer {
    /// Draws everything inside `area`, its own message row and key hints included.
    func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0, area.cols > 0 else { return }
        buffer.cursor = nil
        let notice = markupNotice
        let l = ComposerLayout(mode: mode, area: area, hasImage: imagePath != nil, hasNotice: notice != nil,
                               chrome: drawsStatusAndFooter)
        guard l.frame.rows >= 3, l.text.cols >= 10 else {
            // Too little room to show the text and its frame: say so (the text is kept).
            buffer.fill(area)
            let note = "Too small for the editor (make the window taller). Your text is kept; Esc closes it."
            for (i, line) in TextLayout.wrap(note, width: max(1, area.cols - 2)).enumerated() where i < area.rows {
                buffer.put(line, row: area.row + i, col: area.col + 1, role: .warning, maxCols: area.cols - 1)
            }
            return
        }
        buffer.put(headerText, row: l.header.row, col: l.header.col, role: .title, maxCols: l.header.cols)
        if l.title.rows > 0 { title.render(into: &buffer, area: l.title) }
        if l.frame != l.text { Box.draw(into: &buffer, rect: l.frame, title: "Text") }
        body.render(into: &buffer, area: l.text)
        if let imagePath, l.image.rows > 0 {
            let name = TerminalText.clean(imagePath, .line)
            buffer.put("Image: \(name)  (^T changes, empty path removes)", row: l.image.row, col: l.image.col,
                       role: .muted, maxCols: l.image.cols)
        }
        if let notice, l.notice.rows > 0 {
            buffer.put(notice.text, row: l.notice.row, col: l.notice.col, role: notice.warning ? .warning : .muted,
                       maxCols: l.notice.cols)
        }
        renderControls(into: &buffer, area: l.controls)
        if l.message.rows > 0 { status.render(into: &buffer, area: l.message) }
        if l.footer.rows > 0 { Footer(contexts: keyContexts, unavailable: unavailableActions).render(into: &buffer, area: l.footer) }
        renderOverlay(into: &buffer, area: area)
    }

    /// Images go with new notes only: a reply's or an edit's footer does not offer ^T.
    var unavailableActions: Set<Action> { mode.isNewNote ? [] : [.attachImage] }

    /// "New note", "Replying to Bob: first line…", "Editing your note: first line…".
    var headerText: String {
        switch mode {
        case .note: return "New note · to \(audienceLabel)"
        case .reply(let o):
            let who = o.author?.label ?? "someone"
            return "Replying to \(who): \(Self.firstLine(o))"
        case .edit(let o):
            return "Editing your \(TerminalText.clean(o.typeForVerbs, .line, maxLength: 20)): \(Self.firstLine(o))"
        }
    }

    static func firstLine(_ o: PumpObject) -> String {
        let text = o.plainContent
        let line = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
        return TerminalText.clean(String(line ?? ""), .line, maxLength: 200)
    }

    /// Who sees it, one line: "Public", "List: Friends", "bob@host, carol@host".
    var audienceLabel: String { TerminalText.clean(audience.label, .line, maxLength: 60) }

    /// "To: Public  [ Attach image ]  [ Send ]" (the first two for new notes; Enter on To: picks).
    private func renderControls(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0 else { return }
        var col = area.col
        let end = area.col + area.cols
        if mode.isNewNote {
            let focused = focus.isFocused(.audience)
            // Narrow windows get the short forms, so [ Send ] is never cut off.
            let wide = area.cols >= 56
            let label = TerminalText.clean(audience.label, .line, maxLength: wide ? 24 : 12)
            col += buffer.put("To: \(label)", row: area.row, col: col, role: focused ? .focus : .text, maxCols: end - col)
            col += 2
            col += Button(wide ? "Attach image" : "Image", focused: focus.isFocused(.attach))
                .render(into: &buffer, area: Rect(row: area.row, col: col, rows: 1, cols: max(0, end - col)))
            col += 2
        }
        Button("Send", focused: focus.isFocused(.send))
            .render(into: &buffer, area: Rect(row: area.row, col: col, rows: 1, cols: max(0, end - col)))
        if focus.isFocused(.audience) { buffer.cursor = nil }
    }

    private func renderOverlay(into buffer: inout CellBuffer, area: Rect) {
        switch overlay {
        case .none: return
        case .audiencePicker(let list):
            let rows = audienceChoices.map { TerminalText.clean($0.label, .line, maxLength: 60) } + ["Specific people (a direct message)…"]
            ChoiceList(choices: rows, selected: list.selected, title: "Who sees it? Enter chooses", maxCols: Composer.promptWidth(area.cols))
                .render(into: &buffer, area: area)
            buffer.cursor = nil
        case .peoplePrompt(let box, let error):
            Self.renderPrompt(box, title: "Direct message to", note: error ?? "nick@host, separated by spaces or commas; nobody else sees it",
                         isError: error != nil, hint: "Enter sets · Esc cancels", into: &buffer, area: area)
        case .confirmDiscard(let dialog):
            dialog.render(into: &buffer, area: area)
            buffer.cursor = nil
        case .attachPrompt(let box, let error):
            Self.renderPrompt(box, title: "Attach image", note: error ?? "\(ImageFile.supported), up to \(ImageFile.sizeText(ImageFile.maxBytes)).",
                         isError: error != nil, hint: "Enter attaches · empty path removes · Esc cancels", into: &buffer, area: area)
        }
    }

    /// A framed one-line prompt over the editor (or the profile form): the field, a note (or the error), the keys.
    static func renderPrompt(_ box: TextBox, title: String, note: String, isError: Bool, hint: String,
                              into buffer: inout CellBuffer, area: Rect) {
        let rect = Box.centered(rows: 6, cols: Composer.promptWidth(area.cols), in: area)
        Box.draw(into: &buffer, rect: rect, title: title)
        let inner = Box.inner(rect)
        guard inner.rows >= 3, inner.cols > 2 else { return }
        let content = Rect(row: inner.row, col: inner.col + 1, rows: inner.rows, cols: inner.cols - 2)
        box.render(into: &buffer, area: Rect(row: content.row, col: content.col, rows: 1, cols: content.cols))
        buffer.put(note, row: content.row + 2, col: content.col, role: isError ? .error : .muted, maxCols: content.cols)
        buffer.put(hint, row: content.row + 3, col: content.col, role: .hint, maxCols: content.cols)
    }
}
