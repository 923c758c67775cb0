import Foundation
import PumpCore

/// config.toml as the app uses it: the parsed values, the keymap with the `[keys]` overrides,
/// and every warning (bad lines, bad values, unknown keys and key names).
struct LoadedConfig: Sendable {
    var config = AppConfig()
    var keymap = Keymap.standard
    var warnings: [String] = []
    /// Where the file is (or would be), for the help screen.
    var path: String

    /// One status-line sentence for the first screen; help lists them all (line mode: stderr).
    var notice: String? {
        guard let first = warnings.first else { return nil }
        let help = keymap.keyName(for: .help, in: [.timeline])
        return warnings.count == 1 ? first : "\(first) (and \(warnings.count - 1) more config warnings: \(help) lists them)"
    }
}

enum ConfigLoader {
    static let fileName = "config.toml"

    /// Reads the store's config.toml under the same trust rules as the credentials (owner,
    /// mode, no symlink): a refusal throws with the path and the fix. A missing file is defaults.
    static func load(store: CredentialStore) throws -> LoadedConfig {
        let path = store.directory.appendingPathComponent(fileName).path
        guard let data = try store.read(fileName) else { return LoadedConfig(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            return LoadedConfig(warnings: ["\(path):1: not UTF-8 text; defaults are used"], path: path)
        }
        let (config, warnings) = ConfigParser.parse(text, file: path)
        let (keymap, keyWarnings) = Keymap.standard.overridden(by: config.keys, file: path)
        return LoadedConfig(config: config, keymap: keymap, warnings: warnings + keyWarnings, path: path)
    }
}
