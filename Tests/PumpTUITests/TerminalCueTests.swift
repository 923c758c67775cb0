import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The cue for new replies and direct messages (issue 13): title, bell, OSC 9.
@Suite struct TerminalCueTests {
    @Test func sequencesOutsideAndInsideTmux() {
        let cue = TerminalCue(title: "pumptui · 2 new", bell: true, notification: "Bob replied to your note")
        #expect(cue.sequence(environment: [:]) == "\u{1b}]2;pumptui · 2 new\u{07}\u{1b}]9;pumptui: Bob replied to your note\u{07}\u{07}")
        let tmux = cue.sequence(environment: ["TMUX": "/tmp/tmux-1000/default,1,0"])
        #expect(tmux == "\u{1b}]2;pumptui · 2 new\u{07}\u{1b}Ptmux;\u{1b}\u{1b}]9;pumptui: Bob replied to your note\u{07}\u{1b}\\\u{07}")
        #expect(TerminalCue(title: "t").sequence(environment: [:]) == "\u{1b}]2;pumptui · t\u{07}")   // no bell unless asked
    }

    @Test func serverTextCannotEndTheSequence() {
        let cue = TerminalCue(notification: "evil\u{07}\u{1b}]2;owned\u{9c}name")
        let s = cue.sequence(environment: [:])
        #expect(s.hasPrefix("\u{1b}]9;") && s.hasSuffix("\u{07}"))
        #expect(s.dropFirst(4).dropLast().allSatisfy { $0 != "\u{07}" && $0 != "\u{1b}" && $0 != "\u{9c}" })
    }

    /// Issue 23: a display name like `4;2;100` must not become an OSC 9 sub-command (progress,
    /// message box): every payload starts with pumptui's own fixed text.
    @Test func serverTextNeverStartsAPayload() {
        for name in ["4;2;100", "2;owned", "9;4;3", ";;", "777;notify;x;y"] {
            let s = TerminalCue(title: name, notification: "\(name) replied to your note").sequence(environment: [:])
            #expect(s == "\u{1b}]2;pumptui · \(name)\u{07}\u{1b}]9;pumptui: \(name) replied to your note\u{07}")
        }
    }

    @Test func screenCuesWhenARepliesArriveAndClearsTheTitleWhenRead() {
        typealias F = ClientFixtures
        let me = Notifications.Me(id: "acct:alice@pump.example", webfinger: "alice@pump.example")
        let all = Notifications.build(Feed.decode(Data(CacheScreenTextTests.minorJSON.utf8))!.items, me: me)
        var s = F.screen()
        s.cueSettings = CueSettings(bell: true, notify: true)
        _ = s.update(.message(.feed(.notifications, .first, .success(Feed(items: Array(all.suffix(1)))))))
        let effects = s.update(.message(.feed(.notifications, .newer, .success(Feed(items: Array(all.prefix(2)))))))
        let cues = effects.compactMap { if case .cue(let c) = $0 { return c }; return nil }
        #expect(cues == [TerminalCue(title: "pumptui · 2 new · alice@pump.example", bell: true,
                                     notification: "Bob B. replied to your note “My own note”")])
        _ = s.update(.input(.key(.char("6"))))
        let read = s.update(.input(.key(.char("g"))))
        let titles = read.compactMap { if case .cue(let c) = $0 { return c.title }; return nil }
        #expect(titles == ["pumptui · alice@pump.example"])
    }
}
