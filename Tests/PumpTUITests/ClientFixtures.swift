import Foundation
import PumpCore
@testable import PumpTUI

/// Feeds as the server sends them (pump-api §4.3), including the awkward cases: a deleted
/// object, a missing objectType, an unknown URI verb, a remote person without links, hard HTML
/// and control characters in names.
enum ClientFixtures {
    static let host = "pump.example"
    static let alice = try! AccountID(parsing: "alice@pump.example")
    static let now = ISO8601DateFormatter().date(from: "2026-03-10T12:00:00Z")!

    static func person(_ nick: String, _ name: String) -> String {
        """
        {"objectType":"person","id":"acct:\(nick)@pump.example","preferredUsername":"\(nick)","displayName":"\(name)",
         "url":"https://pump.example/\(nick)",
         "links":{"activity-inbox":{"href":"https://pump.example/api/user/\(nick)/inbox"},
                  "activity-outbox":{"href":"https://pump.example/api/user/\(nick)/feed"}}}
        """
    }

    static let inboxJSON = """
    {"displayName":"Activities","totalItems":6,
     "links":{"prev":{"href":"https://pump.example/api/user/alice/inbox/major?since=a1"},
              "next":{"href":"https://pump.example/api/user/alice/inbox/major?before=a6"}},
     "items":[
      {"id":"a1","verb":"post","published":"2026-03-10T11:55:00Z","actor":\(person("bob", "Bob \\u001b[31mB.")),
       "content":"Bob posted a note",
       "object":{"objectType":"note","id":"https://pump.example/api/note/n1","url":"https://pump.example/bob/note/n1",
        "content":"<p>Hello <b>world</b> &amp; <a href='https://x.example/page'>a link</a></p><ul><li>one</li><li>two</li></ul>",
        "published":"2026-03-10T11:55:00Z","author":\(person("bob", "Bob B.")),
        "likes":{"totalItems":2},"replies":{"totalItems":1},"shares":{"totalItems":0},"liked":false,"pump_io":{"shared":false}}},
      {"id":"a2","verb":"share","published":"2026-03-10T10:00:00Z","actor":\(person("carol", "Carol C.")),
       "content":"<a href='https://pump.example/carol'>Carol C.</a> shared <a href='x'>a note</a>",
       "object":{"objectType":"note","id":"https://pump.example/api/note/n2","content":"Shared text",
        "author":\(person("bob", "Bob B.")),"liked":true,"likes":{"totalItems":1},"pump_io":{"shared":true},"shares":{"totalItems":1}}},
      {"id":"a3","verb":"follow","published":"2026-03-09T12:00:00Z","actor":\(person("carol", "Carol C.")),
       "content":"Carol C. started following Alice A.",
       "object":\(person("alice", "Alice A."))},
      {"id":"a4","verb":"post","published":"2026-03-08T12:00:00Z","actor":\(person("alice", "Alice A.")),
       "content":"Alice A. posted a note",
       "object":{"objectType":"note","id":"https://pump.example/api/note/gone","author":\(person("alice", "Alice A.")),
        "deleted":"2026-03-09T00:00:00Z","published":"2026-03-08T12:00:00Z"}},
      {"id":"a5","verb":"http://example.org/verbs/wave","published":"2025-12-01T12:00:00Z",
       "actor":{"id":"acct:dave@remote.example","displayName":"Dave\\u0007"},
       "content":"Dave waved at <i>you</i>",
       "object":{"id":"https://remote.example/thing/1","content":"a wave"}},
      {"id":"a6","verb":"post","published":"2026-03-10T11:00:00Z","actor":\(person("alice", "Alice A.")),
       "content":"Alice A. posted a note",
       "object":{"objectType":"note","id":"https://pump.example/api/note/mine","url":"https://pump.example/alice/note/mine",
        "content":"My own note","author":\(person("alice", "Alice A.")),"likes":{"totalItems":0},"liked":false}}
     ]}
    """

    static var inbox: Feed { Feed.decode(Data(inboxJSON.utf8))! }

    static let repliesJSON = """
    {"totalItems":1,"items":[
      {"objectType":"comment","id":"https://pump.example/api/comment/c1","content":"Nice post!",
       "published":"2026-03-10T11:58:00Z","author":\(person("carol", "Carol C.")),
       "inReplyTo":{"id":"https://pump.example/api/note/n1","objectType":"note"}}]}
    """

