import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 23: what one hostile item costs the screen. Whatever its size, a note lays out into a
/// bounded number of rows (TextBudget's text and links), every row within the width.
@Suite struct ItemLayoutScaleTests {
    func note(_ html: String) -> FeedItem {
        .object(PumpObject(id: "https://pump.example/api/note/big", objectType: "note", content: html))
    }

    /// A row holds at least one byte of the text, or is one of at most two blank rows between
    /// paragraphs: the text's rows are bounded by its bytes (with the markers numbered after the
    /// cut), then the numbered links, the header, counts and blank row.
    static let maxRows = TextBudget.maxTextBytes + 6 * TextBudget.maxLinks + TextBudget.maxLinks + 8

    @Test(arguments: [
        "https://x.example/a" + String(repeating: ")", count: 100_000),
        (0..<40_000).map { "https://x.example/\($0)" }.joined(separator: " "),
        (0..<150_000).map { "<a href=\"https://x.example/\($0)\">l</a>" }.joined(),
        String(repeating: "<blockquote>q<br>", count: 20_000),
        String(repeating: "<ul><li>i", count: 20_000),
        String(repeating: "word ", count: 800_000),
        String(repeating: "e\u{301}", count: 200_000),                 // 200 000 accented letters: one word
        "e" + String(repeating: "\u{301}", count: 100_000),            // one character of 200 KB
        String(repeating: "e" + String(repeating: "\u{301}", count: 5_000) + " ", count: 40),
    ])
    func hostileNoteLaysOutBounded(_ html: String) {
        for width in [10, 80, 200] {
            let clock = ContinuousClock()
            var lines: [ItemLine] = []
            let took = clock.measure { lines = ItemLayout.lines(for: note(html), width: width) }
            // Milliseconds in release; a generous bound for a debug build that still fails any
            // quadratic pass (those took 6-36 s in release).
            #expect(took < .seconds(3), "width \(width): \(took)")
            #expect(lines.count <= Self.maxRows, "width \(width): \(lines.count) rows")
            #expect(lines.filter { $0.role == .text }.allSatisfy { TextWidth.width($0.text) <= width - 2 }, "a row wider than \(width)")
            #expect(lines.filter { $0.role == .link }.count <= TextBudget.maxLinks)
        }
    }

    /// The whole screen, drawn into cells, with such a note selected: one frame, not seconds.
    @Test func aScreenOfHostileNotesDrawsInAFrame() {
        let htmls = ["https://x.example/a" + String(repeating: ")", count: 100_000),
                     (0..<150_000).map { "<a href=\"https://x.example/\($0)\">l</a>" }.joined(),
                     "e" + String(repeating: "\u{301}", count: 5_000) + " x"]
        guard case .activity(let template) = ClientFixtures.inbox.items[0] else { Issue.record("fixture"); return }
        let items = htmls.enumerated().map { i, html -> FeedItem in
            var a = template
            a.id = "hostile\(i)"; a.object?.id = "o\(i)"; a.object?.content = html
            return .activity(a)
        }
        var s = ClientFixtures.screen(feed: Feed(items: items))
        let clock = ContinuousClock()
        var rows: [String] = []
        let took = clock.measure {
            rows = ClientFixtures.text(s)
            _ = s.update(.input(.key(.char("j"))))
            rows = ClientFixtures.text(s)
        }
        #expect(took < .seconds(3), "\(took)")
        #expect(rows.joined().contains("https://x.example/a"))
    }

    /// The layout cache's key is made several times per frame: it reads a bounded part of the
    /// text, as bytes (hashing the String normalised all 7.5 MB, 185 ms optimised, each time).
    @Test func theCacheKeyReadsABoundedPartOfTheText() {
        let big = String(repeating: "e\u{301}x ", count: 1_500_000)
        let item = note(big)
        let clock = ContinuousClock()
        var key = ""
        let took = clock.measure { for _ in 0..<20 { key = ItemLayoutCache.key(item, 80) } }
        #expect(took < .seconds(2), "\(took)")
        #expect(key == ItemLayoutCache.key(note(big), 80))
        #expect(key != ItemLayoutCache.key(note("x" + big.dropFirst()), 80))       // an edit at the start
        #expect(key != ItemLayoutCache.key(note(big + "y"), 80))                    // or one that changes the length
    }

    @Test func wrapIsLinearInAWideRange() {
        // One 32 KiB URL-like word and 32 KiB of one-letter words: rows, not seconds.
        let url = "https://x.example/" + String(repeating: "a", count: 32 * 1024)
        #expect(TextLayout.wrap(url, width: 80).count == (url.count + 79) / 80)
        let words = String(repeating: "a ", count: 16 * 1024)
        #expect(TextLayout.wrap(words, width: 80).count == (16 * 1024 + 39) / 40)
    }
}
