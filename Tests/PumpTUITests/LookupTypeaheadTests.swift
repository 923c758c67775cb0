import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Keys typed in one burst after `P nick@host Enter` act on the profile they open (issue 22:
/// the `f` of `P` + `bob@host` + Enter + `f` used to be dropped).
@Suite struct LookupTypeaheadTests {
    typealias F = ClientFixtures
    let bob = Person(id: "acct:bob@example.org", preferredUsername: "bob")

    func type(_ s: inout ClientScreen, _ text: String) -> [String] {
        text.flatMap { ch in jobs(s.update(.input(.key(ch == "\r" ? .enter : .char(ch))))) }
    }

    @Test func keysTypedWhileTheProfileOpensActOnItOnceItsDataIsThere() {
        var s = F.screen()
        #expect(type(&s, "Pbob@example.org\rf") == ["openAccount bob@example.org"])
        #expect(jobs(s.update(.message(.page(.openedAccount("bob@example.org", .success(bob)))))) == ["profile acct:bob@example.org"])
        // Still held: the follow state the profile fetch brings must not land after the follow.
        #expect(type(&s, "j").isEmpty)
        let page = ProfilePage(person: bob, posts: nil, postsError: nil, followState: nil)
        let replay = jobs(s.update(.message(.page(.profile(personID: bob.id, .success(page))))))
        #expect(replay == ["verb follow acct:bob@example.org"])
        #expect(s.status.message.hasPrefix("Following"))
    }

    @Test func escStopsWaitingAndTheAnswerIsDropped() {
        var s = F.screen()
        _ = type(&s, "Pbob@example.org\rf")
        _ = s.update(.input(.key(.escape)))
        #expect(s.status.message == "Stopped waiting for the profile.")
        #expect(jobs(s.update(.message(.page(.openedAccount("bob@example.org", .success(bob)))))).isEmpty)
        #expect(s.pages.isEmpty)
    }

    @Test func aFailedLookupDropsTheKeysAndSaysWhy() {
        var s = F.screen()
        _ = type(&s, "Pbob@example.org\rf")
        _ = s.update(.message(.page(.openedAccount("bob@example.org", .failure(ClientFailure(message: "No such person."))))))
        #expect(s.pages.lookup == nil && s.pages.isEmpty)
        #expect(type(&s, "j").isEmpty)          // keys work on the timeline again
        #expect(s.list.selected == 1)
    }
}
