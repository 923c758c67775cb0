import Foundation
import Testing
@testable import PumpCore
@testable import PumpTUI

/// Issue 24: an edit sends only what changed, keeps link targets and paragraphs, and says which
/// markup a changed text cannot keep; a post too large for pump.io is refused in the editor.
@Suite struct ComposerEditMarkupTests {
    /// A note as pump.io's web UI writes it.
    func webNote() -> PumpObject {
        var o = PumpObject(id: "https://h.example/api/note/7", objectType: "note", displayName: "Web title",
                           content: #"<p>See <a href="https://example.org/a">the page</a>, <b>now</b>.</p><p>Bye.</p>"#)
        o.author = Person(id: "acct:alice@h.example", preferredUsername: "alice")
        return o
    }

    func request(_ c: inout Composer) -> ComposeRequest? {
        if case .send(let r) = c.handle(.key(.ctrl("d"))) { return r }
        return nil
    }

    @Test func theEditorShowsLinksAsMarkdownAndSaysWhatAChangeWouldLose() {
        var c = Composer(mode: .edit(webNote()), draft: nil, size: composeSize)
        #expect(c.draft.text == "See [the page](https://example.org/a), now.\n\nBye.")
        let before = c.screen()
        #expect(before.contains("Changing the text sends bold as plain text; a new title alone keeps them"))
        c.type("!")
        let after = c.screen()
        #expect(after.contains("Bold in this post will be sent as plain text"))
        var b = CellBuffer(size: composeSize)
        c.render(into: &b, area: full(composeSize))
        let row = after.firstIndex(of: "Bold in this post will be sent as plain text")!
        #expect(b[row, 0].role == .warning)
        // The notice row comes out of the text's rows; the controls stay where they were.
        #expect(after[composeSize.rows - 3] == "[ Send ]" && row == composeSize.rows - 4)
        // A plain note has no notice.
        #expect(!Composer(mode: .edit(myNote()), draft: nil, size: composeSize).screen().joined().contains("plain text"))
    }

    @Test func aTitleOnlyEditKeepsTheTextAndATextEditKeepsTheTitle() {
        var c = Composer(mode: .edit(webNote()), draft: nil, size: composeSize)
        c.feed([.key(.backTab), .key(.ctrl("u"))])
        c.type("New")
        let titleOnly = request(&c)
        #expect(titleOnly?.keepsText == true && titleOnly?.keepsTitle == false && titleOnly?.title == "New")

        var t = Composer(mode: .edit(webNote()), draft: nil, size: composeSize)
        t.type("X")
        let textOnly = request(&t)
        #expect(textOnly?.keepsText == false && textOnly?.keepsTitle == true)
        #expect(textOnly?.text == "See [the page](https://example.org/a), now.\n\nBye.X")
    }

    @Test func nothingChangedIsNotSent() {
        var c = Composer(mode: .edit(webNote()), draft: nil, size: composeSize)
        #expect(c.handle(.key(.ctrl("d"))) == .editing)
        #expect(c.status.message == "Nothing changed: edit the title or the text" && !c.sending)
    }

    @Test func aTextChangeToAPostLongerThanTheEditorIsRefused() {
        let long = String(repeating: "word ", count: TextBudget.maxTextBytes / 4)
        var o = webNote()
        o.content = "<p>\(long)</p>"
        var c = Composer(mode: .edit(o), draft: nil, size: composeSize)
        #expect(c.screen().contains("This post is longer than the editor holds: only its title can be changed here"))
        c.type("x")
        #expect(c.handle(.key(.ctrl("d"))) == .editing && c.status.kind == .error)
        // Its title alone still goes.
        var t = Composer(mode: .edit(o), draft: nil, size: composeSize)
        t.feed([.key(.backTab)])
        t.type("!")
        #expect(request(&t)?.keepsText == true)
    }

    @Test func sentEditsCarryOnlyWhatChanged() async throws {
        let r = ComposeRecorder()
        let api = PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://h.example")!)
        let note = webNote()
        _ = try await ComposeRequest(mode: .edit(note), text: "ignored", title: "New", audience: .public, imagePath: nil,
                                     keepsText: true).perform(with: api)
        _ = try await ComposeRequest(mode: .edit(note), text: "See [the page](https://example.org/a) again.\n\nBye.",
                                     title: "Web title", audience: .public, imagePath: nil, keepsTitle: true).perform(with: api)
        let titleOnly = r.calls[0].json["object"] as? [String: Any], textOnly = r.calls[1].json["object"] as? [String: Any]
        #expect(titleOnly?["content"] == nil && titleOnly?["displayName"] as? String == "New")
        #expect(textOnly?["displayName"] == nil)
        #expect(textOnly?["content"] as? String == #"<p>See <a href="https://example.org/a">the page</a> again.</p><p>Bye.</p>"#)
    }

    @Test func aBodyTooLargeForTheServerIsRefusedWithTheEditorsMessage() async throws {
        let r = ComposeRecorder()
        let api = PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://h.example")!)
        do {
            _ = try await ComposeRequest(mode: .note, text: String(repeating: "&", count: 30_000), title: nil,
                                         audience: .public, imagePath: nil).perform(with: api)
            Issue.record("sent")
        } catch let f as ClientFailure {
            #expect(f.message.hasPrefix("Too long to send: 147 kB as sent"))
            #expect(f.message.hasSuffix("the server takes 100 kB at most. Shorten it; your text is kept"))
        }
        #expect(r.calls.isEmpty)
        // The same text, not escaped into five bytes a character, goes.
        _ = try await ComposeRequest(mode: .note, text: String(repeating: "a", count: 30_000), title: nil,
                                     audience: .public, imagePath: nil).perform(with: api)
        #expect(r.calls.count == 1)
    }
}
