import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Plain URLs (issue 14): linked when posting, numbered when reading, reachable by `c`/`L`.
@Suite struct PlainLinkTests {
    func urls(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        return PlainURLs.find(in: s).map { r in var v = String.UnicodeScalarView(); v.append(contentsOf: s[r]); return String(v) }
    }

    @Test func urlsEndBeforePunctuationAndUnbalancedParentheses() {
        #expect(urls("Visit https://example.org.") == ["https://example.org"])
        #expect(urls("(see https://example.org/a)") == ["https://example.org/a"])
        #expect(urls("https://en.wikipedia.org/wiki/Swift_(language), ok") == ["https://en.wikipedia.org/wiki/Swift_(language)"])
        #expect(urls("a,https://x.example/?q=1&r=2!") == ["https://x.example/?q=1&r=2"])
        #expect(urls("über https://例え.jp/パス。次") == ["https://例え.jp/パス"])
        #expect(urls("HTTP://X.EXAMPLE and http:// alone and xhttps://no.example") == ["HTTP://X.EXAMPLE"])
        #expect(urls("<https://a.example/>\"https://b.example\"") == ["https://a.example/", "https://b.example"])
    }

    @Test func postingLinksPlainURLsEscaped() {
        #expect(HTMLText.escapeForPost("Visit https://example.org/?a=1&b=\"2\" now <b>")
                == "Visit <a href=\"https://example.org/?a=1&amp;b=\">https://example.org/?a=1&amp;b=</a>&quot;2&quot; now &lt;b&gt;")
        #expect(HTMLText.escapeForPost("no links\nhere") == "no links<br>here")
        // Typed HTML stays text: nothing is linked twice.
        #expect(HTMLText.escapeForPost("<a href=\"https://x.example\">x</a>")
                == "&lt;a href=&quot;<a href=\"https://x.example\">https://x.example</a>&quot;&gt;x&lt;/a&gt;")
    }

    @Test func readingNumbersPlainURLsButNotAnchorsTwice() {
        let plain = HTMLText.render("Visit https://example.org now")
        #expect(plain.text == "Visit https://example.org[1] now" && plain.links == ["https://example.org"])
        let anchored = HTMLText.render("<a href=\"https://example.org\">https://example.org</a> and https://two.example")
        #expect(anchored.text == "https://example.org[1] and https://two.example[2]")
        #expect(anchored.links == ["https://example.org", "https://two.example"])
        // What we post reads back as one link.
        let round = HTMLText.render(HTMLText.escapeForPost("see https://example.org."))
        #expect(round.text == "see https://example.org[1]." && round.links.count == 1)
        #expect(HTMLText.render("x https://e.example", linkMarkers: false).text == "x https://e.example")
    }

    @Test func hostileURLTextIsCleaned() {
        let r = HTMLText.render("https://evil.example/\u{1b}]52;c;aGk=\u{07}x")
        #expect(!r.text.contains("\u{1b}") && r.links.allSatisfy { !$0.contains("\u{1b}") })
    }

    func screenWithLinks() -> ClientScreen {
        let json = """
            {"items":[{"id":"a9","verb":"post","published":"2026-03-10T11:55:00Z",
              "actor":{"objectType":"person","id":"acct:bob@pump.example","displayName":"Bob B.","preferredUsername":"bob"},
              "object":{"objectType":"note","id":"https://pump.example/api/note/n9","url":"https://pump.example/bob/note/n9",
                "author":{"objectType":"person","id":"acct:bob@pump.example","displayName":"Bob B.","preferredUsername":"bob"},
                "content":"Visit https://example.org and <a href='https://two.example/x'>this</a>"}}]}
            """
        return ClientFixtures.screen(feed: Feed.decode(Data(json.utf8))!)
    }

    @Test func plainURLOpensWithL() {
        var s = ClientFixtures.screen(feed: Feed.decode(Data("""
            {"items":[{"id":"a1","verb":"post","object":{"objectType":"note","id":"n1","content":"Visit https://example.org"}}]}
            """.utf8))!)
        let effects = s.update(.input(.key(.char("L"))))
        #expect(effects.contains { if case .openBrowser("https://example.org") = $0 { return true }; return false })
    }

    @Test func chooserListsTheItemAndItsLinksAndDigitsPick() {
        var s = screenWithLinks()
        #expect(s.update(.input(.key(.char("c")))).isEmpty)
        let text = ClientFixtures.text(s).joined(separator: "\n")
        #expect(text.contains("Copy which address? 0–9 or Enter"))
        #expect(text.contains("0  this item  https://pump.example/bob/note/n9"))
        #expect(text.contains("1  https://two.example/x"))
        #expect(text.contains("2  https://example.org"))
        let effects = s.update(.input(.key(.char("2"))))
        #expect(effects.contains { if case .copyToClipboard("https://example.org") = $0 { return true }; return false })
        #expect(s.modal == nil)
    }

    @Test func chooserMovesAndOpensWithEnter() {
        var s = screenWithLinks()
        _ = s.update(.input(.key(.char("L"))))
        _ = s.update(.input(.key(.char("j"))))
        let effects = s.update(.input(.key(.enter)))
        #expect(effects.contains { if case .openBrowser("https://two.example/x") = $0 { return true }; return false })
    }

    @Test func helpListsEditingKeysAndTheConfigFile() {
        var s = ClientFixtures.screen()
        var settings = ClientSettings(); settings.configPath = "/home/a/.config/pumptui/config.toml"
        s.apply(settings)
        let lines = s.helpOverlay([.timeline]).lines(width: 70).map { $0.text }
        #expect(lines.contains("Configuration (config.toml)"))
        #expect(lines.contains { $0.contains("file") && $0.contains("/home/a/.config/pumptui/config.toml") })
        #expect(lines.contains { $0.contains("[keys]") })
        #expect(lines.contains { $0.contains("^E") && $0.contains("$EDITOR") })
        #expect(lines.contains { $0.contains("^D") && $0.contains("Send") })
    }
}
