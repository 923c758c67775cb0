import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The pages part (`Pages`) on its own, without a client screen: opening, the answers to its
/// jobs, what it asks the client to do (`Outcome`), and the keys held for a looked-up profile.
@Suite struct PagesTests {
    let bob = Person(id: "acct:bob@example.org", preferredUsername: "bob")
    let list = PumpObject(id: "list1", objectType: "collection", displayName: "Friends")

    func jobs(_ step: Pages.Step) -> [String] {
        step.effects.compactMap { if case .run(let j) = $0 { return j.label } else { return nil } }
    }

    func post(_ id: String, replyTo: String? = nil) -> PumpObject {
        var o = PumpObject(id: id, objectType: replyTo == nil ? "note" : "comment", content: id)
        if let replyTo { o.inReplyTo = PumpObject(id: replyTo, objectType: "note") }
        return o
    }

    @Test func aThreadOpensLoadingAndItsAnswerFillsIt() {
        var pages = Pages()
        let open = pages.openThread(post("root"))
        #expect(jobs(open) == ["thread root 0"] && open.outcomes == [.progress("Loading the thread…")])
        #expect(pages.top?.loading == true && pages.top?.items.count == 1)
        let answer = pages.receive(.thread(rootID: "root", offset: 0, .success(ThreadPage(
            root: post("root"), replies: Feed(items: [.object(post("r1", replyTo: "root"))], totalItems: 3)))))
        #expect(answer.outcomes == [.learned([post("root"), post("r1", replyTo: "root")]), .say("1 of 3 replies", .info)])
        #expect(pages.top?.loading == false && pages.top?.items.map(\.id) == ["root", "r1"] && pages.top?.hasMore == true)
        // Scrolling to the end asks for the next replies, by offset.
        #expect(jobs(pages.loadMore()) == ["thread root 1"] && pages.top?.loading == true)
    }

    @Test func aDeletedThreadFailsAndTellsTheStore() {
        var pages = Pages()
        _ = pages.openThread(post("gone"))
        let f = ClientFailure(message: "This post was deleted.", deleted: true)
        let step = pages.receive(.thread(rootID: "gone", offset: 0, .failure(f)))
        #expect(step.outcomes == [.failed(f), .deleted("gone")])
        #expect(pages.top?.error == "This post was deleted." && pages.top?.tailText(key: { _ in "?" }) == "Replies: This post was deleted.")
    }

    @Test func anAnswerForAClosedPageIsDropped() {
        var pages = Pages()
        _ = pages.openSearch("wave")
        pages.back()
        let step = pages.receive(.searched("wave", .success([])))
        #expect(step.outcomes.isEmpty && pages.isEmpty)
    }

    @Test func theProfileTakesTheFollowStateAndSaysTheNoteOfASave() {
        var pages = Pages()
        _ = pages.openProfile(bob)
        var me = bob; me.displayName = "Bob B."
        let saved = pages.ownProfileSaved(me, note: "Saved your name: Bob B.", isMe: { _ in true })
        #expect(jobs(saved) == ["profile acct:bob@example.org"] && saved.outcomes.isEmpty)
        let step = pages.receive(.profile(personID: bob.id, .success(ProfilePage(
            person: me, followState: FollowState(youFollow: true, followsYou: true)))))
        #expect(step.outcomes == [.say("Saved your name: Bob B.", .success)])
        #expect(pages.top?.person?.followed == true && pages.top?.person?.followsYou == true && pages.top?.note == nil)
        #expect(pages.top?.contexts == [.profile] && pages.top?.title == "Profile · Bob B.")
    }

    @Test func aListChangeReloadsTheListsAndTheMembersItTouches() {
        var pages = Pages()
        #expect(jobs(pages.openPeople(.lists)) == ["lists"])
        #expect(jobs(pages.openPeople(.lists)).isEmpty)                    // already on screen
        _ = pages.openPeople(.members(list))
        _ = pages.receive(.people(.members(list), older: false, .success(Feed(items: [.person(bob)]))))
        let done = "Added Carol to Friends."
        let step = pages.receive(.listChanged(.add(account: "carol@example.org", to: list), .success(done)))
        #expect(step.outcomes == [.say(done, .success), .listsChanged])
        #expect(jobs(step) == ["lists", "people List · Friends"])
        #expect(pages.stack.allSatisfy { $0.loading && $0.note == done })
        #expect(pages.top?.items.isEmpty == true && pages.top?.contexts == [.members, .people])
        // The members' answer says the change in front of the count; the lists' answer, under
        // the members page, says nothing of its own.
        let members = pages.receive(.people(.members(list), older: false, .success(Feed(items: [.person(bob)], totalItems: 1))))
        #expect(members.outcomes == [.say(done + " · List · Friends: 1 of 1 person", .success)])
        let lists = pages.receive(.people(.lists, older: false, .success(Feed(items: [.object(list)]))))
        #expect(lists.outcomes == [.say(done + " · 1 list", .success)])
        #expect(pages.stack.allSatisfy { !$0.loading && $0.note == nil })
    }

    @Test func renamingAListRetitlesItsMembersPage() {
        var pages = Pages()
        _ = pages.openPeople(.members(list))
        let step = pages.receive(.listChanged(.rename(list, "Pals"), .success("Renamed to Pals.")))
        #expect(jobs(step).isEmpty && pages.top?.title == "List · Pals")
    }

    @Test func keysWaitForTheLookedUpProfileThenReplay() {
        var pages = Pages()
        #expect(jobs(pages.lookUp("bob@example.org")) == ["openAccount bob@example.org"])
        _ = pages.hold(.key(.char("f")))
        #expect(jobs(pages.receive(.openedAccount("bob@example.org", .success(bob)))) == ["profile acct:bob@example.org"])
        _ = pages.hold(.key(.char("j")))
        let step = pages.receive(.profile(personID: bob.id, .success(ProfilePage(person: bob))))
        #expect(step.outcomes.last == .replay([.key(.char("f")), .key(.char("j"))]))
        #expect(pages.lookup == nil)
    }

    @Test func escBeforeTheProfileIsUpStopsWaiting() {
        var pages = Pages()
        _ = pages.lookUp("bob@example.org")
        #expect(pages.hold(.key(.escape)).outcomes == [.say("Stopped waiting for the profile.", .info)])
        #expect(jobs(pages.receive(.openedAccount("bob@example.org", .success(bob)))).isEmpty && pages.isEmpty)
    }

    @Test func changesFromElsewhereReachEveryPage() {
        var pages = Pages()
        _ = pages.openThread(post("root"))
        _ = pages.openProfile(bob)
        pages.updateObject("root") { $0.liked = true }
        pages.appendReply(post("mine", replyTo: "root"), to: "root")
        pages.setFollowed(bob.id, true)
        #expect(pages.stack[0].conversation?.root.liked == true)
        #expect(pages.stack[0].items.map(\.id) == ["root", "mine"])
        #expect(pages.top?.person?.followed == true)
    }
}
