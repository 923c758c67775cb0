import Foundation
import Testing
@testable import PumpCore

/// The compact storage (boxed fields, URLs kept as text, per-page sharing) must keep value
/// semantics and give back the same URLs the plain fields did.
@Suite struct ModelsStorageTests {
    static let page = #"""
    {"items": [
      {"id": "a1", "verb": "post", "url": "http://h.example/a/1?x=%2F",
       "actor": {"id": "http://h.example/api/user/bob/profile", "displayName": "Bob",
                 "links": {"activity-outbox": {"href": "http://h.example/api/user/bob/feed"}}},
       "to": [{"id": "http://activityschema.org/collection/public", "objectType": "collection"}],
       "generator": {"id": "urn:g", "displayName": "Gen"},
       "object": {"id": "n1", "objectType": "note", "likes": {"url": "http://h.example/n1/likes", "totalItems": 3}}},
      {"id": "a2", "verb": "post",
       "actor": {"id": "http://h.example/api/user/bob/profile", "displayName": "Bob",
                 "links": {"activity-outbox": {"href": "http://h.example/api/user/bob/feed"}}},
       "to": [{"id": "http://activityschema.org/collection/public", "objectType": "collection"}],
       "generator": {"id": "urn:g", "displayName": "Gen"},
       "object": {"id": "n2", "objectType": "note"}}
    ]}
    """#

    @Test func urlsComeBackAsReceived() throws {
        let feed = try #require(Feed.decode(Data(Self.page.utf8)))
        let a = try #require(feed.activities.first)
        #expect(a.url == URL(string: "http://h.example/a/1?x=%2F"))
        #expect(a.url?.absoluteString == "http://h.example/a/1?x=%2F")
        #expect(a.actor?.links["activity-outbox"] == URL(string: "http://h.example/api/user/bob/feed"))
        #expect(a.actor?.outboxURL() == URL(string: "http://h.example/api/user/bob/feed"))
        #expect(a.object?.likes?.url == URL(string: "http://h.example/n1/likes"))
        #expect(a.object?.likes?.count == 3)
    }

    @Test func sharedValuesAreEqualAndCopiesStayIndependent() throws {
        let feed = try #require(Feed.decode(Data(Self.page.utf8)))
        let acts = feed.activities
        try #require(acts.count == 2)
        #expect(acts[0].actor == acts[1].actor)
        #expect(acts[0].object?.author == acts[0].actor)  // the actor stands in as author
        #expect(acts[0].generator == acts[1].generator && acts[0].to == acts[1].to)
        var changed = acts[1]
        changed.actor?.displayName = "Robert"
        changed.object?.author?.displayName = "Rob"
        changed.url = URL(string: "http://h.example/other")
        #expect(changed.actor?.displayName == "Robert" && changed.object?.author?.displayName == "Rob")
        #expect(acts[1].actor?.displayName == "Bob" && acts[0].actor?.displayName == "Bob")
        #expect(acts[1].object?.author?.displayName == "Bob")
        #expect(changed.url?.absoluteString == "http://h.example/other" && acts[1].url == nil)
        #expect(changed != acts[1])
    }
}
