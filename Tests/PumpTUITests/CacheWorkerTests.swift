import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The worker and the offline cache (issue 13): what is loaded is stored, the next start reads
/// it back, read markers and search go through the same file, and a server that cannot be
/// reached is reported as offline.
@Suite struct CacheWorkerTests {
    typealias R = ClientWorkerTests.Requester

    func withWorker(_ body: (R, () throws -> ClientWorker) async throws -> Void) async rethrows {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cache-worker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = R()
        let api = PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!)
        try await body(r) { ClientWorker(api: api, cache: try CacheStore(directory: dir, account: ClientFixtures.alice)) }
    }

    @Test func loadedPagesAreCachedAndReadBackAtTheNextStart() async throws {
        try await withWorker { r, make in
            r.routes["https://pump.example/api/user/alice/inbox/major?count=20"] = ClientFixtures.inboxJSON
            let first = try make()
            guard case .feed(_, _, .success(let page)) = await first.perform(.feed(.inboxMajor, .first, nil)) else {
                Issue.record("no feed"); return
            }
            #expect(page.itemJSON.isEmpty)              // the screen keeps only the models
            _ = await first.perform(.saveReadMarker(.inboxMajor, ReadMarker(itemID: "a2", published: nil)))
            // A new run (a new worker on the same file), the server gone.
            r.error = PumpError.connectionRefused(host: "pump.example")
            let again = try make()
            guard case .cached(let first) = await again.perform(.cached(.inboxMajor)) else { Issue.record("no snapshot"); return }
            #expect(!first.complete && Set(first.timelines.keys) == [.inboxMajor] && first.markers[.inboxMajor]?.itemID == "a2")
            // The rest after the first tab: that one is not read again.
            guard case .cached(let rest) = await again.perform(.cachedRest(have: .inboxMajor)) else {
                Issue.record("no rest"); return
            }
            #expect(rest.complete && rest.timelines[.inboxMajor] == nil)
            guard case .cached(let snapshot) = await again.perform(.cached(nil)) else { Issue.record("no snapshot"); return }
            #expect(snapshot.complete)
            #expect(snapshot.timelines[.inboxMajor]?.items.map(\.id) == ["a1", "a6", "a2", "a3", "a4", "a5"])
            #expect(snapshot.timelines[.inboxMajor]?.prevURL?.absoluteString == "https://pump.example/api/user/alice/inbox/major?since=a1")
            #expect(snapshot.markers[.inboxMajor]?.itemID == "a2")
            guard case .page(.searched(_, .success(let found))) = await again.perform(.page(.search("world"))) else { Issue.record("no search"); return }
            #expect(found.map(\.id) == ["a1"])
            guard case .feed(_, _, .failure(let f)) = await again.perform(.feed(.inboxMajor, .newer, snapshot.timelines[.inboxMajor])) else {
                Issue.record("no failure"); return
            }
            #expect(f.offline)
        }
    }

    /// A page of `n` posts, newest first (ids p0, p1, …), with a next link.
    static func bigPage(_ n: Int) -> String {
        let items = (0..<n).map { i in
            let minute = String(format: "%02d", 59 - i % 60), hour = String(format: "%02d", 23 - i / 60)
            return """
            {"id":"p\(i)","verb":"post","published":"2026-03-10T\(hour):\(minute):00Z","actor":\(ClientFixtures.person("bob", "Bob B.")),
             "object":{"objectType":"note","id":"https://pump.example/api/note/\(i)","content":"note \(i)"}}
            """
        }
        return """
        {"totalItems":\(n),"links":{"next":{"href":"https://pump.example/api/user/alice/inbox/major?before=p\(n - 1)"}},
         "items":[\(items.joined(separator: ","))]}
        """
    }

    /// The first read brings a screenful of the first tab; the rest brings its older items, which
    /// the screen appends: 100 items in the end, in order, the older page after the last one.
    @Test func theFirstTabComesAsAScreenfulThenTheRest() async throws {
        try await withWorker { r, make in
            r.routes["https://pump.example/api/user/alice/inbox/major?count=20"] = Self.bigPage(100)
            _ = await (try make()).perform(.feed(.inboxMajor, .first, nil))
            r.error = PumpError.connectionRefused(host: "pump.example")
            let again = try make()
            guard case .cached(let first) = await again.perform(.cached(.inboxMajor)) else { Issue.record("no snapshot"); return }
            let firstIDs = first.timelines[.inboxMajor]?.items.map(\.id) ?? []
            #expect(firstIDs == (0..<ClientJob.firstCachedCount).map { "p\($0)" })
            guard case .cached(let rest) = await again.perform(.cachedRest(have: .inboxMajor)) else {
                Issue.record("no rest"); return
            }
            #expect(rest.restOf == .inboxMajor)
            #expect(rest.timelines[.inboxMajor]?.items.first?.id == "p\(ClientJob.firstCachedCount)")

            var screen = ClientFixtures.screen(feed: Feed())
            screen.timelines[.inboxMajor] = nil
            screen.store = TimelineStore(me: screen.store.me)
            _ = screen.update(.message(.cached(first)))
            #expect(screen.timelineItems(.inboxMajor).count == ClientJob.firstCachedCount)
            #expect(ClientFixtures.text(screen).contains { $0.contains("Inbox: 40+ cached items · updating…") })
            _ = screen.update(.message(.cached(rest)))
            #expect(screen.timelineItems(.inboxMajor).map(\.id) == (0..<100).map { "p\($0)" })
            #expect(screen.feed(.inboxMajor)?.nextURL?.absoluteString
                    == "https://pump.example/api/user/alice/inbox/major?before=p99")

            // G typed ahead reached the bottom of the screenful: it stays at the bottom, of all 100.
            var typedAhead = ClientFixtures.screen(feed: Feed())
            typedAhead.timelines[.inboxMajor] = nil
            typedAhead.store = TimelineStore(me: typedAhead.store.me)
            _ = typedAhead.update(.message(.cached(first)))
            _ = typedAhead.update(.input(.key(.char("G"))))
            #expect(typedAhead.timelines[.inboxMajor]?.list.selected == ClientJob.firstCachedCount - 1)
            _ = typedAhead.update(.message(.cached(rest)))
            #expect(typedAhead.timelines[.inboxMajor]?.list.selected == 99)
        }
    }

    /// A cached start's first rows come from the cache alone: the stored account is decoded with
    /// the next job, after them. Here that file is corrupt, so the rows show, then the client
    /// reports it (before, the first read failed with it and no row was read).
    @Test func theFirstCachedRowsNeedNoStoredAccount() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("cache-first-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: config) }
        try FileManager.default.createDirectory(at: config.appendingPathComponent("accounts"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(config.path, 0o700)
        let file = config.appendingPathComponent("accounts/\(ClientFixtures.alice.description).json")
        FileManager.default.createFile(atPath: file.path, contents: Data("{not json".utf8), attributes: [.posixPermissions: 0o600])
        try await withWorker { r, make in
            r.routes["https://pump.example/api/user/alice/inbox/major?count=20"] = Self.bigPage(50)
            let filled = try make()
            _ = await filled.perform(.feed(.inboxMajor, .first, nil))
            let performer = AppPerformer(store: CredentialStore(directory: config), allowHTTP: false,
                                         cacheDirectory: filled.cache?.file.deletingLastPathComponent())
            let first = await performer.perform(.client(ClientFixtures.alice, .cached(.inboxMajor)), report: .ignored)
            guard case .client(.cached(let snapshot)) = first else { Issue.record("\(first)"); return }
            #expect(snapshot.timelines[.inboxMajor]?.items.count == ClientJob.firstCachedCount)
            let next = await performer.perform(.client(ClientFixtures.alice, .cachedRest(have: .inboxMajor)), report: .ignored)
            guard case .clientUnavailable(let why) = next else { Issue.record("\(next)"); return }
            #expect(why.contains("corrupt"))
        }
    }
}

