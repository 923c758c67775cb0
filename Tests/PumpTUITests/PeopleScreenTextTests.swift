import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The people pages (issue 14), whole, at 80×24: a profile's follow state, followers, our lists
/// and the editor's audience picker. ScreenExpectation.swift says how expectations are written.
@Suite struct PeopleScreenTextTests {
    typealias F = ClientFixtures
    let size = Size(rows: 24, cols: 80)

    func buffer(_ s: ClientScreen) -> CellBuffer { s.wholeScreen }

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
        _ = s.update(.message(.page(.profile(personID: bob.id, .success(ProfilePage(person: bob, posts: Feed(), followState: state))))))
        return s
    }

    @Test func profileShowsBothDirectionsOfFollowing() {
        expectScreen(buffer(profile(FollowState(youFollow: true, followsYou: true))), #"""
        | Profile · Bob B.                                            alice@pump.example |
        |Bob B.  bob@pump.example                                                        |
        |  I like trains                                                                 |
        |  3 followers · 4 following · 5 favorites                                       |
        |  You follow them · Follows you (f unfollows)                                   |
        |                                                                                |
        | No posts to show.                                                              |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Bob B.                                                                          |
        |Enter open  q/Esc back  n new  r reply  l like  s share  f follow  ?/F1 help    |
        """#)
        let lines = F.text(profile(FollowState(youFollow: false, followsYou: false)))
        #expect(lines.contains("  You do not follow them · Does not follow you (f follows)"))
        // Unknown (a long followers list, a failed lookup): only what the profile itself says.
        #expect(F.text(profile(nil)).contains("  You follow them (f unfollows)"))
    }

    @Test func followersPage() {
        var s = profile(FollowState(youFollow: true, followsYou: false))
        #expect(send(&s, .char("w")) == ["people Followers · Bob B."])
        let source = PeopleSource.collection(.followers, s.pages.stack.compactMap(\.person)[0])
        _ = s.update(.message(.page(.people(source, older: false, .success(Feed.decode(Data(F.followersJSON.utf8))!)))))
        // Whom we follow shows here too, without the profile's "(f unfollows)": f is not a key here.
        expectScreen(buffer(s), #"""
        | Followers · Bob B.                                          alice@pump.example |
        |Alice A.  alice@pump.example                                                    |
        |                                                                                |
        |Carol C.  carol@pump.example                                                    |
        |  You follow them                                                               |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Followers · Bob B.: 2 of 3 people                                               |
        |q/Esc back  R refresh  Enter profile  ?/F1 help                                 |
        """#)
        // Enter opens the selected person's profile; near the end the next page is asked for.
        #expect(send(&s, .char("j")) == ["people Followers · Bob B. older"])
        #expect(send(&s, .enter) == ["profile acct:carol@pump.example"])
    }

    @Test func listsPage() {
        var s = F.screen(size)
        #expect(send(&s, .char("M")) == ["lists"])
        _ = s.update(.message(.page(.people(.lists, older: false, .success(Feed.decode(Data(F.listsJSON.utf8))!)))))
        expectScreen(buffer(s), #"""
        | Your lists                                                  alice@pump.example |
        |Trains & co                                                                     |
        |  People who like trains                                                        |
        |  2 members                                                                     |
        |                                                                                |
        |Family                                                                          |
        |  1 member                                                                      |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |2 lists                                                                         |
        |q/Esc back  R refresh  Enter members  n new  e rename  d delete  ?/F1 help      |
        """#)
        #expect(send(&s, .enter) == ["people List · Trains & co"])
        // Renamed from its members page: the title follows, the status says so.
        _ = send(&s, .char("e"))
        let list = F.text(s)
        #expect(list.contains { $0.contains("Rename to: Trains & co") })
        _ = send(&s, .escape)                           // (the worker's answer is played below)
        guard case .members(let l)? = s.pages.top?.peopleSource else { Issue.record("no members page"); return }
        _ = s.update(.message(.page(.listChanged(.rename(l, "Rail fans"), .success("Renamed to Rail fans.")))))
        #expect(F.text(s)[0].hasPrefix(" List · Rail fans") && F.text(s)[22].hasSuffix("Renamed to Rail fans."))
        _ = send(&s, .char("q"))
        _ = send(&s, .char("d"))
        #expect(F.text(s).contains { $0.contains("Delete the list Trains & co?") })
    }

    @Test func audiencePicker() {
        var s = F.screen(size)
        #expect(send(&s, .char("n")) == ["openComposer note", "audienceData"])
        _ = s.update(.message(.compose(.ready(.note, nil))))
        _ = s.update(.message(.compose(.audienceData(lists: [AudienceTarget(id: "https://pump.example/api/collection/l2", name: "Family")],
                                            following: [bob]))))
        _ = s.update(.input(.paste("Dinner at eight")))
        _ = send(&s, .tab, .enter)
        expectScreen(buffer(s), #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |New note · to Public                                                            |
        |Title:                                                                          |
        |┌─ Text ───────────────────────────────────────────────────────────────────────┐|
        |│Dinner at eight                                                               │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│   ┌─ Who sees it? Enter chooses ─────────────────────────────────────────┐   │|
        |│   │ Public                                                               │   │|
        |│   │ Followers                                                            │   │|
        |│   │ List: Family                                                         │   │|
        |│   │ Specific people (a direct message)…                                  │   │|
        |│   └──────────────────────────────────────────────────────────────────────┘   │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |│                                                                              │|
        |└──────────────────────────────────────────────────────────────────────────────┘|
        |To: Public  [ Attach image ]  [ Send ]                                          |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |Enter choose  Esc/q close  F1 help                                              |
        """#)
        _ = send(&s, .char("j"), .char("j"), .enter)
        let lines = F.text(s)
        #expect(lines[1] == "New note · to List: Family" && lines.contains { $0.hasPrefix("To: List: Family  [ Attach image ]") })
    }
}
