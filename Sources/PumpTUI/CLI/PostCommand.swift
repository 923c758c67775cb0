import ArgumentParser
import Foundation
import PumpCore

/// `pumptui post TEXT`: posts a note (public: to Public, cc followers) and prints its URL.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "Post a note.")

    enum Audience: String, ExpressibleByArgument, CaseIterable { case `public`, followers }

    @Option(name: .long, help: "The account to post as (optional when only one is stored).")
    var account: String?

    @Option(name: .long, help: "Who sees it: public or followers.")
    var to: Audience = .public

    @Argument(help: "The text of the note ('-' reads standard input).")
    var text: String

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await LineMode.run {
            let store = common.store
            let id = try LineMode.resolveAccount(account, store: store)
            let body = LineMode.textArgument(text)
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw LineModeError("empty note") }
            let api = try SignedAPI(account: id, store: store)
            let activity = NoteActivity.post(html: NoteActivity.html(fromPlainText: body), audience: to,
                                             followersURL: api.userAPIBase.appendingPathComponent("followers"))
            let reply = try await api.postJSON(url: api.userAPIBase.appendingPathComponent("feed"),
                                               json: try JSONSerialization.data(withJSONObject: activity))
            LineMode.say(LineMode.safe(NoteActivity.link(inReply: reply) ?? "posted"))
        }
    }
}

/// The JSON of a note post, kept here until the API layer offers a typed verb.
enum NoteActivity {
    static let publicCollection = "http://activityschema.org/collection/public"

    /// Plain text to pump.io's HTML `content`: escaped, newlines as <br>.
    static func html(fromPlainText text: String) -> String {
        var out = ""
        for ch in text.trimmingCharacters(in: .newlines) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r\n": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }

    static func post(html: String, audience: PostCommand.Audience, followersURL: URL) -> [String: Any] {
        let pub: [String: Any] = ["objectType": "collection", "id": publicCollection]
        let followers: [String: Any] = ["objectType": "collection", "id": followersURL.absoluteString]
        var activity: [String: Any] = ["verb": "post", "object": ["objectType": "note", "content": html]]
        switch audience {
        case .public: activity["to"] = [pub]; activity["cc"] = [followers]
        case .followers: activity["to"] = [followers]
        }
        return activity
    }

    /// The note's page URL from the server's reply (else its id, else the activity's).
    static func link(inReply data: Data) -> String? {
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let note = obj["object"] as? [String: Any]
        return (note?["url"] as? String) ?? (note?["id"] as? String) ?? (obj["url"] as? String) ?? (obj["id"] as? String)
    }
}
