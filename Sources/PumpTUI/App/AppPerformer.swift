import Foundation
import Logging
import PumpCore

/// Runs `PumpApp`'s jobs off the UI loop. Holds the live `PumpLogin` of each account being
/// logged in (its request token stays in memory only) and, after login, the client's worker.
actor AppPerformer {
    private let store: CredentialStore
    private let allowHTTP: Bool
    private let transport: HTTPTransport
    private var logins: [AccountID: PumpLogin] = [:]
    /// Jobs begun by `prestart`, by `earlyKey`, waiting for the screen's own job to adopt them.
    private var early: [EarlyKey: (task: Task<PumpApp.Message, Never>, relay: ReportRelay<PumpApp.Message>)] = [:]
    private var worker: (account: AccountID, worker: ClientWorker)?
    /// The cache a cached start opened for its first rows before any worker existed; the
    /// account's worker takes it over.
    private var firstCache: (account: AccountID, opened: ClientWorker.OpenedCache)?
    private var remembered: AccountID?
    /// The last finished login (for `pumptui login`, which reports it after the screen closes).
    private(set) var session: PumpSession?

    /// Drafts go to `state` (the state directory's store), or to the config directory when nil.
    private let state: CredentialStore?
    /// Where each account's offline cache lives (nil: no cache) and how many items per timeline.
    private let cache: (directory: URL?, limit: Int)

    init(store: CredentialStore, allowHTTP: Bool, transport: HTTPTransport = AsyncHTTPTransport(),
         state: CredentialStore? = nil, cacheDirectory: URL? = nil, cacheLimit: Int = CacheStore.defaultLimit) {
        self.store = store; self.allowHTTP = allowHTTP; self.transport = transport; self.state = state
        cache = (cacheDirectory, cacheLimit)
    }

    /// Starts the app's first job before the terminal is set up, so it overlaps the curses
    /// start-up (issue 11: time to the authorize URL; issue 13: to the first cached row). Only
    /// jobs that need nothing from the screen qualify (`earlyKey`). The screen's own job then
    /// adopts it (`perform`), receiving every report it made meanwhile, in order.
    func prestart(_ job: PumpApp.Job) {
        guard let key = Self.earlyKey(job), early[key] == nil else { return }
        let relay = ReportRelay<PumpApp.Message>()
        early[key] = (Task { await self.run(job, report: relay.report) }, relay)
    }

    /// Which early job a screen's job is. A value, not a string: "cached \(account) \(kind)"
    /// printed the enum through reflection, ~1 ms of the cached start (perf record).
    private enum EarlyKey: Hashable {
        case login(AccountID)
        case cached(AccountID, FeedKind)
    }

    /// A login's `.start` (discovery, registration, request token) and the client's cache read.
    private static func earlyKey(_ job: PumpApp.Job) -> EarlyKey? {
        switch job {
        case .login(let account, .start): return .login(account)
        case .client(let account, .cached(let kind?)): return .cached(account, kind)
        default: return nil
        }
    }

    func perform(_ job: PumpApp.Job, report: Report<PumpApp.Message>) async -> PumpApp.Message {
        if let key = Self.earlyKey(job), let adopted = early.removeValue(forKey: key) {
            adopted.relay.attach(report)
            return await adopted.task.value
        }
        return await run(job, report: report)
    }

    private func run(_ job: PumpApp.Job, report: Report<PumpApp.Message>) async -> PumpApp.Message {
        switch job {
        case .login(let account, let job):
            return .login(await performLogin(account, job, report: report.map(PumpApp.Message.login)))
        case .client(let account, let job):
            if case .cached(let kind?) = job, kind != .notifications, worker?.account != account {
                // The first rows need only the cache. The worker, and with it the stored
                // account's decode (the process's first JSONDecoder, 1–2 ms), comes with the
                // next job, after those rows are on screen (issue 13).
                let opened = openedCache(account) ?? ClientWorker.openCache(cache.directory, account: account, limit: cache.limit)
                firstCache = (account, opened)
                return .client(.cached(ClientWorker.firstSnapshot(kind, cache: opened.cache, problem: opened.problem)))
            }
            do {
                let worker = try clientWorker(account)
                rememberAccount(account, unless: job)
                return .client(await worker.perform(job))
            } catch {
                return .clientUnavailable((error as? PumpError)?.message ?? "\(error)")
            }
        }
    }

    private func performLogin(_ account: AccountID, _ job: LoginJob, report: Report<LoginMessage>) async -> LoginMessage {
        do {
            switch job {
            case .start:
                // The login's callback is the screen's channel for its whole life: progress and
                // every authorize URL (also after `renew`) arrive as `.event` messages, in order.
                let login = PumpLogin(account: account, store: store, allowHTTP: allowHTTP, transport: transport,
                                      events: { event in
                                          if case .progress(let step) = event { PumpLog.login.debug("login \(account): \(step)") }
                                          report(.event(event))
                                      })
                logins[account] = login
                try await login.start()
                return .stepFinished
            case .renew:
                try await live(account).renewRequestToken()
                return .stepFinished
            case .submit(let code):
                let s = try await live(account).verifier(code)
                session = s
                logins[account] = nil
                return .loggedIn(LoginSuccess(s))
            }
        } catch {
            PumpLog.login.error("login \(account) failed: \(String(describing: error))")
            return .failed(LoginFailure(error))
        }
    }

    private func live(_ account: AccountID) throws -> PumpLogin {
        guard let login = logins[account] else { throw PumpError.noRequestToken }
        return login
    }

    private func clientWorker(_ account: AccountID) throws -> ClientWorker {
        if let cached = worker, cached.account == account { return cached.worker }
        let w = try ClientWorker(store: store, account: account, allowHTTP: allowHTTP, state: state,
                                 cacheDirectory: cache.directory, cacheLimit: cache.limit, opened: openedCache(account))
        firstCache = nil
        worker = (account, w)
        return w
    }

    /// The cache the first read opened for `account`, if it did.
    private func openedCache(_ account: AccountID) -> ClientWorker.OpenedCache? {
        firstCache.flatMap { $0.account == account ? $0.opened : nil }
    }

    /// The account is remembered as the last used (`last-account`) with its first job after the
    /// read of the first cached tab: the write's fsyncs would otherwise delay the first rows.
    private func rememberAccount(_ account: AccountID, unless job: ClientJob) {
        if case .cached(_?) = job { return }
        guard remembered != account else { return }
        remembered = account
        LastAccount.save(account, in: state ?? store)
    }
}
