import ArgumentParser
import Testing
@testable import PumpTUI

/// The quick read of `pumptui [ACCOUNT] [options]` (TUIQuickParse) gives the command the library
/// gives, field for field, and leaves everything else to the library.
@Suite struct TUIQuickParseTests {
    /// Every stored field, wrappers included: a field the quick path forgot to set prints as
    /// the library's "definition" placeholder and differs.
    func dump(_ command: TUICommand) -> String { String(reflecting: command) }

    static let taken: [[String]] = [
        [],
        ["alice@example.org"],
        ["alice@127.0.0.1:8080", "--config-dir", "/tmp/x"],
        ["--config-dir", "/tmp/x", "alice@example.org", "--refresh", "0"],
        ["alice@example.org", "--refresh", "60", "--theme", "dark", "--no-color"],
        ["--allow-http", "bob@localhost:9000", "--debug", "--log-file", "/tmp/log"],
        ["alice@example.org", "--escape-delay", "25", "--cache-size", "100"],
        ["alice@example.org", "--refresh", "+30"],
        ["alice@example.org", "--theme", "日本"],
    ]

    static let leftToLibrary: [[String]] = [
        ["--help"], ["-h"], ["help"], ["--version"], ["login", "alice@example.org"], ["accounts"],
        ["tui", "alice@example.org"], ["--generate-completion-script", "bash"],
        ["alice@example.org", "--no-tui"], ["alice@example.org", "--bell"], ["alice@example.org", "--no-notify"],
        ["alice@example.org", "--refresh=5"], ["alice@example.org", "--refresh"], ["alice@example.org", "--refresh", "x"],
        ["alice@example.org", "--refresh", "3"], ["alice@example.org", "--refresh", "-1"],
        ["alice@example.org", "--escape-delay", "9999"], ["alice@example.org", "--cache-size", "0"],
        ["alice@example.org", "--theme", ""], ["alice@example.org", "--theme", "--no-color"],
        ["alice@example.org", "--no-color", "--no-color"], ["alice@example.org", "--theme", "a", "--theme", "b"],
        ["alice@example.org", "bob@example.org"], ["alice"], ["@"], ["alice@"], ["alice@example.org", "--"],
        ["alice@example.org", "-d"], ["alice@example.org", "--config-dir"], ["\u{1b}]52;c;x@y"],
        ["ålice@exämple.org"],
    ]

    @Test(arguments: taken)
    func sameCommandAsTheLibrary(_ arguments: [String]) throws {
        let quick = try #require(TUIQuickParse.command(arguments), "the quick path should take \(arguments)")
        let library = try #require(try RootCommand.parseAsRoot(arguments) as? TUICommand)
        #expect(dump(quick) == dump(library))
        #expect(!dump(quick).contains("definition"))
    }

    /// The comparison sees values: a different account or option makes the dumps differ.
    @Test func theDumpShowsTheValues() throws {
        let a = try #require(TUIQuickParse.command(["alice@example.org", "--refresh", "0"]))
        let b = try #require(TUIQuickParse.command(["alice@example.org", "--refresh", "5"]))
        #expect(dump(a).contains("alice@example.org"))
        #expect(dump(a) != dump(b))
        #expect(dump(TUICommand()).contains("definition"))
    }

    @Test(arguments: leftToLibrary)
    func anythingElseGoesToTheLibrary(_ arguments: [String]) {
        #expect(TUIQuickParse.command(arguments) == nil)
    }

    /// The quick command runs like the library's: its options reach the full-screen settings.
    @Test func optionsReachTheSettings() throws {
        let command = try #require(TUIQuickParse.command(["alice@example.org", "--refresh", "0", "--escape-delay", "10"]))
        let options = command.tuiOptions(LoadedConfig(path: ""))
        #expect(options.refreshSeconds == 0)
        #expect(options.escapeDelayMs == 10)
        #expect(options.cue == CueSettings(bell: false, notify: true))
    }
}
