import ArgumentParser
import Foundation
import PumpCore

/// `pumptui [ACCOUNT]`: the full-screen app (login when needed, then the client). Falls back to
/// the line-mode login when there is no usable terminal or with --no-tui.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The full-screen client (the default command).")

    @Argument(help: "The account, NICK@HOST[:PORT] (default: the only stored one, or ask).", completion: AccountCompletion.kind)
    var account: String?

    @OptionGroup var common: CommonOptions
    @OptionGroup var network: NetworkOptions

    @Option(name: .long, help: "Theme name (built-in or ~/.config/pumptui/themes/NAME.theme; also $PUMPTUI_THEME).",
            completion: ThemeCompletion.kind)
    var theme: String?

    @Flag(name: .long, help: "No colours (also with a non-empty $NO_COLOR).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Milliseconds to wait after Esc for the rest of a key sequence (default 50; config: escape-delay).", valueName: "ms"))
    var escapeDelay: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds between automatic timeline refreshes, 0 = off (default 60; config: refresh).", valueName: "seconds"))
    var refresh: Int?

    @Option(name: .long, help: ArgumentHelp("Newest items kept per timeline in the offline cache (default: \(CacheStore.defaultLimit)).", valueName: "N"))
    var cacheSize: Int = CacheStore.defaultLimit

    @Flag(inversion: .prefixedNo, help: "Ring the terminal bell for new replies and direct messages (default off; config: bell).")
    var bell: Bool?

    @Flag(inversion: .prefixedNo, help: "A desktop notification (OSC 9) for new replies and direct messages (default on; config: notify).")
    var notify: Bool?

    @Flag(name: .long, help: "Line mode: log in without the full-screen UI.")
    var noTui = false

    func validate() throws {
        if let account, let mistyped = UserCommands.unknownCommandMessage(account) { throw ValidationError(mistyped) }
        try AccountArgument.validate(account)
        if let refresh, refresh != 0, refresh < 5 { throw ValidationError("--refresh must be 0 (off) or at least 5 seconds") }
        guard cacheSize >= 1 else { throw ValidationError("--cache-size must be at least 1") }
        // ncurses takes an int; 2147483648 trapped before the crash handler was armed.
        if let escapeDelay, !(0...5000).contains(escapeDelay) { throw ValidationError("--escape-delay must be 0 to 5000 ms") }
    }

    func run() async throws {
        SharedHTTPClient.process.warmUp()   // both ways, full screen or line mode, it is needed
        var opened: (AccountID?, CredentialStore, CredentialStore, LoadedConfig)?
        try await LineMode.run {
            let store = try common.openStore()
            let loaded = try ConfigLoader.load(store: store)
            let id = try common.chooseAccount(account, store: store, config: loaded.config)
            opened = (id, store, try common.openStateStore(config: store), loaded)
        }
        guard let (id, store, state, loaded) = opened else { return }
        let (verdict, terminalNotice) = noTui ? (.noTerminal, nil) : TerminalSupport.prepare()
        if verdict.runsFullScreen {
            var options = tuiOptions(loaded)
            options.state = state
            options.cacheDirectory = common.cacheDirectory
            options.terminalNotice = terminalNotice
            let code = try await Launch.run(account: id, store: store, mode: .client, options: options)
            if let code {
                if code != 0 { throw ExitCode(code) }
                return
            }
        }
        loaded.warnings.forEach(LineMode.warn)
        try await lineMode(id, store: store, verdict: verdict)
        // A terminal at both ends that TERM cannot drive is an error (the user asked for the
        // full screen), not the quiet success of `ssh host pumptui` without -t.
        if case .unusable(let why) = verdict {
            FileHandle.standardError.write(Data((TerminalSupport.unusableMessage(why) + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// Flag > environment > config.toml > default, for each setting.
    func tuiOptions(_ loaded: LoadedConfig) -> Launch.Options {
        let c = loaded.config
        var options = Launch.Options(configDirectory: common.configDirectory, allowHTTP: network.allowHTTP, theme: theme,
                                     noColor: noColor, escapeDelayMs: escapeDelay ?? c.escapeDelayMs ?? 50,
                                     refreshSeconds: refresh ?? c.refreshSeconds ?? 60)
        options.config = loaded
        options.cacheLimit = cacheSize
        options.cue = CueSettings(bell: bell ?? c.bell ?? false, notify: notify ?? c.notify ?? true)
        return options
    }

    /// No terminal: log in line by line (when needed); the client itself needs a terminal.
    /// With a terminal TERM cannot drive, only a needed login happens here (the caller then fails).
    private func lineMode(_ id: AccountID?, store: CredentialStore, verdict: TerminalSupport.Verdict) async throws {
        try await LineMode.run {
            let account = try id ?? LineMode.resolveAccount(nil, store: store, common: common)
            if (try? store.account(account)) == nil {
                LoginLineMode.reportSuccess(try await LoginLineMode.run(account: account, store: store,
                                                                         allowHTTP: network.allowHTTP))
            } else if verdict == .noTerminal {
                LineMode.say("\(account) is logged in.")
            }
            if noTui {
                LineMode.say("In line mode, read with: pumptui inbox; write with: pumptui post")
            } else if verdict == .noTerminal {
                LineMode.say("The full-screen client needs a terminal; in line mode use: pumptui inbox")
            }
        }
    }
}
