import Foundation
import Testing
@testable import PumpCore
@testable import PumpTUI

/// Records requests; answers uploads with an image object and outbox POSTs with the activity.
final class ComposeRecorder: APIRequester, @unchecked Sendable {
    struct Call { var url: String; var body: Data?; var contentType: String?
        var json: [String: Any] { (body.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]) ?? [:] } }
    private let lock = NSLock()
    private var recorded: [Call] = []
    var calls: [Call] { lock.withLock { recorded } }

    func send(method: String, url: URL, body: Data?, contentType: String?) async throws -> HTTPResponse {
        let call = Call(url: url.absoluteString, body: body, contentType: contentType)
        lock.withLock { recorded.append(call) }
        var reply: [String: Any]
        if url.path.hasSuffix("/uploads") {
            reply = ["id": "https://h.example/api/image/9", "objectType": "image"]
        } else {
            reply = call.json
            reply["id"] = "https://h.example/api/activity/\(calls.count)"
        }
        return HTTPResponse(status: 200, headers: ["content-type": "application/json"],
                            body: try JSONSerialization.data(withJSONObject: reply))
    }
}

@Suite struct ComposeSendTests {
    func api(_ r: ComposeRecorder) -> PumpAPI {
        PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://h.example")!)
    }

    @Test func noteReplyAndEditMapToTheirVerbs() async throws {
        let r = ComposeRecorder()
        _ = try await ComposeRequest(mode: .note, text: "a <b>", title: "T", audience: .followers, imagePath: nil).perform(with: api(r))
        _ = try await ComposeRequest(mode: .reply(to: bobsNote()), text: "re", title: nil, audience: .public, imagePath: nil).perform(with: api(r))
        _ = try await ComposeRequest(mode: .edit(myNote()), text: "new", title: nil, audience: .public, imagePath: nil).perform(with: api(r))
        let c = r.calls
        #expect(c.count == 3 && c.allSatisfy { $0.url == "https://h.example/api/user/alice/feed" })
        let note = c[0].json["object"] as? [String: Any]
        #expect(c[0].json["verb"] as? String == "post" && note?["content"] as? String == "a &lt;b&gt;" && note?["displayName"] as? String == "T")
        #expect((c[0].json["cc"] as? [[String: Any]])?.isEmpty == false || (c[0].json["to"] as? [[String: Any]])?.isEmpty == false)
        let comment = c[1].json["object"] as? [String: Any]
        #expect(comment?["objectType"] as? String == "comment")
        #expect((comment?["inReplyTo"] as? [String: Any])?["id"] as? String == bobsNote().id)
        let edited = c[2].json["object"] as? [String: Any]
        #expect(c[2].json["verb"] as? String == "update" && edited?["content"] as? String == "new")
        #expect(edited?["displayName"] as? String == "")          // the title was cleared
    }

    @Test func imageNoteUploadsPostsAndUpdates() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compose-send-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
        try bytes.write(to: dir.appendingPathComponent("p.jpg"))
        let r = ComposeRecorder()
        _ = try await ComposeRequest(mode: .note, text: "caption", title: "Pic", audience: .public, imagePath: "~/p.jpg")
            .perform(with: api(r), home: dir.path)
        let c = r.calls
        #expect(c.count == 3)
        #expect(c[0].url.hasSuffix("/api/user/alice/uploads") && c[0].contentType == "image/jpeg" && c[0].body == bytes)
        #expect(c[1].json["verb"] as? String == "post")
        let upd = c[2].json["object"] as? [String: Any]
        #expect(c[2].json["verb"] as? String == "update" && upd?["displayName"] as? String == "Pic" && upd?["content"] as? String == "caption")
        // A file that vanished since the check fails with the file's message, before any request.
        let r2 = ComposeRecorder()
        await #expect(throws: ImageFileError.self) {
            _ = try await ComposeRequest(mode: .note, text: "", title: nil, audience: .public, imagePath: dir.appendingPathComponent("gone.png").path).perform(with: api(r2))
        }
        #expect(r2.calls.isEmpty)
    }
}
