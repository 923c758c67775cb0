import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 25's dead ends: a server that forgot the client (a reset database) sends the user to
/// log in again, and paging anchors it no longer knows start the timeline over.
@Suite struct DeadLoginTests {
    typealias Requester = ClientWorkerTests.Requester

    func worker(_ r: Requester) -> ClientWorker {
        ClientWorker(api: PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!))
    }

    /// "Invalid Consumer Key" from a timeline: the login screen for this account, as for a
    /// refused token (before: the message only, and `A` reopened the same broken client).
    @Test func aForgottenClientOffersTheLogin() async {
        let r = Requester()
        r.error = PumpError.invalidConsumerKey
        let msg = await worker(r).perform(.feed(.inboxMajor, .newer, ClientFixtures.inbox))
        guard case .feed(_, _, .failure(let f)) = msg else { Issue.record("\(msg)"); return }
        #expect(f.tokenRejected)
        var s = ClientFixtures.screen()
        _ = s.update(.message(msg))
        #expect(s.handoff == .relogin(ClientFixtures.alice, reason: f.message))
    }

    /// A refresh from an item the server does not have (pump.io: 400 "id 'a1' not found in
    /// stream …") loads the first page instead, and the timeline is replaced by it (before:
    /// every refresh failed until the cache file was deleted by hand).
    @Test func anUnknownAnchorStartsTheTimelineOver() async {
        let r = Requester()
        r.statuses["https://pump.example/api/user/alice/inbox/major?since=a1&count=20"] =
            (400, #"{"error":"id 'a1' not found in stream 'user:alice:inbox:major'"}"#)
        r.routes["https://pump.example/api/user/alice/inbox/major?count=20"] = #"{"items":[{"id":"z1","verb":"post","object":{"id":"n9","content":"fresh"}}]}"#
        let msg = await worker(r).perform(.feed(.inboxMajor, .newer, ClientFixtures.inbox))
        guard case .feed(.inboxMajor, .first, .success(let page)) = msg else { Issue.record("\(msg)"); return }
        #expect(page.items.map(\.id) == ["z1"])
        var s = ClientFixtures.screen()
        _ = s.update(.message(msg))
        #expect(s.timelineItems(.inboxMajor).map(\.id) == ["z1"])
    }
}
