import Foundation
import Testing
@testable import PumpCore
@testable import PumpTUI

let composeSize = Size(rows: 24, cols: 80)

func bob() -> Person { Person(id: "https://h.example/api/user/bob/profile", preferredUsername: "bob", displayName: "Bob B") }

func bobsNote() -> PumpObject {
    PumpObject(id: "https://h.example/api/note/1", objectType: "note",
               content: "<p>Hello <b>world</b></p><p>second para</p>", author: bob())
}

func myNote() -> PumpObject {
    var o = PumpObject(id: "https://h.example/api/note/2", objectType: "note", displayName: "My title",
                       content: "Old line one<br>old line two")
    o.author = Person(id: "acct:alice@h.example", preferredUsername: "alice")
    return o
}

extension Composer {
    /// Feeds events, returning the last outcome.
    @discardableResult
    mutating func feed(_ events: [InputEvent]) -> ComposerOutcome {
        var last = ComposerOutcome.editing
        for e in events { last = handle(e) }
        return last
    }

    mutating func type(_ s: String) { for c in s { _ = handle(.key(.char(c))) } }

    func screen(_ size: Size = composeSize) -> [String] {
        var b = CellBuffer(size: size)
        render(into: &b, area: full(size))
        return b.trimmedLines()
    }
}

