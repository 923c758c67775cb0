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

@Suite struct ContentSanitizerTests {
    @Test func corpusIsLoaded() {
        #expect(loadPayloads().count >= 25)
    }

    @Test(arguments: loadPayloads())
    func noPayloadSurvives(_ p: Payload) {
        let one = Sanitizer.clean(p.payload, singleLine: true)
        let multi = Sanitizer.clean(p.payload, singleLine: false)
        #expect(isTerminalSafe(one, allowNewline: false))
        #expect(isTerminalSafe(multi, allowNewline: true))
        #expect(!one.contains("52;c"))
        #expect(!one.contains("[2J") && !one.contains("[6n") && !one.contains("]0;"))
        if let e = p.expect { #expect(one == e) }
        #expect(one.count <= 2000)  // long words are cut (see below)
    }

    @Test func singleLineFlattensBreaksMultiLineKeepsThem() {
        let s = "line1\r\nline2\rline3\u{2028}line4\nline5"
        #expect(Sanitizer.clean(s, singleLine: true) == "line1 line2 line3 line4 line5")
        #expect(Sanitizer.clean(s, singleLine: false) == "line1\nline2\nline3\nline4\nline5")
    }

    @Test func plainTextIsUntouched() {
        let s = "Héllo wörld ✓ 日本 😀 ❤️ — fine"
        #expect(Sanitizer.clean(s, singleLine: true) == s)
    }

    @Test func longWordsAreCutButURLsAreNot() {
        let name = String(repeating: "N", count: 10_000)
        let cut = Sanitizer.clean(name, singleLine: true)
        #expect(cut.count == Sanitizer.maxWordLength)
        #expect(cut.hasSuffix("…"))
        let url = "https://example.com/" + String(repeating: "a", count: 300)
        #expect(Sanitizer.clean("see " + url, singleLine: true) == "see " + url)
        let words = "short " + String(repeating: "b", count: 250) + " tail"
        let c = Sanitizer.clean(words, singleLine: false)
        #expect(c.hasPrefix("short b") && c.hasSuffix("… tail"))
    }

    @Test func maxLengthCutsWithEllipsisWithoutSplittingGraphemes() {
        #expect(Sanitizer.clean("abcdef", singleLine: true, maxLength: 4) == "abc…")
        #expect(Sanitizer.clean("abcd", singleLine: true, maxLength: 4) == "abcd")
        #expect(Sanitizer.clean("👩‍👩‍👧x", singleLine: true, maxLength: 2) == "👩‍👩‍👧x")
        #expect(Sanitizer.clean("👩‍👩‍👧xy", singleLine: true, maxLength: 2) == "👩‍👩‍👧…")
        #expect(Sanitizer.clean("abc", singleLine: true, maxLength: 0) == "")
    }

    @Test func escapeSplitAcrossControlsCannotReassemble() {
        // Removing the ESC alone would leave "[2J"; removing a control inside must not create one.
        #expect(Sanitizer.clean("\u{1B}\u{07}[2J", singleLine: true) == "[2J")  // harmless text, no ESC
        #expect(isTerminalSafe(Sanitizer.clean("\u{1B}\u{1B}[31m", singleLine: true), allowNewline: false))
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
            #expect(isTerminalSafe(Sanitizer.clean(s, singleLine: true), allowNewline: false))
            #expect(isTerminalSafe(Sanitizer.clean(s, singleLine: false), allowNewline: true))
        }
    }
}
