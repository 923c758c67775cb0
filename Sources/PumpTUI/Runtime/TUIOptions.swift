import Foundation

/// What the command line hands the full-screen app. Filled by the CLI, read by the runtime.
public struct TUIOptions: Sendable {
    public var account: String?
    public var configDirectory: URL
    public var themeName: String?
    public var noColor: Bool
    public var allowHTTP: Bool
    /// Milliseconds ncurses waits after ESC before deciding it was a lone Escape key.
    public var escapeDelayMs: Int
    public var refreshSeconds: Int
    /// How long shutdown waits for the jobs the app returns from `.shutdown` (saving drafts).
    /// Kept well under 2 s: a hang-up must end the process within 2 s.
    public var shutdownGraceMs: Int = 800
    public init(account: String? = nil, configDirectory: URL, themeName: String? = nil, noColor: Bool = false,
                allowHTTP: Bool = false, escapeDelayMs: Int = 50, refreshSeconds: Int = 60) {
        self.account = account; self.configDirectory = configDirectory; self.themeName = themeName
        self.noColor = noColor; self.allowHTTP = allowHTTP; self.escapeDelayMs = escapeDelayMs
        self.refreshSeconds = refreshSeconds
    }
}
