import ArgumentParser
import Foundation
import Logging
import PumpCore

/// Options every subcommand shares: where things are kept and the debug log.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory for credentials and config (default: $XDG_CONFIG_HOME/pumptui or ~/.config/pumptui). Given explicitly, it also holds the state (drafts, debug log).", valueName: "PATH"),
            completion: .directory)
    var configDir: String?

    @Flag(name: .long, help: "Write a debug log (HTTP requests, login steps, errors; secrets hidden): on stderr in line mode, else to debug.log in the state directory.")
    var debug = false

    @Option(name: .long, help: ArgumentHelp("Write the debug log to this file (never to the terminal the full-screen UI uses).", valueName: "PATH"),
            completion: .file())
    var logFile: String?

    var configDirectory: URL {
        if let configDir { return Self.absolute(configDir) }
        return CredentialStore.defaultDirectory()
    }

    /// Drafts and the debug log: $XDG_STATE_HOME/pumptui, or the config directory when one is
    /// given with --config-dir, so a run with its own config directory (tests, a second
    /// identity) keeps everything in it and never touches ~/.local/state.
    var stateDirectory: URL {
        if let configDir { return Self.absolute(configDir) }
        return XDGDirectories.state()
    }

    /// The offline cache: $XDG_CACHE_HOME/pumptui, or DIR/cache with --config-dir (as the state).
    var cacheDirectory: URL {
        if let configDir { return Self.absolute(configDir).appendingPathComponent("cache") }
        return XDGDirectories.cache()
    }

    static func absolute(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    /// The state directory as a store (same trust checks as the config directory), after moving
    /// drafts an older pumptui kept in the config directory into it. With --config-dir it is the
    /// config store itself.
    func openStateStore(config: CredentialStore) throws -> CredentialStore {
        guard configDir == nil else { return config }
        let state = CredentialStore(directory: stateDirectory)
        try state.checkTrust()
        let moved = try DraftMigration.move(from: config, to: state)
        if moved > 0 { PumpLog.app.info("moved \(moved) draft(s) from \(config.directory.path) to \(state.directory.path)") }
        return state
    }

    /// The account for any command: the flag, else $PUMPTUI_ACCOUNT, config.toml's
    /// default-account, the last one the client opened, the only stored one (nil: none of these).
    func chooseAccount(_ flag: String?, store: CredentialStore, config: AppConfig,
                       environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AccountID? {
        let state = configDir == nil ? CredentialStore(directory: stateDirectory) : store
        return try AccountChoice.resolve(flag: flag, environment: environment, config: config,
                                         lastUsed: LastAccount.load(from: state), stored: store.accounts())
    }

    /// The store, once its directory passed the trust check (owner, mode, parents): a refusal
    /// names the path and the fix, and nothing is read from or written into it.
    func openStore() throws -> CredentialStore {
        let store = CredentialStore(directory: configDirectory)
        try store.checkTrust()
        return store
    }
}

/// Only on the commands that talk to a server (login, post, inbox, the full-screen client):
/// on `accounts` and `logout` it would do nothing.
struct NetworkOptions: ParsableArguments {
    @Flag(name: .long, help: "Allow plain http to non-loopback hosts (exposes your credentials on the network).")
    var allowHTTP = false
}

/// An ACCOUNT given on the command line must parse (NICK@HOST[:PORT]); otherwise it is a usage
/// error (exit 2) before anything is opened or sent.
enum AccountArgument {
    static func validate(_ text: String?, option: String = "ACCOUNT") throws {
        guard let text else { return }
        do { _ = try AccountID(parsing: text) } catch {
            let why = (error as? PumpError)?.message ?? "\(error)"
            throw ValidationError(option == "ACCOUNT" ? why : "\(option): \(why)")
        }
    }
}
