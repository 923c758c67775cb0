import Foundation
import Testing
@testable import PumpCore
@testable import PumpTUI

@Suite struct ComposerRenderTests {
    func composer(_ mode: Composer.Mode, _ size: Size) -> Composer { Composer(mode: mode, draft: nil, size: size) }

    @Test(arguments: standardSizes) func newNote(size: Size) {
        var c = composer(.note, size)
        c.type("Hello there")
        var b = CellBuffer(size: size)
        c.render(into: &b, area: full(size))
        let lines = b.trimmedLines()
        #expect(lines[0] == "New note · to Public")
        #expect(lines[1].hasPrefix("Title:"))
        #expect(lines[2].hasPrefix("┌─ Text ") && lines[2].hasSuffix("┐"))
        #expect(lines[3] == "│Hello there" + String(repeating: " ", count: size.cols - 13) + "│")
        #expect(lines[size.rows - 4].hasPrefix("└") && lines[size.rows - 4].hasSuffix("┘"))
        #expect(lines[size.rows - 3] == "To: Public  [ Attach image ]  [ Send ]")
        #expect(lines[size.rows - 2] == "")
        let footer = lines[size.rows - 1]
        #expect(footer == "Tab next  ^D send  ^T attach  Esc discard  F1 help")
        // The cursor sits after the typed text, inside the frame.
        #expect(b.cursor?.row == 3 && b.cursor?.col == 12)
        #expect(b[3, 1].role == .inputFocus && b[0, 0].role == .title)
        #expect(lines.count == size.rows)
    }

    @Test(arguments: standardSizes) func reply(size: Size) {
        let lines = composer(.reply(to: bobsNote()), size).screen(size)
        #expect(lines[0] == "Replying to Bob B: Hello world")
        #expect(lines[1].hasPrefix("┌─ Text "))
        #expect(lines[size.rows - 3] == "[ Send ]")
        #expect(!lines.joined().contains("Attach") && !lines.joined().contains("Title:"))
    }

    @Test(arguments: standardSizes) func edit(size: Size) {
        let lines = composer(.edit(myNote()), size).screen(size)
        #expect(lines[0] == "Editing your note: Old line one")
        #expect(lines[1].hasPrefix("Title: My title"))
        #expect(lines[3].hasPrefix("│Old line one") && lines[4].hasPrefix("│old line two"))
    }

    @Test(arguments: standardSizes) func attachPrompt(size: Size) {
        var c = composer(.note, size)
        c.feed([.key(.ctrl("t")), .paste("/tmp/nope.png"), .key(.enter)])
        c.attachChecked(.failure(.notFound("/tmp/nope.png")))
        var b = CellBuffer(size: size)
        c.render(into: &b, area: full(size))
        let lines = b.trimmedLines()
        let top = lines.firstIndex { $0.contains("┌─ Attach image ") }
        #expect(top != nil)
        guard let top else { return }
        #expect(lines[top + 1].contains("│ File: /tmp/nope.png"))
        #expect(lines[top + 3].contains("No such file: /tmp/nope.png"))
        #expect(lines[top + 4].contains("Enter attaches · empty path removes · Esc cancels"))
        #expect(b.cursor?.row == top + 1)
    }

    @Test(arguments: standardSizes) func attachedImageLine(size: Size) {
        let c = Composer(mode: .note, draft: Draft(kind: .note, text: "pic", imagePath: "/home/u/cat.png"), size: size)
        let lines = c.screen(size)
        #expect(lines[size.rows - 4].hasPrefix("Image: /home/u/cat.png"))
        #expect(lines[size.rows - 5].hasPrefix("└"))
    }

    @Test(arguments: standardSizes) func discardConfirm(size: Size) {
        var c = composer(.note, size)
        c.type("draft")
        c.feed([.key(.escape)])
        var b = CellBuffer(size: size)
        c.render(into: &b, area: full(size))
        let lines = b.trimmedLines()
        #expect(lines.contains { $0.contains("│ Discard this note?") })
        #expect(lines.contains { $0.contains("[ Discard ]  [ Keep editing ]") })
        #expect(lines[size.rows - 1] == "Tab/→ next  y yes  n/Esc no  F1 help")
        #expect(b.cursor == nil)
    }

    @Test(arguments: standardSizes) func emptySendWarning(size: Size) {
        var c = composer(.note, size)
        c.feed([.key(.ctrl("d"))])
        var b = CellBuffer(size: size)
        c.render(into: &b, area: full(size))
        #expect(b.trimmedLines()[size.rows - 2] == "Nothing to send: write some text or attach an image (^T)")
        #expect(b[size.rows - 2, 0].role == .warning)
    }

    @Test func hostileReplyTargetIsCleaned() {
        var o = bobsNote()
        o.content = "<p>evil \u{1b}[2J\u{1b}]52;c;aGk=\u{07} \u{202e}text</p>"
        o.author = Person(id: "acct:m@h", displayName: "M\u{1b}[31mallory\nX")
        let header = Composer(mode: .reply(to: o), draft: nil, size: composeSize).headerText
        #expect(!header.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202e}" || $0.value == 0x9b })
        #expect(header.hasPrefix("Replying to M"))
    }

    @Test func longTextScrollsToKeepCursorVisible() {
        let size = Size(rows: 20, cols: 60)
        var c = composer(.note, size)
        for i in 1...40 { c.type("line \(i)"); c.feed([.key(.enter)]) }
        c.type("end")
        var b = CellBuffer(size: size)
        c.render(into: &b, area: full(size))
        let lines = b.trimmedLines()
        #expect(lines.contains { $0.hasPrefix("│end") })
        #expect(b.cursor.map { lines[$0.row].hasPrefix("│end") } == true)
    }

    /// Embedded in the client, whose own rows show the status and hints: none are drawn twice.
    @Test(arguments: standardSizes) func withoutOwnStatusAndFooter(size: Size) {
        var c = composer(.note, size)
        c.drawsStatusAndFooter = false
        c.feed([.key(.ctrl("d"))])
        let lines = c.screen(size)
        #expect(lines[size.rows - 1] == "To: Public  [ Attach image ]  [ Send ]")
        #expect(!lines.joined().contains("Nothing to send") && !lines.joined().contains("^D send"))
        #expect(c.status.message.hasPrefix("Nothing to send") && c.body.viewHeight == size.rows - 5)
    }
}
