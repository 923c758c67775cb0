import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// `E` on our own profile (issue 24, item 10): the form's pure `handle`, and the client around it.
@Suite struct ProfileFormTests {
    typealias F = ClientFixtures

    static let aliceJSON = """
    {"objectType":"person","id":"acct:alice@pump.example","preferredUsername":"alice","displayName":"Alice A.",
     "summary":"I like <a href='https://t.example'>trains</a><br>and \\u001b[31mred","location":{"objectType":"place","displayName":"Ly\\u001b[2Jon"},
     "image":{"url":"https://pump.example/uploads/alice/old.png","width":96,"height":96},"followers":{"totalItems":1}}
    """
    static var alicePerson: Person { Person.decode(Data(aliceJSON.utf8))! }

    func form() -> ProfileForm { ProfileForm(person: Self.alicePerson, account: "alice@pump.example", size: Size(rows: 20, cols: 80)) }

    @discardableResult
    func feed(_ f: inout ProfileForm, _ events: [InputEvent]) -> [ProfileFormOutcome] { events.map { f.handle($0) } }

    @Test func startsFromTheProfileWithTheBioEditableAndSendsOnlyWhatChanged() {
        var f = form()
        #expect(f.name.text == "Alice A." && f.location.text == "Lyon")
        #expect(f.bio.text.hasPrefix("I like [trains](https://t.example)\nand "))
        #expect(!f.bio.text.contains("\u{1b}"))
        #expect(!f.hasChanges)
        // Nothing changed: ^D says so and sends nothing.
        #expect(f.handle(.key(.ctrl("d"))) == .editing)
        #expect(f.message.kind == .warning && f.message.message.hasPrefix("Nothing changed"))
        // Tab to the location, replace it; Tab again to the bio, add a line.
        feed(&f, [.key(.tab), .key(.ctrl("u")), .paste("Paris")])
        #expect(f.edit == ProfileEdit(location: "Paris"))
        feed(&f, [.key(.tab), .paste("Ok. ")])
        let out = f.handle(.key(.ctrl("d")))
        guard case .save(let e) = out else { Issue.record("not saved: \(out)"); return }
        #expect(e.location == "Paris" && e.displayName == nil && e.avatarPath == nil)
        #expect(e.summary?.contains("Ok.") == true && e.summary?.contains("[trains](https://t.example)") == true)
        #expect(f.saving && f.message.message.contains("Saving your"))
        // While saving, typing waits; Esc stops waiting.
        #expect(f.handle(.key(.char("x"))) == .editing)
        #expect(f.handle(.key(.escape)) == .stoppedWaiting)
    }

    @Test func enterMovesOnTabCyclesAndSaveButtonSends() {
        var f = form()
        #expect(f.focus.current == .name)
        feed(&f, [.key(.enter)])
        #expect(f.focus.current == .location)
        feed(&f, [.key(.tab), .key(.tab), .key(.tab)])
        #expect(f.focus.current == .save)
        feed(&f, [.key(.tab)])
        #expect(f.focus.current == .name)
        feed(&f, [.key(.backTab)])
        #expect(f.focus.current == .save)
        feed(&f, [.key(.backTab), .key(.backTab), .key(.backTab), .key(.backTab)])   // back to the name
        feed(&f, [.paste(" Z")])
        feed(&f, [.key(.backTab)])
        #expect(f.focus.current == .save)
        #expect(f.handle(.key(.enter)) == .save(ProfileEdit(displayName: "Alice A. Z")))
    }

    @Test func lengthsAreBoundedAndAnEmptyNameIsRefused() {
        var f = form()
        feed(&f, [.paste(String(repeating: "n", count: 500))])
        #expect(f.name.text.count == ProfileForm.maxName)
        feed(&f, [.key(.ctrl("u"))])
        #expect(f.name.text.isEmpty)
        #expect(f.handle(.key(.ctrl("d"))) == .editing)
        #expect(f.message.message.hasPrefix("The name cannot be empty") && f.focus.current == .name)
        feed(&f, [.key(.tab), .key(.tab), .paste(String(repeating: "b", count: 9000))])
        #expect(f.bio.text.count == ProfileForm.maxBio)
        #expect(f.message.message.contains("the rest of the paste was cut"))
    }

