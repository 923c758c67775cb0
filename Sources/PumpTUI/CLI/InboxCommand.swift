import ArgumentParser
import Foundation
import PumpCore

/// `pumptui inbox`: the major inbox as plain text (author, relative time, title, text, shared
/// object, URL) or JSON; pages through pump.io's `since`/`before` activity ids.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Print the inbox as plain text or JSON.",
        discussion: "Paging: --before ID prints the activities older than activity ID, --since ID the newer ones (ids as --json prints them). --since also takes an ISO 8601 date (2026-11-30 or 2026-11-30T12:00:00Z): the newest --count activities, only those published after it. Offline (no answer from the server) it prints what the full-screen client cached, and says so on stderr.")

    @Option(name: .long, help: "The account (default: $PUMPTUI_ACCOUNT, config.toml's default-account, the last one used, or the only one).", completion: AccountCompletion.kind)
    var account: String?

    @Option(name: .long, help: "How many activities, 1-200 (default: 20).")
    var count: Int = 20

    @Option(name: .long, help: ArgumentHelp("Only activities newer than this activity id or ISO 8601 date.", valueName: "ID|DATE"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only activities older than this activity id (the next page: the last id printed).", valueName: "ID"))
    var before: String?

    @Flag(name: .long, help: "Print JSON instead of text: {version, items: [activity]} (pumptui(1), JSON OUTPUT).")
    var json = false

    @OptionGroup var common: CommonOptions
    @OptionGroup var network: NetworkOptions

    func validate() throws {
        guard (1...200).contains(count) else { throw ValidationError("--count must be between 1 and 200") }
        try AccountArgument.validate(account, option: "--account")
        if since != nil && before != nil { throw ValidationError("--since and --before cannot be combined") }
        if let since, let problem = InboxSince.problem(since) { throw ValidationError(problem) }
    }

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let id = try LineMode.resolveAccount(account, store: store, common: common)
            let api = try LineMode.pumpAPI(for: id, store: store, allowHTTP: network.allowHTTP)
            let sinceDate = since.flatMap(InboxSince.date)
            var feed: Feed
            do {
                feed = try await api.feedPage(.inboxMajor, count: count, since: sinceDate == nil ? since : nil, before: before)
            } catch let error as PumpError where error.isOffline {
                guard let cached = cachedInbox(id) else { throw error }
                LineMode.warn("offline (\(error.message)); showing the cached inbox (\(cached.items.count) items, as the full-screen client saved them)")
                feed = cached
            }
            if let sinceDate { feed.items = feed.items.filter { ($0.published ?? .distantPast) > sinceDate } }
            if json { return try LineMode.printJSON(JSONOutput.Inbox(items: JSONOutput.Builder().items(feed))) }
            let lines = InboxLineMode.render(feed, now: Date())
            if lines.isEmpty { LineMode.say("(inbox is empty)") }
            for line in lines { LineMode.say(line) }
        }
    }
}

extension InboxCommand {
    /// Offline, the inbox the full-screen client cached (as it shows it), when this page can come
    /// from it: the newest page, or one --since DATE filters; an activity id to page from is the
    /// server's to answer (nil: the error stands).
    func cachedInbox(_ id: AccountID) -> Feed? {
        guard before == nil, since == nil || since.flatMap(InboxSince.date) != nil,
              let cache = try? CacheStore(directory: common.cacheDirectory, account: id),
              let cached = try? cache.timeline(FeedKind.inboxMajor.rawValue, count: count),
              !cached.feed.items.isEmpty else { return nil }
        return cached.feed
    }
}

/// `--since` is an activity id unless it reads as an ISO 8601 date or date-time.
enum InboxSince {
    static func date(_ text: String) -> Date? {
        guard let first = text.first, first.isNumber, problem(text) == nil else { return nil }  // ids are URLs or tags
        let full = ISO8601DateFormatter()
        if let d = full.date(from: text) { return d }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}

extension InboxSince {
    /// Why a `--since` that starts like a date (`YYYY-MM-…`) is not one, or nil. The date
    /// formatter rolls 2026-02-30 over to March 2 and a typo would be sent as an activity id;
    /// both are refused with the reason instead (issue 23).
    static func problem(_ text: String) -> String? {
        let b = Array(text.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count, b[r].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return b[r].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let year = number(0..<4), b.count > 4, b[4] == UInt8(ascii: "-") else { return nil }  // not date-like: an id
        let shown = TerminalText.clean(text, .line, maxLength: 40)
        let usage = "--since \(shown) is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"
        guard let month = number(5..<7), b.count >= 10, b[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return usage }
        guard (1...12).contains(month) else { return "--since \(shown): there is no month \(month)" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "--since \(shown): that month has \(days) days" }
        guard b.count > 10 else { return nil }
        guard b[10] == UInt8(ascii: "T"), let h = number(11..<13), b.count > 16, b[13] == UInt8(ascii: ":"),
              let m = number(14..<16), h < 24, m < 60 else { return usage }
        if b[16] == UInt8(ascii: ":") { guard let sec = number(17..<19), sec < 60 else { return usage } }
        return ISO8601DateFormatter().date(from: text) == nil ? usage : nil
    }
}
