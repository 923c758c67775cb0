import Foundation
import Testing
@testable import PumpCore

@Suite struct APITests {
    let fake = FakeRequester()
    let api: PumpAPI
    let H = "https://pump.example"

    init() throws {
        let me = try #require(Person.decode(try Fixture.data("person_alice")))
        api = try PumpAPI(requester: fake, me: me, base: URL(string: "https://pump.example")!)
    }

    func page(_ ids: [String], prev: String?, next: String? = nil) -> [String: Any] {
        var links: [String: Any] = [:]
        if let prev { links["prev"] = ["href": prev] }
        if let next { links["next"] = ["href": next] }
        let items: [[String: Any]] = ids.map {
            ["id": "\(H)/api/activity/\($0)", "verb": "post", "object": ["id": "\(H)/api/note/\($0)", "objectType": "note"]]
        }
        return ["items": items, "links": links]
    }

    // MARK: Feeds

    @Test func feedURLsAndTitles() async throws {
        for kind in FeedKind.allCases { _ = try? await api.feed(kind) }
        #expect(fake.calls.map(\.url) == [
            "\(H)/api/user/alice/inbox/major?count=20",
            "\(H)/api/user/alice/inbox/minor?count=20",
            "\(H)/api/user/alice/inbox/direct?count=20",
            "\(H)/api/user/alice/feed/major?count=20",
            "\(H)/api/user/alice/favorites?offset=0&count=20",
        ])
        #expect(FeedKind.allCases.map(\.title) == ["Inbox", "Meanwhile", "Direct", "Mine", "Favorites", "Notifications"])
        #expect(FeedKind.notifications.url(for: Person(id: "acct:a@h.example", preferredUsername: "a")) == nil)
        #expect(fake.calls.allSatisfy { $0.method == "GET" && $0.body == nil })
    }

    @Test func conventionalURLsWhenLinksAreMissing() async throws {
        let bare = PumpAPI(requester: fake, nickname: "bob", profileURL: nil, base: URL(string: "http://127.0.0.1:8123")!)
        _ = try? await bare.feed(.inboxMinor, count: 500)
        _ = try? await bare.post(note: "x")
        #expect(fake.calls.map(\.url) == ["http://127.0.0.1:8123/api/user/bob/inbox/minor?count=200",
                                          "http://127.0.0.1:8123/api/user/bob/feed"])
        let cc = fake.calls[1].json?["cc"] as? [[String: Any]]
        #expect(cc?.first?["id"] as? String == "http://127.0.0.1:8123/api/user/bob/followers")
    }

    @Test func olderFollowsNextUnchanged() async throws {
        try fake.route("\(H)/api/user/alice/inbox/major?count=20", fixture: "inbox_major")
        let f = try await api.feed(.inboxMajor)
        #expect(f.items.count == 7 && f.pageSize == 20)
        fake.route("\(H)/api/user/alice/inbox/major?before=https%3A%2F%2Fpump.example%2Fapi%2Factivity%2Fa7&count=20",
                   json: page(["a8", "a9"], prev: nil))
        let older = try await api.older(f)
        #expect(older.items.map(\.id) == ["\(H)/api/activity/a8", "\(H)/api/activity/a9"])
        #expect(older.isAtEnd)
        let merged = f.appending(older)
        #expect(merged.items.count == 9 && merged.isAtEnd)
        #expect(merged.prevURL == f.prevURL)
        let end = try await api.older(merged)
        #expect(end.items.isEmpty)
        #expect(fake.calls.count == 2)  // no request past the end
    }

    @Test func newerFollowsPrevUntilEmpty() async throws {
        let since = { (id: String) in "\(self.H)/api/user/alice/inbox/major?since=https%3A%2F%2Fpump.example%2Fapi%2Factivity%2F\(id)" }
        fake.route("\(H)/api/user/alice/inbox/major?count=20", json: page(["a1", "a0"], prev: since("a1"), next: nil))
        fake.route(since("a1") + "&count=20", json: page(["b2", "b1"], prev: since("b2")))
        fake.route(since("b2") + "&count=20", json: page(["b4", "b3"], prev: since("b4")))
        fake.route(since("b4") + "&count=20", json: ["items": [Any]()])
        let f = try await api.feed(.inboxMajor)
        let n = try await api.newer(f)
        #expect(n.items.map { $0.id.replacingOccurrences(of: "\(H)/api/activity/", with: "") } == ["b4", "b3", "b2", "b1"])
        #expect(n.prevURL?.absoluteString == since("b4"))
        let merged = f.prepending(n)
        #expect(merged.items.count == 6 && merged.prevURL?.absoluteString == since("b4"))
        #expect(fake.calls.count == 4)
        // Nothing new: the refresh point stays.
        let again = try await api.newer(merged)
        #expect(again.items.isEmpty && again.prevURL?.absoluteString == since("b4"))
    }

    @Test func favoritesPageByOffset() async throws {
        let fav = "\(H)/api/user/alice/favorites"
        let objs: ([String]) -> [String: Any] = { ids in
            ["totalItems": 3, "items": ids.map { ["id": "\(self.H)/api/note/\($0)", "objectType": "note", "content": $0] }]
        }
        fake.route("\(fav)?offset=0&count=2", json: objs(["n1", "n2"]))
        fake.route("\(fav)?offset=2&count=2", json: objs(["n3"]))
        let f = try await api.feed(.favorites, count: 2)
        #expect(f.objects.map(\.content) == ["n1", "n2"] && !f.isAtEnd)
        let older = try await api.older(f)
        #expect(older.objects.map(\.content) == ["n3"] && older.offset == 2)
        #expect(f.appending(older).isAtEnd)
        fake.route("\(fav)?offset=0&count=2", json: objs(["n0", "n1"]))
        let newer = try await api.newer(f)
        #expect(newer.objects.map(\.content) == ["n0"])
    }

    @Test func repliesOfAnObject() async throws {
        let feed = try #require(Feed.decode(try Fixture.data("inbox_major")))
        let note = try #require(feed.activities.first?.object)
        fake.route("\(H)/api/note/n1/replies?offset=0&count=20", json: ["items": [["id": "c1", "objectType": "comment", "content": "hi"]]])
        let r = try await api.replies(of: note)
        #expect(r.objects.first?.content == "hi" && r.offset == 0)
    }

    // MARK: Verbs: the exact JSON sent to the outbox

    func lastBody() -> String { canonicalJSON(fake.calls.last?.body) }

    var note: PumpObject { PumpObject(id: "\(H)/api/note/n1", objectType: "note") }

    @Test func postNotePublicAndFollowers() async throws {
        let a = try await api.post(note: "Hi <you> & \"me\"\nbye", title: "T", audience: .public)
        #expect(fake.calls.last?.url == "\(H)/api/user/alice/feed")
        #expect(fake.calls.last?.contentType == "application/json")
        #expect(lastBody() == canonicalJSON("""
        {"verb":"post","object":{"objectType":"note","content":"Hi &lt;you&gt; &amp; &quot;me&quot;<br>bye","displayName":"T"},
         "to":[{"id":"http://activityschema.org/collection/public","objectType":"collection"}],
         "cc":[{"id":"https://pump.example/api/user/alice/followers","objectType":"collection"}]}
        """))
        #expect(a.verb == .post && a.object?.objectType == "note" && a.actor?.preferredUsername == "alice")
        _ = try await api.post(note: "x", audience: .followers)
        #expect(lastBody() == canonicalJSON("""
        {"verb":"post","object":{"objectType":"note","content":"x"},
         "to":[{"id":"https://pump.example/api/user/alice/followers","objectType":"collection"}]}
        """))
    }

    @Test func replyCarriesInReplyToAndNoAddresses() async throws {
        _ = try await api.reply(to: note, text: "yes")
        #expect(lastBody() == canonicalJSON("""
        {"verb":"post","object":{"objectType":"comment","content":"yes",
         "inReplyTo":{"id":"https://pump.example/api/note/n1","objectType":"note"}}}
        """))
    }

    @Test func simpleVerbsSendTheRealObjectType() async throws {
        let image = PumpObject(id: "\(H)/api/image/i1", objectType: "image")
        let cases: [(String, () async throws -> Activity)] = [
            ("favorite", { try await api.like(image) }), ("unfavorite", { try await api.unlike(image) }),
            ("share", { try await api.share(image) }), ("unshare", { try await api.unshare(image) }),
            ("delete", { try await api.delete(image) }),
        ]
        for (verb, call) in cases {
            let a = try await call()
            #expect(a.verb.rawValue == verb)
            #expect(lastBody() == canonicalJSON(#"{"verb":"\#(verb)","object":{"id":"https://pump.example/api/image/i1","objectType":"image"}}"#))
        }
    }

    @Test func updateEdit() async throws {
        _ = try await api.update(note, text: "new <b>", title: nil)
        #expect(lastBody() == canonicalJSON(#"{"verb":"update","object":{"id":"https://pump.example/api/note/n1","objectType":"note","content":"new &lt;b&gt;"}}"#))
        _ = try await api.update(note, text: nil, title: "New title")
        #expect(lastBody() == canonicalJSON(#"{"verb":"update","object":{"id":"https://pump.example/api/note/n1","objectType":"note","displayName":"New title"}}"#))
    }

    @Test func updateWithHTMLSendsOnlyWhatChanged() async throws {
        // A title-only edit sends no content: the server keeps the post's markup (issue 24).
        _ = try await api.update(note, html: nil, title: "T")
        #expect(lastBody() == canonicalJSON(#"{"verb":"update","object":{"id":"https://pump.example/api/note/n1","objectType":"note","displayName":"T"}}"#))
        _ = try await api.update(note, html: #"<a href="https://x.example/">x</a>"#, title: nil)
        #expect(lastBody() == canonicalJSON(#"{"verb":"update","object":{"id":"https://pump.example/api/note/n1","objectType":"note","content":"<a href=\"https://x.example/\">x</a>"}}"#))
    }

    @Test func jsonBodiesOverTheLimitAreRefusedBeforeSending() async throws {
        let limited = api.limitingJSONBodies()
        #expect(limited.jsonBodyLimit == 100 * 1024 && limited.with(me: api.me).jsonBodyLimit == 100 * 1024)
        let before = fake.calls.count
        // 30 000 "&" are 150 000 bytes as sent ("&amp;" each).
        await #expect(throws: RequestTooLarge.self) { _ = try await limited.post(note: String(repeating: "&", count: 30_000)) }
        #expect(fake.calls.count == before)
        do { _ = try await limited.post(note: String(repeating: "&", count: 30_000)) }
        catch let e as RequestTooLarge { #expect(e.bytes > 150_000 && e.limit == 102_400) }
        // Just under the limit goes; the unlimited API sends anything.
        _ = try await limited.post(note: String(repeating: "a", count: 100_000))
        _ = try await api.post(note: String(repeating: "&", count: 30_000))
        #expect(fake.calls.count == before + 2)
    }

    @Test func imageTitleGoesInAnUpdateToOurselvesBeforeThePost() async throws {
        // pump.io keeps the uploaded copy when the post names it: the title and text go in an
        // update first, addressed to us only, so followers get one item (issue 24, item 3).
        let uploaded: [String: Any] = ["id": "\(H)/api/image/up1", "objectType": "image"]
        fake.route("\(H)/api/user/alice/uploads", json: uploaded)
        let me = Person(id: "\(H)/api/user/alice/profile", preferredUsername: "alice")
        let withProfile = try PumpAPI(requester: fake, me: me, base: URL(string: H)!)
        let a = try await withProfile.uploadImage(data: Data([1]), mimeType: "image/png", title: "Cat", description: "A <cat>")
        let calls = fake.calls
        #expect(calls.count == 3)
        let update = try #require(calls[1].json), post = try #require(calls[2].json)
        #expect(update["verb"] as? String == "update" && post["verb"] as? String == "post")
        #expect((update["to"] as? [[String: Any]])?.map { $0["id"] as? String } == ["\(H)/api/user/alice/profile"])
        #expect(update["cc"] == nil)
        for body in [update, post] {
            let o = try #require(body["object"] as? [String: Any])
            #expect(o["id"] as? String == "\(H)/api/image/up1")
            #expect(o["displayName"] as? String == "Cat" && o["content"] as? String == "A &lt;cat&gt;")
        }
        #expect(a.verb == .post && a.object?.displayName == "Cat" && a.object?.content == "A &lt;cat&gt;")
        // Nothing to say: no update at all.
        _ = try await withProfile.uploadImage(data: Data([1]), mimeType: "image/png")
        #expect(fake.calls.count == 5 && fake.calls[4].json?["verb"] as? String == "post")
    }

    @Test func followUnfollow() async throws {
        let bob = Person(id: "acct:bob@other.example", preferredUsername: "bob")
        _ = try await api.follow(bob)
        #expect(lastBody() == canonicalJSON(#"{"verb":"follow","object":{"id":"acct:bob@other.example","objectType":"person"}}"#))
        _ = try await api.unfollow(bob)
        #expect(lastBody() == canonicalJSON(#"{"verb":"stop-following","object":{"id":"acct:bob@other.example","objectType":"person"}}"#))
    }

    @Test func followByAccount() async throws {
        // Remote: the acct: id goes to our server, which resolves it.
        _ = try await api.follow(account: " Carol@Goblin.Example ")
        #expect(lastBody() == canonicalJSON(#"{"verb":"follow","object":{"id":"acct:Carol@goblin.example","objectType":"person"}}"#))
        // Local: the real id comes from the profile (a profile URL here).
        fake.route("\(H)/api/user/dave/profile", json: ["id": "\(H)/api/user/dave/profile", "preferredUsername": "dave"])
        _ = try await api.follow(account: "dave@pump.example")
        #expect(fake.calls.suffix(2).map(\.url) == ["\(H)/api/user/dave/profile", "\(H)/api/user/alice/feed"])
        #expect(lastBody() == canonicalJSON(#"{"verb":"follow","object":{"id":"https://pump.example/api/user/dave/profile","objectType":"person"}}"#))
        await #expect(throws: PumpError.self) { try await api.follow(account: "no-at-sign") }
        await #expect(throws: PumpError.self) { try await api.follow(account: "bad/nick@host") }
    }

    @Test func uploadPostsThenUpdates() async throws {
        let uploaded: [String: Any] = ["id": "\(H)/api/image/up1", "objectType": "image",
                                       "image": ["url": "\(H)/uploads/alice/x_thumb.png", "width": 10, "height": 10],
                                       "fullImage": ["url": "\(H)/uploads/alice/x.png"]]
        fake.route("\(H)/api/user/alice/uploads", json: uploaded)
        let bytes = Data([0x89, 0x50, 0x4E, 0x47])
        let a = try await api.uploadImage(data: bytes, mimeType: "image/png", title: "Cat", description: "A <cat>",
                                          audience: .followers)
        let calls = fake.calls
        #expect(calls.count == 3)
        #expect(calls[0].url == "\(H)/api/user/alice/uploads" && calls[0].body == bytes && calls[0].contentType == "image/png")
        let post = try #require(calls[1].json)
        #expect(post["verb"] as? String == "post")
        #expect((post["object"] as? [String: Any])?["id"] as? String == "\(H)/api/image/up1")
        #expect((post["to"] as? [[String: Any]])?.first?["id"] as? String == "\(H)/api/user/alice/followers")
        let update = try #require(calls[2].json)
        let uo = try #require(update["object"] as? [String: Any])
        #expect(update["verb"] as? String == "update")
        #expect(uo["id"] as? String == "\(H)/api/image/up1" && uo["objectType"] as? String == "image")
        #expect(uo["displayName"] as? String == "Cat" && uo["content"] as? String == "A &lt;cat&gt;")
        #expect(a.object?.displayName == "Cat" && a.object?.image?.width == 10)
    }

    // MARK: Reads and errors

    @Test func profiles() async throws {
        try fake.route("\(H)/api/user/alice/profile", fixture: "person_alice")
        let p = try await api.person(nick: "alice")
        #expect(p.followed == true)
        let remote = Person(id: "https://goblin.example/u/carol", preferredUsername: "carol")
        let same = try await api.profile(of: remote)
        #expect(same == remote)
        #expect(fake.calls.count == 1)  // nothing sent to another host
        fake.route("\(H)/api/user/x%2F..%3F/profile", json: ["id": "acct:x@pump.example"])
        _ = try await api.person(nick: "x/..?")
        #expect(fake.calls.last?.url == "\(H)/api/user/x%2F..%3F/profile")
    }

    @Test func objectByIdUnwrapsAndDecodesDeleted() async throws {
        fake.route("\(H)/api/image/i1", json: ["id": "\(H)/api/image/i1", "objectType": "image", "deleted": "2014-01-01T01:00:00Z"])
        let o = try await api.object(id: "\(H)/api/image/i1")
        #expect(o.isDeleted)
    }

    @Test func serverErrorsAreTyped() async throws {
        fake.route("\(H)/api/user/alice/feed", json: ["error": "Invalid actor"], status: 400)
        await #expect(throws: PumpError.http(status: 400, serverMessage: "Invalid actor")) { try await api.post(note: "x") }

        fake.route("\(H)/api/user/alice/inbox/major?count=20",
                   HTTPResponse(status: 500, headers: ["content-type": "text/html"],
                                body: Data("<html><title>Oops</title><body><h1>Already posted</h1>\u{1B}[2J</body></html>".utf8)))
        await #expect(throws: PumpError.http(status: 500, serverMessage: "Already posted")) { try await api.feed(.inboxMajor) }

        fake.route("\(H)/api/user/alice/inbox/minor?count=20",
                   HTTPResponse(status: 200, headers: ["content-type": "text/html"], body: Data("<p>Welcome to nginx!</p>".utf8)))
        do {
            _ = try await api.feed(.inboxMinor)
            Issue.record("expected notJSON")
        } catch let e as PumpError {
            #expect(e == .notJSON(status: 200, contentType: "text/html", snippet: "Welcome to nginx!"))
            #expect(e.message == "expected JSON from the server but got text/html (HTTP 200): Welcome to nginx!")
        }

        fake.route("\(H)/api/user/alice/inbox/direct?count=20",
                   HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data("{\"items\": [".utf8)))
        await #expect(throws: PumpError.self) { try await api.feed(.direct) }
    }

    @Test func neverSignsForAnotherHost() async throws {
        await #expect(throws: PumpError.notAccountHost("other.example")) {
            try await api.object(id: "https://other.example/api/note/1")
        }
        let carol = Person(id: "https://goblin.example/u/carol", preferredUsername: "carol")
        await #expect(throws: PumpError.self) { try await api.outbox(of: carol) }
        #expect(fake.calls.isEmpty)
        // Remote objects are reached through their proxy on our server.
        fake.route("\(H)/api/proxy/xyz", json: ["id": "https://other.example/api/note/1", "objectType": "note"])
        let o = try await api.object(id: "https://other.example/api/note/1", proxyURL: URL(string: "\(H)/api/proxy/xyz"))
        #expect(o.id == "https://other.example/api/note/1")
        // Default ports compare equal.
        let explicit = try PumpAPI(requester: fake, me: api.me, base: URL(string: "https://pump.example:443")!)
        fake.route("\(H)/api/note/n1", json: ["id": "\(H)/api/note/n1"])
        _ = try await explicit.object(id: "\(H)/api/note/n1")
    }
}
