import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The worker turns jobs into API calls and their results (or failures) into messages.
@Suite struct ClientWorkerTests {
    /// Answers GETs from a table and POSTs to the outbox with an activity; may throw instead.
    final class Requester: APIRequester, @unchecked Sendable {
        let lock = NSLock()
        var posted: [[String: Any]] = []
        var routes: [String: String] = [:]
        /// Routes that answer with an error status and body.
        var statuses: [String: (Int, String)] = [:]
        var error: Error?

        func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse {
            try lock.withLock {
                if let error { throw error }
                if method == "POST", let body, let j = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
                    posted.append(j)
                    var reply = j; reply["id"] = "https://pump.example/api/activity/new"
                    let data = try JSONSerialization.data(withJSONObject: reply)
                    return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: data)
                }
                if let (status, text) = statuses[url.absoluteString] {
                    return HTTPResponse(status: status, headers: ["content-type": "application/json"], body: Data(text.utf8))
                }
                guard let text = routes[url.absoluteString] else {
                    return HTTPResponse(status: 404, headers: ["content-type": "application/json"], body: Data(#"{"error":"No such route"}"#.utf8))
                }
                return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data(text.utf8))
            }
        }
    }

    func worker(_ r: Requester) -> ClientWorker {
        ClientWorker(api: PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!))
    }

    @Test func firstPageOfTheInbox() async {
        let r = Requester()
        r.routes["https://pump.example/api/user/alice/inbox/major?count=20"] = ClientFixtures.inboxJSON
        guard case .feed(.inboxMajor, .first, .success(let feed)) = await worker(r).perform(.feed(.inboxMajor, .first, nil)) else {
            Issue.record("no feed"); return
        }
        #expect(feed.items.count == 6)
    }

    @Test func olderFollowsTheNextLink() async {
        let r = Requester()
        r.routes["https://pump.example/api/user/alice/inbox/major?before=a6&count=20"] = #"{"items":[]}"#
        let msg = await worker(r).perform(.feed(.inboxMajor, .older, ClientFixtures.inbox))
        guard case .feed(_, .older, .success(let page)) = msg else { Issue.record("\(msg)"); return }
        #expect(page.items.isEmpty)
    }

    @Test func likeSendsTheFavoriteVerbWithTheRealType() async {
        let r = Requester()
        let note = ClientFixtures.inbox.items[0].object!
        let msg = await worker(r).perform(.verb(VerbRequest(kind: .like, object: note, undo: nil)))
        guard case .verb(let req, .success) = msg else { Issue.record("\(msg)"); return }
        #expect(req.kind == .like)
        #expect(r.posted.first?["verb"] as? String == "favorite")
        #expect((r.posted.first?["object"] as? [String: Any])?["objectType"] as? String == "note")
    }

    @Test func aRefusedTokenIsFlagged() async {
        let r = Requester()
        r.error = PumpError.expiredToken
        let msg = await worker(r).perform(.feed(.direct, .first, nil))
        guard case .feed(.direct, .first, .failure(let f)) = msg else { Issue.record("\(msg)"); return }
        #expect(f.tokenRejected)
    }

    @Test func serverMessagesComeBackCleaned() async {
        let r = Requester()
        r.error = PumpError.http(status: 400, serverMessage: "Already\u{1b}[2J liked")
        let msg = await worker(r).perform(.followAccount("bob@pump.example"))
        guard case .followedAccount(_, .failure(let f)) = msg else { Issue.record("\(msg)"); return }
        #expect(!f.tokenRejected)
        #expect(f.message.contains("liked"))
        #expect(!f.message.unicodeScalars.contains { $0.value == 0x1b })
    }

    @Test func aReplyIsACommentInReplyTo() async {
        let r = Requester()
        let note = ClientFixtures.inbox.items[0].object!
        let req = ComposeRequest(mode: .reply(to: note), text: "hi <there>", title: nil, audience: .public, imagePath: nil)
        guard case .compose(.sent(_, .success, _)) = await worker(r).perform(.compose(.send(req))) else { Issue.record("no reply"); return }
        let object = r.posted.first?["object"] as? [String: Any]
        #expect(object?["objectType"] as? String == "comment")
        #expect(object?["content"] as? String == "hi &lt;there&gt;")
        #expect((object?["inReplyTo"] as? [String: Any])?["id"] as? String == note.id)
    }
}
