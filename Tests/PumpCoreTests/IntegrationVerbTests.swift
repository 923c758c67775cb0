import Foundation
import Testing
@testable import PumpCore

/// Every verb of PumpAPI against testserver/pumpserver.py (oauthlib checks each signature),
/// with the server's own state as the witness.
@Suite(.serialized) struct IntegrationVerbTests {
    func loggedIn(_ nick: String, on server: IntegrationServer, _ store: CredentialStore) async throws -> PumpAPI {
        _ = try await PumpLogin.login(account: server.account(nick), store: store) { url in
            try IntegrationServer.approve(url, user: nick)
        }
        return try PumpAPI(stored: server.account(nick), store: store)
    }

    func state(_ server: IntegrationServer) async throws -> [String: Any] {
        let r = try await AsyncHTTPTransport().send(
            HTTPRequest(method: "GET", url: server.base.appendingPathComponent("_test/state")), timeout: 5)
        return try #require(try JSONSerialization.jsonObject(with: r.body) as? [String: Any])
    }

    func object(_ id: String, in state: [String: Any]) -> [String: Any]? {
        (state["objects"] as? [[String: Any]])?.first { ($0["id"] as? String) == id }
    }

    @Test func everyVerbReachesTheServer() async throws {
        let server = try IntegrationServer()
        let store = CredentialStore(directory: tempDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let alice = try await loggedIn("alice", on: server, store)
        let bob = try await loggedIn("bob", on: server, store)

        _ = try await alice.follow(account: "bob@127.0.0.1:\(server.port)")
        let post = try #require(try await bob.post(note: "verbs <b>test</b>", title: "T", audience: .public).object)
        let inbox = try await alice.feed(.inboxMajor)
        let seen = try #require(inbox.activities.first { $0.object?.id == post.id }?.object)

        _ = try await alice.like(seen)
        _ = try await alice.share(seen)
        let reply = try #require(try await alice.reply(to: seen, text: "a reply").object)
        var s = try await state(server)
        let o = try #require(object(post.id, in: s))
        #expect((o["likes"] as? [String]) == ["alice"])
        #expect((o["shares"] as? [String]) == ["alice"])
        #expect((o["replies"] as? [String])?.contains(reply.id) == true)

        _ = try await alice.unlike(seen)
        _ = try await alice.unshare(seen)
        _ = try await alice.update(reply, text: "an edited reply", title: nil)
        let thread = try await bob.replies(of: post)
        #expect(thread.objects.contains { (o: PumpObject) in o.renderedContent.text.contains("an edited reply") })
        s = try await state(server)
        #expect((object(post.id, in: s)?["likes"] as? [String]) == [])
        #expect((object(post.id, in: s)?["shares"] as? [String]) == [])

        _ = try await alice.delete(reply)
        s = try await state(server)
        #expect(object(reply.id, in: s)?["deleted"] as? Bool == true)
        await #expect(throws: (any Error).self) { _ = try await alice.object(id: reply.id) }   // 410

        let bobPerson = try await alice.person(nick: "bob")
        _ = try await alice.unfollow(bobPerson)
        let follows = try #require(s["follows"])
        #expect("\(follows)".contains("alice"))

        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0, count: 64)
        let image = try #require(try await alice.uploadImage(data: png, mimeType: "image/png", title: "Pic",
                                                             description: "A picture").object)
        let stored = try #require(object(image.id, in: try await state(server)))
        // The server drops what is sent with the post; the follow-up update restores it.
        #expect(stored["content"] as? String == "A picture")
    }
}
