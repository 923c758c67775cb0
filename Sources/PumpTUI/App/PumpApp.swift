import PumpCore

/// The router (issue 4): which screen is up (account entry, login, client) and the state they
/// share. Each screen is a value with its own Message/Job; PumpApp wraps their effects and reads
/// their outcome after each update.
struct PumpApp: TerminalApp {
    enum Screen {
        case account(AccountScreen)
        case login(LoginScreen)
        /// The account rides along: the router does not ask the client screen for it.
        case client(ClientScreen, AccountID)
    }
    enum Message: Sendable {
        case login(LoginMessage)
        case client(ClientScreen.Message)
        case clientUnavailable(String)
    }
    enum Job: Sendable {
        case login(AccountID, LoginJob)
        case client(AccountID, ClientScreen.Job)
    }
    /// `.client`: continue into the client after login; `.loginOnly`: `pumptui login` quits instead.
    enum Mode: Sendable { case client, loginOnly }

    private(set) var screen: Screen
    private(set) var size: Size
    let mode: Mode
    /// Stored accounts and their display names (the store's state at start plus logins since).
    private(set) var known: [AccountID: String]
    /// Seconds between the client's automatic refreshes (`--refresh`).
    var refreshSeconds: Int {
        get { settings.refreshSeconds }
        set { settings.refreshSeconds = newValue }
    }
    /// What config.toml, the flags and the environment set for the client (keys, editor, refresh).
    var settings = ClientSettings() {
        didSet {
            if case .client(var c, let id) = screen { c.apply(settings); screen = .client(c, id) }
            if case .login(var l) = screen { l.keymap = settings.keymap; screen = .login(l) }
            if case .account(var a) = screen { a.keymap = settings.keymap; screen = .account(a) }
        }
    }

    /// The cue for new replies and direct messages (`--bell`, `--no-notify`).
    var cueSettings = CueSettings() {
        didSet { if case .client(var c, let id) = screen { c.cueSettings = cueSettings; screen = .client(c, id) } }
    }

    /// Picks the first screen: the account's client when it is stored, its login otherwise; with
    /// no account, the only stored one, or the account screen (which lists several).
    init(account: AccountID?, stored: [AccountID: String], mode: Mode = .client, notice: String? = nil,
         size: Size = Size(rows: 24, cols: 80)) {
        self.size = size; self.mode = mode; self.known = stored
        screen = .account(AccountScreen(size: size, stored: Self.sorted(stored), notice: notice))
        if let account {
            screen = Self.entry(for: account, known: stored, mode: mode, size: size, notice: notice)
        } else if stored.count == 1, let only = stored.first, mode == .client {
            screen = Self.client(only.key, known: stored, size: size, settings: ClientSettings())
        }
    }

    /// A theme warning reaches the account and login screens' status lines; the client has its own.
    private static func entry(for account: AccountID, known: [AccountID: String], mode: Mode, size: Size,
                              notice: String? = nil) -> Screen {
        if mode == .client, known[account] != nil {
            return client(account, known: known, size: size, settings: ClientSettings())
        }
        return .login(LoginScreen(account: account, size: size, notice: notice))
    }

    /// The client for one account, knowing the others (its `A` key offers them).
    private static func client(_ account: AccountID, known: [AccountID: String], size: Size, settings: ClientSettings) -> Screen {
        var screen = ClientScreen(account: account, displayName: known[account] ?? account.nickname, size: size)
        screen.otherAccounts = sorted(known).filter { $0 != account }
        screen.apply(settings)
        return .client(screen, account)
    }

    private static func sorted(_ known: [AccountID: String]) -> [AccountID] {
        known.keys.sorted { $0.description < $1.description }
    }

    /// The job the first screen starts with when it needs no terminal (`EarlyStart.firstJob`).
    var earlyJob: Job? { EarlyStart.firstJob(for: screen) }

    var awaitsFirstResult: Bool {
        switch screen {
        case .login(let s): return s.url == nil && !s.hasFailed
        case .client(let c, _): return !c.cacheArrivedOnce
        case .account: return false
        }
    }

    var wantsTicks: Bool {
        switch screen {
        case .account(let s): return s.wantsTicks
        case .login(let s): return s.wantsTicks
        case .client(let s, _): return s.wantsTicks
        }
    }

    func render(into buffer: inout CellBuffer) {
        switch screen {
        case .account(let s): s.render(into: &buffer)
        case .login(let s): s.render(into: &buffer)
        case .client(let s, _): s.render(into: &buffer)
        }
    }

    // MARK: - Update

