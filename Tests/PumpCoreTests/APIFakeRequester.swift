import Foundation
@testable import PumpCore

/// Records every call and answers from a route table (exact URL → response); POSTs to the outbox
/// without a route are echoed back as the complete activity, as the server does.
final class FakeRequester: APIRequester, @unchecked Sendable {
    struct Call {
        var method: String
        var url: String
        var body: Data?
        var contentType: String?
        var json: [String: Any]? { body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } }
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private var routes: [String: HTTPResponse] = [:]
    private var counter = 0

    var calls: [Call] { lock.withLock { recorded } }

    func route(_ url: String, _ response: HTTPResponse) { lock.withLock { routes[url] = response } }
    func route(_ url: String, json: Any, status: Int = 200) {
        let data = try! JSONSerialization.data(withJSONObject: json)
        route(url, HTTPResponse(status: status, headers: ["content-type": "application/json"], body: data))
    }
    func route(_ url: String, fixture: String) throws {
        route(url, HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: try Fixture.data(fixture)))
    }

    func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse {
        let call = Call(method: method, url: url.absoluteString, body: body, contentType: contentType)
        return lock.withLock {
            recorded.append(call)
            if let r = routes[call.url] { return r }
            if method == "POST", call.url.hasSuffix("/feed"), let j = call.json { return echo(j) }
            return HTTPResponse(status: 404, headers: ["content-type": "application/json"],
                                body: Data(#"{"error":"No such route"}"#.utf8))
        }
    }

    private func echo(_ body: [String: Any]) -> HTTPResponse {
        counter += 1
        var a = body
        a["id"] = "https://pump.example/api/activity/new\(counter)"
        a["actor"] = ["objectType": "person", "id": "acct:alice@pump.example", "preferredUsername": "alice"]
        if var o = a["object"] as? [String: Any], o["id"] == nil {
            o["id"] = "https://pump.example/api/note/new\(counter)"
            a["object"] = o
        }
        let data = try! JSONSerialization.data(withJSONObject: a)
        return HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8"], body: data)
    }
}

/// Canonical JSON text (sorted keys) for comparing request bodies.
func canonicalJSON(_ data: Data?) -> String {
    guard let data, let o = try? JSONSerialization.jsonObject(with: data),
          let d = try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "<not JSON>" }
    return String(decoding: d, as: UTF8.self)
}

func canonicalJSON(_ text: String) -> String { canonicalJSON(Data(text.utf8)) }
