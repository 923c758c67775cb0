import PumpCore

/// What a logged-in account's screen asks the router for (the client's `ClientHandoff` shape).
enum HomeHandoff: Equatable, Sendable {
    case relogin(AccountID, reason: String), switchAccount(AccountID), addAccount, quit(Int32)
}

/// Placeholder for the client until the timelines land: "Logged in as …", q quits. Same shape
/// as `ClientScreen` (see App/ClientHost.swift), so the router hosts either.
struct HomeScreen: TerminalApp {
    enum Message: Sendable {}
    enum Job: Sendable {}

    let account: AccountID
    let displayName: String
    var size: Size
    private(set) var handoff: HomeHandoff?
    var notice: String?

    init(account: AccountID, displayName: String, size: Size) {
        self.account = account; self.displayName = displayName; self.size = size
    }

    var wantsTicks: Bool { false }

    mutating func update(_ event: AppEvent<Message>) -> [Effect<Message, Job>] {
        switch event {
        case .start(let s), .input(.resize(let s)): size = s
        case .input(.key(.char("q"))): handoff = .quit(0)
        case .input(.key(.char("A"))): handoff = .addAccount
        default: break
        }
        return []
    }

    func render(into buffer: inout CellBuffer) {
        let frame = ScreenFrame(size: buffer.size)
        TitleBar("pumptui", right: account.description).render(into: &buffer, area: frame.title)
        let text = Rect(row: frame.body.row + 1, col: 1, rows: max(0, frame.body.rows - 1), cols: max(1, frame.body.cols - 2))
        MessagePane([.init("Logged in as \(displayName) (\(account))", role: .success),
                     .init("The timelines are not here yet. Meanwhile: pumptui inbox, pumptui post TEXT.", role: .muted)])
            .render(into: &buffer, area: text)
        StatusLine(notice ?? "").render(into: &buffer, area: frame.status)
        buffer.put(" q quit  A add account", row: frame.footer.row, col: 0, role: .hint)
    }
}

/// The placeholder's worker: nothing to do (same init as `ClientWorker`).
final class HomeWorker: @unchecked Sendable {
    init(store: CredentialStore, account: AccountID, allowHTTP: Bool) throws {}
    func perform(_ job: HomeScreen.Job) async -> HomeScreen.Message { switch job {} }
}
