import Foundation
import Testing
@testable import PumpCore

/// Cheap in-process fuzzing: mutated fixtures and random markup must never trap, and whatever
/// comes out must be terminal-safe.
@Suite struct ContentRobustnessTests {
    @Test func mutatedFeedsNeverTrap() throws {
        let original = [UInt8](try Fixture.data("inbox_major"))
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("{}[]\",:\\u0 truefalsenull\u{1B}".utf8) + [0xFF, 0xC3, 0x80]
        for _ in 0..<300 {
            var b = original
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let i = Int.random(in: 0..<b.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: b[i] = alphabet.randomElement(using: &rng)!
                case 1: b.remove(at: i)
                default: b.insert(alphabet.randomElement(using: &rng)!, at: i)
                }
            }
            if let f = Feed.decode(Data(b)) {
                for item in f.items {
                    let text = item.object?.renderedContent.text ?? ""
                    #expect(isTerminalSafe(text, allowNewline: true))
                    #expect(isTerminalSafe(item.activity?.summaryLine ?? "", allowNewline: false))
                    #expect(isTerminalSafe(item.activity?.actor?.label ?? "", allowNewline: false))
                }
            }
        }
    }

    @Test func randomMarkupNeverTrapsAndIsSafe() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["<p>", "</p>", "<br>", "<li>", "<ul>", "</ul>", "<ol>", "<blockquote>", "</blockquote>",
                      "<a href=\"https://x.example/\">", "</a>", "<a href='", "\"", "'", ">", "<", "&", "&amp;", "&#",
                      "&#x1b;", "&#27;", "<!--", "-->", "<script>", "</script>", "<pre>", "</pre>", " ", "\n", "text",
                      "\u{1B}[2J", "\u{9B}", "\u{202E}", "<img src=x alt=\"a>b\">", "<style>", "</style"]
        for _ in 0..<500 {
            var html = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { html += pieces.randomElement(using: &rng)! }
            let r = HTMLText.render(html)
            #expect(isTerminalSafe(r.text, allowNewline: true))
            #expect(r.links.allSatisfy { isTerminalSafe($0, allowNewline: false) })
            #expect(isTerminalSafe(HTMLText.line(html), allowNewline: false))
        }
    }
}
