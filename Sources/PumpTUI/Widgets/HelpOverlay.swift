import PumpCore

/// The `?` overlay: every key that works in the current contexts, straight from the keymap.
public struct HelpOverlay: Sendable {
    public var contexts: [KeyContext]
    public var keymap: Keymap
    public var scroll: Int
    /// config.toml's path: when set, help ends with the file and the keys it may set.
    public var configPath: String?
    /// What each config key is set to now (flags and environment included), by key.
    public var configValues: [String: String] = [:]
    /// Every config and theme warning, with its file and line: the first section when any.
    public var warnings: [String] = []

    public init(contexts: [KeyContext], keymap: Keymap = .standard, scroll: Int = 0) {
        self.contexts = contexts; self.keymap = keymap; self.scroll = scroll
    }

    /// The overlay's text rows at a given inner width.
    public func lines(width: Int) -> [(text: String, role: Role)] {
        var out: [(text: String, role: Role)] = []
        let sections = warningSection + keymap.helpSections(for: contexts) + extraSections
        let keyW = min(16, sections.flatMap(\.entries).map { TextWidth.width($0.keys) }.max() ?? 0)
        for (n, section) in sections.enumerated() {
            if n > 0 { out.append(("", .text)) }
            out.append((section.title, .title))
            for e in section.entries {
                let pad = String(repeating: " ", count: max(0, keyW - TextWidth.width(e.keys)))
                let indent = String(repeating: " ", count: keyW + 4)
                // The action's config.toml name, for `[keys]` (issue 25: help named none).
                let text = e.action.map { "\(e.help) · \($0)" } ?? e.help
                let helpRows = TextLayout.wrap(text, width: max(1, width - keyW - 4))
                for (i, row) in helpRows.enumerated() {
                    out.append((i == 0 ? "  \(e.keys)\(pad)  \(row)" : indent + row, .text))
                }
            }
        }
        return out
    }

    /// Outside the editor, its keys too (they are what ^E, ^D and the rest do once it is open);
    /// then the config file and its keys.
    var extraSections: [HelpSection] {
        var out: [HelpSection] = []
        let lists: [KeyContext] = [.timeline, .thread, .profile]
        if contexts.contains(where: lists.contains) {
            out += keymap.helpSections(for: Self.editorContexts).filter { $0.title != KeyContext.global.title }
        }
        guard let configPath else { return out }
        let file = HelpEntry(keys: "file", help: TerminalText.clean(configPath, .line))
        let keys = AppConfig.documentedKeys.map { k in
            let now = configValues[k.key].map { "now " + TerminalText.clean($0, .line, maxLength: 200) } ?? "not set"
            return HelpEntry(keys: k.key, help: "\(k.meaning), e.g. \(k.example) · \(now)")
        }
        return out + [HelpSection(title: "Configuration (config.toml)", entries: [file] + keys)]
    }

    /// The warnings, each wrapped whole (a long path and its line number are never cut).
    var warningSection: [HelpSection] {
        guard !warnings.isEmpty else { return [] }
        let entries = warnings.map { HelpEntry(keys: "!", help: TerminalText.clean($0, .line, maxLength: 500)) }
        return [HelpSection(title: "Warnings (\(warnings.count)): config.toml and theme", entries: entries)]
    }

    static let editorContexts: [KeyContext] = [.editor, .textArea, .textField]

    /// Applies scrolling actions (`.moveUp`, `.pageDown`, `.top`…); false for others.
    public mutating func apply(_ action: Action, area: Rect) -> Bool {
        let inner = Self.textArea(area)
        let page = max(1, inner.rows - 1)
        let maxScroll = max(0, lines(width: inner.cols).count - inner.rows)
        switch action {
        case .moveUp: scroll -= 1
        case .moveDown: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .top: scroll = 0
        case .bottom: scroll = maxScroll
        default: return false
        }
        scroll = min(max(0, scroll), maxScroll)
        return true
    }

    /// Inside the frame with a column of padding on each side.
    static func textArea(_ area: Rect) -> Rect {
        let inner = Box.inner(area)
        return Rect(row: inner.row, col: inner.col + 1, rows: inner.rows, cols: max(1, inner.cols - 2))
    }

    /// Covers the whole width of its rows, not only its frame: a URL or timeline row cut by the
    /// frame would show its ends beside it ("h│", "┐5m") and read as garbage.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        buffer.fill(Rect(row: area.row, col: 0, rows: area.rows, cols: buffer.size.cols))
        Box.draw(into: &buffer, rect: area, title: "Help — ? or Esc closes")
        let inner = Self.textArea(area)
        let all = lines(width: inner.cols)
        let start = min(max(0, scroll), max(0, all.count - inner.rows))
        for r in 0..<inner.rows where start + r < all.count {
            let line = all[start + r]
            buffer.put(line.text, row: inner.row + r, col: inner.col, role: line.role, maxCols: inner.cols)
        }
        // Say that the list goes on, and how to get there, on the frame's bottom edge.
        if start + inner.rows < all.count, area.rows >= 3 {
            buffer.put(" ↓ more: j, PgDn ", row: area.row + area.rows - 1, col: area.col + 2, role: .muted,
                       maxCols: max(0, area.cols - 4))
        }
    }
}
