import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The people pages (issue 14), whole, at 80×24: a profile's follow state, followers, our lists
/// and the editor's audience picker. ScreenExpectation.swift says how expectations are written.
@Suite struct PeopleScreenTextTests {
    typealias F = ClientFixtures
    let size = Size(rows: 24, cols: 80)

    func buffer(_ s: ClientScreen) -> CellBuffer {
        var b = CellBuffer(size: s.size)
        s.render(into: &b)
        return b
    }

    func send(_ s: inout ClientScreen, _ keys: Key...) -> [String] {
        var out: [String] = []
        for k in keys { out += jobs(s.update(.input(.key(k)))) }
        return out
    }

    var bob: Person { Person.decode(Data(F.profileJSON.utf8))! }

    /// Bob's profile, loaded with what the worker found out about following.
    func profile(_ state: FollowState?) -> ClientScreen {
        var s = F.screen(size)
        _ = send(&s, .char("p"))
        _ = s.update(.message(.profile(personID: bob.id, .success(ProfilePage(person: bob, posts: Feed(), followState: state)))))
        return s
    }

    @Test func profileShowsBothDirectionsOfFollowing() {
        expectScreen(buffer(profile(FollowState(youFollow: true, followsYou: true))), #"""
        """#)
        let lines = F.text(profile(FollowState(youFollow: false, followsYou: false)))
        #expect(lines.contains("  You do not follow them · Does not follow you (f follows)"))
        // Unknown (a long followers list, a failed lookup): only what the profile itself says.
        #expect(F.text(profile(nil)).contains("  You follow them (f unfollows)"))
    }

    @Test func followersPage() {
        var s = profile(FollowState(youFollow: true, followsYou: false))
        #expect(send(&s, .char("w")) == ["people Followers · Bob B."])
        let source = PeopleSource.collection(.followers, s.pages.compactMap { if case .profile(let p) = $0 { return p.person } else { return nil } }[0])
        _ = s.update(.message(.people(source, older: false, .success(Feed.decode(Data(F.followersJSON.utf8))!))))
        expectScreen(buffer(s), #"""
        """#)
        // Enter opens the selected person's profile; near the end the next page is asked for.
        #expect(send(&s, .char("j")) == ["people Followers · Bob B. older"])
        #expect(send(&s, .enter) == ["profile acct:carol@pump.example"])
    }

    @Test func listsPage() {
        var s = F.screen(size)
        #expect(send(&s, .char("M")) == ["lists"])
        _ = s.update(.message(.lists(.success(Feed.decode(Data(F.listsJSON.utf8))!))))
        expectScreen(buffer(s), #"""
        """#)
        #expect(send(&s, .enter) == ["people List · Trains & co"])
        _ = send(&s, .char("q"))
        _ = send(&s, .char("d"))
        #expect(F.text(s).contains { $0.contains("Delete the list Trains & co?") })
    }

    @Test func audiencePicker() {
        var s = F.screen(size)
        #expect(send(&s, .char("n")) == ["openComposer note", "audienceData"])
        _ = s.update(.message(.composerReady(.note, nil)))
        _ = s.update(.message(.audienceData(lists: [AudienceTarget(id: "https://pump.example/api/collection/l2", name: "Family")],
                                            following: [bob])))
        _ = s.update(.input(.paste("Dinner at eight")))
        _ = send(&s, .tab, .enter)
        expectScreen(buffer(s), #"""
        """#)
        _ = send(&s, .char("j"), .char("j"), .enter)
        let lines = F.text(s)
        #expect(lines[1] == "New note · to List: Family" && lines.contains { $0.hasPrefix("To: List: Family  [ Attach image ]") })
    }
}
