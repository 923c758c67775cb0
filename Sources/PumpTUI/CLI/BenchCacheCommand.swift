import ArgumentParser
import Foundation
import PumpCore

/// `pumptui bench-cache --pages DIR --dir CACHE --account A` (hidden; issue 13): stores saved
/// feed pages (as `bench-feed` reads them) in the offline cache of account A under CACHE, as
/// the client stores what it loads, then times full-text searches and reading the first
/// timeline page back, and reports the file's size. Prints one JSON object. The filled cache
/// is left for the cached start-up measurement (`pumptui A --config-dir …` over it).
struct BenchCacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-cache",
        abstract: "Benchmark: fill the offline cache from saved pages; time searches (scripts/bench.sh).",
        shouldDisplay: false)

    @Option(name: .long, help: "Directory of page-NNNN.json files (newest page first).")
    var pages: String

    @Option(name: .long, help: "The cache directory (the account's file goes there).")
    var dir: String

    @Option(name: .long, help: "The account whose cache it is (NICK@HOST[:PORT]).")
    var account: String

    @Option(name: .long, help: "Newest items kept per timeline.")
    var limit = 10_000

    @Option(name: .long, help: "Runs of each query (the median is reported).")
    var runs = 21

    @Option(name: .long, parsing: .upToNextOption, help: "Queries to time.")
    var query: [String] = ["benchmark", "post number 4242", "carol", "zzzz-nothing", "\"quoted NEAR *"]

    func run() throws {
        let id = try AccountID(parsing: account)
        let store = try CacheStore(directory: URL(fileURLWithPath: dir), account: id, limit: limit)
        var fillSeconds = 0.0
        var merged: Feed?
        for file in try BenchFeed.pageFiles(in: URL(fileURLWithPath: pages)).reversed() {   // oldest page first
            let data = try Data(contentsOf: file)
            guard let page = Feed.decodeForCache(data) else { continue }
            let next = merged.map { $0.prepending(page) } ?? page
            fillSeconds += try Self.time { try store.save(page, merged: next, in: FeedKind.inboxMajor.rawValue) }
            merged = next
        }
        let count = try store.count(FeedKind.inboxMajor.rawValue)
        var searchMs: [String: Double] = [:], hits: [String: Int] = [:]
        for q in query {
            var times: [Double] = []
            for _ in 0..<max(1, runs) { times.append(try Self.time { hits[q] = try store.search(q).count } * 1000) }
            searchMs[q] = BenchFeed.median(times)
        }
        var readTimes: [Double] = []
        for _ in 0..<max(1, runs) { readTimes.append(try Self.time { _ = try store.timeline(FeedKind.inboxMajor.rawValue) } * 1000) }
        let bytes = ["", "-journal", "-wal"].reduce(0) { sum, suffix in
            sum + (((try? FileManager.default.attributesOfItem(atPath: store.file.path + suffix))?[.size] as? Int) ?? 0)
        }
        let result: [String: Any] = [
            "items": count, "fill_s": fillSeconds, "file_bytes": bytes, "search_ms": searchMs, "search_hits": hits,
            "read_first_200_ms": BenchFeed.median(readTimes),
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
