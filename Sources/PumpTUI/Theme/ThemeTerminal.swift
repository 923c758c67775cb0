/// Fitting a theme to what the terminal can show.
extension Theme {
    /// With fewer than 256 colours, indexes from 16 up map to the nearest basic colour (0–15
    /// are kept when the terminal has 16, folded to 0–7 when it has 8). With no colour at all
    /// (or NO_COLOR), every role takes the mono theme's attributes so roles stay distinguishable.
    public func forTerminal(colors: Int, noColor: Bool) -> Theme {
        if noColor || colors < 8 {
            let mono = ThemeLoader.builtin("mono") ?? self
            var styles: [Role: RoleStyle] = [:]
            for role in Role.allCases {
                let m = mono.style(role)
                styles[role] = RoleStyle(bold: m.bold, underline: m.underline, reverse: m.reverse, dim: m.dim)
            }
            return Theme(name: name, styles: styles)
        }
        guard colors < 256 else { return self }
        var out = self
        for (role, style) in styles {
            var s = style
            s.fg = Self.reduce(s.fg, colors: colors)
            s.bg = Self.reduce(s.bg, colors: colors)
            out.styles[role] = s
        }
        return out
    }

    static func reduce(_ color: ThemeColor, colors: Int) -> ThemeColor {
        guard case .index(let n) = color else { return color }
        if n < 8 { return color }
        if n < 16 { return colors >= 16 ? color : .index(n - 8) }
        return .index(nearestBasic(n))
    }

    /// xterm's RGB for the 256-colour palette, compared with the 8 basic colours.
    static func nearestBasic(_ n: Int) -> Int {
        let rgb = xtermRGB(n)
        let basics: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
                                         (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        var best = 0, bestD = Int.max
        for (i, b) in basics.enumerated() {
            let d = (rgb.0 - b.0) * (rgb.0 - b.0) + (rgb.1 - b.1) * (rgb.1 - b.1) + (rgb.2 - b.2) * (rgb.2 - b.2)
            if d < bestD { best = i; bestD = d }
        }
        return best
    }

    static func xtermRGB(_ n: Int) -> (Int, Int, Int) {
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let i = n - 16
        let level = { (x: Int) in x == 0 ? 0 : 55 + x * 40 }
        return (level(i / 36), level((i / 6) % 6), level(i % 6))
    }
}
