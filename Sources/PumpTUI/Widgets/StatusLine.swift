/// The one-line status: a message of some kind, with a spinner while work runs.
public struct StatusLine: Equatable, Sendable {
    public enum Kind: Sendable { case info, error, success, warning }
    public var message: String
    public var kind: Kind
    public var busy: Bool
    /// Advanced by the runtime's tick events; widgets own no timers.
    public var tick: Int

    public init(_ message: String = "", kind: Kind = .info, busy: Bool = false, tick: Int = 0) {
        self.message = message; self.kind = kind; self.busy = busy; self.tick = tick
    }

    public static let spinnerFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public var spinner: Character { Self.spinnerFrames[((tick % 10) + 10) % 10] }

    public var role: Role {
        switch kind {
        case .info: return .status
        case .error: return .error
        case .success: return .success
        case .warning: return .warning
        }
    }

    /// One row; a message too long for it continues, wrapped at a word, over `spill` (the footer
    /// row below), so a path or a fix at its end is never cut off at 80 columns (issue 22).
    public func render(into buffer: inout CellBuffer, area: Rect, spill: Rect? = nil) {
        guard area.rows > 0 else { return }
        let text = busy ? "\(spinner) \(message)" : message
        var lines = [text]
        if let spill, spill.rows > 0, TextWidth.width(text) > area.cols {
            lines = Array(TextLayout.wrap(text, width: area.cols).prefix(2))
        }
        for (i, line) in lines.enumerated() {
            let row = i == 0 ? area.row : spill!.row
            buffer.fill(Rect(row: row, col: area.col, rows: 1, cols: area.cols), role: role)
            buffer.put(line, row: row, col: area.col, role: role, maxCols: area.cols)
        }
    }
}
