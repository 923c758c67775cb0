import PumpCore

extension ProfileForm {
    /// Draws the form over `area` (the client's body; its status line and footer stay the client's).
    func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0, area.cols > 0 else { return }
        buffer.fill(area)
        buffer.cursor = nil
        let l = ProfileFormLayout(area: area)
        guard l.bio.rows >= 1, l.bio.cols >= 10 else {
            let note = "Too small for the profile form (make the window larger). Your changes are kept; Esc closes it."
            for (i, line) in TextLayout.wrap(note, width: max(1, area.cols - 2)).enumerated() where i < area.rows {
                buffer.put(line, row: area.row + i, col: area.col + 1, role: .warning, maxCols: area.cols - 1)
            }
            return
        }
        buffer.put("Your profile · \(TerminalText.clean(account, .line, maxLength: 100))", row: l.header.row, col: l.header.col,
                   role: .title, maxCols: l.header.cols)
        name.render(into: &buffer, area: l.name)
        location.render(into: &buffer, area: l.location)
        Box.draw(into: &buffer, rect: l.bioFrame, title: "Bio")
        bio.render(into: &buffer, area: l.bio)
        renderAvatar(into: &buffer, area: l.avatar)
        renderControls(into: &buffer, area: l.controls)
        renderOverlay(into: &buffer, area: area)
    }

    /// "Avatar: cat.png (image/png, 2 KB) [ Choose avatar ]" (or the current one's URL).
    private func renderAvatar(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0 else { return }
        let button = Button("Choose avatar", focused: focus.isFocused(.avatar))
        let textCols = max(0, area.cols - button.width - 2)
        let what = avatar.map { "new: " + TerminalText.clean($0.summary, .line) } ?? currentAvatar ?? "none"
        let used = buffer.put("Avatar: \(what)", row: area.row, col: area.col, role: avatar == nil ? .muted : .text, maxCols: textCols)
        let col = area.col + used + 2
        button.render(into: &buffer, area: Rect(row: area.row, col: col, rows: 1, cols: max(0, area.col + area.cols - col)))
    }

    /// "[ Save ]" and the form's own message after it.
    private func renderControls(into buffer: inout CellBuffer, area: Rect) {
        guard area.rows > 0 else { return }
        let used = Button("Save", focused: focus.isFocused(.save)).render(into: &buffer, area: area)
        let col = area.col + used + 2
        guard !message.message.isEmpty, col < area.col + area.cols else { return }
        let text = message.busy ? "\(message.spinner) \(message.message)" : message.message
        buffer.put(text, row: area.row, col: col, role: message.role, maxCols: area.col + area.cols - col)
    }

    private func renderOverlay(into buffer: inout CellBuffer, area: Rect) {
        switch overlay {
        case .none: return
        case .confirmCancel(let dialog):
            dialog.render(into: &buffer, area: area)
            buffer.cursor = nil
        case .avatarPrompt(let box, let error):
            let note = error ?? "\(ImageFile.supported), up to \(ImageFile.sizeText(ImageFile.maxBytes)); posted publicly"
            Composer.renderPrompt(box, title: "New avatar", note: note, isError: error != nil,
                                  hint: "Enter checks · empty: keep the current · Esc cancels", into: &buffer, area: area)
        }
    }
}
