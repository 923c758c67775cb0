import Foundation
import PumpCore

/// What `config.toml` may set (issue 14). Every field is optional: nil means "not in the file",
/// so the command line and the environment can win over it (flag > env > config > default).
struct AppConfig: Equatable, Sendable {
    var defaultAccount: AccountID?
    var theme: String?
    /// Seconds between automatic refreshes; 0 turns them off.
    var refreshSeconds: Int?
    var escapeDelayMs: Int?
    /// The command that opens links and images (used where `$BROWSER` is not set).
    var opener: String?
    /// The command that edits a draft (used where `$VISUAL`/`$EDITOR` are not set).
    var editor: String?
    /// New-message cues; the launch options that exist take them (the lead wires the rest).
    var bell: Bool?
    var notify: Bool?
    /// Where `i` saves images (default ~/Downloads).
    var downloadDirectory: String?
    /// `[keys]`: action name → key names, in file order.
    var keys: [(action: String, keys: [String], line: Int)] = []

    static func == (a: AppConfig, b: AppConfig) -> Bool {
        a.defaultAccount == b.defaultAccount && a.theme == b.theme && a.refreshSeconds == b.refreshSeconds
            && a.escapeDelayMs == b.escapeDelayMs && a.opener == b.opener && a.editor == b.editor
            && a.bell == b.bell && a.notify == b.notify && a.downloadDirectory == b.downloadDirectory
            && a.keys.map { "\($0.action)=\($0.keys)" } == b.keys.map { "\($0.action)=\($0.keys)" }
    }

    /// The keys the file understands, with what they do: the help screen and the man page list them.
    /// Each key, what it does, and an example value (the help shows the value in effect apart).
    static let documentedKeys: [(key: String, meaning: String, example: String)] = [
        ("default-account", "the account to open (also $PUMPTUI_ACCOUNT)", "\"nick@host\""),
        ("theme", "a theme name (also --theme, $PUMPTUI_THEME)", "\"dark\""),
        ("refresh", "seconds between timeline refreshes, 0 = off", "60"),
        ("escape-delay", "ms to wait after Esc", "50"),
        ("opener", "opens links and images (else $BROWSER, xdg-open)", "\"feh\""),
        ("editor", "for ^E in the editor (after $VISUAL, $EDITOR)", "\"vim\""),
        ("bell", "ring the bell on new messages", "true"),
        ("notify", "a desktop notification on new messages", "true"),
        ("download-dir", "where images are saved", "\"~/Pictures\""),
        ("[keys]", "an action's keys, by the action's name after · in this help", "like = \"L\""),
    ]
}
