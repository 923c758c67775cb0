import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// config.toml (issue 14): values, broken lines as file:line with the rest kept, hostile values,
/// unknown keys, `[keys]` overrides in the one keymap table, and the account precedence.
@Suite struct ConfigFileTests {
    let file = "/home/a/.config/pumptui/config.toml"

    @Test func everyKeyIsRead() {
        let (c, warnings) = ConfigParser.parse("""
            default-account = "alice@pump.example"
            theme = "dark"
            refresh = 0
            escape-delay = 25
            opener = "feh --scale-down"
            editor = "nano"
            bell = true
            notify = false
            download-dir = "/tmp/pics"
            [keys]
            like = "L"
            down = ["n", "Down"]
            """, file: file)
        #expect(warnings == [])
        #expect(c.defaultAccount?.description == "alice@pump.example")
        #expect(c.theme == "dark" && c.refreshSeconds == 0 && c.escapeDelayMs == 25)
        #expect(c.opener == "feh --scale-down" && c.editor == "nano" && c.bell == true && c.notify == false)
        #expect(c.downloadDirectory == "/tmp/pics")
        #expect(c.keys.map(\.action) == ["like", "down"] && c.keys[1].keys == ["n", "Down"] && c.keys[0].line == 11)
    }

    @Test func aBrokenLineIsNamedAndTheRestStillCounts() {
        let (c, warnings) = ConfigParser.parse("theme = \"dark\"\nrefresh = = 5\nescape-delay = 10\n", file: file)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("\(file):2: ") == true)
        #expect(warnings.first?.hasSuffix("that line is ignored") == true)
        #expect(c.theme == "dark" && c.escapeDelayMs == 10 && c.refreshSeconds == nil)
    }

    @Test func badValuesKeepTheirDefaultsWithFileAndLine() {
        let (c, warnings) = ConfigParser.parse("""
            refresh = 2
            escape-delay = 99999999999
            theme = "../../etc/passwd"
            editor = "vi\\u001b]52;c;aGk=\\u0007"
            default-account = "not an account"
            bell = "yes"
            colour = "red"
            """, file: file)
        #expect(c == AppConfig())
        #expect(warnings.count == 7)
        #expect(warnings[0...].allSatisfy { $0.hasPrefix(file + ":") })
        #expect(warnings.contains("\(file):7: unknown key 'colour' (ignored)"))
        #expect(warnings.contains { $0.hasPrefix("\(file):1: refresh must be 0 (off)") })
        // Nothing from the file reaches a warning unsanitized.
        #expect(!warnings.joined().contains("\u{1b}"))
    }

    @Test func anUnclosedStringIgnoresTheFileAndSaysWhere() {
        let (c, warnings) = ConfigParser.parse("theme = \"dark\"\nbroken = \"\"\"\nnever closed\n", file: file)
        #expect(c == AppConfig())
        #expect(warnings.count >= 1 && warnings.last?.contains("defaults are used") == true)
    }

    @Test func keyOverrideMovesTheKeyInTheOneTable() {
        let (map, warnings) = Keymap.standard.overridden(by: [("like", ["L"], 3)], file: file)
        #expect(map.action(for: .char("L"), in: [.timeline]) == .like)
        #expect(map.action(for: .char("l"), in: [.timeline]) == nil)
        // L was open-link's: it says so, and open-link has no key left in lists.
        #expect(warnings == ["\(file):3: L no longer does open-link"])
        let help = map.helpSections(for: [.timeline]).flatMap(\.entries)
        #expect(help.contains(HelpEntry(keys: "L", help: "Like / unlike", action: "like")))
        #expect(map.footerHints(for: [.timeline], width: 200).contains { $0.text == "L like" })
    }

    @Test func lettersReplaceLettersAndSpecialKeysStay() {
        let (map, _) = Keymap.standard.overridden(by: [("down", ["n"], 1), ("send", ["^S"], 2)], file: file)
        #expect(map.action(for: .char("n"), in: [.timeline]) == .moveDown)
        #expect(map.action(for: .down, in: [.timeline]) == .moveDown)
        #expect(map.action(for: .ctrl("s"), in: [.editor, .textArea, .textField]) == .send)
        #expect(map.action(for: .ctrl("d"), in: [.editor, .textArea, .textField]) == nil)
    }

    @Test func badOverridesWarnAndChangeNothing() {
        let (map, warnings) = Keymap.standard.overridden(by: [("launch-rockets", ["x"], 4), ("like", ["Hyper-Q"], 5)], file: file)
        #expect(map == Keymap.standard)
        #expect(warnings == ["\(file):4: no action named 'launch-rockets' (see the help screen)",
                             "\(file):5: 'Hyper-Q' is not a key name"])
    }

    @Test func keyNamesParseAsHelpPrintsThem() {
        for key: Key in [.char("L"), .ctrl("e"), .f(5), .pageDown, .backTab, .enter, .escape, .up, .char(" ")] {
            #expect(KeyNames.parse(KeyNames.name(key)) == key)
        }
        #expect(KeyNames.parse("C-x") == .ctrl("x") && KeyNames.parse("Ctrl-E") == .ctrl("e"))
        #expect(KeyNames.parse("\u{1b}") == nil && KeyNames.parse("") == nil && KeyNames.parse("F99") == nil)
    }

    @Test func accountPrecedenceFlagEnvConfigLastOnly() throws {
        let a = try AccountID(parsing: "a@h.example"), b = try AccountID(parsing: "b@h.example"), c = try AccountID(parsing: "c@h.example")
        var config = AppConfig(); config.defaultAccount = b
        let env = ["PUMPTUI_ACCOUNT": "c@h.example"]
        #expect(try AccountChoice.resolve(flag: "a@h.example", environment: env, config: config, lastUsed: nil, stored: []) == a)
        #expect(try AccountChoice.resolve(flag: nil, environment: env, config: config, lastUsed: a, stored: [a, b]) == c)
        #expect(try AccountChoice.resolve(flag: nil, environment: [:], config: config, lastUsed: a, stored: [a, b]) == b)
        #expect(try AccountChoice.resolve(flag: nil, environment: [:], config: AppConfig(), lastUsed: a, stored: [a, b]) == a)
        #expect(try AccountChoice.resolve(flag: nil, environment: [:], config: AppConfig(), lastUsed: c, stored: [a, b]) == nil)
        #expect(try AccountChoice.resolve(flag: nil, environment: [:], config: AppConfig(), lastUsed: nil, stored: [b]) == b)
        #expect(throws: LineModeError.self) {
            try AccountChoice.resolve(flag: nil, environment: ["PUMPTUI_ACCOUNT": "nope"], config: config, lastUsed: nil, stored: [])
        }
    }

    @Test func themePrecedenceFlagEnvConfig() {
        #expect(ThemeChoice.resolve(flag: "mono", environment: ["PUMPTUI_THEME": "light"], configured: "dark").name == "mono")
        #expect(ThemeChoice.resolve(flag: nil, environment: ["PUMPTUI_THEME": "light"], configured: "dark").name == "light")
        #expect(ThemeChoice.resolve(flag: nil, environment: [:], configured: "dark").name == "dark")
    }

    @Test func editorPrecedenceVisualEditorConfigVi() {
        var c = AppConfig(); c.editor = "nano"
        #expect(Launch.editorCommand(["VISUAL": "code --wait", "EDITOR": "ed"], config: c) == "code --wait")
        #expect(Launch.editorCommand(["EDITOR": "ed"], config: c) == "ed")
        #expect(Launch.editorCommand([:], config: c) == "nano")
        #expect(Launch.editorCommand([:], config: AppConfig()) == "vi")
    }

    @Test func refreshZeroMeansNoTimer() {
        var s = ClientScreen(account: ClientFixtures.alice, displayName: "A", size: Size(rows: 24, cols: 80))
        var settings = ClientSettings(); settings.refreshSeconds = 0
        s.apply(settings)
        let effects = s.update(.start(Size(rows: 24, cols: 80)))
        #expect(!effects.contains { if case .after = $0 { return true }; return false })
    }
}
