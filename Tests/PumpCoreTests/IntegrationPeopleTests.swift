import Foundation
import Testing
@testable import PumpCore

/// Followers/following paging, follow state, profiles by nick@host and person lists against
/// testserver/pumpserver.py, with the server's own state as the witness.
@Suite(.serialized) struct IntegrationPeopleTests {
    let verbs = IntegrationVerbTests()

    func seedFollow(_ server: IntegrationServer, _ follower: String, _ followed: String) async throws {
        try await server.control("_test/follow", json: #"{"follower": "\#(follower)", "followed": "\#(followed)"}"#)
    }

    func nicks(_ feed: Feed) -> [String] {
        feed.items.compactMap { if case .person(let p) = $0 { return p.nickname } else { return nil } }
    }

    @Test func followersArePagedAndFollowStateIsFound() async throws {
        let fans = (0..<25).map { String(format: "fan%02d", $0) }
        let server = try IntegrationServer(arguments: ["--users", (["alice", "bob"] + fans).joined(separator: ",")])
        let store = CredentialStore(directory: tempDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        for fan in fans { try await seedFollow(server, fan, "bob") }
        let alice = try await verbs.loggedIn("alice", on: server, store)
        _ = try await alice.follow(account: "bob@127.0.0.1:\(server.port)")
        let bob = try await alice.person(nick: "bob")

        var page = try await alice.people(.followers, of: bob, count: 10)
        var seen = nicks(page)
        #expect(seen.first == "alice" && page.totalItems == 26 && !page.isAtEnd)
        while !page.isAtEnd {
            page = try await alice.older(page)
            seen += nicks(page)
        }
        #expect(seen.count == 26 && Set(seen).count == 26 && seen.last == "fan00")
        let following = try await alice.people(.following, of: try await alice.person(nick: "alice"))
        #expect(nicks(following) == ["bob"])

        var state = try await alice.followState(with: bob, myProfile: nil)
        #expect(state == FollowState(youFollow: true, followsYou: false))
        try await seedFollow(server, "bob", "alice")
        state = try await alice.followState(with: try await alice.person(nick: "bob"),
                                            myProfile: try await alice.person(nick: "alice"))
        #expect(state == FollowState(youFollow: true, followsYou: true))
        let fan = try await alice.person(nick: "fan03")
        #expect(try await alice.followState(with: fan, myProfile: nil) == FollowState(youFollow: false, followsYou: false))
    }

    @Test func profilesByNickAtHost() async throws {
        let server = try IntegrationServer()
        let other = try IntegrationServer()
        let store = CredentialStore(directory: tempDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let alice = try await verbs.loggedIn("alice", on: server, store)
        let finder = WebFinger(transport: AsyncHTTPTransport())
        let local = try await alice.person(account: "bob@127.0.0.1:\(server.port)", finder: finder)
        #expect(local.id == "http://127.0.0.1:\(server.port)/api/user/bob/profile" && local.followed == false)
        let remote = try await alice.person(account: "@carol@127.0.0.1:\(other.port)", finder: finder)
        #expect(remote.id == "acct:carol@127.0.0.1:\(other.port)" && remote.nickname == "carol")
        #expect(remote.links["activity-outbox"]?.absoluteString == "http://127.0.0.1:\(other.port)/api/user/carol/feed")
        await #expect(throws: PumpError.self) { _ = try await alice.person(account: "nobody@127.0.0.1:\(other.port)", finder: finder) }
        let closed = IntegrationServer.closedPort()
        do {
            _ = try await alice.person(account: "bob@127.0.0.1:\(closed)", finder: finder)
            Issue.record("a host that does not answer must fail")
        } catch let e as PumpError {
            #expect(e == .connectionRefused(host: "127.0.0.1:\(closed)") || e.isConnectionLevel, "\(e)")
        }
    }

    @Test func listsAreMadeChangedAndAddressed() async throws {
        let server = try IntegrationServer()
        let store = CredentialStore(directory: tempDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let alice = try await verbs.loggedIn("alice", on: server, store)
        try await seedFollow(server, "carol", "alice")
        let friends = try await alice.createList(named: "Friends")
        #expect(friends.isPersonList && friends.title == "Friends" && friends.members?.count == 0)
        await #expect(throws: PumpError.self) { _ = try await alice.createList(named: "Friends") }
        let bob = try await alice.person(nick: "bob"), carol = try await alice.person(nick: "carol")
        _ = try await alice.add(bob, to: friends)
        _ = try await alice.add(carol, to: friends)
        #expect(nicks(try await alice.members(of: friends)) == ["carol", "bob"])
        let second = try await alice.members(of: friends, offset: 1, count: 1)
        #expect(nicks(second) == ["bob"] && second.isAtEnd)
        _ = try await alice.remove(carol, from: friends)
        let renamed = try await alice.renameList(friends, to: "Close friends")
        #expect(renamed.title == "Close friends")
        let lists = try await alice.lists()
        #expect(lists.objects.map(\.title) == ["Close friends"] && lists.objects.first?.members?.count == 1)

        let post = try await alice.post(note: "only for the list", audience: .list(renamed.audienceTarget))
        let direct = try await alice.post(note: "only for carol", audience: .people([carol.audienceTarget]))
        let s = try await verbs.state(server)
        let inbox = try #require(s["inbox"] as? [String: [String]])
        #expect(inbox["bob"]?.contains(post.id) == true && inbox["carol"]?.contains(post.id) == false)
        #expect(inbox["carol"]?.contains(direct.id) == true && inbox["bob"]?.contains(direct.id) == false)
        #expect(post.to.map(\.id) == [renamed.id])

        _ = try await alice.deleteList(renamed)
        #expect(try await alice.lists().items.isEmpty)
    }
}
