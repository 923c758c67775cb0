import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 25: every config warning can be read (help's Warnings section), with its real line;
/// the help names actions and shows values in effect, not examples as if they were.
@Suite struct ConfigTruthTests {
    let file = "/home/a/.config/pumptui/config.toml"

    /// `[unknown-section]` on line 9 was reported as line 1.
    @Test func anUnknownSectionIsReportedAtItsLine() {
        let text = (1...8).map { "# comment \($0)" }.joined(separator: "\n") + "\n[unknown-section]\nx = 1\n"
        let (_, warnings) = ConfigParser.parse(text, file: file)
        #expect(warnings.count == 1 && warnings[0].hasPrefix("\(file):9:"), "\(warnings)")
    }

    /// Three warnings: the status line says how to see the rest; help lists them all, uncut.
    @Test func everyWarningIsInHelp() {
        let text = "refresh = 2\nbell = \"loud\"\n[nonsense]\n"
        let (config, warnings) = ConfigParser.parse(text, file: file)
        var loaded = LoadedConfig(config: config, warnings: warnings, path: file)
        loaded.keymap = .standard
        #expect(warnings.count == 3)
        #expect(loaded.notice?.hasSuffix("(and 2 more config warnings: ? lists them)") == true)
        var help = HelpOverlay(contexts: [.timeline])
        help.warnings = warnings
        let lines = help.lines(width: 60).map(\.text).joined(separator: " ")
        let flat = lines.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for w in warnings { #expect(flat.contains(w.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "\(w)") }
        #expect(help.lines(width: 60).first?.text.hasPrefix("Warnings (3)") == true)
    }

    /// Help shows what each key is set to now and each action's config name.
    @Test func helpShowsValuesInEffectAndActionNames() {
        var help = HelpOverlay(contexts: [.timeline])
        help.configPath = file
        help.configValues = ["refresh": "300", "theme": "light"]
        let text = help.lines(width: 200).map(\.text)
        #expect(text.contains { $0.contains("refresh") && $0.contains("now 300") })
        #expect(text.contains { $0.contains("theme") && $0.contains("now light") })
        #expect(text.contains { $0.contains("Like / unlike · like") })
    }
}
