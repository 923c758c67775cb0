import Foundation
import Testing
import PumpCore

/// Issue 23, High 2: link scanning at the sizes a hostile post brings. The old passes were
/// quadratic (a URL followed by 100 000 `)` took 16 s, 150 000 anchors 36 s, in release); these
/// inputs finish in milliseconds when linear and in minutes when not, and every result stays
/// within TextBudget whatever the input's size.
@Suite struct LinkScaleTests {
    static let closers = 100_000

    @Test func urlFollowedByAHundredThousandClosingParentheses() {
        let text = "see https://x.example/a" + String(repeating: ")", count: Self.closers)
        let s = Array(text.unicodeScalars)
        let found = PlainURLs.find(in: s)
        #expect(found == [4..<23])                                   // the parentheses close nothing in it
        let r = HTMLText.render(text)
        #expect(r.links == ["https://x.example/a"])
        #expect(r.text.hasPrefix("see https://x.example/a[1])))"))
        #expect(r.text.utf8.count <= TextBudget.maxTextBytes + 4 + 6 * TextBudget.maxLinks)
        #expect(r.text.hasSuffix("…"))
    }

    @Test func balancedParenthesesStillBelongToTheURL() {
        let text = "https://x.example/" + String(repeating: "(", count: 50_000) + String(repeating: ")", count: 50_001)
        let found = PlainURLs.find(in: Array(text.unicodeScalars))
        #expect(found == [0..<(18 + 100_000)])                          // the last `)` closes nothing
    }

    @Test func fortyThousandPlainURLsNumberAtMostTheCap() {
        let text = (0..<40_000).map { "https://x.example/\($0)" }.joined(separator: " ")
        let r = HTMLText.render(text)
        #expect(r.links.count == TextBudget.maxLinks)
        #expect(r.links.first == "https://x.example/0" && r.links.last == "https://x.example/\(TextBudget.maxLinks - 1)")
        #expect(r.text.contains("https://x.example/0[1] ") && !r.text.contains("[\(TextBudget.maxLinks + 1)]"))
        #expect(r.text.utf8.count <= TextBudget.maxTextBytes + 4 + 6 * TextBudget.maxLinks)
        let marked = PlainURLs.markPlainLinks(text, links: [])
        #expect(marked.links.count == TextBudget.maxLinks)
    }

    /// The same URL 200 000 times: one link, and the text rebuilt once, not once per URL (the
    /// links fuzzer found each URL appended by copying all the text before it).
    @Test func oneURLRepeatedIsMarkedInOnePass() {
        let text = String(repeating: "https://x.example/ ", count: 200_000)
        let clock = ContinuousClock()
        var marked: (text: String, links: [String]) = ("", [])
        let took = clock.measure { marked = PlainURLs.markPlainLinks(text, links: []) }
        #expect(marked.links == ["https://x.example/"])
        #expect(marked.text.utf8.count == text.utf8.count + 3)
        #expect(took < .seconds(6), "\(took)")   // ~1.7 s in a debug build; the old pass took 11 s optimised
    }

    @Test func aHundredAndFiftyThousandAnchors() {
        let html = (0..<150_000).map { "<a href=\"https://x.example/\($0)\">l\($0)</a>" }.joined(separator: " ")
        let r = HTMLText.render(html)
        #expect(r.links.count == TextBudget.maxLinks)
        #expect(Set(r.links).count == r.links.count)
        #expect(r.text.hasPrefix("l0[1] l1[2] "))
        #expect(r.text.hasSuffix("…"))
        // The same link again and again is one link, numbered once.
        let same = HTMLText.render(String(repeating: "<a href=\"https://x.example/\">x</a>", count: 100_000))
        #expect(same.links == ["https://x.example/"] && same.text.hasPrefix("x[1]x[1]x[1]"))
    }

    @Test func deepNestingIsDrawnOnlySoDeep() {
        let quotes = String(repeating: "<blockquote>q<br>", count: 20_000)
        let q = HTMLText.render(quotes).text
        let lines = q.split(separator: "\n")
        #expect(lines.count > 100)
        #expect(lines.allSatisfy { $0.utf8.count <= 2 * 8 + 1 }, "\(lines.max { $0.count < $1.count } ?? "")")
        let lists = HTMLText.render(String(repeating: "<ul><li>i", count: 20_000)).text
        #expect(lists.split(separator: "\n").allSatisfy { $0.utf8.count <= 2 * 7 + 6 })
    }

    @Test func longTextIsCutWithAnEllipsis() {
        let words = String(repeating: "word ", count: 400_000)              // 2 MB
        let r = HTMLText.render("<p>" + words + "</p>")
        #expect(r.text.utf8.count <= TextBudget.maxTextBytes + 4)
        #expect(r.text.hasSuffix("word …"))
        let plain = HTMLText.render(String(repeating: "x", count: 300_000))  // one word, cut anyway
        #expect(plain.text.hasSuffix("…") && plain.text.utf8.count <= TextBudget.maxTextBytes + 4)
    }

    /// The sanitizer is one pass too: escapes, controls and long words by the megabyte.
    @Test func terminalTextCleansMegabytesInOnePass() {
        let escapes = String(repeating: "\u{1b}[31mx\u{1b}]0;t\u{07}\u{202e}", count: 100_000)
        let cleaned = TerminalText.clean(escapes, .text)
        #expect(cleaned == String(repeating: "x", count: 100_000).prefix(TerminalText.maxWordLength - 1) + "…")
        let words = String(repeating: String(repeating: "w", count: 300) + " ", count: 5_000)
        let cut = TerminalText.clean(words, .text)
        #expect(cut.split(separator: " ").count == 5_000 && cut.split(separator: " ").allSatisfy { $0.count == TerminalText.maxWordLength })
        #expect(TerminalText.clean(String(repeating: "ab ", count: 500_000), .line, maxLength: 80).count == 80)
    }

    @Test func cutKeepsCharactersWholeAndPrefersABreak() {
        #expect(TextBudget.cut("short") == "short")
        #expect(TextBudget.cut("ab cd ef", maxBytes: 6) == "ab cd …")
        #expect(TextBudget.cut("éééé", maxBytes: 5) == "éé…")                     // 2 bytes each, never half of one
        #expect(TextBudget.cut("👨‍👩‍👧x", maxBytes: 4) == "…")                   // the family is 18 bytes: all or nothing
        let long = "a " + String(repeating: "b", count: 5000)
        #expect(TextBudget.cut(long, maxBytes: 4000) == "a " + String(repeating: "b", count: 3998) + "…")
    }
}
