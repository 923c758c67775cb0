import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Every action's effects, optimistic changes and their undo, paging, handoffs.
@Suite struct ClientUpdateTests {
    typealias F = ClientFixtures

    func key(_ s: inout ClientScreen, _ k: Key) -> [String] { jobs(s.update(.input(.key(k)))) }
    func object(_ s: ClientScreen, _ i: Int) -> PumpObject { s.items[i].object! }

    @Test func startLoadsTheInboxAndSchedulesARefresh() {
        var s = ClientScreen(account: F.alice, displayName: "A", size: Size(rows: 24, cols: 80))
        s.refreshSeconds = 30
        let effects = s.update(.start(Size(rows: 24, cols: 80)))
        // The cache first; the network after it (then Notifications too, whose count the tabs show).
        #expect(jobs(effects) == ["cached inboxMajor"])
        #expect(effects.contains { if case .after(30, .refreshTimer) = $0 { return true }; return false })
        #expect(s.wantsTicks)
        #expect(jobs(s.update(.message(.cached(CacheSnapshot())))) == ["feed inboxMajor first", "feed notifications first"])
    }

    @Test func timelinesSwitchWithDigitsAndTab() {
        var s = F.screen()
        #expect(key(&s, .char("3")) == ["feed direct first"])
        #expect(s.current == .direct)
        #expect(key(&s, .tab) == ["feed outbox first"])
        #expect(key(&s, .backTab) == [])                     // direct is already loading
        #expect(s.current == .direct)
        #expect(key(&s, .char("1")) == [])                   // inbox is loaded
        #expect(s.items.count == 6)
    }

    @Test func movementAndPagingOlderAtTheBottom() {
        var s = F.screen()
        #expect(key(&s, .char("j")) == [])
        #expect(s.list.selected == 1)
        #expect(key(&s, .down) == [])
        #expect(key(&s, .char("G")) == ["feed inboxMajor older"])
        #expect(s.list.selected == 5)
        #expect(key(&s, .char("k")) == [])                   // already loading older
        let older = Feed(items: [.object(PumpObject(id: "old1", objectType: "note", content: "old"))])
        _ = s.update(.message(.feed(.inboxMajor, .older, .success(older))))
        #expect(s.items.count == 7)
        #expect(s.feed(.inboxMajor)?.isAtEnd == true)
        #expect(key(&s, .char("G")) == [])                   // nothing older
        #expect(key(&s, .char("g")) == [])
        #expect(s.list.selected == 0)
    }

