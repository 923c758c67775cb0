import Foundation
import PumpCore

/// The composition root of the full-screen app: the one place that picks the theme, reads the
/// stored accounts, builds the router (`PumpApp`) and its performer, opens the terminal
/// (`CursesBackend`) and hands them all to the `Runtime`. The CLI commands call `run`.
enum Launch {
    struct Options {
        var configDirectory: URL
        var allowHTTP: Bool
        var theme: String?
        var noColor: Bool
        var escapeDelayMs: Int
        var refreshSeconds = 60
        /// The state directory's store (drafts); nil keeps them in the config directory.
        var state: CredentialStore? = nil
        /// The offline cache's directory (nil: no cache) and its bound per timeline.
        var cacheDirectory: URL? = nil
        var cacheLimit = CacheStore.defaultLimit
        /// The cue for new direct messages and replies (issue 13): a bell (off by default) and
        /// an OSC 9 desktop notification. A plain value so the config file can set it.
        var cue = CueSettings()
    }

    /// The exit code, or nil when full-screen mode could not start (the caller uses line mode).
    /// `performer` outlives the run so `pumptui login` can report the session.
    static func run(account: AccountID?, store: CredentialStore, mode: PumpApp.Mode, options: Options,
                    performer: AppPerformer? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Int32? {
        let choice = ThemeChoice.resolve(flag: options.theme, noColorFlag: options.noColor, environment: environment)
        let (theme, warning) = ThemeLoader.load(name: choice.name, userDirectory: ThemeLoader.userDirectory(environment: environment))
        var stored: [AccountID: String] = [:]
        for id in store.accounts() { stored[id] = (try? store.account(id))?.displayName ?? id.nickname }
        var app = PumpApp(account: account, stored: stored, mode: mode, notice: warning)
        app.refreshSeconds = options.refreshSeconds
        app.cueSettings = options.cue
        let performer = performer ?? AppPerformer(store: store, allowHTTP: options.allowHTTP, state: options.state,
                                                  cacheDirectory: options.cacheDirectory, cacheLimit: options.cacheLimit)
        let escapeDelay = options.escapeDelayMs
        let noColor = choice.noColor   // --no-color or a non-empty NO_COLOR
        do {
            return try await Runtime.run(app: app, perform: { await performer.perform($0, report: $1) },
                                         backend: { try CursesBackend.start(escapeDelayMs: escapeDelay, noColor: noColor) },
                                         theme: { theme.forTerminal(colors: $0, noColor: noColor || $0 == 0) },
                                         environment: environment)
        } catch is TerminalError {
            return nil
        }
    }
}
