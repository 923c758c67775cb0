/// Which theme to use and whether colour is allowed, from flags and the environment.
public struct ThemeChoice: Equatable, Sendable {
    public var name: String
    public var noColor: Bool

    /// `--theme` beats `PUMPTUI_THEME` beats config.toml's `theme` beats "default". Colour is off with `--no-color` or a
    /// non-empty `NO_COLOR` (no-color.org: any non-empty value).
    public static func resolve(flag: String?, noColorFlag: Bool = false, environment: [String: String],
                               configured: String? = nil) -> ThemeChoice {
        let fromEnv = environment["PUMPTUI_THEME"].flatMap { $0.isEmpty ? nil : $0 }
        let name = flag.flatMap { $0.isEmpty ? nil : $0 } ?? fromEnv ?? configured ?? ThemeLoader.defaultName
        let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        return ThemeChoice(name: name, noColor: noColor)
    }
}