@Suite struct ComposerEditingTests {
    @Test func typingEnterAndPasteKeepNewlines() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        #expect(c.isEmpty && c.focus.current == .body)
        c.type("qnyd")                                  // letters are text, never actions
        c.feed([.key(.enter), .paste("line 2\r\nline 3\u{1b}[2J")])
        #expect(c.draft.text == "qnyd\nline 2\nline 3")   // the escape sequence goes whole
        #expect(!c.isEmpty)
    }

    @Test func tabCyclesFocusRing() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        var seen: [Composer.Field] = []
        for _ in 0..<5 { c.feed([.key(.tab)]); seen.append(c.focus.current) }
        #expect(seen == [.audience, .attach, .send, .title, .body])
        c.feed([.key(.backTab)])
        #expect(c.focus.current == .title)
        c.type("T"); c.feed([.key(.enter)])               // Enter in the title moves to the text
        #expect(c.draft.title == "T" && c.focus.current == .body)
        var r = Composer(mode: .reply(to: bobsNote()), draft: nil, size: composeSize)
        r.feed([.key(.tab)])
        #expect(r.focus.ids == [.body, .send] && r.focus.current == .send)
    }

    @Test func audiencePickerOffersPublicFollowersListsAndPeople() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        let friends = AudienceTarget(id: "https://pump.example/api/collection/f1", name: "Friends")
        c.lists = [friends]
        c.knownPeople = [Person(id: "https://pump.example/api/user/bob/profile", preferredUsername: "bob")]
        c.feed([.key(.tab)])
        c.feed([.key(.char(" "))]); #expect(c.overlay == .audiencePicker(ListState()))
        c.feed([.key(.char("j")), .key(.enter)]); #expect(c.audience == .followers && c.overlay == .none)
        c.feed([.key(.enter), .key(.char("j")), .key(.enter)]); #expect(c.audience == .list(friends))
        c.feed([.key(.enter), .key(.escape)]); #expect(c.audience == .list(friends) && c.overlay == .none)
        // The last choice asks for the people of a direct message; known ids are used.
        c.feed([.key(.enter), .key(.char("j")), .key(.enter)])
        c.feed("@bob@pump.example, carol@other.example".map { .key(.char($0)) })
        c.feed([.key(.enter)])
        #expect(c.audience == .people([AudienceTarget(id: "https://pump.example/api/user/bob/profile", name: "bob@pump.example"),
                                       AudienceTarget(id: "acct:carol@other.example", name: "carol@other.example")]))
        c.feed([.paste("pasted")])                      // a paste on the To: field goes to the text
        #expect(c.focus.current == .body && c.draft.text == "pasted" && c.draft.audience == c.audience)
        let out = c.handle(.key(.ctrl("d")))
        #expect(out == .send(ComposeRequest(mode: .note, text: "pasted", title: nil, audience: c.audience, imagePath: nil)))
    }

    @Test func peopleOfADirectMessageMustBeAccounts() {
        #expect(Composer.people("  ", known: []) == .failure(.empty))
        #expect(Composer.people("bob", known: []) == .failure(.notAnAccount("bob")))
        #expect(Composer.people("a@b a@b", known: []) == .success([AudienceTarget(id: "acct:a@b", name: "a@b")]))
    }

    @Test func ctrlNCompletesAMentionFromFollowedPeople() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        c.knownPeople = [Person(id: "https://h.example/api/user/bob/profile", preferredUsername: "bob"),
                         Person(id: "https://h.example/api/user/bobby/profile", preferredUsername: "bobby")]
        c.feed("Hi @B".map { .key(.char($0)) })
        c.feed([.key(.ctrl("n"))]); #expect(c.draft.text == "Hi @bob")            // what both share
        c.feed("b".map { .key(.char($0)) })
        c.feed([.key(.ctrl("n"))]); #expect(c.draft.text == "Hi @bobby@h.example ")  // one left: whole
        c.feed([.key(.ctrl("n"))]); #expect(c.draft.text == "Hi @bobby@h.example ")  // no @word: nothing
    }

    @Test func ctrlDSendsFromAnyFieldAndOnlyOnce() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        c.type("  hi there "); c.feed([.key(.enter)])
        c.feed([.key(.backTab)])                        // title focused
        let out = c.handle(.key(.ctrl("d")))
        #expect(out == .send(ComposeRequest(mode: .note, text: "hi there", title: nil, audience: .public, imagePath: nil)))
        #expect(c.sending)
        let again = c.handle(.key(.ctrl("d")))
        #expect(again == .editing)
        c.sendFailed("Server said no")
        #expect(!c.sending && c.status.message == "Server said no" && c.status.kind == .error)
        #expect(c.draft.text == "  hi there \n")       // the text stays after a failure
        c.feed([.key(.tab), .key(.tab), .key(.tab), .key(.tab)])
        #expect(c.focus.current == .send)
        let viaButton = c.handle(.key(.enter))
        if case .send = viaButton {} else { Issue.record("Enter on [ Send ] should send, got \(viaButton)") }
    }

    @Test func emptySendIsRefusedWithAReason() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        c.type("   ")
        let out = c.handle(.key(.ctrl("d")))
        #expect(out == .editing && !c.sending)
        #expect(c.status.kind == .warning && c.status.message.hasPrefix("Nothing to send"))
        c.type("x")                                     // typing clears the warning
        #expect(c.status.message.isEmpty)
        var r = Composer(mode: .reply(to: bobsNote()), draft: nil, size: composeSize)
        let rout = r.handle(.key(.ctrl("d")))
        #expect(rout == .editing && r.status.message == "Nothing to send: write some text")
    }

    @Test func escOnEmptyDiscardsAtOnceElseAsks() {
        var empty = Composer(mode: .note, draft: nil, size: composeSize)
        #expect(empty.handle(.key(.escape)) == .discarded)
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        c.type("keep me")
        #expect(c.handle(.key(.escape)) == .editing)
        guard case .confirmDiscard = c.overlay else { Issue.record("no dialog"); return }
        #expect(c.keyContexts == [.dialog])
        #expect(c.handle(.key(.char("n"))) == .editing)   // "n" answers the dialog, not typed
        #expect(c.overlay == .none && c.draft.text == "keep me")
        c.feed([.key(.escape)])
        #expect(c.handle(.key(.enter)) == .editing)       // default button is the safe one
        c.feed([.key(.escape)])
        #expect(c.handle(.key(.char("y"))) == .discarded)
    }

    @Test func attachPromptFlow() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        c.type("look")
        #expect(c.handle(.key(.ctrl("t"))) == .editing)
        guard case .attachPrompt = c.overlay else { Issue.record("no prompt"); return }
        c.feed([.paste("~/cat.png")])
        #expect(c.handle(.key(.ctrl("d"))) == .editing)  // the prompt is modal
        #expect(c.handle(.key(.enter)) == .attach(path: "~/cat.png"))
        c.attachChecked(.failure(.notAnImage))
        guard case .attachPrompt(_, let err) = c.overlay else { Issue.record("prompt closed"); return }
        #expect(err?.hasPrefix("Not an image") == true)
        c.attachChecked(.success(ImageFile(path: "/home/u/cat.png", mimeType: "image/png", byteCount: 2048)))
        #expect(c.overlay == .none && c.imagePath == "/home/u/cat.png")
        #expect(c.status.message == "Attached cat.png (image/png, 2 KB)")
        let out = c.handle(.key(.ctrl("d")))
        #expect(out == .send(ComposeRequest(mode: .note, text: "look", title: nil, audience: .public, imagePath: "/home/u/cat.png")))
        // An image alone can be sent; an empty path removes it.
        var img = Composer(mode: .note, draft: Draft(kind: .note, text: "", imagePath: "/a.gif"), size: composeSize)
        #expect(!img.isEmpty)
        img.feed([.key(.ctrl("t")), .key(.ctrl("u")), .key(.enter)])
        #expect(img.imagePath == nil && img.isEmpty)
        // Esc closes the prompt without discarding anything.
        c.sendFailed("x")
        c.feed([.key(.ctrl("t")), .key(.escape)])
        #expect(c.overlay == .none && c.draft.text == "look")
    }

    @Test func repliesAndEditsHaveNoImagesOrAudience() {
        var r = Composer(mode: .reply(to: bobsNote()), draft: nil, size: composeSize)
        r.feed([.key(.ctrl("t"))])
        #expect(r.overlay == .none && r.status.message == "Images can only be attached to a new note")
        r.type("thanks")
        let out = r.handle(.key(.ctrl("d")))
        #expect(out == .send(ComposeRequest(mode: .reply(to: bobsNote()), text: "thanks", title: nil, audience: .public, imagePath: nil)))
    }

    @Test func editPrefillsTextAndTitle() {
        var e = Composer(mode: .edit(myNote()), draft: nil, size: composeSize)
        #expect(e.draft.text == "Old line one\nold line two" && e.draft.title == "My title")
        #expect(!e.isEmpty && !e.hasUnsavedWork)             // untouched edit: nothing to keep
        var untouched = e
        #expect(untouched.handle(.key(.escape)) == .discarded)   // so Esc closes without asking
        e.type("!")
        #expect(e.hasUnsavedWork)
        let out = e.handle(.key(.ctrl("d")))
        #expect(out == .send(ComposeRequest(mode: .edit(myNote()), text: "Old line one\nold line two!", title: "My title",
                                            audience: .public, imagePath: nil, keepsTitle: true)))
    }

    @Test func restoredDraftIsOfferedAndCanBeDropped() {
        let saved = Date(timeIntervalSince1970: 1_790_000_000)
        let d = Draft(kind: .note, text: "unsent words", title: "T", audience: .followers, imagePath: "/x.png", saved: saved)
        var c = Composer(mode: .note, draft: d, size: composeSize, now: saved.addingTimeInterval(600))
        #expect(c.draft.text == "unsent words" && c.audience == .followers && c.imagePath == "/x.png")
        #expect(c.status.message.hasPrefix("Restored your unsent draft from ") && c.status.message.hasSuffix("^X drops it"))
        c.feed([.key(.ctrl("x"))])
        #expect(c.isEmpty && c.audience == .public && c.restoredFrom == nil && c.status.message == "Draft dropped")
        // A draft for another object is not applied; typing ends the offer (^X is then nothing).
        let other = Composer(mode: .reply(to: bobsNote()), draft: Draft(kind: .reply(to: "other"), text: "x"), size: composeSize)
        #expect(other.isEmpty && other.restoredFrom == nil)
        var typed = Composer(mode: .note, draft: d, size: composeSize)
        typed.type("!"); typed.feed([.key(.ctrl("x"))])
        #expect(typed.draft.text == "unsent words!")
        let utc = TimeZone(identifier: "UTC")!
        #expect(Composer.restoredNotice(saved: saved, now: saved.addingTimeInterval(60), timeZone: utc)
                == "Restored your unsent draft from 14:13 · ^X drops it")
        #expect(Composer.restoredNotice(saved: saved, now: saved.addingTimeInterval(3 * 86400), timeZone: utc)
                == "Restored your unsent draft from Sep 21 14:13 · ^X drops it")
    }

    @Test func resizeRelayoutsTheTextArea() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        #expect(c.body.viewWidth == 78 && c.body.viewHeight == 17)
        c.feed([.resize(Size(rows: 20, cols: 60))])
        #expect(c.size == Size(rows: 20, cols: 60) && c.body.viewWidth == 58 && c.body.viewHeight == 13)
        var r = Composer(mode: .reply(to: bobsNote()), draft: nil, size: composeSize)
        r.feed([.resize(Size(rows: 12, cols: 40))])
        #expect(r.body.viewHeight == 6)
    }

    @Test func draftKeysFollowMode() {
        #expect(Composer.Mode.note.draftKey == "note")
        #expect(Composer.Mode.reply(to: bobsNote()).draftKey == Draft.Kind.reply(to: bobsNote().id).key)
        #expect(Composer.Mode.edit(myNote()).draftKey.hasPrefix("edit-"))
        let c = Composer(mode: .reply(to: bobsNote()), draft: nil, size: composeSize)
        #expect(c.draft.kind == .reply(to: bobsNote().id) && c.draft.key.hasPrefix("reply-"))
    }
}

