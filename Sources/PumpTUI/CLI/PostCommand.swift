import ArgumentParser
import Foundation
import PumpCore

/// `pumptui post TEXT`: posts a note (public: to Public, cc followers) and prints its URL.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "Post a note.")

    @Option(name: .long, help: "The account to post as (optional when only one is stored).")
    var account: String?

    @Option(name: .long, help: "Who sees it: public or followers.")
    var to: Audience = .public

    @Argument(help: "The text of the note ('-' reads standard input).")
    var text: String

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let id = try LineMode.resolveAccount(account, store: store)
            let body = LineMode.textArgument(text)
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw LineModeError("empty note") }
            let api = try LineMode.pumpAPI(for: id, store: store, allowHTTP: common.allowHTTP)
            let activity = try await api.post(note: body.trimmingCharacters(in: .newlines), audience: to)
            LineMode.say(activity.object?.displayURL ?? activity.url.map { TerminalText.clean($0.absoluteString, .line) } ?? "posted")
        }
    }
}

extension Audience: ExpressibleByArgument {}
