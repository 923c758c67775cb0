/// Where each part of the composer goes inside its area, top to bottom:
/// header, [title], the framed text, [image], [an edit's markup notice], controls, and unless the owner draws them
/// itself (`chrome` false), the message row and footer hints.
/// `handle` (for scrolling) and `render` both use it, so they always agree.
struct ComposerLayout: Equatable {
    var header, title, frame, text, image, notice, controls, message, footer: Rect

    init(mode: Composer.Mode, area: Rect, hasImage: Bool, hasNotice: Bool = false, chrome: Bool = true) {
        var row = area.row
        let bottom = area.row + area.rows
        func take(_ n: Int) -> Rect {
            let r = Rect(row: row, col: area.col, rows: max(0, min(n, bottom - row)), cols: area.cols)
            row += r.rows
            return r
        }
        header = take(1)
        title = take(mode.hasTitle ? 1 : 0)
        // Fixed rows below the text: image line, notice, controls, message, footer.
        let below = (hasImage ? 1 : 0) + (hasNotice ? 1 : 0) + (chrome ? 3 : 1)
        let textRows = max(0, bottom - row - below)
        frame = take(textRows)
        // A frame needs room for at least one text row inside; otherwise the text goes bare.
        text = frame.rows >= 3 && frame.cols >= 3 ? Box.inner(frame) : frame
        image = take(hasImage ? 1 : 0)
        notice = take(hasNotice ? 1 : 0)
        controls = take(1)
        message = take(chrome ? 1 : 0)
        footer = take(chrome ? 1 : 0)
    }
}
