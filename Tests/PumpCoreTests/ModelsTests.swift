import Foundation
import Testing
@testable import PumpCore

@Suite struct ModelsTests {
    func inbox() throws -> Feed {
        try #require(Feed.decode(try Fixture.data("inbox_major")))
    }

    @Test func feedPagingLinksStayEncoded() throws {
        let f = try inbox()
        #expect(f.totalItems == 1342)
        #expect(f.items.count == 7)  // junk entries dropped
        #expect(f.nextURL?.absoluteString ==
                "https://pump.example/api/user/alice/inbox/major?before=https%3A%2F%2Fpump.example%2Fapi%2Factivity%2Fa7")
        #expect(f.prevURL?.absoluteString.hasSuffix("since=https%3A%2F%2Fpump.example%2Fapi%2Factivity%2Fa1") == true)
        #expect(f.selfURL?.absoluteString == "https://pump.example/api/user/alice/inbox/major")
    }

    @Test func postActivityDecodesFully() throws {
        let a = try #require(try inbox().activities.first)
        #expect(a.verb == .post && a.verb.isKnown)
        #expect(a.actor?.webfinger == "alice@pump.example")
        #expect(a.summaryLine == "Alice A. posted a note")
        #expect(a.generator?.displayName == "SwiftPump")
        #expect(a.to.first?.isPublic == true)
        let o = try #require(a.object)
        #expect(o.objectType == "note" && o.title == "Title")
        #expect(o.liked == true && o.shared == false)
        #expect(o.likes?.count == 2 && o.replies?.count == 1 && o.shares?.count == 0)
        #expect(o.replies?.items.first?.inReplyTo?.id == "https://pump.example/api/note/n1")
        #expect(o.published == ISODate.parse("2014-01-02T03:04:05Z"))
        #expect(o.updated!.timeIntervalSince(o.published!) == 0.25)
        #expect(o.to.first?.isPublic == true)
        #expect(HTMLText.render(o.content ?? "").text == "Hello world link[1]")
    }

    @Test func deletedObject() throws {
        let a = try inbox().activities[1]
        let o = try #require(a.object)
        #expect(o.isDeleted)
        #expect(o.deleted == ISODate.parse("2014-01-01T01:00:00Z"))
        #expect(o.content == nil && o.objectType == "image")
        #expect(a.published == ISODate.parse("2014-01-01T00:00:00Z"))  // no Z: taken as UTC
    }

    @Test func missingObjectTypeAndAuthorFromActor() throws {
        let a = try inbox().activities[2]
        let o = try #require(a.object)
        #expect(o.objectType == nil)
        #expect(o.typeForVerbs == "note")
        #expect(o.author?.id == "acct:alice@pump.example")
        #expect(a.published == ISODate.parse("2013-12-31T22:00:00Z"))
    }

    @Test func unknownVerbAndRemotePersonWithoutLinks() throws {
        let a = try inbox().activities[3]
        #expect(a.verb.rawValue == "http://example.org/verbs/poke")
        #expect(!a.verb.isKnown)
        #expect(a.summaryLine == "Carol poked Alice")
        let carol = try #require(a.actor)
        #expect(carol.links.isEmpty)
        #expect(carol.webfinger == "carol@goblin.example")
        #expect(carol.outboxURL()?.absoluteString == "https://goblin.example/api/user/carol/feed")
        #expect(carol.inboxURL()?.absoluteString == "https://goblin.example/api/user/carol/inbox")
        #expect(a.objectPerson?.preferredUsername == "alice")
        #expect(a.object?.author == nil)  // a person object gets no author
    }

    @Test func personFromURLIdAndHostileName() throws {
        let a = try inbox().activities[4]
        let bob = try #require(a.actor)
        #expect(bob.webfinger == "bob@127.0.0.1:8123")
        #expect(bob.conventionalBase?.absoluteString == "http://127.0.0.1:8123")
        #expect(bob.outboxURL()?.absoluteString == "http://127.0.0.1:8123/api/user/bob/feed")
        #expect(bob.label == "Bob B.")
        #expect(a.verb == .follow)
    }

    @Test func hardHTMLReply() throws {
        let o = try #require(try inbox().activities[5].object)
        #expect(o.objectType == "comment")
        #expect(o.inReplyTo?.author?.preferredUsername == "alice")
        #expect(HTMLText.render(o.content ?? "").text == "> q\n\n• x\n• y\n\n end")
    }

    @Test func oddValuesAreTolerated() throws {
        let a = try inbox().activities[6]
        #expect(a.verb == .share)
        #expect(a.actor?.webfinger == "dave@pump.example")
        #expect(a.actor?.label == "dave@pump.example")
        let o = try #require(a.object)
        #expect(!o.isDeleted)
        #expect(o.published == nil)
        #expect(o.likes?.count == 3)
        #expect(o.liked == true)
    }

    @Test func personProfile() throws {
        let p = try #require(Person.decode(try Fixture.data("person_alice")))
        #expect(p.followed == true)
        #expect(p.followers?.totalItems == 12 && p.following?.count == 30)
        #expect(p.inboxURL()?.absoluteString == "https://pump.example/api/user/alice/inbox")
        #expect(p.favoritesURL()?.absoluteString == "https://pump.example/api/user/alice/favorites")
        #expect(p.image?.width == 96)
        let remote = try #require(Person.decode(try Fixture.data("user_record_remote")))
        #expect(remote.nickname == "carol")
    }

    @Test func garbageNeverCrashes() {
        for s in ["", "null", "[]", "{", "{\"items\": 5}", "{\"items\": [{\"verb\": 1, \"object\": 2}]}",
                  "{\"id\": {\"x\": 1}}", "\u{0}\u{1}", "{\"links\": [{\"rel\": \"next\", \"href\": \"https://a/b\"}]}"] {
            let d = Data(s.utf8)
            _ = Feed.decode(d); _ = Activity.decode(d); _ = Person.decode(d); _ = PumpObject.decode(d)
        }
        let arrayLinks = Feed.decode(Data("{\"links\": [{\"rel\": \"next\", \"href\": \"https://a/b\"}]}".utf8))
        #expect(arrayLinks?.nextURL?.absoluteString == "https://a/b")
        // A deep inReplyTo chain is cut, not recursed without bound.
        var json = "{\"id\":\"x\"}"
        for _ in 0..<200 { json = "{\"id\":\"x\",\"inReplyTo\":\(json)}" }
        #expect(PumpObject.decode(Data(json.utf8)) != nil)
    }

    @Test func isoDates() {
        #expect(ISODate.parse("2014-09-24T02:38:32Z")?.timeIntervalSince1970 == 1_411_526_312)
        #expect(ISODate.parse("2014-09-24T02:38:32") == ISODate.parse("2014-09-24T02:38:32Z"))
        #expect(ISODate.parse("2014-09-24T04:38:32+0200") == ISODate.parse("2014-09-24T02:38:32Z"))
        #expect(ISODate.parse("2014-09-24T02:38:32.5Z")?.timeIntervalSince1970 == 1_411_526_312.5)
        #expect(ISODate.parse("1969-12-31T23:59:59Z")?.timeIntervalSince1970 == -1)
        #expect(ISODate.parse("2014-13-01T00:00:00Z") == nil)
        #expect(ISODate.parse("2014-09-24T02:38:32Zjunk") == nil)
        #expect(ISODate.format(Date(timeIntervalSince1970: 1_411_526_312)) == "2014-09-24T02:38:32Z")
    }

    /// Speed is the benchmark's business (scripts/bench.sh); this checks a full page decodes.
    @Test func decodingAFullPageOfTwoHundredActivities() throws {
        let feed = Feed.decode(try makePage(count: 200))
        #expect(feed?.items.count == 200)
        #expect(Set(feed?.items.map(\.id) ?? []).count == 200)
    }
}

/// A 200-item page built from the fixture's first activity with distinct ids.
func makePage(count: Int) throws -> Data {
    let base = try #require(try JSONSerialization.jsonObject(with: try Fixture.data("inbox_major")) as? [String: Any])
    let first = try #require((base["items"] as? [Any])?.first as? [String: Any])
    var items: [[String: Any]] = []
    for k in 0..<count {
        var a = first
        a["id"] = "https://pump.example/api/activity/gen\(k)"
        items.append(a)
    }
    var page = base
    page["items"] = items
    return try JSONSerialization.data(withJSONObject: page, options: [.withoutEscapingSlashes])
}

@Suite struct ModelsTextTests {
    @Test func renderedHelpers() throws {
        let f = try #require(Feed.decode(try Fixture.data("inbox_major")))
        let acts = f.activities
        #expect(acts[0].object?.renderedContent.links == ["https://x.example/?a=1&b=2"])
        #expect(acts[1].object?.renderedContent.text == "[deleted]")
        #expect(!acts[0].showsSummary && acts[3].showsSummary && acts[4].showsSummary)
        #expect(acts[0].object?.displayURL == "https://pump.example/alice/note/n1")
        #expect(acts[0].actor?.renderedSummary.text == "Hi, I'm Alice")
    }
}
