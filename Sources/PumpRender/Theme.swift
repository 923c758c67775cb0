/// A colour as a theme file names it. `.default` is the terminal's own colour, which keeps
/// transparent terminals transparent.
public enum ThemeColor: Equatable, Sendable {
    case `default`
    case index(Int)   // 0–255; 0–7 are the basic ANSI colours
}

/// What a semantic role looks like. The backend turns this into curses attributes.
public struct RoleStyle: Equatable, Sendable {
    public var fg: ThemeColor = .default
    public var bg: ThemeColor = .default
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public init(fg: ThemeColor = .default, bg: ThemeColor = .default, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.underline = underline
        self.reverse = reverse; self.dim = dim
    }
}

/// A named mapping from roles to styles. Roles a theme does not name fall back to `.text`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]
    public init(name: String, styles: [Role: RoleStyle]) { self.name = name; self.styles = styles }
    public func style(_ role: Role) -> RoleStyle { styles[role] ?? styles[.text] ?? RoleStyle() }
}
