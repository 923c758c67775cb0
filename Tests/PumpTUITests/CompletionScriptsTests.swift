import ArgumentParser
import Foundation
import Testing
@testable import PumpTUI

/// The fixes to ArgumentParser's completion scripts find the lines they change: a newer
/// ArgumentParser that writes them differently fails here, not silently in a user's shell.
/// (What the scripts do is tested in real bash, zsh and fish: Tests/e2e/test_completions.py.)
@Suite struct CompletionScriptsTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func everyFixApplies(shell: String) throws {
        let patched = CompletionScripts.script(for: try #require(CompletionShell(rawValue: shell)))
        #expect(patched.missing.isEmpty, "\(patched.missing)")
        #expect(patched.text.contains("tui login accounts logout post inbox help"))
        #expect(!patched.text.contains("debug-keys") && !patched.text.contains("bench-"), "developer commands stay hidden")
    }

    @Test func onlyAScriptRequestIsAnswered() {
        #expect(CompletionScripts.requested(["--generate-completion-script", "fish"])?.contains("complete -c") == true)
        #expect(CompletionScripts.requested(["--generate-completion-script=zsh"])?.hasPrefix("#compdef pumptui") == true)
        #expect(CompletionScripts.requested(["--generate-completion-script", "tcsh"]) == nil, "ArgumentParser's error")
        #expect(CompletionScripts.requested(["tui", "--generate-completion-script", "bash"]) == nil)
    }

    @Test func bashKnowsWhichOptionsTakePaths() {
        #expect(CompletionScripts.bashPathOptions(RootCommand.completionScript(for: .bash)) == ["--config-dir", "--log-file"])
    }

    @Test func themeNamesAreBuiltInAndTheUsersFiles() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UInt32.random(in: 0 ... .max))")
        let themes = home.appendingPathComponent("pumptui/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        for file in ["mine.theme", ".hidden.theme", "notes.txt", "dark.theme"] {
            FileManager.default.createFile(atPath: themes.appendingPathComponent(file).path, contents: Data())
        }
        let env = ["XDG_CONFIG_HOME": home.path, "HOME": home.path]
        #expect(ThemeCompletion.names(prefix: "", environment: env) == ["dark", "default", "high-contrast", "light", "mine", "mono"])
        #expect(ThemeCompletion.names(prefix: "m", environment: env) == ["mine", "mono"])
    }
}