    @Test func escapeAsksOnlyWhenSomethingChanged() {
        var f = form()
        #expect(f.handle(.key(.escape)) == .cancelled)
        feed(&f, [.paste("!")])
        #expect(f.handle(.key(.escape)) == .editing)
        #expect(f.keyContexts == [.dialog])
        #expect(f.handle(.key(.char("n"))) == .editing)            // keep editing
        #expect(f.name.text == "Alice A.!")
        feed(&f, [.key(.escape)])
        #expect(f.handle(.key(.char("y"))) == .cancelled)
    }

    @Test func theAvatarPromptChecksTheFileAndAFailureStaysInIt() {
        var f = form()
        feed(&f, [.key(.ctrl("t")), .paste("~/cat.webp")])
        #expect(f.handle(.key(.enter)) == .checkAvatar(path: "~/cat.webp"))
        f.avatarChecked(.failure(.notServable("image/webp")))
        guard case .avatarPrompt(_, let error?) = f.overlay else { Issue.record("prompt closed"); return }
        #expect(error.contains("WEBP cannot be attached"))
        feed(&f, [.key(.ctrl("u")), .paste("/tmp/cat.png")])
        #expect(f.handle(.key(.enter)) == .checkAvatar(path: "/tmp/cat.png"))
        f.avatarChecked(.success(ImageFile(path: "/tmp/cat.png", mimeType: "image/png", byteCount: 2048)))
        #expect(f.overlay == .none && f.edit == ProfileEdit(avatarPath: "/tmp/cat.png"))
        #expect(f.message.message.contains("cat.png (image/png, 2 KB)"))
        // An empty path drops the new avatar again.
        feed(&f, [.key(.ctrl("t")), .key(.ctrl("u")), .key(.enter)])
        #expect(f.edit.isEmpty && f.overlay == .none)
    }

    @Test func aRefusalKeepsTheFormWithTheServersWordsCleaned() {
        var f = form()
        feed(&f, [.paste("!")])
        _ = f.handle(.key(.ctrl("d")))
        f.saveFailed("Bad \u{1b}[2Jthing\nhappened")
        #expect(!f.saving && f.message.kind == .error)
        #expect(f.message.message.hasPrefix("Not saved: Bad") && !f.message.message.contains("\u{1b}") && !f.message.message.contains("\n"))
        #expect(f.handle(.key(.ctrl("d"))) == .save(ProfileEdit(displayName: "Alice A.!")))   // and ^D tries again
    }

    // MARK: - In the client

    /// The client with a profile page open and loaded.
    func client(on person: Person) -> ClientScreen {
        var s = F.screen()
        _ = s.openProfile(person)
        _ = s.update(.message(.page(.profile(personID: person.id, .success(ProfilePage(person: person))))))
        return s
    }

    @Test func onlyOurOwnProfileOffersTheKey() {
        let bob = Person.decode(Data(F.profileJSON.utf8))!
        var s = client(on: bob)
        #expect(jobs(s.update(.input(.key(.char("E"))))).isEmpty)
        #expect(s.modal == nil)
        #expect(s.status.message == "That is not you: E edits your own profile only.")
        #expect(s.unavailableActions.contains(.editProfile))
        var mine = client(on: Self.alicePerson)
        #expect(!mine.unavailableActions.contains(.editProfile))
        #expect(F.text(mine).last?.contains("E edit profile") == true)
        _ = mine.update(.input(.key(.char("E"))))
        guard case .profileForm? = mine.modal else { Issue.record("no form"); return }
        let text = F.text(mine).joined(separator: "\n")
        #expect(text.contains("Your profile · alice@pump.example"))
        #expect(text.contains("Name: Alice A.") && text.contains("Location: Lyon") && text.contains("[ Save ]"))
        #expect(text.contains("Avatar: https://pump.example/uploads/alice/old.png"))
        #expect(F.text(mine).last?.hasPrefix("^D save  ^T avatar  Esc cancel  Tab next") == true)
        #expect(mine.status.message == "Editing your profile · ^D saves")
        #expect(!text.contains("\u{1b}"))
    }

