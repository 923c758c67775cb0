/// The rows every full screen shares: title bar on top, then the body, a status line and the
/// footer hints at the bottom. One place decides this so all screens line up.
public struct ScreenFrame: Equatable, Sendable {
    public var title: Rect
    public var body: Rect
    public var status: Rect
    public var footer: Rect

    public init(size: Size) {
        let cols = size.cols, rows = max(0, size.rows)
        title = Rect(row: 0, col: 0, rows: min(1, rows), cols: cols)
        footer = Rect(row: max(0, rows - 1), col: 0, rows: rows >= 2 ? 1 : 0, cols: cols)
        status = Rect(row: max(0, rows - 2), col: 0, rows: rows >= 3 ? 1 : 0, cols: cols)
        body = Rect(row: 1, col: 0, rows: max(0, rows - 3), cols: cols)
    }
}
