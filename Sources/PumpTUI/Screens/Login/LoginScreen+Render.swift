import Foundation
import PumpCore

/// Drawing the login screen: title, what to do, the URL from column 0, the Verifier box,
/// [ Submit ] [ Cancel ], the status line and keymap hints (tui-notes §A6).
extension LoginScreen {
    static let minimum = Size(rows: 12, cols: 40)

    func render(into buffer: inout CellBuffer) {
        let tooSmall = TooSmall(minimum: Self.minimum)
        if tooSmall.applies(to: buffer.size) { tooSmall.render(into: &buffer); return }
        if showingQR, let url { QROverlay.render(url: url.absoluteString, into: &buffer); return }
        let frame = ScreenFrame(size: buffer.size)
        TitleBar("pumptui — log in", right: account.description).render(into: &buffer, area: frame.title)
        renderBody(into: &buffer, area: frame.body)
        Footer(contexts: contexts, keymap: keymap, unavailable: unavailableActions).render(into: &buffer, area: frame.footer)
        status.render(into: &buffer, area: frame.status, spill: frame.footer)
        if let confirm {
            buffer.cursor = nil
            confirm.render(into: &buffer, area: frame.body)
        }
        if let help {
            buffer.cursor = nil
            help.render(into: &buffer, area: HelpOverlayLayout.area(buffer.size))
        }
    }

    /// Rows of text from the top of the body, one blank row between blocks.
    private func renderBody(into buffer: inout CellBuffer, area: Rect) {
        let text = Rect(row: area.row + 1, col: area.col + 1, rows: area.rows - 1, cols: area.cols - 2)
        var row = text.row
        func paragraph(_ s: String, role: Role = .text) {
            let pane = MessagePane([MessagePane.Paragraph(s, role: role)])
            let height = pane.contentHeight(area: text, bufferCols: buffer.size.cols)
            pane.render(into: &buffer, area: Rect(row: row, col: text.col, rows: max(0, area.row + area.rows - row), cols: text.cols))
            row += height + 1
        }
        if let success {
            paragraph(success.headline, role: .success)
            if let note = success.mismatchNote { paragraph(note, role: .warning) }
            paragraph("Press any key to continue.", role: .muted)
            return
        }
        guard let url = url?.absoluteString else {
            paragraph("Logging in to \(account.hostWithPort) as \(account.nickname).")
            if let notice { paragraph(notice, role: .warning) }
            if let problem {
                paragraph(problem, role: .error)
                paragraph("Press ^R (or r) to try again, Esc to quit.")
            }
            return
        }
        paragraph(LoginWords.instructions(for: account))
        // The URL: own rows, column 0, broken only at the screen edge (MessagePane's URL paragraph).
        let urlPane = MessagePane([.url(url)])
        urlPane.render(into: &buffer, area: Rect(row: row, col: 0, rows: max(0, area.row + area.rows - row), cols: buffer.size.cols))
        row += urlPane.contentHeight(area: text, bufferCols: buffer.size.cols) + 1
        if expired {
            paragraph("The server refused this URL's authorization: approve it in the browser first, then press Enter again. If it expired or was used, press ^N (or n) for a new one.", role: .warning)
        }
        if let warning = Self.unencryptedWarning(url) { paragraph(warning, role: .warning) }
        guard row < area.row + area.rows else { return }
        var box = verifier
        box.viewWidth = max(1, text.cols - 10)
        box.render(into: &buffer, area: Rect(row: row, col: text.col, rows: 1, cols: min(text.cols, 60)))
        row += 2
        guard row < area.row + area.rows else { return }
        let submit = Button("Submit", focused: focus.current == .submit)
        let cancel = Button("Cancel", focused: focus.current == .cancel)
        let w = submit.render(into: &buffer, area: Rect(row: row, col: text.col, rows: 1, cols: text.cols))
        cancel.render(into: &buffer, area: Rect(row: row, col: text.col + w + 2, rows: 1, cols: max(0, text.cols - w - 2)))
        row += 2
        if let problem, row < area.row + area.rows { paragraph(problem, role: .error) }
    }
}

/// The URL as a QR code over the whole screen, in the plain text role (any key closes).
enum QROverlay {
    static let caption = "Scan with a phone. Any key closes."

    /// nil when the code fits `size`; otherwise the size it needs.
    static func tooSmall(url: String, size: Size) -> Size? {
        guard QRCode.isAvailable else { return nil }   // the overlay opens to say why there is none
        guard let lines = QRCode.halfBlockLines(for: url, maxCols: size.cols), lines.count <= size.rows else {
            let full = QRCode.halfBlockLines(for: url) ?? []
            // The smallest form has a 2-module quiet zone: 4 columns and 2 module rows less.
            let cols = max(0, (full.first.map { TextWidth.width($0) } ?? 0) - 4)
            return Size(rows: max(0, full.count - 2), cols: cols)
        }
        return nil
    }

    static func render(url: String, into buffer: inout CellBuffer) {
        let size = buffer.size
        buffer.fill(Rect(row: 0, col: 0, rows: size.rows, cols: size.cols))
        guard QRCode.isAvailable else {
            buffer.put(QREncodeLibrary.missing + ". Any key closes.", row: 0, col: 0, role: .warning, maxCols: size.cols)
            return
        }
        guard let lines = QRCode.halfBlockLines(for: url, maxCols: size.cols), lines.count <= size.rows else {
            buffer.put("Window too small for the QR code. Any key closes.", row: 0, col: 0, role: .warning)
            return
        }
        let withCaption = lines.count + 1 <= size.rows
        let top = max(0, (size.rows - lines.count - (withCaption ? 1 : 0)) / 2)
        let width = lines.first.map { TextWidth.width($0) } ?? 0
        let left = max(0, (size.cols - width) / 2)
        for (i, line) in lines.enumerated() { buffer.put(line, row: top + i, col: left, role: .text) }
        if withCaption {
            let col = max(0, (size.cols - TextWidth.width(caption)) / 2)
            buffer.put(caption, row: top + lines.count, col: col, role: .muted, maxCols: size.cols)
        }
    }
}

extension LoginScreen {
    /// Plain http to a host other than this machine (only with --allow-http): the verifier and
    /// the tokens cross the network readable by anyone on the way. Say so where the URL is.
    static func unencryptedWarning(_ url: String) -> String? {
        guard let u = URL(string: url), u.scheme?.lowercased() == "http", let host = u.host,
              !AccountID.isLoopbackHost(host) else { return nil }
        return "Not encrypted: \(host) is reached over plain http (--allow-http). The verifier and your tokens travel in clear."
    }
}
