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

    @Option(name: .long, help: "Theme name (built-in or ~/.config/pumptui/themes/NAME.theme; also $PUMPTUI_THEME).")
    var theme: String?

    @Flag(name: .long, help: "No colours (also with a non-empty $NO_COLOR).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Milliseconds to wait after Esc for the rest of a key sequence.", valueName: "ms"))
    var escapeDelay: Int = 50

    @Option(name: .long, help: ArgumentHelp("Seconds between automatic timeline refreshes (0: never).", valueName: "seconds"))
    var refresh: Int = 60

    @Option(name: .long, help: ArgumentHelp("Newest items kept per timeline in the offline cache.", valueName: "N"))
    var cacheSize: Int = CacheStore.defaultLimit

    @Flag(name: .long, help: "Ring the terminal bell for new replies and direct messages.")
    var bell = false

    @Flag(name: .long, help: "No desktop notification (OSC 9) for new replies and direct messages.")
    var noNotify = false

    @Flag(name: .long, help: "Line mode: log in without the full-screen UI.")
    var noTui = false

    func validate() throws {
        try AccountArgument.validate(account)
        guard refresh == 0 || refresh >= 5 else { throw ValidationError("--refresh must be 0 (off) or at least 5 seconds") }
        guard cacheSize >= 1 else { throw ValidationError("--cache-size must be at least 1") }
        // ncurses takes an int; 2147483648 trapped before the crash handler was armed.
        guard (0...5000).contains(escapeDelay) else { throw ValidationError("--escape-delay must be 0 to 5000 ms") }
    }

    func run() async throws {
        var opened: (AccountID?, CredentialStore, CredentialStore)?
        try await LineMode.run {
            let store = try common.openStore()
            opened = (try account.map { try AccountID(parsing: $0) }, store, try common.openStateStore(config: store))
        }
        guard let (id, store, state) = opened else { return }
        if !noTui && TerminalSupport.canRunFullScreen() {
            var options = tuiOptions
            options.state = state
            options.cacheDirectory = common.cacheDirectory
            options.cue = CueSettings(bell: bell, notify: !noNotify)
            let code = try await Launch.run(account: id, store: store, mode: .client, options: options)
            if let code {
                if code != 0 { throw ExitCode(code) }
                return
            }
        }
        try await lineMode(id, store: store)
    }

    var tuiOptions: Launch.Options {
        Launch.Options(configDirectory: common.configDirectory, allowHTTP: network.allowHTTP, theme: theme,
                           noColor: noColor, escapeDelayMs: escapeDelay, refreshSeconds: refresh, cacheLimit: cacheSize)
    }

    /// No terminal: log in line by line (when needed); the client itself needs a terminal.
    private func lineMode(_ id: AccountID?, store: CredentialStore) async throws {
        try await LineMode.run {
            let account = try id ?? LineMode.resolveAccount(nil, store: store)
            if (try? store.account(account)) == nil {
                LoginLineMode.reportSuccess(try await LoginLineMode.run(account: account, store: store,
                                                                         allowHTTP: network.allowHTTP))
            } else {
                LineMode.say("\(account) is logged in.")
            }
            LineMode.say("The full-screen client needs a terminal; in line mode use: pumptui inbox")
        }
    }
}
