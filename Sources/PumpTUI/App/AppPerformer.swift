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
    /// Logins begun by `prestart`, waiting for the screen's own `.start` job to adopt them.
    private var early: [AccountID: (task: Task<LoginMessage, Never>, relay: ReportRelay<LoginMessage>)] = [:]
    private var worker: (account: AccountID, worker: ClientWorker)?
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

    /// Starts the app's first job before the terminal is set up, so its requests overlap the
    /// curses start-up (issue 11: time to the authorize URL). Only a login's `.start` qualifies:
    /// it needs nothing from the screen but the account. The screen's own `.start` job then
    /// adopts it (`perform`), receiving every report it made meanwhile, in order.
    func prestart(_ job: PumpApp.Job) {
        guard case .login(let account, .start) = job, early[account] == nil, logins[account] == nil else { return }
        let relay = ReportRelay<LoginMessage>()
        early[account] = (Task { await self.performLogin(account, .start, report: relay.report) }, relay)
    }

    func perform(_ job: PumpApp.Job, report: Report<PumpApp.Message>) async -> PumpApp.Message {
        switch job {
        case .login(let account, let job):
            let report = report.map(PumpApp.Message.login)
            if job == .start, let adopted = early.removeValue(forKey: account) {
                adopted.relay.attach(report)
                return .login(await adopted.task.value)
            }
            return .login(await performLogin(account, job, report: report))
        case .client(let account, let job):
            do {
                return .client(await (try clientWorker(account)).perform(job))
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
                                 cacheDirectory: cache.directory, cacheLimit: cache.limit)
        worker = (account, w)
        LastAccount.save(account, in: state ?? store)
        return w
    }
}
