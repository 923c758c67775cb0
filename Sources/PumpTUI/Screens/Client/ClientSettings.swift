import Foundation
import PumpCore

/// What the client takes from config.toml, the flags and the environment (already resolved in
/// that order by the launcher): the keymap with the `[keys]` overrides, the editor for ^E, the
/// refresh interval and the file's path and warnings for the help screen and status line.
struct ClientSettings: Sendable {
    var keymap = Keymap.standard
    /// Seconds between automatic refreshes; 0 turns them off.
    var refreshSeconds = 60
    /// A shell command; the draft's file name is its last argument.
    var editorCommand = "vi"
    /// Where `i` saves images: config.toml's download-dir, else ~/Downloads.
    var downloadDirectory = ClientSettings.defaultDownloads()
    /// Where config.toml is (or would be), shown by the help screen.
    var configPath: String?
    /// The first config warning, said on the first page instead of the greeting.
    var notice: String?
    /// Every config and theme warning, for help's Warnings section.
    var warnings: [String] = []
    /// What each config.toml key is set to now (flags and environment included), for help.
    var configValues: [String: String] = [:]
}

extension ClientSettings {
    static func defaultDownloads(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? CredentialStore.passwdHome() ?? "/tmp"
        return home + "/Downloads"
    }
}

extension ClientScreen {
    mutating func apply(_ settings: ClientSettings) {
        self.settings = settings
        keymap = settings.keymap
        refreshSeconds = settings.refreshSeconds
    }

    /// The periodic refresh, unless it is off (`refresh = 0`).
    var refreshTimer: Effects {
        refreshSeconds == 0 ? [] : [.after(seconds: Double(max(5, refreshSeconds)), .refreshTimer)]
    }

    /// The help overlay for these contexts: the keys, and outside the editor its editing keys,
    /// then the config file's path and what it may set.
    func helpOverlay(_ contexts: [KeyContext]) -> HelpOverlay {
        var help = HelpOverlay(contexts: contexts, keymap: keymap)
        help.configPath = settings.configPath
        help.configValues = settings.configValues
        help.warnings = settings.warnings
        return help
    }
}
