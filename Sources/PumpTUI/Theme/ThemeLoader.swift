import Foundation
import PumpCore

/// Finds a theme by name: the user's directory first, then the built-ins. Never fails:
/// a missing or broken theme gives the default theme plus a warning naming file and line.
public enum ThemeLoader {
    public static let defaultName = "default"

    public static func builtin(_ name: String) -> Theme? {
        guard let source = BuiltinThemes.sources[name] else { return nil }
        return try? ThemeParser.parse(text: source, name: name, file: "themes/\(name).theme")
    }

    /// The built-in default; its source is checked by tests, so the parse cannot fail.
    public static var defaultTheme: Theme { builtin(defaultName) ?? Theme(name: defaultName, styles: [:]) }

    /// `themes/` in the default config directory (`$XDG_CONFIG_HOME/pumptui` or
    /// `~/.config/pumptui`, an empty or relative HOME replaced by the passwd entry).
    public static func userDirectory(environment: [String: String]) -> URL {
        CredentialStore.defaultDirectory(environment: environment).appendingPathComponent("themes")
    }

    public static func load(name: String, userDirectory: URL) -> (Theme, warning: String?) {
        // A name is a file name, never a path.
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            return (defaultTheme, "Unknown theme '\(name)'; using the default theme")
        }
        let file = userDirectory.appendingPathComponent(name + ".theme")
        if let data = FileManager.default.contents(atPath: file.path) {
            guard let text = String(data: data, encoding: .utf8) else {
                return (defaultTheme, "\(file.path):1: not UTF-8 text; using the default theme")
            }
            do {
                return (try ThemeParser.parse(text: text, name: name, file: file.path), nil)
            } catch {
                return (defaultTheme, "\(error); using the default theme")
            }
        }
        if let theme = builtin(name) { return (theme, nil) }
        let known = BuiltinThemes.names.joined(separator: ", ")
        return (defaultTheme, "Unknown theme '\(name)' (built-in: \(known)); using the default theme")
    }
}
