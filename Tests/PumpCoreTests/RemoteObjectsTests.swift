import Foundation
import Testing
@testable import PumpCore

/// Issue 24, items 5 and 7: media, replies and people on other servers, and replies to what
/// came only through a share. Every request is recorded; the account's server is 127.0.0.2.
@Suite struct RemoteObjectsTests {
    static let own = "http://127.0.0.2"
    static let other = "http://127.0.0.3"

    /// The account's signed API and the unsigned requester over one recording transport.
    static func api(_ transport: FakeTransport, unsigned: Bool = true) throws -> PumpAPI {
        let alice = try AccountID(parsing: "alice@127.0.0.2")
        let e = Endpoints.conventional(base: URL(string: own + "/")!)
        let account = StoredAccount(account: alice, token: "AT", tokenSecret: "S", personID: "\(own)/api/user/alice/profile",
                                    displayName: "A", endpoints: e)
        let signed = SignedAPI(account: account, client: ClientCredentials(clientID: "c", clientSecret: "cs"), transport: transport)
        let api = PumpAPI(requester: signed, nickname: "alice", profileURL: nil, base: URL(string: own)!)
        return api.fetchingOtherServersMedia(with: unsigned ? UnsignedRequester(transport: transport, allowHTTP: false) : nil)
    }

    static let png = HTTPResponse(status: 200, headers: ["content-type": "image/png"], body: Data([0x89, 0x50, 0x4E, 0x47]))

    @Test func anotherServersImageGoesUnsignedAndOursSigned() async throws {
        let t = FakeTransport { _ in Self.png }
        let api = try Self.api(t)
        _ = try await api.fetchMedia(MediaLink(url: URL(string: "\(Self.other)/uploads/bob/a.png")!))
        _ = try await api.fetchMedia(MediaLink(url: URL(string: "\(Self.own)/uploads/alice/b.png")!))
        // A proxy URL is ours: signed, and the remote URL beside it is never asked.
        _ = try await api.fetchMedia(MediaLink(url: URL(string: "\(Self.other)/uploads/bob/c.png")!,
                                               proxyURL: URL(string: "\(Self.own)/api/proxy/xyz")!))
        #expect(t.urls == ["\(Self.other)/uploads/bob/a.png", "\(Self.own)/uploads/alice/b.png", "\(Self.own)/api/proxy/xyz"])
        let toOther = t.requests.filter { $0.url.host == "127.0.0.3" }
        #expect(toOther.count == 1)
        for r in toOther {
            #expect(r.headers.keys.allSatisfy { $0.lowercased() != "authorization" && $0.lowercased() != "cookie" })
            #expect(!r.url.absoluteString.contains("oauth"))
            #expect(r.body == nil)
        }
        #expect(t.requests.filter { $0.url.host == "127.0.0.2" }.allSatisfy { oauthFields($0)["oauth_token"] == "AT" })
    }

