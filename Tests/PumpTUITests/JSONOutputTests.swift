import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 26: the `--json` schema (JSONOutput, version 1) and the inbox text's links, kept apart
/// from the URLs they would otherwise be glued to.
@Suite struct JSONOutputTests {
    /// A reply with a title, an image, an audience, counts, escape sequences in every text, a URL
    /// written out as an anchor and one written as plain text.
    static let feedJSON = #"""
    {"items":[
      {"id":"https://pump.example/api/activity/a1","verb":"post","published":"2026-03-10T11:55:00Z",
       "url":"https://pump.example/bob/activity/a1",
       "actor":{"objectType":"person","id":"acct:bob@pump.example","preferredUsername":"bob","displayName":"Bob \u001b[31mB."},
       "to":[{"objectType":"collection","id":"http://activityschema.org/collection/public"}],
       "cc":[{"objectType":"person","id":"acct:carol@pump.example"}],
       "object":{"objectType":"comment","id":"https://pump.example/api/comment/c1","url":"https://pump.example/bob/comment/c1",
        "displayName":"Title\u001b]0;owned\u0007 here",
        "content":"<p>See <a href=\"https://x.example/a\">https://x.example/a</a> and https://y.example/b \u001b[2J now</p><p>Second</p>",
        "image":{"url":"https://pump.example/uploads/bob/p_thumb.jpg","width":320,"height":240},
        "fullImage":{"url":"https://pump.example/uploads/bob/p.jpg"},
        "inReplyTo":{"id":"https://pump.example/api/note/n0","objectType":"note","url":"https://pump.example/carol/note/n0"},
        "likes":{"totalItems":2},"replies":{"totalItems":0},"shares":{"totalItems":1},"liked":true,"pump_io":{"shared":false}}}
    ]}
    """#

    static var feed: Feed { Feed.decode(Data(feedJSON.utf8))! }

    private func document(_ value: some Encodable) throws -> [String: Any] {
        let data = try LineMode.jsonDocument(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func inboxItemCarriesEveryDocumentedField() throws {
        let doc = try document(JSONOutput.Inbox(items: JSONOutput.Builder().items(Self.feed)))
        #expect(doc["version"] as? Int == 1)
        let item = try #require((doc["items"] as? [[String: Any]])?.first)
        #expect(item["id"] as? String == "https://pump.example/api/activity/a1")
        #expect(item["verb"] as? String == "post" && item["summary"] == nil)
        #expect(item["published"] as? String == "2026-03-10T11:55:00Z")
        let actor = try #require(item["actor"] as? [String: Any])
        #expect(actor["webfinger"] as? String == "bob@pump.example" && actor["id"] as? String == "acct:bob@pump.example")
        let object = try #require(item["object"] as? [String: Any])
        #expect(object["type"] as? String == "comment")
        #expect(object["url"] as? String == "https://pump.example/bob/comment/c1")
        // The text has the URLs as written, no "[1]" glued on; the links are a list of their own.
        let text = try #require(object["text"] as? String)
        #expect(text.hasPrefix("See https://x.example/a and https://y.example/b"))
        #expect(!text.contains("[1]") && !text.contains("[2]"))
        #expect(object["links"] as? [String] == ["https://x.example/a", "https://y.example/b"])
        let image = try #require(object["image"] as? [String: Any])
        #expect(image["url"] as? String == "https://pump.example/uploads/bob/p_thumb.jpg")
        #expect(image["fullImage"] as? String == "https://pump.example/uploads/bob/p.jpg")
        #expect(image["width"] as? Int == 320 && image["height"] as? Int == 240)
        let parent = try #require(object["inReplyTo"] as? [String: Any])
        #expect(parent["id"] as? String == "https://pump.example/api/note/n0")
        #expect(parent["url"] as? String == "https://pump.example/carol/note/n0")
        let audience = try #require(object["audience"] as? [String: Any])
        #expect(audience["public"] as? Bool == true)
        #expect((audience["cc"] as? [[String: Any]])?.first?["id"] as? String == "acct:carol@pump.example")
        #expect(object["likes"] as? Int == 2 && object["replies"] as? Int == 0 && object["shares"] as? Int == 1)
        #expect(object["liked"] as? Bool == true && object["shared"] as? Bool == false)
        #expect(object["deleted"] as? Bool == false)
    }

    @Test func noStringCarriesAControlCharacter() throws {
        let data = try LineMode.jsonDocument(JSONOutput.Inbox(items: JSONOutput.Builder().items(Self.feed)))
        // On the wire: only the pretty-printing's newlines, nothing a terminal would act on.
        #expect(!data.contains(where: { $0 < 0x20 && $0 != 0x0A }))
        func strings(_ value: Any) -> [String] {
            switch value {
            case let s as String: return [s]
            case let a as [Any]: return a.flatMap(strings)
            case let d as [String: Any]: return d.values.flatMap(strings)
            default: return []
            }
        }
        let all = strings(try JSONSerialization.jsonObject(with: data))
        #expect(all.contains { $0.contains("Title") })
        for s in all {
            #expect(!s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }, "\(s.debugDescription)")
        }
    }

    @Test func rawControlCharactersAreEscapedByTheEncoder() throws {
        // Even a value that escaped cleaning would be written as \u001b, never as the byte.
        let data = try LineMode.jsonDocument(JSONOutput.Account(account: "a\u{1b}[31mb", name: "\u{7}"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"a\u001b[31mb"#) && text.contains(#"\u0007"#))
        #expect(!data.contains(0x1B) && !data.contains(0x07))
    }

    @Test func noAccountsIsAnEmptyListInTheVersionedDocument() throws {
        let doc = try document(JSONOutput.Accounts(accounts: []))
        #expect(doc["version"] as? Int == 1)
        #expect((doc["accounts"] as? [Any])?.isEmpty == true)
        let text = String(decoding: try LineMode.jsonDocument(JSONOutput.Accounts(accounts: [])), as: UTF8.self)
        #expect(text.contains(#""accounts" : [],"#))
    }

    @Test func inboxTextListsLinksApartFromTheURL() {
        let lines = InboxLineMode.render(Self.feed, now: ClientFixtures.now).joined(separator: "\n").split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  See https://x.example/a and https://y.example/b ") && $0.hasSuffix("now") })
        #expect(lines.contains("  https://pump.example/bob/comment/c1"))
        #expect(lines.contains("  [1] https://x.example/a") && lines.contains("  [2] https://y.example/b"))
        #expect(!lines.contains { $0.contains("a[1]") || $0.contains("b[2]") || $0.contains("c1[") })
    }
}