    mutating func update(_ event: AppEvent<Message>) -> [Effect<Message, Job>] {
        switch event {
        case .start(let s), .input(.resize(let s)): size = s
        default: break
        }
        switch screen {
        case .account(var s):
            guard let e = event.narrowed({ _ in nil as AccountScreen.Message? }) else { return [] }
            _ = s.update(e)
            screen = .account(s)
            return route(after: s.outcome)
        case .login(var s):
            guard let e = event.narrowed({ if case .login(let m) = $0 { return m } else { return nil } }) else { return [] }
            let account = s.account
            let effects = s.update(e).map { $0.mapped(Message.login) { Job.login(account, $0) } }
            screen = .login(s)
            return effects + route(after: s.outcome, then: s.forwardedInput)
        case .client(var s, let account):
            if case .message(.clientUnavailable(let reason)) = event {
                return [.quit(exitCode: 1, farewell: "pumptui: \(reason)")]
            }
            guard let e = event.narrowed({ if case .client(let m) = $0 { return m } else { return nil } }) else { return [] }
            let effects = s.update(e).map { $0.mapped(Message.client) { Job.client(account, $0) } }
            screen = .client(s, account)
            return effects + route(after: s.handoff)
        }
    }

    // MARK: - Routing

    private mutating func route(after outcome: AccountScreen.Outcome?) -> [Effect<Message, Job>] {
        switch outcome {
        case nil: return []
        case .quit: return [.quit(exitCode: 0, farewell: nil)]
        case .chosen(let id):
            return enter(mode == .client && known[id] != nil
                         ? Self.client(id, known: known, size: size, settings: settings)
                         : Self.entry(for: id, known: known, mode: mode, size: size))
        }
    }

    private mutating func route(after outcome: LoginScreen.Outcome?, then typed: InputEvent?) -> [Effect<Message, Job>] {
        switch outcome {
        case nil: return []
        case .cancelled(let farewell): return [.quit(exitCode: 1, farewell: farewell)]
        case .loggedIn(let success):
            known[success.account] = success.displayName
            if mode == .loginOnly { return [.quit(exitCode: 0, farewell: nil)] }
            let effects = enter(Self.client(success.account, known: known, size: size, settings: settings))
            return effects + (typed.map { update(.input($0)) } ?? [])
        }
    }

    private mutating func route(after handoff: ClientHandoff?) -> [Effect<Message, Job>] {
        switch handoff {
        case nil: return []
        case .quit(let code): return [.quit(exitCode: code, farewell: nil)]
        case .relogin(let id, let reason):
            var login = LoginScreen(account: id, size: size, notice: reason)
            login.keymap = settings.keymap
            return enter(.login(login))
        case .switchAccount(let id):
            return enter(known[id] != nil ? Self.client(id, known: known, size: size, settings: settings)
                                          : Self.entry(for: id, known: known, mode: mode, size: size))
        case .addAccount:
            return enter(.account(AccountScreen(size: size, stored: Self.sorted(known))))
        }
    }

    /// Puts a new screen up and gives it its `.start`.
    private mutating func enter(_ next: Screen) -> [Effect<Message, Job>] {
        screen = next
        if case .client(var c, let id) = screen { c.cueSettings = cueSettings; screen = .client(c, id) }
        return update(.start(size))
    }
}

extension AppEvent {
    /// The same event for a screen whose messages are `N`; nil for another screen's message.
    func narrowed<N>(_ pick: (M) -> N?) -> AppEvent<N>? {
        switch self {
        case .start(let s): return .start(s)
        case .input(let i): return .input(i)
        case .tick: return .tick
        case .notice(let n): return .notice(n)
        case .shutdown(let r): return .shutdown(r)
        case .suspend: return .suspend
        case .message(let m): return pick(m).map { .message($0) }
        }
    }
}

extension Effect {
    /// The same effect for the router's Message/Job types.
    func mapped<M2, J2>(_ message: @escaping (M) -> M2, _ job: (J) -> J2) -> Effect<M2, J2> {
        switch self {
        case .run(let j): return .run(job(j))
        case .copyToClipboard(let s): return .copyToClipboard(s)
        case .showPlain(let s): return .showPlain(s)
        case .openBrowser(let s): return .openBrowser(s)
        case .runInTerminal(let argv): return .runInTerminal(argv)
        case .cue(let c): return .cue(c)
        case .graphics(let g): return .graphics(g)
        case .after(let seconds, let m): return .after(seconds: seconds, message(m))
        case .quit(let code, let text): return .quit(exitCode: code, farewell: text)
        }
    }
}
