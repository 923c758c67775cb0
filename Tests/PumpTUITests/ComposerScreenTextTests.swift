import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The editor as the client shows it (title bar, editor in the body, the client's status and
/// key hints), whole, at 80×24. ScreenExpectation.swift says how expectations are written.
@Suite struct ComposerScreenTextTests {
    typealias F = ClientFixtures
    let size = Size(rows: 24, cols: 80)

    func buffer(_ s: ClientScreen) -> CellBuffer { s.wholeScreen }

    /// The client with the editor open for `mode` (its key, then the draft lookup's answer).
    func open(_ key: Character, _ mode: (ClientScreen) -> Composer.Mode, draft: Draft? = nil) -> ClientScreen {
        var s = F.screen(size)
        _ = s.update(.input(.key(.char(key))))
        _ = s.update(.message(.compose(.ready(mode(s), draft))))
        return s
    }

    @Test func newNoteEmpty() {
        let b = buffer(open("n", { _ in .note }))
        expectScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |New note · to Public                                                            |
        |Title:                                                                          |
        |┌─ Text ───────────────────────────────────────────────────────────────────────┐|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |└──────────────────────────────────────────────────────────────────────────────┘|
        |To: Public  [ Attach image ]  [ Send ]                                          |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |Tab next  ^D send  ^T attach  Esc discard  F1 help                              |
        """#)
        expectRole(.title, of: "New note", in: b)
        expectRole(.button, of: "[ Send ]", in: b)
        expectRole(.inputFocus, row: 4, cols: 1..<79, in: b)   // the focused text area
        #expect(b.cursor.map { [$0.row, $0.col] } == [4, 1])
    }

    /// The context line quotes the text without "[1]" link markers (no link list is shown
    /// here), and the footer does not offer ^T attach: images go with new notes only.
    @Test func replyWithContext() {
        var s = open("r", { .reply(to: $0.items[0].object!) })
        _ = s.update(.input(.paste("Thanks, Bob!")))
        let b = buffer(s)
        expectScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Replying to Bob B.: Hello world & a link                                        |
        |┌─ Text ───────────────────────────────────────────────────────────────────────┐|
        |│Thanks, Bob!                                                                  │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |└──────────────────────────────────────────────────────────────────────────────┘|
        |[ Send ]                                                                        |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |Tab next  ^D send  Esc discard  F1 help                                         |
        """#)
        expectRole(.title, of: "Replying to Bob B.", in: b, row: 1)
    }

    /// A saved draft comes back with a note saying when it was written. That time is shown in
    /// the machine's time zone (Composer.restoredNotice uses TimeZone.current), so HH:MM in the
    /// expectation stands for the fixed save time as this machine shows it.
    @Test func restoredDraft() {
        let saved = F.now.addingTimeInterval(-3600)
        let draft = Draft(kind: .note, text: "Half a thought\nand a second line", title: "Trains",
                          audience: .followers, saved: saved)
        let b = buffer(open("n", { _ in .note }, draft: draft))
        let hhmm = String(Composer.restoredNotice(saved: saved, now: F.now).dropFirst("Restored your unsent draft from ".count).prefix(5))
        let expected = #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |New note · to Followers                                                         |
        |Title: Trains                                                                   |
        |┌─ Text ───────────────────────────────────────────────────────────────────────┐|
        |│Half a thought                                                                │|
        |│and a second line                                                             │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |└──────────────────────────────────────────────────────────────────────────────┘|
        |To: Followers  [ Attach image ]  [ Send ]                                       |
        |Restored your unsent draft from HH:MM · ^X drops it                             |
        |Tab next  ^D send  ^T attach  Esc discard  F1 help                              |
        """#
        expectScreen(b, expected.replacingOccurrences(of: "HH:MM", with: hhmm))
        expectRole(.status, of: "Restored your unsent draft", in: b, row: 22)
    }

    /// Esc with text asks before throwing it away; "Keep editing" is focused.
    @Test func discardConfirm() {
        var s = open("n", { _ in .note })
        _ = s.update(.input(.paste("Some words")))
        _ = s.update(.input(.key(.escape)))
        let b = buffer(s)
        expectScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |New note · to Public                                                            |
        |Title:                                                                          |
        |┌─ Text ───────────────────────────────────────────────────────────────────────┐|
        |│Some words                                                                    │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                      ┌───────────────────────────────┐                       │|
        |│                      │                               │                       │|
        |│                      │ Discard this note?            │                       │|
        |│                      │                               │                       │|
        |│                      │ [ Discard ]  [ Keep editing ] │                       │|
        |│                      └───────────────────────────────┘                       │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |└──────────────────────────────────────────────────────────────────────────────┘|
        |To: Public  [ Attach image ]  [ Send ]                                          |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |Tab/→ next  y yes  n/Esc no  F1 help                                            |
        """#)
        expectRole(.buttonFocus, of: "[ Keep editing ]", in: b)
        expectRole(.button, of: "[ Discard ]", in: b)
        #expect(b.cursor == nil)
    }
}