    @Test func withoutAnUnsignedRequesterAnotherServersImageIsRefused() async throws {
        let t = FakeTransport { _ in Self.png }
        let api = try Self.api(t, unsigned: false)
        await #expect(throws: PumpError.notAccountHost("127.0.0.3")) {
            _ = try await api.fetchMedia(MediaLink(url: URL(string: "\(Self.other)/uploads/bob/a.png")!))
        }
        #expect(t.requests.isEmpty)
    }

    @Test func unsignedRedirectsAreCheckedHopByHop() async throws {
        let t = FakeTransport { req in
            switch req.url.path {
            case "/hop": return HTTPResponse(status: 302, headers: ["location": "http://127.0.0.4/img.png"])
            case "/down": return HTTPResponse(status: 301, headers: ["location": "http://cdn.example/img.png"])
            case "/out": return HTTPResponse(status: 302, headers: ["location": "http://cdn.example/img.png"])
            case "/loop": return HTTPResponse(status: 302, headers: ["location": "/loop"])
            case "/gone": return json(410, #"{"error":"Deleted"}"#)
            default: return Self.png
            }
        }
        let u = UnsignedRequester(transport: t)
        let r = try await u.send(method: "GET", url: URL(string: "http://127.0.0.3/hop")!, body: nil, contentType: nil)
        #expect(r.status == 200 && t.urls.last == "http://127.0.0.4/img.png")
        #expect(t.requests.allSatisfy { $0.headers["Authorization"] == nil })
        // https never goes down to http; plain http elsewhere than loopback only with --allow-http.
        await #expect(throws: PumpError.downgradeRefused(host: "cdn.example")) {
            _ = try await u.send(method: "GET", url: URL(string: "https://pics.example/down")!, body: nil, contentType: nil)
        }
        let before = t.requests.count
        await #expect(throws: UnsignedRefusal.self) {
            _ = try await u.send(method: "GET", url: URL(string: "http://127.0.0.3/out")!, body: nil, contentType: nil)
        }
        #expect(t.requests.count == before + 1, "cdn.example was not asked")
        let allowed = UnsignedRequester(transport: t, allowHTTP: true)
        _ = try await allowed.send(method: "GET", url: URL(string: "http://127.0.0.3/out")!, body: nil, contentType: nil)
        await #expect(throws: PumpError.redirectLoop) {
            _ = try await u.send(method: "GET", url: URL(string: "http://127.0.0.3/loop")!, body: nil, contentType: nil)
        }
        await #expect(throws: PumpError.http(status: 410, serverMessage: "Deleted")) {
            _ = try await u.send(method: "GET", url: URL(string: "http://127.0.0.3/gone")!, body: nil, contentType: nil)
        }
        await #expect(throws: UnsignedRefusal.self) {
            _ = try await u.send(method: "POST", url: URL(string: "http://127.0.0.3/x")!, body: Data(), contentType: "a/b")
        }
    }

    // MARK: Replies of remote objects

    static func replies(_ ids: [String], total: Int = 25) -> HTTPResponse {
        let items = ids.map { #"{"id":"\#(other)/api/comment/\#($0)","objectType":"comment"}"# }.joined(separator: ",")
        return json(200, #"{"totalItems":\#(total),"items":[\#(items)]}"#)
    }

    @Test func aRemoteObjectsRepliesComeFromOurServerByIDAndPageOn() async throws {
        let t = FakeTransport { _ in Self.replies(["r1"]) }
        let api = try Self.api(t)
        var remote = PumpObject(id: "\(Self.other)/api/note/abc", objectType: "note")
        remote.replies = CollectionSummary(url: URL(string: "\(Self.other)/api/note/abc/replies")!,
                                           proxyURL: URL(string: "\(Self.own)/api/proxy/p1")!, totalItems: 25)
        let first = try await api.replies(of: remote)
        _ = try await api.older(first)
        let byID = "\(Self.own)/api/note/replies?id=http%3A%2F%2F127.0.0.3%2Fapi%2Fnote%2Fabc"
        #expect(t.urls == ["\(byID)&offset=0&count=20", "\(byID)&offset=1&count=20"])
        // Our own objects: their own replies collection, as before.
        let mine = PumpObject(id: "\(Self.own)/api/note/mine", objectType: "note")
        #expect(api.repliesURL(of: mine)?.absoluteString == "\(Self.own)/api/note/mine/replies")
    }

    @Test func whereTheRouteRefusesTheProxysFirstPageIsAllThereIs() async throws {
        // pump.io answers 403 by id for an object whose post never reached our server (a share).
        let t = FakeTransport { req in
            req.url.path.hasPrefix("/api/proxy/") ? Self.replies(["r1", "r2"], total: 2)
                : json(403, #"{"error":"No authorization for this object."}"#)
        }
        let api = try Self.api(t)
        var shared = PumpObject(id: "\(Self.other)/api/note/abc", objectType: "note")
        shared.replies = CollectionSummary(proxyURL: URL(string: "\(Self.own)/api/proxy/p1")!, totalItems: 2)
        #expect(try await api.replies(of: shared).items.count == 2)
        #expect(try await api.replies(of: shared, offset: 2).items.isEmpty)
        #expect(t.urls.filter { $0.contains("/api/proxy/") } == ["\(Self.own)/api/proxy/p1"])
        shared.replies = nil
        await #expect(throws: PumpError.http(status: 403, serverMessage: "No authorization for this object.")) {
            _ = try await api.replies(of: shared)
        }
    }

    // MARK: Remote people

    @Test func aRemotePersonIsReadThroughTheirProxyURL() async throws {
        let t = FakeTransport { _ in
            json(200, #"{"id":"acct:bob@127.0.0.3","objectType":"person","preferredUsername":"bob","displayName":"Bob B","#
                 + #""image":{"url":"http://127.0.0.3/uploads/bob/face.png"}}"#)
        }
        let api = try Self.api(t)
        let bob = try #require(Person.decode(Data(#"""
            {"id":"acct:bob@127.0.0.3","objectType":"person","preferredUsername":"bob",
             "image":{"url":"http://127.0.0.3/uploads/bob/face.png","pump_io":{"proxyURL":"http://127.0.0.2/api/proxy/face"}},
             "pump_io":{"proxyURL":"http://127.0.0.2/api/proxy/bob"}}
            """#.utf8)))
        #expect(bob.proxyURL?.absoluteString == "\(Self.own)/api/proxy/bob")
        let fresh = try await api.profile(of: bob)
        #expect(t.urls == ["\(Self.own)/api/proxy/bob"])
        #expect(fresh.displayName == "Bob B" && fresh.proxyURL == bob.proxyURL)
        // Their server's document knows no proxy of ours: the avatar keeps the one we had.
        #expect(fresh.image?.fetchURL.absoluteString == "\(Self.own)/api/proxy/face")
    }

    // MARK: Item 5: a reply to what came only through a share

    @Test func aReplyTheServerCannotAddressIsSentOnceMoreAddressed() async throws {
        let posts = CallCounter()
        let t = FakeTransport { req in
            guard req.method == "POST" else { return json(404, "{}") }
            if posts.next() == 1 {
                return HTTPResponse(status: 500, headers: ["content-type": "text/html"],
                                    body: Data("<html><title>Error</title><pre>Error: no original post<br> &nbsp;at x</pre></html>".utf8))
            }
            return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: req.body ?? Data())
        }
        let api = try Self.api(t)
        var parent = PumpObject(id: "\(Self.other)/api/note/abc", objectType: "note")
        parent.author = Person(id: "acct:erin@127.0.0.3")
        parent.to = [.publicCollection]
        parent.cc = [Address(id: "\(Self.other)/api/user/carol/followers", objectType: "collection"), .publicCollection]
        let sent = try await api.reply(to: parent, text: "hi")
        #expect(sent.addressedOnRetry)
        #expect(t.requests.count == 2)
        let first = try #require(JSONSerialization.jsonObject(with: t.requests[0].body ?? Data()) as? [String: Any])
        let second = try #require(JSONSerialization.jsonObject(with: t.requests[1].body ?? Data()) as? [String: Any])
        #expect(first["to"] == nil && first["cc"] == nil)
        let ids = { (key: String) in (second[key] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? [] }
        #expect(ids("to") == [Address.publicCollection.id, "acct:erin@127.0.0.3"])
        #expect(ids("cc") == ["\(Self.other)/api/user/carol/followers"])
    }

    @Test func otherFailuresOfAReplyAreNotRetried() async throws {
        let t = FakeTransport { _ in json(500, #"{"error":"database on fire"}"#) }
        let api = try Self.api(t)
        await #expect(throws: PumpError.http(status: 500, serverMessage: "database on fire")) {
            _ = try await api.reply(to: PumpObject(id: "\(Self.other)/api/note/abc", objectType: "note"), text: "hi")
        }
        #expect(t.requests.count == 1)
    }
}

/// A thread-safe count of calls, for handlers that answer differently the second time.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.withLock { n += 1; return n } }
}