    @Test func refreshKeyAndTimerLoadNewer() {
        var s = F.screen()
        #expect(key(&s, .char("R")) == ["feed inboxMajor newer"])
        let newer = Feed(items: [.object(PumpObject(id: "new1", objectType: "note", content: "fresh"))])
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(newer))))
        #expect(s.items.first?.id == "new1")
        let timer = s.update(.message(.refreshTimer))
        // Direct and Notifications, never opened, are loaded by the timer so their counts show.
        #expect(jobs(timer) == ["feed inboxMajor newer", "feed direct first", "feed notifications first"])
        #expect(timer.contains { if case .after(_, .refreshTimer) = $0 { return true }; return false })
    }

    @Test func likeIsOptimisticAndUndoneOnFailure() {
        var s = F.screen()
        #expect(key(&s, .char("l")) == ["verb like https://pump.example/api/note/n1"])
        #expect(object(s, 0).liked == true)
        #expect(object(s, 0).likes?.count == 3)
        let request = VerbRequest(kind: .like, object: F.inbox.items[0].object, undo: ObjectMarks(F.inbox.items[0].object!))
        _ = s.update(.message(.verb(request, .failure(ClientFailure(message: "Server error 400: Already liked")))))
        #expect(object(s, 0).liked == false)
        #expect(object(s, 0).likes?.count == 2)
        #expect(s.status.message.contains("Already liked"))
        #expect(s.status.kind == .error)
        #expect(!s.wantsTicks)
    }

    /// pump.io's Meanwhile and Direct streams leave `liked` out (issue 24): `l` asks the server
    /// first, and when it already has the like, nothing is sent and the mark comes from its copy.
    @Test func likeWithoutTheFeedsFlagAsksTheServerFirst() {
        var s = F.screen()
        let bare = PumpObject(id: "m1", objectType: "note", content: "from Meanwhile")
        _ = s.update(.message(.feed(.inboxMajor, .newer, .success(Feed(items: [.object(bare)])))))
        _ = key(&s, .char("g"))
        #expect(object(s, 0).id == "m1" && object(s, 0).liked == nil)
        let requests = s.update(.input(.key(.char("l")))).compactMap { effect -> VerbRequest? in
            if case .verb(let r)? = effect.job { return r } else { return nil }
        }
        #expect(requests.count == 1 && requests[0].checkFirst)
        var answered = requests[0]
        var current = bare
        current.liked = true
        current.likes = CollectionSummary()
        current.likes?.totalItems = 1
        answered.alreadySo = current
        _ = s.update(.message(.verb(answered, .success(Activity(id: "", verb: .favorite, object: current)))))
        #expect(object(s, 0).liked == true && object(s, 0).likes?.count == 1)
        #expect(s.status.message == "You already like note · l again undoes")
    }

    @Test func unlikeAndShareToggleFromTheCurrentMarks() {
        var s = F.screen()
        _ = key(&s, .char("j"))                              // the shared, liked note
        #expect(key(&s, .char("l")) == ["verb unlike https://pump.example/api/note/n2"])
        #expect(object(s, 1).liked == false)
        #expect(key(&s, .char("s")) == ["verb unshare https://pump.example/api/note/n2"])
        #expect(object(s, 1).shared == false)
        #expect(object(s, 1).shares?.count == 0)
        _ = key(&s, .char("k"))
        #expect(key(&s, .char("s")) == ["verb share https://pump.example/api/note/n1"])
        let r = VerbRequest(kind: .share, object: object(s, 0), undo: nil)
        _ = s.update(.message(.verb(r, .success(Activity(id: "x", verb: .share)))))
        #expect(object(s, 0).shared == true)
        #expect(s.status.message == "Shared Bob B.'s note · s again undoes")
    }

    @Test func deleteOwnAsksFirst() {
        var s = F.screen()
        #expect(key(&s, .char("d")) == [])                   // bob's note: not ours
        #expect(s.modal == nil)
        #expect(s.status.kind == .warning)
        _ = key(&s, .char("G")); _ = key(&s, .char("g"))
        for _ in 0..<5 { _ = key(&s, .char("j")) }           // alice's own note
        #expect(key(&s, .char("d")) == [])
        #expect(F.text(s).joined().contains("Delete this note?"))
        #expect(key(&s, .char("n")) == [])                   // no
        #expect(s.modal == nil)
        _ = key(&s, .char("d"))
        #expect(key(&s, .char("y")) == ["verb delete https://pump.example/api/note/mine"])
        let r = VerbRequest(kind: .delete, object: object(s, 5))
        _ = s.update(.message(.verb(r, .success(Activity(id: "d", verb: .delete)))))
        #expect(object(s, 5).isDeleted)
    }

    @Test func threadOpensAndPagesRepliesByOffset() {
        var s = F.screen()
        #expect(key(&s, .enter) == ["thread https://pump.example/api/note/n1 0"])
        let root = object(s, 0)
        let page = Feed(items: [.object(PumpObject(id: "c1", objectType: "comment", content: "r1"))], totalItems: 5)
        _ = s.update(.message(.page(.thread(rootID: root.id, offset: 0, .success(ThreadPage(root: root, replies: page))))))
        #expect(s.items.count == 2)
        #expect(s.contexts == [.thread])
        #expect(key(&s, .char("j")) == ["thread https://pump.example/api/note/n1 1"])
        #expect(key(&s, .char("q")) == [])
        #expect(s.pages.isEmpty)
        #expect(s.contexts == [.timeline])
    }

    @Test func profileFollowAndUnfollow() {
        var s = F.screen()
        #expect(key(&s, .char("p")) == ["profile acct:bob@pump.example"])
        var bob = Person.decode(Data(F.profileJSON.utf8))!
        _ = s.update(.message(.page(.profile(personID: bob.id, .success(ProfilePage(person: bob, posts: nil))))))
        #expect(key(&s, .char("f")) == ["verb unfollow acct:bob@pump.example"])
        _ = s.update(.message(.verb(VerbRequest(kind: .unfollow, person: bob), .success(Activity(id: "u", verb: .stopFollowing)))))
        guard let person = s.pages.top?.person else { Issue.record("no profile"); return }
        #expect(person.followed == false)
        #expect(person.followers?.totalItems == 2)
        bob.followed = false
        #expect(key(&s, .char("f")) == ["verb follow acct:bob@pump.example"])
        #expect(key(&s, .escape) == [])
        #expect(s.pages.isEmpty)
    }

    @Test func followByNickAtHostPrompt() {
        var s = F.screen()
        #expect(key(&s, .char("F")) == [])
        #expect(s.contexts == [.accountEntry])
        _ = s.update(.input(.paste("bob@pump.example")))
        #expect(key(&s, .char("q")) == [])                   // text, not quit
        _ = key(&s, .backspace)
        #expect(key(&s, .enter) == ["followAccount bob@pump.example"])
        _ = s.update(.message(.followedAccount("bob@pump.example", .success(Activity(id: "f", verb: .follow)))))
        #expect(s.status.message == "Following bob@pump.example.")
    }

    @Test func copyOpenAndNumberedLinks() {
        var s = F.screen()
        // The item has a link too: c asks which address (issue 14); 0 is the item's own.
        #expect(s.update(.input(.key(.char("c")))).isEmpty)
        let copy = s.update(.input(.key(.char("0"))))
        #expect(copy.contains { if case .copyToClipboard("https://pump.example/bob/note/n1") = $0 { return true }; return false })
        let open = s.update(.input(.key(.char("o"))))
        #expect(open.contains { if case .openBrowser("https://pump.example/bob/note/n1") = $0 { return true }; return false })
        let link = s.update(.input(.key(.char("L"))))
        #expect(link.contains { if case .openBrowser("https://x.example/page") = $0 { return true }; return false })
        _ = s.update(.notice(.browserUnavailable(reason: "SSH session: no local display")))
        #expect(s.status.message.contains("c copies the URL"))
        _ = s.update(.notice(.copied))
        #expect(s.status.kind == .success)
    }

    @Test func composeSendsKeepsTextOnFailureAndClosesOnSuccess() {
        var s = F.screen()
        // The editor's lists and people load alongside, once, without a spinner.
        #expect(key(&s, .char("n")) == ["openComposer \(Composer.Mode.note.draftKey)", "audienceData"])
        #expect(s.running == 1)
        _ = s.update(.message(.compose(.ready(.note, nil))))
        #expect(s.contexts.first == .editor)
        _ = s.update(.input(.paste("hello there")))
        #expect(key(&s, .ctrl("d")) == ["compose hello there"])
        #expect(key(&s, .char("x")) == [])                   // nothing while sending
        let failed = jobs(s.update(.message(.compose(.sent(.note, .failure(ClientFailure(message: "Server error 500: Looks like spam")))))))
        #expect(failed == ["draft save \(Composer.Mode.note.draftKey)"])
        guard let c = s.compose.composer, let sending = s.compose.editor?.sending else { Issue.record("composer closed"); return }
        #expect(!sending)
        #expect(c.draft.text == "hello there")
        // The failure is the editor's to show (issue 14), on the status line while it is open.
        #expect(c.status.message.contains("Looks like spam"))
        _ = key(&s, .ctrl("d"))
        let after = jobs(s.update(.message(.compose(.sent(.note, .success(Activity(id: "p", verb: .post)))))))
        #expect(s.modal == nil && !s.compose.isOpen)
        #expect(after == ["draft remove \(Composer.Mode.note.draftKey)", "feed inboxMajor newer"])
    }

    @Test func replyAndEditOpenTheComposerForTheRightObject() {
        var s = F.screen()
        _ = key(&s, .char("r"))
        _ = s.update(.message(.compose(.ready(.reply(to: object(s, 0)), nil))))
        guard let c = s.compose.composer, case .reply(let o) = c.mode else { Issue.record("no reply composer"); return }
        #expect(o.id == "https://pump.example/api/note/n1")
        s.compose = ComposeFlow()
        _ = key(&s, .char("e"))                              // not ours
        #expect(s.modal == nil && !s.compose.isOpen)
        for _ in 0..<5 { _ = key(&s, .char("j")) }
        _ = key(&s, .char("e"))
        _ = s.update(.message(.compose(.ready(.edit(object(s, 5)), nil))))
        guard let e = s.compose.composer, case .edit = e.mode else { Issue.record("no edit composer"); return }
        #expect(e.draft.text == "My own note")
    }

    @Test func shutdownKeepsAnOpenEditorsTextAsADraft() {
        var s = F.screen()
        _ = key(&s, .char("n"))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        _ = s.update(.input(.paste("half written")))
        #expect(jobs(s.update(.shutdown(.hangUp))) == ["draft save \(Composer.Mode.note.draftKey)"])
        var t = F.screen()
        #expect(jobs(t.update(.shutdown(.hangUp))).isEmpty)
    }

    @Test func aSavedDraftIsRestoredWhenTheEditorOpens() {
        var s = F.screen()
        _ = key(&s, .char("n"))
        _ = s.update(.message(.compose(.ready(.note, Draft(kind: .note, text: "from before")))))
        guard let c = s.compose.composer else { Issue.record("no composer"); return }
        #expect(c.draft.text == "from before")
    }

    @Test func expiredTokenHandsOffToRelogin() {
        var s = F.screen()
        _ = key(&s, .char("R"))
        _ = s.update(.message(.feed(.inboxMajor, .newer,
                                    .failure(ClientFailure(message: "expired", tokenRejected: true)))))
        #expect(s.handoff == .relogin(F.alice, reason: "expired"))
        #expect(s.items.count == 6)                          // what was loaded stays
    }

    @Test func quitQuitsAtOnceWithoutADraft() {
        var s = F.screen()
        let effects = s.update(.input(.key(.char("q"))))
        #expect(s.handoff == .quit(0))
        #expect(effects.contains { if case .quit(0, _) = $0 { return true }; return false })
    }

    @Test func accountSwitchHandsOff() {
        var s = F.screen()
        _ = key(&s, .char("A"))
        #expect(s.handoff == .addAccount)                    // the router's account screen lists them
        s = F.screen()
        s.otherAccounts = [try! AccountID(parsing: "bob@pump.example")]
        _ = key(&s, .char("A"))
        #expect(F.text(s).joined().contains("bob@pump.example"))
        _ = key(&s, .enter)
        #expect(s.handoff == .switchAccount(try! AccountID(parsing: "bob@pump.example")))
        var t = F.screen()
        t.otherAccounts = s.otherAccounts
        _ = key(&t, .char("A")); _ = key(&t, .down); _ = key(&t, .enter)
        #expect(t.handoff == .addAccount)
    }

    @Test func workerMapsErrors() {
        #expect(ClientWorker.failure(PumpError.expiredToken).tokenRejected)
        // pump.io's "Invalid / used nonce": the server forgot the client; only a new login helps.
        let forgotten = ClientWorker.failure(ServerReply.error(for: HTTPResponse(status: 401, body: Data("Invalid / used nonce".utf8))))
        #expect(forgotten.tokenRejected && forgotten.message.contains("log in again"))
        let e = ClientWorker.failure(PumpError.http(status: 400, serverMessage: "Already \u{1b}[2Jliked"))
        #expect(!e.tokenRejected)
        #expect(!e.message.contains("\u{1b}"))
        #expect(e.message.contains("Already"))
    }
}
