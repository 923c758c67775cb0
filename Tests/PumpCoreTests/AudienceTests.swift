import Foundation
import Testing
@testable import PumpCore

/// Who sees a note, as drafts keep it: the two plain audiences stay the strings older drafts
/// hold; a list and people round-trip; what the API sends for each.
@Suite struct AudienceTests {
    let friends = AudienceTarget(id: "https://pump.example/api/collection/f1", name: "Friends")
    let bob = AudienceTarget(id: "acct:bob@pump.example", name: "bob@pump.example")

    func roundTrip(_ a: Audience) throws -> (Audience, String) {
        let data = try JSONEncoder().encode(Draft(kind: .note, text: "x", audience: a, saved: Date(timeIntervalSince1970: 0)))
        return (try JSONDecoder().decode(Draft.self, from: data).audience, String(decoding: data, as: UTF8.self))
    }

    @Test func draftsKeepEveryAudience() throws {
        #expect(try roundTrip(.followers).1.contains(#""audience":"followers""#))
        for a: Audience in [.public, .followers, .list(friends), .people([bob, friends])] {
            #expect(try roundTrip(a).0 == a)
        }
        let old = Data(#"{"kind":{"type":"note"},"text":"t","audience":"everyone","saved":0}"#.utf8)
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(Draft.self, from: old) }
    }

    @Test func listsAndPeopleAreAddressedAlone() async throws {
        let fake = FakeRequester()
        let api = try PumpAPI(requester: fake, me: Person(id: "acct:alice@pump.example", preferredUsername: "alice"))
        _ = try await api.post(note: "hi", audience: .list(friends))
        #expect(canonicalJSON(fake.calls.last?.body) == canonicalJSON("""
        {"verb":"post","object":{"objectType":"note","content":"hi"},"to":[{"id":"\(friends.id)","objectType":"collection"}]}
        """))
        _ = try await api.post(note: "hi", audience: .people([bob]))
        #expect(canonicalJSON(fake.calls.last?.body) == canonicalJSON("""
        {"verb":"post","object":{"objectType":"note","content":"hi"},"to":[{"id":"\(bob.id)","objectType":"person"}]}
        """))
    }
}
