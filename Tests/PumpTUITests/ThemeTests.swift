import Foundation
import Testing
import PumpCore
@testable import PumpTUI

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func embeddedThemesAreByteIdenticalToThemeFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDir.path).filter { $0.hasSuffix(".theme") }
        #expect(Set(files.map { String($0.dropLast(6)) }) == Set(BuiltinThemes.names))
        for name in BuiltinThemes.names {
            let data = try Data(contentsOf: Self.themesDir.appendingPathComponent("\(name).theme"))
            #expect(data == Data(BuiltinThemes.sources[name]!.utf8), "themes/\(name).theme differs from BuiltinThemes.swift")
        }
    }

    @Test(arguments: BuiltinThemes.names) func builtinsParseAndNameEveryRole(name: String) throws {
        let theme = try ThemeParser.parse(text: BuiltinThemes.sources[name]!, name: name, file: "\(name).theme")
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
    }

    @Test func parsesColoursAndAttributes() throws {
        let t = try ThemeParser.parse(text: """
            # comment
            title = white on blue bold   # trailing comment
            url = 117 underline
            error = bright-red on default reverse dim
            mark = bold
            """, name: "t", file: "t.theme")
        #expect(t.style(.title) == RoleStyle(fg: .index(7), bg: .index(4), bold: true))
        #expect(t.style(.url) == RoleStyle(fg: .index(117), underline: true))
        #expect(t.style(.error) == RoleStyle(fg: .index(9), bg: .default, reverse: true, dim: true))
        #expect(t.style(.mark) == RoleStyle(bold: true))
    }

    /// Blank and comment-only lines (spaces, tabs, a non-breaking space) are skipped; spaces and
    /// tabs around a role name do not matter (the trim is the standard library's).
    @Test func whitespaceAroundLinesAndNames() throws {
        let t = try ThemeParser.parse(text: "  \t\n\u{00A0}# only a comment\n\t title\t=  white on blue  \n   \n", name: "t", file: "t.theme")
        #expect(t.style(.title) == RoleStyle(fg: .index(7), bg: .index(4)))
        #expect(throws: ThemeError.self) { try ThemeParser.parse(text: "ti tle = red", name: "t", file: "t.theme") }
    }

    @Test(arguments: [
        ("text = default\nbogus = red", 2, "unknown role 'bogus'"),
        ("\n\ntitle red", 3, "expected"),
        ("url = purple", 1, "unknown colour 'purple'"),
        ("url = 256", 1, "unknown colour '256'"),
        ("url = red on", 1, "missing colour after 'on'"),
        ("url = red blue", 1, "unexpected 'blue'"),
        ("url =", 1, "missing colour"),
        ("url = red\nurl = blue", 2, "set twice"),
    ]) func errorsNameFileAndLine(text: String, line: Int, message: String) {
        do {
            _ = try ThemeParser.parse(text: text, name: "x", file: "/home/u/x.theme")
            Issue.record("no error for \(text)")
        } catch let e as ThemeError {
            #expect(e.file == "/home/u/x.theme" && e.line == line)
            #expect(e.message.contains(message))
            #expect(e.description.hasPrefix("/home/u/x.theme:\(line): "))
        } catch { Issue.record("\(error)") }
    }

    @Test func loaderPrefersUserThemesAndFallsBackWithWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "text = red\n".write(to: dir.appendingPathComponent("dark.theme"), atomically: true, encoding: .utf8)
        try "text = red\ntitle = nope\n".write(to: dir.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)

        let (user, w1) = ThemeLoader.load(name: "dark", userDirectory: dir)
        #expect(user.style(.text).fg == .index(1) && w1 == nil)
        let (light, w2) = ThemeLoader.load(name: "light", userDirectory: dir)
        #expect(light.name == "light" && w2 == nil)
        let (broken, w3) = ThemeLoader.load(name: "broken", userDirectory: dir)
        #expect(broken == ThemeLoader.defaultTheme)
        #expect(w3?.contains("broken.theme:2: unknown role") == true || w3?.contains("broken.theme:2: unknown colour 'nope'") == true)
        let (unknown, w4) = ThemeLoader.load(name: "nosuch", userDirectory: dir)
        #expect(unknown.name == "default" && w4?.contains("nosuch") == true)
        let (_, w5) = ThemeLoader.load(name: "../etc/passwd", userDirectory: dir)
        #expect(w5 != nil)
    }

    @Test func userDirectoryFollowsXDG() {
        #expect(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]).path == "/x/cfg/pumptui/themes")
        #expect(ThemeLoader.userDirectory(environment: ["HOME": "/h"]).path == "/h/.config/pumptui/themes")
    }

    @Test func colourReductionTo8() throws {
        let dark = ThemeLoader.builtin("dark")!
        let eight = dark.forTerminal(colors: 8, noColor: false)
        for role in Role.allCases {
            for c in [eight.style(role).fg, eight.style(role).bg] {
                if case .index(let n) = c { #expect(n < 8, "\(role) kept colour \(n)") }
            }
        }
        #expect(Theme.reduce(.index(196), colors: 8) == .index(1))   // pure red
        #expect(Theme.reduce(.index(21), colors: 8) == .index(4))    // pure blue
        #expect(Theme.reduce(.index(231), colors: 8) == .index(7))   // white
        #expect(Theme.reduce(.index(16), colors: 8) == .index(0))    // black
        #expect(Theme.reduce(.index(9), colors: 8) == .index(1))
        #expect(Theme.reduce(.index(9), colors: 16) == .index(9))
        #expect(dark.forTerminal(colors: 256, noColor: false) == dark)
    }

    @Test func noColorKeepsRolesDistinguishable() {
        for colors in [256, 0] {
            let t = ThemeLoader.builtin("default")!.forTerminal(colors: colors, noColor: colors == 256)
            for role in Role.allCases { #expect(t.style(role).fg == .default && t.style(role).bg == .default) }
            let mustDiffer: [(Role, Role)] = [(.button, .buttonFocus), (.input, .inputFocus), (.text, .selection),
                                             (.text, .url), (.text, .error), (.text, .title), (.text, .focus),
                                             (.hint, .hintKey), (.text, .muted), (.title, .selection)]
            for (a, b) in mustDiffer { #expect(t.style(a) != t.style(b), "\(a) vs \(b)") }
            #expect(!t.style(.url).reverse)   // selectable by mouse
        }
    }

    @Test func themeChoice() {
        #expect(ThemeChoice.resolve(flag: nil, environment: [:]) == ThemeChoice(name: "default", noColor: false))
        #expect(ThemeChoice.resolve(flag: nil, environment: ["PUMPTUI_THEME": "dark"]).name == "dark")
        #expect(ThemeChoice.resolve(flag: "light", environment: ["PUMPTUI_THEME": "dark"]).name == "light")
        #expect(ThemeChoice.resolve(flag: nil, environment: ["NO_COLOR": "1"]).noColor)
        #expect(!ThemeChoice.resolve(flag: nil, environment: ["NO_COLOR": ""]).noColor)
        #expect(ThemeChoice.resolve(flag: nil, noColorFlag: true, environment: [:]).noColor)
    }
}

@Suite struct ThemeDirectoryTests {
    /// Same rule as the credential store (issue 11): an empty HOME is not the current directory.
    @Test func userDirectoryFollowsTheConfigDirectory() {
        #expect(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "/x"]).path == "/x/pumptui/themes")
        let home = CredentialStore.passwdHome() ?? "/"
        #expect(ThemeLoader.userDirectory(environment: ["HOME": ""]).path.hasPrefix(home))
    }
}
