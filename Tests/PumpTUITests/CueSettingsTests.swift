import Testing
@testable import PumpTUI

/// The new-message cue (issue 13) from flags and config.toml (issue 14), wired at their merge:
/// a flag beats the file either way, the file beats the default (bell off, notification on).
@Suite struct CueSettingsTests {
    func cue(_ args: [String], bell: Bool? = nil, notify: Bool? = nil) throws -> CueSettings {
        let command = try TUICommand.parse(args)
        var loaded = LoadedConfig(path: "")
        loaded.config.bell = bell
        loaded.config.notify = notify
        return command.tuiOptions(loaded).cue
    }

    @Test func defaultsThenConfigThenFlags() throws {
        #expect(try cue([]) == CueSettings(bell: false, notify: true))
        #expect(try cue([], bell: true, notify: false) == CueSettings(bell: true, notify: false))
        #expect(try cue(["--no-bell", "--notify"], bell: true, notify: false) == CueSettings(bell: false, notify: true))
        #expect(try cue(["--bell", "--no-notify"]) == CueSettings(bell: true, notify: false))
    }
}
