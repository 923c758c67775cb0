import ArgumentParser
import Foundation
import PumpCore

/// `pumptui inbox`: the major inbox as plain text (author, relative time, text).
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inbox", abstract: "Print the inbox as plain text.")

    @Option(name: .long, help: "The account (optional when only one is stored).")
    var account: String?

    @Option(name: .long, help: "How many activities (1-200).")
    var count: Int = 20

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (1...200).contains(count) else { throw ValidationError("--count must be between 1 and 200") }
    }

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let id = try LineMode.resolveAccount(account, store: store)
            let api = try LineMode.pumpAPI(for: id, store: store, allowHTTP: common.allowHTTP)
            let feed = try await api.feed(.inboxMajor, count: count)
            let lines = InboxLineMode.render(feed, now: Date())
            if lines.isEmpty { LineMode.say("(inbox is empty)") }
            for line in lines { LineMode.say(line) }
        }
    }
}
