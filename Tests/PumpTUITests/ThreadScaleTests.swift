import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 23, High 3: a thread whose replies each claim more replies, from a server that answers
/// every replies fetch with thousands of them. The fetches, the posts kept and the entries
/// listed stay within ThreadBudget; the conversation is flattened once per change, not per read.
@Suite struct ThreadScaleTests {
    static let root = "https://pump.example/api/note/root"

    /// Any replies URL: `size` new replies, each claiming 5 of its own. Counts the requests.
    final class HostileReplies: APIRequester, @unchecked Sendable {
        let lock = NSLock()
        let size: Int
        var requests = 0
        var urls: [String] = []
        var serial = 0
        init(size: Int) { self.size = size }

        func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse {
            let json: String = lock.withLock {
                requests += 1; urls.append(url.absoluteString)
                guard url.path.hasSuffix("/replies") else {
                    return #"{"objectType":"note","id":"\#(ThreadScaleTests.root)","content":"root","replies":{"totalItems":5}}"#
                }
                let items = (0..<size).map { _ -> String in
                    serial += 1
                    let id = "https://pump.example/api/comment/h\(serial)"
                    return #"{"objectType":"comment","id":"\#(id)","content":"reply \#(serial)","replies":{"url":"\#(id)/replies","totalItems":5}}"#
                }
                return #"{"totalItems":\#(size),"items":[\#(items.joined(separator: ","))]}"#
            }
            return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data(json.utf8))
        }
    }

    @Test func theWorkerStopsAtTheBudget() async {
        let r = HostileReplies(size: 3000)
        let worker = ClientWorker(api: PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!))
        let root = PumpObject(id: Self.root, objectType: "note", content: "root")
        guard case .page(.thread(_, _, .success(let page))) = await worker.perform(.page(.thread(root, offset: 0))) else {
            Issue.record("no thread page"); return
        }
        let kept = page.replies.objects.count + page.nested.values.reduce(0) { $0 + $1.count }
        #expect(kept + 1 <= ThreadBudget.maxEntries)
        // The root, its page, and at most one nested fetch: the first that filled the budget.
        #expect(r.requests <= 3, "\(r.urls)")
        // A modest page leaves room for the nested fetches, which stop at the budget too.
        let modest = HostileReplies(size: 40)
        let w2 = ClientWorker(api: PumpAPI(requester: modest, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!))
        guard case .page(.thread(_, _, .success(let p2))) = await w2.perform(.page(.thread(root, offset: 0))) else {
            Issue.record("no thread page"); return
        }
        let kept2 = p2.replies.objects.count + p2.nested.values.reduce(0) { $0 + $1.count }
        #expect(kept2 + 1 == ThreadBudget.maxEntries)
        #expect(modest.requests <= 2 + 30)
    }

    func post(_ id: String, replies: Int = 0) -> PumpObject {
        var o = PumpObject(id: id, objectType: "comment", content: id)
        if replies > 0 { o.replies = CollectionSummary(totalItems: replies) }
        return o
    }

    @Test func thePaneListsAtMostTheBudgetAndOffersNoMore() {
        var t = Conversation(root: PumpObject(id: "root", objectType: "note", content: "root"))
        // 744 000 posts, as the red team saw: 24 000 replies, each with 30 of its own.
        t.replies = (0..<24_000).map { post("r\($0)", replies: 30) }
        t.total = 24_000
        var nested: [String: [PumpObject]] = [:]
        for i in 0..<24_000 { nested["r\(i)"] = (0..<30).map { post("r\(i)-\($0)") } }
        t.nested = nested
        #expect(t.entries.count == ThreadBudget.maxEntries)
        #expect(t.items.count == ThreadBudget.maxEntries)
        var page = Page(.thread(t)); page.loading = false
        #expect(t.isCut && !page.hasMore)
        #expect(t.entries[1].object.id == "r0" && t.entries[2].object.id == "r0-0" && t.entries[2].depth == 2)
        #expect(t.indents[2] == 2 && t.indents[1] == nil)
    }

    @Test func bytesAreCappedToo() {
        var t = Conversation(root: PumpObject(id: "root", objectType: "note", content: "root"))
        let big = String(repeating: "x", count: 100_000)
        t.replies = (0..<200).map { PumpObject(id: "r\($0)", objectType: "comment", content: big) }
        #expect(t.isCut)
        #expect(t.entries.dropFirst().reduce(0) { $0 + ThreadBudget.cost($1.object) } <= ThreadBudget.maxBytes)
        #expect(t.entries.count < 50)
    }

    /// A reply chain far deeper than the stack would allow a recursive walk.
    @Test func aDeepChainIsWalkedWithoutRecursion() {
        var t = Conversation(root: PumpObject(id: "root", objectType: "note", content: "root"))
        var nested: [String: [PumpObject]] = [:]
        for i in 0..<100_000 { nested["c\(i)"] = [post("c\(i + 1)", replies: 1)] }
        t.nested = nested
        t.replies = [post("c0", replies: 1)]
        #expect(t.entries.count == ThreadBudget.maxEntries)
        #expect(t.entries.last?.depth == ThreadBudget.maxEntries - 1)
        #expect(t.indents.values.max() == 2 * (Conversation.maxIndent - 1))
    }

    /// The screen reads the thread many times per frame: those reads are of stored values.
    @Test func readsDoNotRecomputeTheConversation() {
        var t = Conversation(root: PumpObject(id: "root", objectType: "note", content: "root"))
        t.replies = (0..<900).map { post("r\($0)") }
        var s = ClientFixtures.screen()
        s.pages.stack = [Page(.thread(t))]
        let clock = ContinuousClock()
        let took = clock.measure {
            for _ in 0..<2000 { _ = s.items.count; _ = s.indentation.count }
        }
        // Walking and sorting 900 posts 4000 times took seconds; stored arrays take microseconds.
        #expect(took < .milliseconds(500), "\(took)")
        #expect(s.items.count == 901)
    }
}
