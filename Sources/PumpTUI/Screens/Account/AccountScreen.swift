import PumpCore

/// Asks which account to use: `nick@host`, validated as it is typed with AccountID's own
/// messages; stored accounts are listed and ↑/↓ pick one. Pure; no jobs.
struct AccountScreen: TerminalApp {
    enum Message: Sendable {}
    enum Job: Sendable {}
    enum Outcome: Equatable, Sendable { case chosen(AccountID), quit }

    var size: Size
    var keymap = Keymap.standard
    let stored: [AccountID]
    private(set) var box = TextBox(label: "Account", maxLength: 200, focused: true)
    private(set) var picked: Int?
    private(set) var status: StatusLine
    private(set) var outcome: Outcome?

    init(size: Size, stored: [AccountID], notice: String? = nil) {
        self.size = size; self.stored = stored
        status = StatusLine("Type your account, nick@host, and press Enter.")
        if let first = stored.first { pick(0, first) }
        if let notice { status = StatusLine(notice, kind: .warning) }
    }

    var wantsTicks: Bool { false }
    var contexts: [KeyContext] { [.accountEntry, .textField] }

    /// The typed account, or why it is not one yet.
    var validation: Result<AccountID, PumpError> {
        Result { try AccountID(parsing: box.text) }.mapError { $0 as? PumpError ?? .invalidAccount("\($0)") }
    }

    mutating func update(_ event: AppEvent<Message>) -> [Effect<Message, Job>] {
        switch event {
        case .start(let s), .input(.resize(let s)): size = s
        case .input(let input): handle(input)
        case .shutdown, .suspend, .tick, .notice, .message: break
        }
        return []
    }

    private mutating func handle(_ input: InputEvent) {
        if box.handle(input, keymap: keymap) == .handled { picked = nil; revalidate(); return }
        guard case .key(let key) = input, let action = keymap.action(for: key, in: contexts) else { return }
        switch action {
        case .submit:
            switch validation {
            case .success(let id): outcome = .chosen(id)
            case .failure(let e): status = StatusLine(e.message, kind: .error)
            }
        case .cancel: outcome = .quit
        case .moveUp, .moveDown:
            guard !stored.isEmpty else { return }
            let n = stored.count, down = action == .moveDown
            let i = picked.map { (down ? $0 + 1 : $0 + n - 1) % n } ?? (down ? 0 : n - 1)
            pick(i, stored[i])
        default: break
        }
    }

    private mutating func pick(_ i: Int, _ id: AccountID) {
        picked = i
        box.setText(id.description)
        status = StatusLine("Stored account \(id): Enter logs in with it.")
    }

    private mutating func revalidate() {
        guard !box.text.isEmpty else { status = StatusLine("Type your account, nick@host, and press Enter."); return }
        switch validation {
        case .success(let id): status = StatusLine("\(id): press Enter to log in.", kind: .success)
        case .failure(let e): status = StatusLine(e.message, kind: .warning)
        }
    }

    func render(into buffer: inout CellBuffer) {
        let tooSmall = TooSmall(minimum: LoginScreen.minimum)
        if tooSmall.applies(to: buffer.size) { tooSmall.render(into: &buffer); return }
        let frame = ScreenFrame(size: buffer.size)
        TitleBar("pumptui — account").render(into: &buffer, area: frame.title)
        let text = Rect(row: frame.body.row + 1, col: 1, rows: frame.body.rows - 1, cols: frame.body.cols - 2)
        let intro = MessagePane([.init("Which pump.io account? Type it as nick@host (for example alice@example.org).")])
        intro.render(into: &buffer, area: text)
        var row = text.row + intro.contentHeight(area: text, bufferCols: buffer.size.cols) + 1
        box.render(into: &buffer, area: Rect(row: row, col: text.col, rows: 1, cols: min(text.cols, 60)))
        row += 2
        if !stored.isEmpty {
            buffer.put("Stored accounts (↑/↓ to pick):", row: row, col: text.col, role: .muted, maxCols: text.cols)
            for (i, id) in stored.enumerated() where row + 1 + i < frame.body.row + frame.body.rows {
                let mark = i == picked ? "> " : "  "
                buffer.put(mark + id.description, row: row + 1 + i, col: text.col,
                           role: i == picked ? .selection : .text, maxCols: text.cols)
            }
        }
        Footer(contexts: contexts, keymap: keymap).render(into: &buffer, area: frame.footer)
        status.render(into: &buffer, area: frame.status, spill: frame.footer)
    }
}
