import Foundation
import Testing
@testable import PumpCore

@Suite struct ModelsJSONTests {
    func node(_ s: String) -> JSONNode? { JSONValue.parseObject(Data(s.utf8)) }

    @Test func stringsEscapesAndSurrogates() throws {
        let n = try #require(node(#"{"a":"x\"y\\z\/w\n","b":"\u00e9\ud83d\ude00","c":"\ud800 lone","k\u0065y":1, "e":""}"#))
        #expect(n.string("a") == "x\"y\\z/w\n")
        #expect(n.string("b") == "é😀")
        #expect(n.string("c") == "\u{FFFD} lone")
        #expect(n.int("key") == 1)  // escaped key still found
        #expect(n.string("e") == "")
        #expect(n.string("missing") == nil)
    }

    @Test func lenientScalars() throws {
        let n = try #require(node(#"{"i":"12","d":3.0,"t":true,"f":"false","z":0,"nul":null,"big":1e300,"neg":-4}"#))
        #expect(n.int("i") == 12 && n.int("d") == 3 && n.int("neg") == -4 && n.int("big") == nil)
        #expect(n.bool("t") == true && n.bool("f") == false && n.bool("z") == false)
        #expect(!n.has("nul") && n.has("z") && n.string("nul") == nil)
        #expect(n.string("d") == "3.0")
    }

    @Test func malformedIsRejectedNotTrapped() {
        for s in ["", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "[1,2", "{\"a\":\"x",
                  "{\"a\":tru}", "{\"a\":1}x", "nul", "{\"a\":\"\\", "\"str\"", "[]", "123"] {
            #expect(node(s) == nil, "\(s)")
        }
        let deep = String(repeating: "[", count: 100_000)
        #expect(node("{\"a\":" + deep) == nil)
        let ok = "{\"a\":" + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}"
        #expect(node(ok) != nil)
    }

    @Test func manyBackslashesStayLinear() {
        let s = "{\"a\":\"" + String(repeating: "\\\\", count: 200_000) + "\"}"
        let clock = ContinuousClock()
        var v: String?
        let t = clock.measure { v = node(s)?.string("a") }
        #expect(v?.count == 200_000)
        #expect(t < .seconds(2))
    }
}
