import Foundation
import Testing
@testable import PumpCore

struct Payload: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var payload: String
    var expect: String?
    var testDescription: String { name }
}

func loadPayloads() -> [Payload] {
    guard let data = try? Fixture.data("payloads") else { return [] }
    return (try? JSONDecoder().decode([Payload].self, from: data)) ?? []
}

/// True when `s` has nothing a terminal would interpret: no C0 except (optionally) \n, no DEL,
/// no C1, no bidi embedding/override/isolate controls.
func isTerminalSafe(_ s: String, allowNewline: Bool) -> Bool {
    for u in s.unicodeScalars {
        switch u.value {
        case 0x0A: if !allowNewline { return false }
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return false
        default: continue
        }
    }
    return true
}

@Suite struct TerminalTextTests {
    @Test func corpusIsLoaded() {
        #expect(loadPayloads().count >= 25)
    }

    @Test(arguments: loadPayloads())
    func noPayloadSurvives(_ p: Payload) {
        let one = TerminalText.clean(p.payload, .line)
        let multi = TerminalText.clean(p.payload, .text)
        #expect(isTerminalSafe(one, allowNewline: false))
        #expect(isTerminalSafe(multi, allowNewline: true))
        #expect(!one.contains("52;c"))
        #expect(!one.contains("[2J") && !one.contains("[6n") && !one.contains("]0;"))
        if let e = p.expect { #expect(one == e) }
        #expect(one.count <= 2000)  // long words are cut (see below)
    }

    @Test func singleLineFlattensBreaksMultiLineKeepsThem() {
        let s = "line1\r\nline2\rline3\u{2028}line4\nline5"
        #expect(TerminalText.clean(s, .line) == "line1 line2 line3 line4 line5")
        #expect(TerminalText.clean(s, .text) == "line1\nline2\nline3\nline4\nline5")
    }

    @Test func plainTextIsUntouched() {
        let s = "Héllo wörld ✓ 日本 😀 ❤️ — fine"
        #expect(TerminalText.clean(s, .line) == s)
    }

    @Test func longWordsAreCutButURLsAreNot() {
        let name = String(repeating: "N", count: 10_000)
        let cut = TerminalText.clean(name, .line)
        #expect(cut.count == TerminalText.maxWordLength)
        #expect(cut.hasSuffix("…"))
        let url = "https://example.com/" + String(repeating: "a", count: 300)
        #expect(TerminalText.clean("see " + url, .line) == "see " + url)
        let words = "short " + String(repeating: "b", count: 250) + " tail"
        let c = TerminalText.clean(words, .text)
        #expect(c.hasPrefix("short b") && c.hasSuffix("… tail"))
    }

    @Test func maxLengthCutsWithEllipsisWithoutSplittingGraphemes() {
        #expect(TerminalText.clean("abcdef", .line, maxLength: 4) == "abc…")
        #expect(TerminalText.clean("abcd", .line, maxLength: 4) == "abcd")
        #expect(TerminalText.clean("👩‍👩‍👧x", .line, maxLength: 2) == "👩‍👩‍👧x")
        #expect(TerminalText.clean("👩‍👩‍👧xy", .line, maxLength: 2) == "👩‍👩‍👧…")
        #expect(TerminalText.clean("abc", .line, maxLength: 0) == "")
    }

    @Test func escapeSplitAcrossControlsCannotReassemble() {
        // Removing the ESC alone would leave "[2J"; removing a control inside must not create one.
        #expect(TerminalText.clean("\u{1B}\u{07}[2J", .line) == "[2J")  // harmless text, no ESC
        #expect(isTerminalSafe(TerminalText.clean("\u{1B}\u{1B}[31m", .line), allowNewline: false))
    }

    @Test func randomBytesAlwaysComeOutSafe() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                let pick = Int.random(in: 0..<6, using: &rng)
                let v: UInt32
                switch pick {
                case 0: v = UInt32.random(in: 0...0x1F, using: &rng)
                case 1: v = UInt32.random(in: 0x7F...0x9F, using: &rng)
                case 2: v = [0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0x1B, 0x5B, 0x5D, 0x5C, 0x07].randomElement(using: &rng)!
                default: v = UInt32.random(in: 0x20...0x7E, using: &rng)
                }
                scalars.append(Unicode.Scalar(v)!)
            }
            let s = String(scalars)
            #expect(isTerminalSafe(TerminalText.clean(s, .line), allowNewline: false))
            #expect(isTerminalSafe(TerminalText.clean(s, .text), allowNewline: true))
        }
    }
}
