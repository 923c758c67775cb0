import ArgumentParser
import Foundation
import PumpCore

/// `pumptui inbox`: the major inbox as plain text (author, relative time, title, text, shared
/// object, URL) or JSON; pages through pump.io's `since`/`before` activity ids.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Print the inbox as plain text or JSON.",
        discussion: "Paging: --before ID prints the activities older than activity ID, --since ID the newer ones (ids as --json prints them). --since also takes an ISO 8601 date (2026-11-30 or 2026-11-30T12:00:00Z): the newest --count activities, only those published after it.")

    @Option(name: .long, help: "The account (default: $PUMPTUI_ACCOUNT, config.toml's default-account, the last one used, or the only one).", completion: AccountCompletion.kind)
    var account: String?

    @Option(name: .long, help: "How many activities (1-200).")
    var count: Int = 20

    @Option(name: .long, help: ArgumentHelp("Only activities newer than this activity id or ISO 8601 date.", valueName: "ID|DATE"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only activities older than this activity id (the next page: the last id printed).", valueName: "ID"))
    var before: String?

    @Flag(name: .long, help: "Print JSON (an array of activities) instead of text.")
    var json = false

    @OptionGroup var common: CommonOptions
    @OptionGroup var network: NetworkOptions

    func validate() throws {
        guard (1...200).contains(count) else { throw ValidationError("--count must be between 1 and 200") }
        try AccountArgument.validate(account, option: "--account")
        if since != nil && before != nil { throw ValidationError("--since and --before cannot be combined") }
    }

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let id = try LineMode.resolveAccount(account, store: store, common: common)
            let api = try LineMode.pumpAPI(for: id, store: store, allowHTTP: network.allowHTTP)
            let sinceDate = since.flatMap(InboxSince.date)
            var feed = try await api.feedPage(.inboxMajor, count: count, since: sinceDate == nil ? since : nil, before: before)
            if let sinceDate { feed.items = feed.items.filter { ($0.published ?? .distantPast) > sinceDate } }
            if json { return try LineMode.printJSON(InboxLineMode.json(feed)) }
            let lines = InboxLineMode.render(feed, now: Date())
            if lines.isEmpty { LineMode.say("(inbox is empty)") }
            for line in lines { LineMode.say(line) }
        }
    }
}

/// `--since` is an activity id unless it reads as an ISO 8601 date or date-time.
enum InboxSince {
    static func date(_ text: String) -> Date? {
        guard let first = text.first, first.isNumber else { return nil }  // ids are URLs or tags
        let full = ISO8601DateFormatter()
        if let d = full.date(from: text) { return d }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
