import Foundation
import Testing
@testable import PumpModels

/// Issue 24, item 2: a post's HTML as the editor's text and back, links and paragraphs kept.
@Suite struct EditableTextTests {
    let web = #"<p>Read <a href="https://example.org/guide?a=1&amp;b=2">the guide</a> and <strong>this</strong>.</p>"#
        + "<p>Second <em>para</em>.<br>Its next line, https://example.org/plain</p>"

    @Test func linksAreWrittenInMarkdownsFormAndParagraphsAsBlankLines() {
        let e = HTMLText.editable(web)
        #expect(e.text == "Read [the guide](https://example.org/guide?a=1&b=2) and this.\n\n"
                        + "Second para.\nIts next line, https://example.org/plain")
        #expect(e.lost == [.bold, .italics])
        #expect(e.lost.notice(textChanged: true) == "Bold and italics in this post will be sent as plain text")
        #expect(e.lost.notice(textChanged: false) == "Changing the text sends bold and italics as plain text; a new title alone keeps them")
    }

    @Test func theTextGoesBackToLinksAndParagraphs() {
        let html = HTMLText.html(fromEditable: HTMLText.editable(web).text)
        #expect(html == #"<p>Read <a href="https://example.org/guide?a=1&amp;b=2">the guide</a> and this.</p>"#
                      + #"<p>Second para.<br>Its next line, <a href="https://example.org/plain">https://example.org/plain</a></p>"#)
        // Round trip: the links and text as they were (bold and italics are the lost part).
        let again = HTMLText.editable(html)
        #expect(again.text == HTMLText.editable(web).text && again.lost.isEmpty)
        #expect(HTMLText.render(html).links == HTMLText.render(web).links)
    }

    @Test func aLinkWhoseTextIsItsURLStaysBareAndOneParagraphIsSentBare() {
        let own = HTMLText.escapeForPost("See https://example.org/x\nand <this> & that")
        let e = HTMLText.editable(own)
        #expect(e.text == "See https://example.org/x\nand <this> & that" && e.lost.isEmpty)
        #expect(HTMLText.html(fromEditable: e.text) == own)       // a pumptui note comes back as it was
    }

    @Test func markdownLinksParsedTolerantly() {
        #expect(HTMLText.html(fromEditable: "[a [b] c](https://x.example/p_(1)) end")
                == #"<a href="https://x.example/p_(1)">a [b] c</a> end"#)
        // Not links: spaces in the URL, no text, a script URL, an unclosed one.
        #expect(HTMLText.html(fromEditable: "[see](the notes) [](https://x.example) [x](javascript:alert(1)) [y](https://z")
                == #"[see](the notes) [](<a href="https://x.example">https://x.example</a>) [x](javascript:alert(1)) [y](<a href="https://z">https://z</a>"#)
        #expect(HTMLText.html(fromEditable: "[q](https://a.example/\"onclick=x)") == "[q](<a href=\"https://a.example/\">https://a.example/</a>&quot;onclick=x)")
        // Line ends of any kind; several blank lines are one paragraph break.
        #expect(HTMLText.html(fromEditable: "one\r\ntwo\r\r\n\n  \nthree") == "<p>one<br>two</p><p>three</p>")
        #expect(HTMLText.html(fromEditable: "") == "")
    }

    @Test func linkEdgeCasesInTheHTML() {
        // No target, a target without text, nested markup inside the link text.
        let e = HTMLText.editable(#"<a>plain</a> <a href="https://e.example/"></a><a href="https://e.example/b"><b>bold</b> link</a>"#)
        #expect(e.text == "plain [bold link](https://e.example/b)")
        #expect(e.lost == [.bold])
        // Text equal to the URL stays bare only where sending links it again.
        #expect(HTMLText.editable(#"<a href="mailto:a@b.example">mailto:a@b.example</a> <a href="https://e.example/x.">https://e.example/x.</a>"#).text
                == "[mailto:a@b.example](mailto:a@b.example) [https://e.example/x.](https://e.example/x.)")
        // An unclosed link is closed at the end.
        #expect(HTMLText.editable(#"go <a href="https://u.example">there"#).text == "go [there](https://u.example)")
        let marks = HTMLText.editable("<ul><li>a</li></ul><img src='https://i.example/p.png'><blockquote>q</blockquote><pre>c</pre><h1>h</h1>")
        #expect(marks.lost == [.lists, .images, .quotes, .code, .headings])
        #expect(marks.lost.notice(textChanged: true) == "Lists, images, quotes, code and headings in this post will be sent as plain text")
    }

    @Test func aPostLongerThanTheBudgetIsMarkedCut() {
        let long = String(repeating: "word ", count: TextBudget.maxTextBytes / 4)
        let e = HTMLText.editable("<p>\(long)</p>")
        #expect(e.lost.contains(.cut))
        #expect(e.lost.notice(textChanged: false) == "This post is longer than the editor holds: only its title can be changed here")
        #expect(!HTMLText.editable("<p>short</p>").lost.contains(.cut))
    }

    @Test func hostileInputStaysLinear() {
        // 50 000 "](" with no URL end, 50 000 "[", and brackets then a long URL: each read once.
        for text in [String(repeating: "](", count: 50_000), String(repeating: "[", count: 50_000),
                     String(repeating: "[a](", count: 12_000) + String(repeating: "x", count: 50_000)] {
            let start = ContinuousClock.now
            _ = HTMLText.html(fromEditable: text)
            #expect(ContinuousClock.now - start < .seconds(2))
        }
        let many = String(repeating: #"<a href="https://h.example/p">t</a> "#, count: 20_000)
        let start = ContinuousClock.now
        let e = HTMLText.editable(many)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(e.lost.contains(.cut))
    }
}
