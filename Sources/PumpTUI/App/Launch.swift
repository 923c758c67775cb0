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
        /// config.toml: keys, theme, opener, editor, bell/notify (flags were applied by the caller).
        var config = LoadedConfig(path: "")
        /// The offline cache's directory (nil: no cache) and its bound per timeline.
        var cacheDirectory: URL? = nil
        var cacheLimit = CacheStore.defaultLimit
        /// The cue for new direct messages and replies (issue 13): a bell (off by default) and
        /// an OSC 9 desktop notification (flags, then config.toml's bell/notify).
        var cue = CueSettings()
        /// Said first on the first screen: the terminal type pumptui fell back to (`TerminalSupport`).
        var terminalNotice: String? = nil
    }

    /// The first screen's notices as one status line, most important first; nil when none.
    static func joined(_ notices: [String?]) -> String? {
        let some = notices.compactMap { $0 }
        return some.isEmpty ? nil : some.joined(separator: " · ")
    }

    /// $VISUAL, $EDITOR, config.toml's editor, vi (environment > config > default).
    static func editorCommand(_ environment: [String: String], config: AppConfig) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let v = environment[name], !v.allSatisfy(\.isWhitespace) { return v }
        }
        return config.editor ?? "vi"
    }

    /// What each config.toml key is set to now, as the help shows it: flags and the environment
    /// count (they win over the file), so this is what pumptui does, not only what the file says.
    static func configValues(_ options: Options, theme: String, environment: [String: String]) -> [String: String] {
        let c = options.config.config
        var v: [String: String] = ["theme": theme, "refresh": "\(options.refreshSeconds)",
                                   "escape-delay": "\(options.escapeDelayMs)",
                                   "editor": editorCommand(environment, config: c),
                                   "bell": "\(options.cue.bell)", "notify": "\(options.cue.notify)",
                                   "download-dir": c.downloadDirectory ?? ClientSettings.defaultDownloads(environment: environment)]
        v["default-account"] = c.defaultAccount?.description
        v["opener"] = c.opener
        if !c.keys.isEmpty { v["[keys]"] = c.keys.map { "\($0.action) = \($0.keys.joined(separator: ", "))" }.joined(separator: "; ") }
        return v
    }

    /// The exit code, or nil when full-screen mode could not start (the caller uses line mode).
    /// `performer` outlives the run so `pumptui login` can report the session.
    static func run(account: AccountID?, store: CredentialStore, mode: PumpApp.Mode, options: Options,
                    performer: AppPerformer? = nil,
                    environment given: [String: String] = ProcessInfo.processInfo.environment) async throws -> Int32? {
        let config = options.config.config
        // The first job starts before anything else is read (the theme, each account's file for
        // its display name): which screen comes first depends only on which accounts exist.
        let ids = store.accounts()
        let performer = performer ?? AppPerformer(store: store, allowHTTP: options.allowHTTP, state: options.state,
                                                  cacheDirectory: options.cacheDirectory, cacheLimit: options.cacheLimit)
        if let first = EarlyStart.firstJob(account: account, stored: ids, mode: mode) { await performer.prestart(first) }
        var environment = given
        // The opener is $BROWSER's fallback: the browser launcher's rules (local display only) stay.
        if (environment["BROWSER"] ?? "").isEmpty, let opener = config.opener { environment["BROWSER"] = opener }
        let choice = ThemeChoice.resolve(flag: options.theme, noColorFlag: options.noColor, environment: environment,
                                         configured: config.theme)
        let (theme, warning) = ThemeLoader.load(name: choice.name, userDirectory: ThemeLoader.userDirectory(environment: environment))
        var stored: [AccountID: String] = [:]
        for id in ids { stored[id] = store.displayName(of: id) ?? id.nickname }
        var app = PumpApp(account: account, stored: stored, mode: mode,
                          notice: joined([options.terminalNotice, warning, options.config.notice]))
        app.settings = ClientSettings(keymap: options.config.keymap, refreshSeconds: options.refreshSeconds,
                                      editorCommand: editorCommand(environment, config: config),
                                      downloadDirectory: config.downloadDirectory ?? ClientSettings.defaultDownloads(environment: environment),
                                      configPath: options.config.path.isEmpty ? nil : options.config.path,
                                      notice: Self.joined([options.terminalNotice, warning, options.config.notice]),
                                      warnings: [warning].compactMap { $0 } + options.config.warnings,
                                      configValues: Self.configValues(options, theme: choice.name, environment: environment))
        app.cueSettings = options.cue
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
