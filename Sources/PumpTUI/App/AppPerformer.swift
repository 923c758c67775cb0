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
    /// Jobs begun by `prestart`, waiting for the screen's own job to adopt them, and the cache
    /// the first read opened (`EarlyStart`).
    private var early = EarlyStart.Jobs()
    private var worker: (account: AccountID, worker: ClientWorker)?
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
        early.begin(job) { report in await self.run(job, report: report) }
    }

    func perform(_ job: PumpApp.Job, report: Report<PumpApp.Message>) async -> PumpApp.Message {
        if let adopted = early.adopt(job, report: report) { return await adopted.value }
        return await run(job, report: report)
    }

    private func run(_ job: PumpApp.Job, report: Report<PumpApp.Message>) async -> PumpApp.Message {
        switch job {
        case .login(let account, let job):
            return .login(await performLogin(account, job, report: report.map(PumpApp.Message.login)))
        case .client(let account, let job):
            if EarlyStart.isFirstRows(job), worker?.account != account {
                // The first rows need only the cache. The worker, and with it the stored
                // account's decode (the process's first JSONDecoder, 1–2 ms), comes with the
                // next job, after those rows are on screen (issue 13).
                let opened = early.cache(of: account) ?? ClientWorker.openCache(cache.directory, account: account, limit: cache.limit)
                early.keepCache(opened, of: account)
                return .client(EarlyStart.firstRows(job, from: opened))
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
                retireWorker(of: account)
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
                                 cacheDirectory: cache.directory, cacheLimit: cache.limit, opened: early.cache(of: account))
        early.cacheTaken()
        worker = (account, w)
        return w
    }

    /// A new login for the account the worker serves (the client's relogin after the server
    /// forgot its client or token, issue 25): that worker signs with the refused credentials, so
    /// every request failed again and the login screen came back. The next job makes a worker
    /// with the new ones, on the cache this one has open.
    private func retireWorker(of account: AccountID) {
        guard let old = worker, old.account == account else { return }
        worker = nil
        early.keepCache((old.worker.cache, old.worker.cacheProblem), of: account)
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
