import ArgumentParser
import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 15's command-line pieces: where the debug log goes, --since, account completion,
/// the top-level help, usage errors for ACCOUNT, and the inbox's text and JSON.
@Suite struct ShipCLITests {
    let state = URL(fileURLWithPath: "/tmp/state/pumptui")

    @Test func debugLogNeverGoesToTheTerminalTheUIOwns() {
        #expect(DebugLog.destination(debug: false, logFile: nil, mayUseScreen: true, stateDirectory: state) == .none)
        #expect(DebugLog.destination(debug: true, logFile: nil, mayUseScreen: false, stateDirectory: state) == .standardError)
        #expect(DebugLog.destination(debug: true, logFile: nil, mayUseScreen: true, stateDirectory: state)
                == .file(state.appendingPathComponent("debug.log")))
        #expect(DebugLog.destination(debug: false, logFile: "/tmp/x.log", mayUseScreen: true, stateDirectory: state)
                == .file(URL(fileURLWithPath: "/tmp/x.log")))
    }

    @Test func logLinesAreRedactedAndOneSafeLine() {
        let line = RedactingLogHandler.format(label: "pumptui.http", level: .debug, date: Date(timeIntervalSince1970: 0),
                                              message: "GET http://h/oauth/authorize?oauth_token=REQTOKEN\n\u{1b}[31mred")
        #expect(!line.contains("REQTOKEN"))
        #expect(!line.contains("\u{1b}") && !line.contains("\n"))
        #expect(line.hasPrefix("1970-01-01T00:00:00.000Z debug pumptui.http: GET"))
    }

    @Test func theLogHeaderNamesOptionsButNoValues() {
        #expect(DebugLog.optionNames(["pumptui", "post", "secret words", "--account=a@b", "--debug"]) == "--account --debug")
    }

    @Test func sinceIsADateOnlyWhenItReadsAsOne() {
        #expect(InboxSince.date("2026-11-30") != nil)
        #expect(InboxSince.date("2026-11-30T12:00:00Z") == ISO8601DateFormatter().date(from: "2026-11-30T12:00:00Z"))
        #expect(InboxSince.date("https://pump.example/api/activity/abc") == nil)
        #expect(InboxSince.date("2026-99-99") == nil)
    }

    @Test func invalidAccountIsAUsageError() throws {
        #expect(throws: ValidationError.self) { try AccountArgument.validate("not-an-account") }
        #expect(throws: ValidationError.self) { try AccountArgument.validate("@host", option: "--account") }
        try AccountArgument.validate("alice@pump.example:8443")
        try AccountArgument.validate(nil)
        #expect(throws: (any Error).self) { try RootCommand.parseAsRoot(["tui", "bad account"]) }
        #expect(throws: (any Error).self) { try RootCommand.parseAsRoot(["accounts", "--allow-http"]) }
        #expect(throws: (any Error).self) { try RootCommand.parseAsRoot(["logout", "a@b", "--allow-http"]) }
        _ = try RootCommand.parseAsRoot(["inbox", "--allow-http", "--json", "--since", "2026-11-30"])
    }

    @Test func topLevelHelpShowsTheMainFormAndTheFullScreenOptions() {
        let help = RootHelp.message(columns: 100)
        #expect(help.contains("pumptui [ACCOUNT]"))
        for option in ["--theme", "--no-color", "--escape-delay", "--refresh", "--no-tui", "--debug", "--log-file"] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(help.contains("SUBCOMMANDS:") && help.contains("inbox"))
        #expect(RootHelp.isRootHelp(["--help"]) && RootHelp.isRootHelp(["help"]) && !RootHelp.isRootHelp(["inbox", "--help"]))
    }

    @Test func completionListsStoredAccountNamesFromTheGivenConfigDir() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ship-completion-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let accounts = dir.appendingPathComponent("accounts")
        try FileManager.default.createDirectory(at: accounts, withIntermediateDirectories: true)
        for name in ["alice@pump.example", "bob@other.example:8000"] {
            try Data(#"{"token":"SECRET"}"#.utf8).write(to: accounts.appendingPathComponent("\(name).json"))
        }
        let all = AccountCompletion.names(words: ["pumptui", "logout", "--config-dir", dir.path, ""], prefix: "")
        #expect(all == ["alice@pump.example", "bob@other.example:8000"])
        #expect(AccountCompletion.names(words: ["pumptui", "--config-dir=\(dir.path)"], prefix: "b") == ["bob@other.example:8000"])
        let fallback = AccountCompletion.configDirectory(in: ["pumptui"], environment: ["XDG_CONFIG_HOME": "/x"])
        #expect(fallback.path == "/x/pumptui")
    }

    @Test func inboxTextShowsTitlesSharedObjectsAndURLs() {
        let lines = InboxLineMode.render(ClientFixtures.inbox, now: ClientFixtures.now)
        let all = lines.joined(separator: "\n")
        #expect(all.contains("https://pump.example/bob/note/n1"))
        #expect(all.contains("> Bob B.: Shared text"))     // the share shows what was shared
        #expect(!all.contains("\u{1b}"))
    }
}
