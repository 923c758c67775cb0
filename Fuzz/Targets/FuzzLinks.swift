import Foundation
import PumpModels
import PumpRender

/// The link scanner (plain URLs and anchors) at full size (issue 23). A mutated input is small,
/// but quadratic passes only show at size, so each input is also *amplified*: its first byte
/// splits the rest into a head and a unit, and the unit is repeated after the head until the
/// text is `amplifiedBytes` long (each 0x01 byte in the unit becomes the repeat's number, so
/// repeats can be distinct links). "https://x.org/" + ")" is a URL followed by 2 Mi `)`;
/// `<a href="https://x.org/\u{1}">x</a>` is 60 000 distinct anchors. Linear code takes a
/// second or two for either, even instrumented; a quadratic pass takes minutes and trips
/// scripts/fuzz.sh's per-input `-timeout` for this target. The invariants: the caps of
/// TextBudget hold, every link is listed once, output is terminal-safe.
func fuzzLinks(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    checkLinks(text)
    checkLinks(amplified(data))
}

private func checkLinks(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    var previousEnd = 0
    for r in PlainURLs.find(in: scalars) {
        require(r.lowerBound >= previousEnd && !r.isEmpty, "URL ranges ordered and disjoint", text)
        previousEnd = r.upperBound
    }
    for rendered in [HTMLText.render(text), HTMLText.render(text, linkMarkers: false)] {
        require(rendered.links.count <= TextBudget.maxLinks, "links capped", text)
        require(Set(rendered.links).count == rendered.links.count, "each link listed once", text)
        // The cut text, its " …", and the "[n]" markers numbered after the cut.
        require(rendered.text.utf8.count <= TextBudget.maxTextBytes + 4 + 6 * TextBudget.maxLinks, "text capped", text)
        require(isTerminalSafe(rendered.text, allowNewline: true), "render safe", text)
        for link in rendered.links {
            require(link.unicodeScalars.count <= TextBudget.maxURL, "link length capped", text)
            require(isTerminalSafe(link, allowNewline: false), "link safe", text)
        }
    }
    let marked = PlainURLs.markPlainLinks(text, links: [])
    require(marked.links.count <= TextBudget.maxLinks, "plain links capped", text)
    require(Set(marked.links).count == marked.links.count, "plain links listed once", text)
    _ = HTMLText.escapeForPost(String(text.unicodeScalars.prefix(TextBudget.maxTextBytes)))
}

/// The size inputs are amplified to: 2 MiB (a post's text is read up to
/// `TextBudget.maxInputScalars`, but plain URLs are found in whatever text is given, and a
/// quadratic de-duplication needs tens of thousands of links to show), or PUMPTUI_FUZZ_AMPLIFY
/// bytes (scripts/fuzz.sh's unoptimised smoke uses 128 KiB: there AddressSanitizer makes each
/// pass ~15 times slower, and a quadratic pass is still minutes).
let amplifiedBytes = ProcessInfo.processInfo.environment["PUMPTUI_FUZZ_AMPLIFY"].flatMap { Int($0) } ?? 2 << 20

/// head + unit × n, about `amplifiedBytes` bytes; 0x01 in the unit → the repeat's number.
private func amplified(_ data: Data) -> String {
    guard data.count >= 2 else { return "" }
    let bytes = [UInt8](data.dropFirst())
    let split = Int(data[data.startIndex]) % bytes.count
    let head = String(decoding: bytes[..<split], as: UTF8.self)
    let unit = String(decoding: bytes[split...], as: UTF8.self)
    let numbered = unit.contains("\u{1}")
    var out = head
    out.reserveCapacity(amplifiedBytes + unit.utf8.count + 16)
    var n = 0
    while out.utf8.count < amplifiedBytes {
        out += numbered ? unit.replacingOccurrences(of: "\u{1}", with: String(n)) : unit
        n += 1
    }
    return out
}