    static let profileJSON = """
    {"objectType":"person","id":"acct:bob@pump.example","preferredUsername":"bob","displayName":"Bob B.",
     "summary":"I <b>like</b> trains","followers":{"totalItems":3},"following":{"totalItems":4},
     "favorites":{"totalItems":5},"pump_io":{"followed":true}}
    """

    /// Bob's followers as the server pages them: two people, more to come.
    static let followersJSON = """
    {"displayName":"Followers of bob","objectTypes":["person"],"totalItems":3,
     "links":{"next":{"href":"https://pump.example/api/user/bob/followers?before=acct%3Acarol%40pump.example"}},
     "items":[\(person("alice", "Alice A.")),
              {"objectType":"person","id":"acct:carol@pump.example","preferredUsername":"carol","displayName":"Carol C.",
               "pump_io":{"followed":true}}]}
    """

    /// Our person lists (pump.io's lists/person): names, a description, member counts.
    static let listsJSON = """
    {"displayName":"Lists","objectTypes":["collection"],"totalItems":2,"items":[
      {"objectType":"collection","id":"https://pump.example/api/collection/l1","displayName":"Trains \\u001b[2J& co",
       "content":"People who like <b>trains</b>","objectTypes":["person"],
       "members":{"url":"https://pump.example/api/collection/l1/members","totalItems":2}},
      {"objectType":"collection","id":"https://pump.example/api/collection/l2","displayName":"Family",
       "objectTypes":["person"],"members":{"url":"https://pump.example/api/collection/l2/members","totalItems":1}}]}
    """

    /// A screen with the inbox loaded, at `size`, its clock fixed.
    static func screen(_ size: Size = Size(rows: 24, cols: 80), feed: Feed = inbox) -> ClientScreen {
        var s = ClientScreen(account: alice, displayName: "Alice A.", size: size)
        s.clock = { now }
        _ = s.update(.start(size))
        _ = s.update(.message(.feed(.inboxMajor, .first, .success(feed))))
        return s
    }

    static func text(_ s: ClientScreen) -> [String] {
        var b = CellBuffer(size: s.size)
        s.render(into: &b)
        return b.trimmedLines()
    }
}

/// Effects and jobs made comparable for assertions.
extension Effect where J == ClientJob {
    var job: ClientJob? { if case .run(let j) = self { return j }; return nil }
}

extension ClientJob {
    var label: String {
        switch self {
        case .feed(let k, let d, _): return "feed \(k.rawValue) \(d)"
        case .page(let j): return j.label
        case .verb(let r): return "verb \(r.kind) \(r.object?.id ?? r.person?.id ?? "")"
        case .followAccount(let a): return "followAccount \(a)"
        case .compose(let j): return j.label
        case .profile(.checkAvatar(let p)): return "checkImage \(p)"
        case .image(.saveImage(let r)): return "saveImage \(r.link.url.absoluteString)"
        case .image(.previewImage(let link, _)): return "previewImage \(link.url.absoluteString)"
        case .image(.cancelPreview(let serial)): return "cancelPreview \(serial)"
        case .image(.encodeGraphic(let g)): return "encodeGraphic \(g.kind.rawValue) \(g.placement.cells.cols)x\(g.placement.cells.rows)"
        case .cached(let kind): return "cached \(kind.map(\.rawValue) ?? "all")"
        case .cachedRest: return "cached all"
        case .saveReadMarker(let k, let m): return "saveReadMarker \(k.rawValue) \(m.itemID)"
        case .saveRevisions(let r): return "saveRevisions \(r.map(\.id).joined(separator: " "))"
        case .profile(.save(let e)): return "saveProfile \(e.changedFields)"
        }
    }
}

extension Pages.Job {
    var label: String {
        switch self {
        case .thread(let o, let offset): return "thread \(o.id) \(offset)"
        case .profile(let p): return "profile \(p.id)"
        case .people(.lists, .none): return "lists"
        case .people(let source, let known): return "people \(source.title)\(known == nil ? "" : " older")"
        case .openAccount(let a): return "openAccount \(a)"
        case .listChange(let c): return "listChange \(c)"
        case .search(let q): return "search \(q)"
        }
    }
}

func jobs(_ effects: [Effect<ClientMessage, ClientJob>]) -> [String] { effects.compactMap { $0.job?.label } }

extension ClientScreen {
    /// The whole screen at its own size, as the terminal would show it (the screen-text suites).
    var wholeScreen: CellBuffer {
        var b = CellBuffer(size: size)
        render(into: &b)
        return b
    }
}
