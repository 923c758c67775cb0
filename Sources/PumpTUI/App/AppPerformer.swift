import Foundation
import Logging
import PumpCore

/// Runs `PumpApp`'s jobs off the UI loop. Holds the live `PumpLogin` (its request token stays
/// in memory only) and, after login, the client's worker.
final class AppPerformer: @unchecked Sendable {
    private let store: CredentialStore
    private let allowHTTP: Bool
    private let transport: HTTPTransport
    private let progress = ProgressChannel()
    private let lock = NSLock()
    private var login: PumpLogin?
    private var worker: (AccountID, ClientWorker)?
    /// The last finished login (for `pumptui login`, which reports it after the screen closes).
    private(set) var session: PumpSession? {
        get { lock.withLock { _session } }
        set { lock.withLock { _session = newValue } }
    }
    private var _session: PumpSession?

    /// Drafts go to `state` (the state directory's store), or to the config directory when nil.
    private let state: CredentialStore?

    init(store: CredentialStore, allowHTTP: Bool, transport: HTTPTransport = AsyncHTTPTransport(),
         state: CredentialStore? = nil) {
        self.store = store; self.allowHTTP = allowHTTP; self.transport = transport; self.state = state
    }

    func perform(_ job: PumpApp.Job) async -> PumpApp.Message {
        switch job {
        case .login(let account, let job): return .login(await performLogin(account, job))
        case .client(let account, let job):
            do {
                let worker = try clientWorker(account)
                return .client(await worker.perform(job))
            } catch {
                return .clientUnavailable((error as? PumpError)?.message ?? "\(error)")
            }
        }
    }

    private func performLogin(_ account: AccountID, _ job: LoginJob) async -> LoginMessage {
        do {
            switch job {
            case .watchProgress: return .progress(await progress.next())
            case .start:
                let login = PumpLogin(account: account, store: store, allowHTTP: allowHTTP, transport: transport,
                                      progress: { [progress] in
                                          PumpLog.login.debug("login \(account): \($0)")
                                          progress.push($0)
                                      }, verifierCallback: { _ in })
                lock.withLock { self.login = login }
                try await login.start()
                return .urlReady(login.authorizeURL?.absoluteString ?? "")
            case .renew:
                let login = try currentLogin()
                try await login.renewRequestToken()
                return .urlReady(login.authorizeURL?.absoluteString ?? "")
            case .submit(let code):
                let s = try await currentLogin().verifier(code)
                session = s
                return .loggedIn(LoginSuccess(s))
            }
        } catch {
            PumpLog.login.error("login \(account) failed: \(String(describing: error))")
            return .failed(LoginFailure(error))
        }
    }

    private func currentLogin() throws -> PumpLogin {
        guard let login = lock.withLock({ self.login }) else { throw PumpError.noRequestToken }
        return login
    }

    private func clientWorker(_ account: AccountID) throws -> ClientWorker {
        if let cached = lock.withLock({ worker }), cached.0 == account { return cached.1 }
        let w = try ClientWorker(store: store, account: account, allowHTTP: allowHTTP, state: state)
        lock.withLock { worker = (account, w) }
        return w
    }
}

/// Progress reports from a running login step, handed out one per `watchProgress` job. Only
/// the latest is kept: the screen shows where the login is now, not its history.
final class ProgressChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: LoginProgress?
    private var waiter: CheckedContinuation<LoginProgress, Never>?

    func push(_ p: LoginProgress) {
        let w: CheckedContinuation<LoginProgress, Never>? = lock.withLock {
            if let w = waiter { waiter = nil; return w }
            latest = p; return nil
        }
        w?.resume(returning: p)
    }

    func next() async -> LoginProgress {
        await withCheckedContinuation { c in
            let ready: LoginProgress? = lock.withLock {
                if let p = latest { latest = nil; return p }
                waiter?.resume(returning: .waitingForVerifier)  // one watcher at a time: release the old
                waiter = c; return nil
            }
            if let ready { c.resume(returning: ready) }
        }
    }
}
