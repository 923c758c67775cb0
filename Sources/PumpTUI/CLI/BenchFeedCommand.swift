import ArgumentParser
import Foundation
import PumpCore

/// `pumptui bench-feed --pages DIR` (hidden; issue 7): decodes saved feed pages one after another,
/// as the client meets them while scrolling, lays out every item the way a timeline row is laid
/// out (ItemLayout), then times one frame at the top, middle and end of the list. Prints one JSON object.
/// Reading the files is excluded from the decode time, as fetching would be.
struct BenchFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-feed",
        abstract: "Benchmark: decode + lay out saved feed pages; time frames (scripts/bench.sh).",
        shouldDisplay: false)

    @Option(name: .long, help: "Directory of page-NNNN.json files (newest page first).")
    var pages: String

    @Option(name: .long, help: "Columns to lay out for.")
    var cols = 80

    @Option(name: .long, help: "Rows of the frame.")
    var rows = 24

    @Option(name: .long, help: "Frames rendered per position (the median is reported).")
    var frames = 301

    @Flag(name: .long, help: "Diagnosis: keep only the laid-out rows, not the decoded models.")
    var dropModels = false

    @Flag(name: .long, help: "Diagnosis: decode only, no layout.")
    var noLayout = false

    @Option(name: .customLong("diagnose-urls"), help: "Diagnosis: hold N parsed Foundation URLs and report the memory they take.")
    var diagnoseURLs: Int?

    func run() throws {
        if let n = diagnoseURLs { return BenchFeed.diagnoseURLs(n) }
        let files = try BenchFeed.pageFiles(in: URL(fileURLWithPath: pages))
        let baselineKB = BenchFeed.maxRSSKilobytes()
        var timeline = BenchTimeline(cols: cols, keepModels: !dropModels, layOut: !noLayout)
        var decodeSeconds = 0.0, decodeCPU = 0.0
        for file in files {
            let data = try Data(contentsOf: file)
            let cpuStart = BenchFeed.cpuSeconds()
            decodeSeconds += BenchFeed.seconds { timeline.append(page: data) }
            decodeCPU += BenchFeed.cpuSeconds() - cpuStart
        }
        let peakKB = BenchFeed.maxRSSKilobytes()
        let size = Size(rows: rows, cols: cols)
        let count = timeline.items.count
        var frameMs: [String: Double] = [:]
        for (name, index) in [("top", 0), ("middle", count / 2), ("end", max(0, count - 1))] {
            frameMs[name] = timeline.medianFrameSeconds(selected: index, size: size, frames: frames) * 1000
        }
        let result: [String: Any] = [
            "pages": files.count, "items": count, "rows_laid_out": timeline.totalRows,
            "decode_layout_s": decodeSeconds, "decode_layout_cpu_s": decodeCPU, "maxrss_baseline_mb": Double(baselineKB) / 1024,
            "maxrss_peak_mb": Double(peakKB) / 1024, "frame_ms": frameMs,
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        FileHandle.standardOutput.write(json + Data("\n".utf8))
    }
}

/// The timeline as the client holds it: the decoded items plus each item's laid-out rows. The
/// client lays out lazily (only items near the view); here every item is laid out as it arrives,
/// an upper bound on that cost.
struct BenchTimeline {
    let cols: Int
    var keepModels = true, layOut = true
    var models: [FeedItem] = []
    var items: [[ItemLine]] = []
    var published: [Date?] = []
    var totalRows = 0
    let now = Date()

    init(cols: Int, keepModels: Bool = true, layOut: Bool = true) {
        self.cols = cols; self.keepModels = keepModels; self.layOut = layOut
    }

    mutating func append(page data: Data) {
        guard let feed = Feed.decode(data) else { return }
        for item in feed.items {
            let lines = layOut ? ItemLayout.lines(for: item, width: cols) : []
            totalRows += lines.count
            if keepModels { models.append(item) }
            items.append(lines)
            published.append(item.published)
        }
    }

    /// One frame the way the timeline draws it: scroll so `selected` is visible, then
    /// ListView.render with ItemLayout.draw into a fresh CellBuffer.
    func medianFrameSeconds(selected: Int, size: Size, frames: Int) -> Double {
        let count = items.count
        let measure: (Int) -> Int = { max(1, items[$0].count) }
        var state = ListState(selected: selected)
        state.ensureVisible(rows: size.rows, count: count, measure: measure)
        var samples: [Double] = []
        for _ in 0..<max(1, frames) {
            samples.append(BenchFeed.seconds {
                var buffer = CellBuffer(size: size)
                ListView.render(into: &buffer, area: Rect(row: 0, col: 0, rows: size.rows, cols: size.cols),
                                state: state, count: count, measure: measure) { i, buf, rect, _ in
                    let time = published[i].map { RelativeTime.describe($0, now: now) }
                    ItemLayout.draw(items[i], time: time, into: &buf, rect: rect)
                }
                blackHole(buffer)
            })
        }
        return BenchFeed.median(samples)
    }
}

enum BenchFeed {
    /// The middle sample (the upper one of two): what every bench row reports.
    static func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

    static func pageFiles(in dir: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("page-") && $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// How much one parsed URL weighs: the models keep ~15 per activity.
    static func diagnoseURLs(_ n: Int) {
        let start = maxRSSKilobytes()
        let strings = (0..<n).map { "http://127.0.0.1:40000/api/note/\($0)abcdefghijklmnopqrstuv/likes" }
        let afterStrings = maxRSSKilobytes()
        let urls = strings.compactMap { URL(string: $0) }
        let afterURLs = maxRSSKilobytes()
        blackHole(urls); blackHole(strings)
        func per(_ kb: Int) -> Int { kb * 1024 / max(1, n) }
        print("\(n) strings: \(per(afterStrings - start)) bytes each; URLs made from them: \(per(afterURLs - afterStrings)) bytes each")
    }

    /// CPU time of this process: robust against other load on a shared machine.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size so far (Linux reports ru_maxrss in kilobytes).
    static func maxRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}

/// Keeps the optimizer from discarding a frame nobody reads.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
