import Foundation
import Testing
@testable import PumpCore

@Suite struct ContentHTMLTests {
    @Test func paragraphsBreaksAndWhitespace() {
        let r = HTMLText.render("<p>Hello   <b>world</b>\n again</p><p>Second<br>line</p>")
        #expect(r.text == "Hello world again\n\nSecond\nline")
        #expect(r.links.isEmpty)
    }

    @Test func linksAreNumberedAndDeduplicated() {
        let html = #"See <a href="https://a.example/x?y=1&amp;z=2">this</a>, <a href='https://b.example'>that</a> and <a href="https://a.example/x?y=1&amp;z=2">again</a>."#
        let r = HTMLText.render(html)
        #expect(r.text == "See this[1], that[2] and again[1].")
        #expect(r.links == ["https://a.example/x?y=1&z=2", "https://b.example"])
        #expect(HTMLText.render(html, linkMarkers: false).text == "See this, that and again.")
    }

    @Test func listsAndQuotes() {
        let r = HTMLText.render("<p>Intro</p><ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><blockquote><p>quoted</p>more<br>lines</blockquote>after")
        #expect(r.text == "Intro\n\n• one\n• two\n  • deep\n\n> quoted\n\n> more\n> lines\n\nafter")
    }

    @Test func listItemsWithParagraphsAndSpaces() {
        let r = HTMLText.render("<ul>\n <li>\n<p>one</p>\n</li>\n<li>  two</li></ul><p>after</p>")
        #expect(r.text == "• one\n\n• two\n\nafter")
        #expect(HTMLText.render("<ol><li>a</li><li></li><li>c</li></ol>").text == "• a\n•\n• c")
    }

    @Test func entities() {
        let r = HTMLText.render("a &amp; b &lt;c&gt; &quot;q&quot; &#39;s&#39; &#x263A; &hellip; &nbsp;x")
        #expect(r.text == "a & b <c> \"q\" 's' ☺ …  x")
    }

    @Test func malformedEntitiesStayLiteral() {
        #expect(HTMLText.render("AT&T &bogus; &#xZZ; & done &amp").text == "AT&T &bogus; &#xZZ; & done &amp")
        #expect(HTMLText.render("&#0; &#1114112;").text == "\u{FFFD} \u{FFFD}")
    }

    @Test func hardHTML() {
        let html = """
        <!DOCTYPE html><!-- a <b>comment</b> --><div class="x>y" title='a>b'>Text <span
        data-x="1">inside</span><script>alert("<p>no</p>")</script><style>p{color:red}</style>
        <p>unclosed <i>italic<p>next para < not a tag 3 < 4 > 2</div>
        <a href="javascript:alert(1)">js</a> <img src="https://x.example/i.png" alt="cat"> <a>bare</a>
        """
        let r = HTMLText.render(html)
        #expect(r.text == "Text inside\n\nunclosed italic\n\nnext para < not a tag 3 < 4 > 2\n\njs [image: cat][1] bare")
        #expect(r.links == ["https://x.example/i.png"])
    }

    @Test func unterminatedTagAndCommentDoNotCrash() {
        #expect(HTMLText.render("abc <a href=\"x").text == "abc")
        #expect(HTMLText.render("abc <!-- never closed").text == "abc")
        #expect(HTMLText.render("<").text == "<")
        #expect(HTMLText.render("").text == "")
        #expect(HTMLText.render("</p></p></ul></blockquote>x").text == "x")
    }

    @Test func outputIsSanitized() {
        let r = HTMLText.render("<p>a\u{1B}]52;c;Zm9v\u{07}b &#27;[2J c\u{202E}d</p><a href=\"https://e.example/\u{1B}[6n\">l</a>")
        #expect(isTerminalSafe(r.text, allowNewline: true))
        #expect(r.text == "ab  cd\n\nl[1]")
        #expect(r.links.allSatisfy { isTerminalSafe($0, allowNewline: false) })
    }

    @Test func preKeepsLines() {
        #expect(HTMLText.render("<pre>a  b\nc</pre>").text == "a  b\nc")
    }

    @Test func oneLineSummary() {
        let s = "<a href='https://p.example/alice'>Alice A.</a> posted <a href='https://p.example/n/1'>a note</a>"
        #expect(HTMLText.line(s) == "Alice A. posted a note")
        #expect(HTMLText.line("<p>a</p><p>b</p>") == "a b")
    }

    @Test func escapeForPost() {
        #expect(HTMLText.escapeForPost("a < b & \"c\" > d\nline2\r\nline3") ==
                "a &lt; b &amp; &quot;c&quot; &gt; d<br>line2<br>line3")
        // Round trip: what we post renders back to what was typed.
        let typed = "x <y> & z\nsecond"
        #expect(HTMLText.render(HTMLText.escapeForPost(typed)).text == typed)
    }
}

@Suite struct ContentRelativeTimeTests {
    let utc = TimeZone(identifier: "UTC")!
    let now = ISODate.parse("2024-06-15T12:00:00Z")!

    func ago(_ s: TimeInterval) -> String { RelativeTime.describe(now.addingTimeInterval(-s), now: now, timeZone: utc) }

    @Test func ranges() {
        #expect(ago(0) == "now")
        #expect(ago(-30) == "now")
        #expect(ago(42) == "42s")
        #expect(ago(5 * 60 + 3) == "5m")
        #expect(ago(3 * 3600 + 59) == "3h")
        #expect(ago(2 * 86400 + 5) == "2d")
        #expect(ago(100 * 86400) == "Mar 7")
        #expect(RelativeTime.describe(ISODate.parse("2023-03-04T10:00:00Z")!, now: now, timeZone: utc) == "2023-03-04")
        #expect(RelativeTime.describe(now.addingTimeInterval(86400 * 3), now: now, timeZone: utc) == "2024-06-18")
    }
}