    @Test func savingReloadsOurProfileAndSaysWhatChanged() {
        var s = client(on: Self.alicePerson)
        _ = s.update(.input(.key(.char("E"))))
        _ = s.update(.input(.key(.ctrl("u"))))
        _ = s.update(.input(.paste("Alice \u{1b}[31mNew")))
        #expect(jobs(s.update(.input(.key(.ctrl("d"))))) == ["saveProfile name"])
        var saved = Self.alicePerson
        saved.displayName = "Alice New\u{7}"
        let effects = s.update(.message(.profile(.saved(ProfileEdit(displayName: "Alice New"), .success(saved)))))
        #expect(s.modal == nil)
        #expect(jobs(effects) == ["profile acct:alice@pump.example"])
        #expect(s.status.message == "Saved your name: Alice New.")
        guard let p = s.pages.top, let person = p.person else { Issue.record("no page"); return }
        #expect(person.displayName == "Alice New\u{7}" && p.loading)
        // The reload keeps the note (not only the name).
        _ = s.update(.message(.page(.profile(personID: saved.id, .success(ProfilePage(person: saved))))))
        #expect(s.status.message == "Saved your name: Alice New." && s.status.kind == .success)
    }

    /// Found by hand on the real pump.io: a saved name and place (the bio unchanged) left the
    /// page's first row as it was drawn before ("alice", no place): the row's drawing was kept
    /// under a key that left the name and the place out.
    @Test func theSavedNameAndPlaceShowOnThePage() {
        var s = client(on: Self.alicePerson)
        #expect(F.text(s).contains { $0.hasPrefix("Alice A.  alice@pump.example") })
        _ = s.update(.input(.key(.char("E"))))
        _ = s.update(.input(.key(.ctrl("u"))))
        _ = s.update(.input(.paste("Alice Ä. Liddell")))
        _ = s.update(.input(.key(.ctrl("d"))))
        var saved = Self.alicePerson
        saved.displayName = "Alice Ä. Liddell"
        saved.locationName = "Zürich"
        _ = s.update(.message(.profile(.saved(ProfileEdit(displayName: "Alice Ä. Liddell"), .success(saved)))))
        _ = s.update(.message(.page(.profile(personID: saved.id, .success(ProfilePage(person: saved))))))
        let text = F.text(s)
        #expect(text.contains { $0.hasPrefix("Alice Ä. Liddell  alice@pump.example") })
        #expect(text.contains("  Zürich"))
    }

    @Test func aFailedSaveKeepsTheFormOpenWithTheMessage() {
        var s = client(on: Self.alicePerson)
        _ = s.update(.input(.key(.char("E"))))
        _ = s.update(.input(.paste("!")))
        _ = s.update(.input(.key(.ctrl("d"))))
        _ = s.update(.message(.profile(.saved(ProfileEdit(displayName: "Alice A.!"),
                                            .failure(ClientFailure(message: "Server answered HTTP 500: boom"))))))
        guard case .profileForm(let f)? = s.modal else { Issue.record("form closed"); return }
        #expect(f.message.message == "Not saved: Server answered HTTP 500: boom")
        #expect(F.text(s).joined(separator: "\n").contains("Not saved: Server answered HTTP 500: boom"))
        // Esc now asks (the change is still there).
        _ = s.update(.input(.key(.escape)))
        guard case .profileForm(let g)? = s.modal, case .confirmCancel = g.overlay else { Issue.record("no question"); return }
    }
}

