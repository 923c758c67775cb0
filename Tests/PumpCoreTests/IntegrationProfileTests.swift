import Foundation
import Testing
@testable import PumpCore

/// The profile edit's requests against testserver/pumpserver.py, which takes them as the real
/// pump.io 5.1.4 does (issue 24, item 10; the real server: Tests/e2e/test_real_pumpio_profile.py).
@Suite(.serialized) struct IntegrationProfileTests {
    let verbs = IntegrationVerbTests()

    @Test func aliceEditsHerProfileAndBobSeesIt() async throws {
        let server = try IntegrationServer()
        let store = CredentialStore(directory: tempDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let alice = try await verbs.loggedIn("alice", on: server, store)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0, count: 64)
        let saved = try await alice.updateProfile(ProfileEdit(displayName: "Alice Liddell", summary: "Down <the> hole",
                                                              location: "Wonderland", avatarPath: "a.png"),
                                                  avatar: (png, "image/png"))
        #expect(saved.displayName == "Alice Liddell" && saved.locationName == "Wonderland")
        #expect(saved.summary == "Down &lt;the&gt; hole")
        let avatar = try #require(saved.image?.url.absoluteString)
        #expect(avatar.contains("/uploads/"))
        // A second edit changes one field; the others stay. bob sees them.
        _ = try await alice.updateProfile(ProfileEdit(location: "Looking-glass"))
        let bob = try await verbs.loggedIn("bob", on: server, store)
        let seen = try await bob.person(nick: "alice")
        #expect(seen.displayName == "Alice Liddell" && seen.locationName == "Looking-glass" && seen.image?.url.absoluteString == avatar)
        // Not bob's to change: the server's 401, as pump.io answers.
        let asAlice = PumpAPI(requester: bob.requester, nickname: "alice", profileURL: nil, base: bob.base)
        await #expect(throws: PumpError.self) { _ = try await asAlice.updateProfile(ProfileEdit(displayName: "Mallory")) }
        #expect(try await bob.person(nick: "alice").displayName == "Alice Liddell")
    }
}
