import Foundation
import PumpCore

/// `i` then `v`: the image drawn in the terminal, in a frame over the body. Half blocks (256
/// colours, works in tmux) unless the terminal answered for kitty graphics, sixel or iTerm2's
/// images (`GraphicsProbe`); those are drawn by the runtime into cells this overlay leaves blank.
struct ImagePreview: Equatable, Sendable {
    var link: MediaLink
    var name: String
    /// Which of the session's previews this is: the decode's answer must be for this one, and
    /// closing it stops its decode (`PreviewDecodes`).
    var serial = 0
    var image: PreviewImage?
    /// Why there is no picture (shown in the frame and on the status line).
    var problem: String?
    /// The half blocks for `placement` (computed in update, so render only copies them).
    var inks: [Ink] = []
    var placement: PreviewPlacement?
    /// What the terminal draws now, so closing takes it away.
    var shown: GraphicsProtocol?

    var url: String { TerminalText.clean(link.url.absoluteString, .line) }

    /// The whole body, framed: the picture gets the inside.
    static func frame(_ body: Rect) -> Rect { body }
    static func pictureArea(_ body: Rect) -> Rect { Box.inner(frame(body)) }

    func render(into buffer: inout CellBuffer, body: Rect, support: GraphicsSupport?) {
        let frame = Self.frame(body)
        Box.draw(into: &buffer, rect: frame, title: "Image · " + name)
        let hint = " Esc closes · o opens "
        if frame.cols > hint.count + 4 {
            buffer.put(hint, row: frame.row + frame.rows - 1, col: frame.col + frame.cols - hint.count - 2, role: .hint)
        }
        let area = Self.pictureArea(body)
        guard area.rows >= 2, area.cols >= 8 else {
            buffer.put("Too small for a preview.", row: area.row, col: area.col, role: .warning, maxCols: area.cols)
            return
        }
        if let text = message(support) {
            let rows = TextLayout.wrap(text, width: area.cols)
            for (i, line) in rows.prefix(area.rows).enumerated() {
                buffer.put(line, row: area.row + (area.rows - rows.count) / 2 + i, col: area.col, role: problem == nil ? .muted : .error,
                           maxCols: area.cols)
            }
            return
        }
        if let placement, support?.kind == .halfBlock {
            HalfBlock.draw(inks, cols: placement.cells.cols, into: &buffer, at: placement.cells.row, col: placement.cells.col)
        }
    }

    /// What the frame says instead of a picture, if anything.
    func message(_ support: GraphicsSupport?) -> String? {
        if let problem { return problem }
        guard image != nil else { return "Loading the image…" }
        guard let support else { return "Asking the terminal what it can draw…" }
        if support.kind == .halfBlock && support.colors < 256 {
            return support.colors == 0
                ? "Colour is off, so there is no preview; o opens the image."
                : "This terminal has \(support.colors) colours; previews need 256. o opens the image."
        }
        return nil
    }
}