@Suite struct DraftPolicyTests {
    @Test func decisions() {
        var c = Composer(mode: .note, draft: nil, size: composeSize)
        #expect(DraftPolicy.decide(.shutdown, composer: c, now: Date()) == .remove(key: "note"))
        c.type("words")
        guard case .save(let d, let key) = DraftPolicy.decide(.sendFailed, composer: c, now: Date()) else {
            Issue.record("failed send must save"); return
        }
        #expect(key == "note" && d.text == "words")
        if case .save = DraftPolicy.decide(.shutdown, composer: c, now: Date()) {} else { Issue.record("shutdown must save") }
        #expect(DraftPolicy.decide(.sendSucceeded, composer: c, now: Date()) == .remove(key: "note"))
        #expect(DraftPolicy.decide(.discarded, composer: c, now: Date()) == .remove(key: "note"))
        let e = Composer(mode: .edit(myNote()), draft: nil, size: composeSize)
        #expect(DraftPolicy.decide(.shutdown, composer: e, now: Date()) == .remove(key: Composer.Mode.edit(myNote()).draftKey))
    }

    /// The whole cycle through a real store: shutdown saves, the next editor offers it, a
    /// successful send removes it.
    @Test func survivesShutdownAndIsOfferedAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compose-drafts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DraftStore(store: CredentialStore(directory: dir), account: try AccountID(parsing: "alice@pump.example"))
        var c = Composer(mode: .reply(to: bobsNote()), draft: nil, size: composeSize)
        c.type("half a reply")
        try DraftPolicy.apply(DraftPolicy.decide(.shutdown, composer: c, now: Date()), to: store)
        let key = Composer.Mode.reply(to: bobsNote()).draftKey
        var again = Composer(mode: .reply(to: bobsNote()), draft: store.load(key: key), size: composeSize)
        #expect(again.draft.text == "half a reply" && again.restoredFrom != nil)
        #expect(Composer(mode: .note, draft: store.load(key: "note"), size: composeSize).isEmpty)
        again.type("!")
        _ = again.handle(.key(.ctrl("d")))
        try DraftPolicy.apply(DraftPolicy.decide(.sendSucceeded, composer: again, now: Date()), to: store)
        #expect(store.load(key: key) == nil && store.all().isEmpty)
    }
}
