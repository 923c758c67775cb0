import Testing
@testable import PumpTUI

@Suite struct TextLayoutTests {
    @Test func wrapsOnSpacesWithinWidth() {
        #expect(TextLayout.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func keepsHardNewlinesAndEmptyLines() {
        #expect(TextLayout.wrap("a\n\nb c", width: 10) == ["a", "", "b c"])
        #expect(TextLayout.wrap("a\r\nb", width: 10) == ["a", "b"])
    }

    @Test func cjkCountsTwoColumns() {
        let rows = TextLayout.wrap("日本語 テキスト です", width: 8)
        #expect(rows == ["日本語", "テキスト", "です"])
        for r in rows { #expect(TextWidth.width(r) <= 8) }
    }

    @Test func longWordBrokenAtEdgeWithoutSplittingCharacters() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        // 5 wide characters in 5 columns: never half a character on a row.
        let rows = TextLayout.wrap("日本語日本", width: 5)
        #expect(rows == ["日本", "語日", "本"])
    }

    @Test func zwjEmojiNeverSplit() {
        let family = "👨‍👩‍👧"
        let rows = TextLayout.wrap(String(repeating: family, count: 3), width: 4)
        #expect(rows.joined() == String(repeating: family, count: 3))
        for r in rows { #expect(r.allSatisfy { $0 == Character(family) }) }
    }

    @Test func urlThatFitsMovesToNextLineWhole() {
        let url = "https://example.org/a/b"
        let rows = TextLayout.wrap("open this: \(url) now", width: 30)
        #expect(rows == ["open this:", url + " now"])
    }

    @Test func longURLStartsOwnRowAndBreaksOnlyAtWidth() {
        let url = "https://pump.example.org/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv"
        let rows = TextLayout.wrap("go to \(url) then come back", width: 20)
        #expect(rows.first == "go to")
        let urlRows = Array(rows[1..<(rows.count - 1)])
        #expect(urlRows.joined() == url)
        for r in urlRows.dropLast() { #expect(r.count == 20) }
        #expect(rows.last == "then come back")
    }

    @Test func urlInsidePunctuationIsStillAtomic() {
        let rows = TextLayout.wrap("see (https://example.org/abcdefghijklmnop) ok", width: 12)
        #expect(rows == ["see", "(https://exa", "mple.org/abc", "defghijklmno", "p)", "ok"])
    }

    @Test func zeroWidthGivesNoRows() {
        #expect(TextLayout.wrap("abc", width: 0) == [])
    }
}
