import Foundation
import PumpCore

/// Everything pumptui does to put its first screen up sooner (issues 11 and 13), in one place,
/// so no screen has to know about it:
///
/// 1. `firstJob`: the job the first screen will start with when it needs no terminal (a login's
///    discovery, registration and request token, or the client's read of its first cached tab),
///    known from the stored accounts' ids alone. `Launch` hands it to the performer before curses
///    is set up, so the work overlaps the terminal's start.
/// 2. `Jobs`: the performer's record of those jobs. When the screen starts the same job, it
///    adopts the running one (`adopt`) and receives every report it made meanwhile, in order
///    (`ReportRelay`), instead of doing the work twice.
/// 3. `firstRows`: the cached start's first read needs only the cache, not the account's worker
///    (whose stored-account decode costs 1–2 ms): the cache it opened is handed to the worker
///    later (`Jobs.takeCache`).
/// 4. The runtime waits for the first result before the first frame (`PumpApp.awaitsFirstResult`,
///    at most `firstFrameGraceMs`), so the first frame already shows the URL or the cached rows.
///
/// `TUIQuickParse` (the plain full-screen start without ArgumentParser's reflection) is the
/// command-line side of the same budget; the README's start-up benchmark rows guard both.
enum EarlyStart {
    /// The tab a client starts on: its cache is read before the screen exists.
    static let firstTab: FeedKind = .inboxMajor

    /// The job the first screen will start with when it needs no terminal; nil when the first
    /// screen waits for the user (the account picker).
    static func firstJob(account: AccountID?, stored: [AccountID], mode: PumpApp.Mode) -> PumpApp.Job? {
        let known = Dictionary(stored.map { ($0, $0.nickname) }) { a, _ in a }
        return firstJob(for: PumpApp(account: account, stored: known, mode: mode).screen)
    }

    static func firstJob(for screen: PumpApp.Screen) -> PumpApp.Job? {
        switch screen {
        case .login(let s): return .login(s.account, .start)
        case .client(_, let account): return .client(account, .cached(firstTab))
        case .account: return nil
        }
    }

    /// Which early job a screen's job is. A value, not a string: "cached \(account) \(kind)"
    /// printed the enum through reflection, ~1 ms of the cached start (perf record).
    enum Key: Hashable, Sendable {
        case login(AccountID)
        case cached(AccountID, FeedKind)

        /// A login's `.start` and the client's read of one cached tab; nil for every other job.
        init?(_ job: PumpApp.Job) {
            switch job {
            case .login(let account, .start): self = .login(account)
            case .client(let account, .cached(let kind?)): self = .cached(account, kind)
            default: return nil
            }
        }
    }

    /// Is this the cached start's first read, which the cache alone answers (no worker yet)?
    static func isFirstRows(_ job: ClientJob) -> Bool {
        if case .cached(let kind?) = job { return kind != .notifications }
        return false
    }

    /// The first rows from a cache opened for them (`ClientWorker.firstSnapshot`).
    static func firstRows(_ job: ClientJob, from opened: ClientWorker.OpenedCache) -> ClientMessage {
        guard case .cached(let kind?) = job else { return .cached(CacheSnapshot(problem: opened.problem)) }
        return .cached(ClientWorker.firstSnapshot(kind, cache: opened.cache, problem: opened.problem))
    }

    /// The performer's early jobs and the cache the first read opened. Owned by the performer
    /// (an actor), so plain mutable state.
    struct Jobs {
        private var running: [Key: (task: Task<PumpApp.Message, Never>, relay: ReportRelay<PumpApp.Message>)] = [:]
        private var cache: (account: AccountID, opened: ClientWorker.OpenedCache)?

        /// Starts `job` now unless it is no early job or already running.
        mutating func begin(_ job: PumpApp.Job, run: @escaping @Sendable (Report<PumpApp.Message>) async -> PumpApp.Message) {
            guard let key = Key(job), running[key] == nil else { return }
            let relay = ReportRelay<PumpApp.Message>()
            running[key] = (Task { await run(relay.report) }, relay)
        }

        /// The running early job the screen's `job` is, attached to the screen's report.
        mutating func adopt(_ job: PumpApp.Job, report: Report<PumpApp.Message>) -> Task<PumpApp.Message, Never>? {
            guard let key = Key(job), let adopted = running.removeValue(forKey: key) else { return nil }
            adopted.relay.attach(report)
            return adopted.task
        }

        /// Remembers the cache the first read opened, for the account's worker.
        mutating func keepCache(_ opened: ClientWorker.OpenedCache, of account: AccountID) { cache = (account, opened) }

        /// That cache, if it is this account's.
        func cache(of account: AccountID) -> ClientWorker.OpenedCache? {
            cache.flatMap { $0.account == account ? $0.opened : nil }
        }

        /// The worker took the cache over.
        mutating func cacheTaken() { cache = nil }
    }
}
