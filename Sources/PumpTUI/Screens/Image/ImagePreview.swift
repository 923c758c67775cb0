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

extension ClientScreen {
    mutating func openPreview(_ menu: ImageMenu) -> Effects {
        let name = TerminalText.clean(menu.link.url.lastPathComponent, .line, maxLength: 60)
        previewSerial += 1
        modal = .preview(ImagePreview(link: menu.link, name: name.isEmpty ? "image" : name, serial: previewSerial))
        // The terminal is asked on the first preview only, never at start-up.
        let probe: Effects = graphicsSupport == nil ? [.graphics(.detect)] : []
        return start(.previewImage(menu.link, serial: previewSerial), "Loading the image…") + probe
    }

    mutating func handlePreview(_ input: InputEvent, _ preview: ImagePreview) -> Effects {
        guard case .key(let key) = input else { return [] }
        switch keymap.action(for: key, in: [.preview]) {
        case .back?: return closePreview(preview)
        case .openItemURL?: return closePreview(preview) + [.openBrowser(preview.url)]
        // Help is text: the picture (which a graphics protocol draws over any text) goes first.
        case .help?:
            let effects = closePreview(preview)
            modal = .help(helpOverlay([.preview]), under: nil)
            return effects
        default: return []
        }
    }

    /// Closing while the image is still loading stops its decode (a quiet job: no spinner).
    private mutating func closePreview(_ preview: ImagePreview) -> Effects {
        modal = nil
        let loading = preview.image == nil && preview.problem == nil
        return (preview.shown.map { [.graphics(.clear($0))] } ?? []) + (loading ? [.run(.cancelPreview(serial: preview.serial))] : [])
    }

    mutating func previewArrived(_ link: MediaLink, serial: Int, _ result: Result<PreviewImage?, ClientFailure>) -> Effects {
        guard case .preview(var preview)? = modal, preview.link == link, preview.serial == serial else { return [] }
        switch result {
        case .success(nil): return []
        case .success(let image?):
            preview.image = image
            say("")
        case .failure(let f):
            preview.problem = f.message
            fail(f)
        }
        modal = .preview(preview)
        return placePreview()
    }

    mutating func graphicsFound(_ support: GraphicsSupport) -> Effects {
        graphicsSupport = support
        return placePreview()
    }

    /// Lays the picture out for the current size: half blocks now, or a job that encodes it for
    /// the terminal's protocol (`graphicEncoded` then asks the runtime to draw it).
    mutating func placePreview() -> Effects {
        guard case .preview(var preview)? = modal, let image = preview.image, let support = graphicsSupport,
              preview.problem == nil else { return [] }
        var effects: Effects = preview.shown.map { [.graphics(.clear($0))] } ?? []
        preview.shown = nil
        preview.inks = []
        let area = ImagePreview.pictureArea(bodyRect)
        let half = support.kind == .halfBlock
        // A terminal that did not say its cell size is assumed to have small cells (8×16): a
        // picture planned too small only leaves a margin; one planned too large would spill
        // over the frame, and a sixel reaching the last row scrolls the screen.
        let cell = half ? (1, 2) : (support.cellWidth ?? 8, support.cellHeight ?? 16)
        preview.placement = area.rows >= 2 && area.cols >= 8
            ? PreviewPlacement.fit(width: image.width, height: image.height, in: area, cellWidth: cell.0, cellHeight: cell.1) : nil
        if let placement = preview.placement {
            if half && support.colors >= 256 {
                preview.inks = HalfBlock.inks(image.pixels, cols: placement.cells.cols, rows: placement.cells.rows)
            } else if !half {
                effects += start(.encodeGraphic(GraphicJob(link: preview.link, image: image, kind: support.kind, placement: placement)),
                                 "Drawing the image…")
            }
        }
        modal = .preview(preview)
        return effects
    }

    mutating func graphicEncoded(_ link: MediaLink, _ placement: PreviewPlacement, _ kind: GraphicsProtocol, _ bytes: String) -> Effects {
        guard case .preview(var preview)? = modal, preview.link == link, preview.placement == placement else { return [] }
        say("")
        preview.shown = kind
        modal = .preview(preview)
        return [.graphics(.show(bytes, row: placement.cells.row, col: placement.cells.col))]
    }
}
