import Foundation

/// A theme file problem, always naming the file and line so the user can fix it.
public struct ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Parses the theme format documented at the top of every file in themes/.
public enum ThemeParser {
    package static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    package static let attributes: Set<String> = ["bold", "underline", "reverse", "dim"]

    public static func parse(text: String, name: String, file: String) throws -> Theme {
        var styles: [Role: RoleStyle] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // The standard library's whitespace, not Foundation's trim: this runs on every start,
            // and Foundation's first trim in a process costs ~0.5 ms (issues 11, 13).
            let line = raw.prefix { $0 != "#" }
            if line.allSatisfy(\.isWhitespace) { continue }
            func fail(_ message: String) -> ThemeError { ThemeError(file: file, line: n + 1, message: message) }
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw fail("expected `role = fg [on bg] [bold] [underline] [reverse] [dim]`") }
            let roleName = parts[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let role = Role(rawValue: roleName) else { throw fail("unknown role '\(roleName)'") }
            guard styles[role] == nil else { throw fail("role '\(roleName)' is set twice") }
            styles[role] = try parseStyle(parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init), fail: fail)
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(_ words: [String], fail: (String) -> ThemeError) throws -> RoleStyle {
        guard !words.isEmpty else { throw fail("missing colour or attribute") }
        var style = RoleStyle()
        var fgSet = false, i = 0
        while i < words.count {
            let w = words[i].lowercased()
            switch w {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            case "on":
                guard i + 1 < words.count else { throw fail("missing colour after 'on'") }
                guard let c = color(words[i + 1]) else { throw fail("unknown colour '\(words[i + 1])'") }
                style.bg = c; i += 1
            default:
                guard !fgSet, i == 0 else { throw fail("unexpected '\(words[i])'") }
                guard let c = color(w) else { throw fail("unknown colour '\(words[i])'") }
                style.fg = c; fgSet = true
            }
            i += 1
        }
        return style
    }

    /// `default`, a name, `bright-NAME`, or 0–255.
    package static func color(_ word: String) -> ThemeColor? {
        let w = word.lowercased()
        if w == "default" { return .default }
        if let i = colorNames.firstIndex(of: w) { return .index(i) }
        if w.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(w.dropFirst(7))) { return .index(i + 8) }
        if let n = Int(w), (0...255).contains(n) { return .index(n) }
        return nil
    }
}
