import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a TerminalApp full-screen: one loop on one thread (the main queue) that polls the
/// terminal and a wake-up pipe, feeds events to `update`, carries out the effects, and paints `render`.
public enum Runtime {
    /// Runs until the app quits, a signal arrives or the terminal hangs up; returns the exit
    /// code (the app's, 128+signal, or 129 for a hang-up). `backend` opens the terminal once the
    /// signal handlers are in place; it throws `TerminalError` when full-screen mode cannot
    /// start (the CLI then falls back to line mode). `theme` gets the number of colours the
    /// terminal offers (0 when colour is off), known only once it is open.
    ///
    /// curses is not thread-safe, so the whole loop, and with it every curses call, runs as
    /// ONE blocking call on the main queue (the main actor's executor). Verified here: under an
    /// async `@main` (ArgumentParser), Linux dispatch drains the main queue on a worker thread
    /// ("…-qos.overcommit"), not on thread 1, so "main thread" cannot be had; one thread for the
    /// whole run is what matters. Jobs run on the concurrency pool and must not need the main
    /// actor: it is busy running the loop until the app exits.
    static func run<A: TerminalApp>(app: A, perform: @escaping @Sendable (A.Job, Report<A.Message>) async -> A.Message,
                                    backend: @escaping @Sendable () throws -> any TerminalBackend,
                                    theme: @escaping @Sendable (Int) -> Theme, options: RuntimeOptions = RuntimeOptions(),
                                    environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws -> Int32 {
        let box = UncheckedBox(app)
        let result: Result<Int32, Error> = await withCheckedContinuation { continuation in
            DispatchQueue.main.async {
                continuation.resume(returning: Result {
                    try runBlocking(app: box.value, perform: perform, backend: backend, theme: theme,
                                    options: options, environment: environment)
                })
            }
        }
        return try result.get()
    }

    /// The same, blocking the calling thread.
    static func runBlocking<A: TerminalApp>(app: A, perform: @escaping @Sendable (A.Job, Report<A.Message>) async -> A.Message,
                                            backend open: () throws -> any TerminalBackend,
                                            theme: (Int) -> Theme, options: RuntimeOptions,
                                            environment: [String: String]) throws -> Int32 {
        let inbox = try MessageInbox<A.Message>()
        SignalGuard.install(wakeFD: inbox.writeFD)
        // The handlers write to the inbox's pipe: they go before the pipe is closed.
        var terminalGone = false
        defer { SignalGuard.uninstall(ignoreHangUp: terminalGone); withExtendedLifetime(inbox) {} }
        let backend = try open()
        var loop = EventLoop(app: app, perform: perform, inbox: inbox, backend: backend, theme: theme(backend.colors),
                             options: options, environment: environment)
        let code = loop.run()
        terminalGone = loop.terminalGone
        return code
    }
}

/// What the loop itself needs to know (everything else belongs to the app or the backend).
struct RuntimeOptions: Sendable {
    /// How long shutdown waits for the jobs the app returns from `.shutdown` (saving drafts).
    /// Kept well under 2 s: a hang-up must end the process within 2 s.
    var shutdownGraceMs = 800
    /// How long Ctrl-Z waits for the same jobs before the process stops: longer than at exit,
    /// since nothing is waiting on us (no hang-up deadline) and a save cut short here is lost to
    /// a `kill -9` while stopped.
    var suspendGraceMs = 2000
    /// How long the first frame waits for the jobs the start began (issues 11, 13): a cached
    /// timeline or login URL that is ready this soon is in the first frame, rather than in a
    /// second one painted over a "Loading" frame a few milliseconds old.
    var firstFrameGraceMs = 25
}

/// Carries the (not necessarily Sendable) app value to the main thread; only that thread uses it.
/// Unchecked because the compiler cannot see the hand-over: `run` never touches `app` again after
/// queueing the block, so the value is never shared.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The loop's state. A struct with mutating methods keeps the app value and the timers in one
/// place without shared references.
struct EventLoop<A: TerminalApp> {
    var app: A
    let perform: @Sendable (A.Job, Report<A.Message>) async -> A.Message
    let inbox: MessageInbox<A.Message>
    let backend: any TerminalBackend
    let theme: Theme
    let options: RuntimeOptions
    let environment: [String: String]

    private var pending: [AppEvent<A.Message>] = []
    private var timers: [(due: Double, message: A.Message)] = []
    private var assembler = InputAssembler()
    /// Terminal replies taken out of the input before paste assembly (while a probe is out).
    private var replies = TerminalReplyFilter()
    /// The graphics probe in flight, and its finding once made (kept for the session).
    private var probe: GraphicsProbe?
    private var graphics: GraphicsSupport?
    /// Graphics bytes to write at a cell after the next paint.
    private var graphicToDraw: (bytes: String, row: Int, col: Int)?
    /// Jobs the events just handled asked for, started right after the next paint: started at
    /// once, the cached start's second read and its first requests took the CPU from the frame
    /// that shows the first rows (perf record, issue 13).
    private var queuedJobs: [A.Job] = []
    private var exit: ShutdownReason?
    private var farewell: String?
    private var nextTick = 0.0
    /// Set when the run ended with the terminal gone (nothing was written to it at the end).
    private(set) var terminalGone = false

    init(app: A, perform: @escaping @Sendable (A.Job, Report<A.Message>) async -> A.Message, inbox: MessageInbox<A.Message>,
         backend: any TerminalBackend, theme: Theme, options: RuntimeOptions, environment: [String: String]) {
        self.app = app; self.perform = perform; self.inbox = inbox; self.backend = backend
        self.theme = theme; self.options = options; self.environment = environment
    }

    mutating func run() -> Int32 {
        pending.append(.start(backend.size))
        processPending()
        launchQueuedJobs()   // what the first frame waits for
        awaitFirstResults()
        while exit == nil {
            processPending()
            guard exit == nil else { break }
            paint()
            launchQueuedJobs()
            waitAndGather()
        }
        launchQueuedJobs()   // as they always were: started, not awaited (shutdown awaits its own)
        return shutdown(exit ?? .hangUp)
    }

    // MARK: - Events and effects

    private mutating func processPending() {
        while !pending.isEmpty, exit == nil {
            let event = pending.removeFirst()
            for effect in app.update(event) { execute(effect) }
        }
    }

    private mutating func execute(_ effect: Effect<A.Message, A.Job>) {
        switch effect {
        case .run(let job):
            queuedJobs.append(job)
        case .copyToClipboard(let text):
            if let obstacle = Clipboard.obstacle(environment: environment) {
                pending.append(.notice(.copyBlocked(reason: obstacle)))
            } else {
                backend.writeRaw(Clipboard.osc52(text, environment: environment))
                pending.append(.notice(.copied))
            }
        case .showPlain(let text):
            if backIn(backend.showPlain(text)) { pending.append(.notice(.plainShown)) }
        case .runInTerminal(let argv):
            let (outcome, command) = backend.runSuspended(argv)
            if backIn(outcome) { pending.append(.notice(.commandFinished(command))) }
        case .openBrowser(let url):
            pending.append(.notice(Self.openBrowser(url, environment: environment)))
        case .cue(let cue):
            backend.writeRaw(cue.sequence(environment: environment))
        case .graphics(let request):
            graphicsRequest(request)
        case .after(let seconds, let message):
            timers.append((now() + max(0, seconds), message))
        case .quit(let code, let text):
            if exit == nil { exit = .quit(exitCode: code); farewell = text }
        }
    }

    /// After the normal screen (plain text, a command, a stop): the exit a signal or hang-up
    /// asked for, or the size the window has now if it changed meanwhile. True when back.
    private mutating func backIn(_ outcome: PlainOutcome) -> Bool {
        switch outcome {
        case .returned:
            if let size = backend.takeResize(force: true) { pending.append(.input(.resize(size))) }
            return true
        case .signal(let sig): exit = .signal(sig)
        case .hungUp: exit = .hangUp
        }
        return false
    }

    /// Ctrl-Z: the app saves what must outlive a `kill -9` while stopped (its `.run` effects,
    /// awaited like shutdown's, their results delivered), then the process stops until `fg`.
    private mutating func suspend() {
        var jobs: [A.Job] = []
        for effect in app.update(.suspend) {
            if case .run(let job) = effect { jobs.append(job) }
        }
        let inbox = self.inbox
        Self.awaitJobs(jobs, perform: perform, graceMs: options.suspendGraceMs, deliver: inbox.push)
        _ = backIn(backend.suspendProcess())
    }

    private mutating func launchQueuedJobs() {
        let jobs = queuedJobs
        queuedJobs = []
        let perform = self.perform, inbox = self.inbox
        for job in jobs {
            Task.detached { inbox.push(await perform(job, Report(inbox.push))) }
        }
    }

    private mutating func graphicsRequest(_ request: GraphicsRequest) {
        switch request {
        case .detect:
            if let graphics { pending.append(.notice(.graphics(graphics))); return }
            guard probe == nil else { return }
            let t = now()
            probe = GraphicsProbe(started: t)
            replies.armedUntil = t + GraphicsProbe.armedSeconds
            backend.writeRaw(GraphicsProbe.query)
        case .show(let bytes, let row, let col):
            graphicToDraw = (bytes, row, col)
        case .clear(let kind):
            graphicToDraw = nil
            if kind == .kitty { backend.writeRaw(KittyGraphics.delete) } else if kind != .halfBlock { backend.repaintAll() }
        }
    }

    /// Ends the probe once DA1 answered or its time is up; the finding goes to the app.
    private mutating func settleProbe() {
        guard let p = probe, p.answered || now() >= p.deadline else { return }
        if p.answered { replies.armedUntil = nil }
        probe = nil
        let found = p.decide(colors: backend.colors)
        graphics = found
        pending.append(.notice(.graphics(found)))
    }

    static func openBrowser(_ url: String, environment: [String: String]) -> RuntimeNotice {
        switch BrowserLauncher.decide(url: url, environment: environment) {
        case .unavailable(let reason): return .browserUnavailable(reason: reason)
        case .launch(let argv):
            if let failure = BrowserLauncher.spawnDetached(argv) { return .browserFailed(reason: failure) }
            return .browserOpened(url)
        }
    }

    // MARK: - Waiting

    /// Before the first frame: the messages of the jobs the start began, until the app has
    /// what that frame is for or the grace is over. Keys typed meanwhile wait in the terminal
    /// and are read after, in order; a signal ends the wait.
    private mutating func awaitFirstResults() {
        let end = now() + Double(options.firstFrameGraceMs) / 1000
        while exit == nil, app.awaitsFirstResult {
            let left = end - now()
            guard left > 0 else { return }
            var fd = pollfd(fd: inbox.readFD, events: Int16(POLLIN), revents: 0)
            let n = poll(&fd, 1, Int32((left * 1000).rounded(.up)))
            let sig = backend.pendingSignal()
            if sig != 0 { exit = .signal(sig); return }
            guard n > 0 else { return }
            for message in inbox.drain() { pending.append(.message(message)) }
            processPending()
            // Still waiting: what it waits for may be a job these messages asked for.
            if app.awaitsFirstResult { launchQueuedJobs() }
        }
    }

    private mutating func paint() {
        let size = backend.size
        var buffer = CellBuffer(size: size)
        app.render(into: &buffer)
        backend.present(buffer, theme: theme)
        if let g = graphicToDraw {
            backend.writeRaw(g.bytes, atRow: g.row, col: g.col)
            graphicToDraw = nil
        }
    }

    /// Sleeps in poll() until input, a finished job, a signal, a timer or a tick is due, then
    /// queues whatever happened. Never spins: a dead terminal ends the loop.
    private mutating func waitAndGather() {
        let t = now()
        var timeout = app.wantsTicks ? max(0, nextTick - t) : 1.0
        if let due = timers.map(\.due).min() { timeout = min(timeout, max(0, due - t)) }
        if let due = assembler.deadline { timeout = min(timeout, max(0, due - t)) }
        for due in [replies.deadline, probe?.deadline].compactMap({ $0 }) { timeout = min(timeout, max(0, due - t)) }
        var fds = [pollfd(fd: backend.inputFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: inbox.readFD, events: Int16(POLLIN), revents: 0)]
        let n = poll(&fds, 2, Int32((timeout * 1000).rounded(.up)))
        if n < 0 && errno != EINTR { exit = .hangUp; return }

        let sig = backend.pendingSignal()
        if sig != 0 { exit = .signal(sig); return }
        // After a stop or a resize the next thing is a paint at the new size: a read first would
        // let wgetch refresh the resized window's stale content, and the paint after it would
        // be a diff (line inserts) against a screen tmux has not laid out that way.
        if backend.takeSuspendRequest() { suspend(); return }
        if let size = backend.takeResize(force: false) { pending.append(.input(.resize(size))); return }
        if n > 0 && fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { exit = .hangUp; return }

        // Drain even without POLLIN: after SIGWINCH (EINTR) ncurses has a KEY_RESIZE waiting.
        switch backend.readInputs(pollSaidReadable: n > 0 && fds[0].revents & Int16(POLLIN) != 0) {
        case .hungUp: exit = .hangUp; return
        case .arriving: assembler.stillArriving(now: now())
        case .inputs(let inputs):
            let at = now()
            for input in inputs {
                let (pass, found) = replies.feed(input, now: at)
                for reply in found { probe?.note(reply) }
                for p in pass { pending += assembler.feed(p, now: at).map { .input($0) } }
            }
        }
        for held in replies.expire(now: now()) { pending += assembler.feed(held, now: now()).map { .input($0) } }
        settleProbe()
        let (settled, ended) = assembler.expire(now: now())
        pending += settled.map { .input($0) }
        if ended == .unterminated { pending.append(.notice(.pasteUnterminated)) }
        for message in inbox.drain() { pending.append(.message(message)) }
        fireTimers()
        if app.wantsTicks, now() >= nextTick {
            pending.append(.tick)
            nextTick = now() + 0.1
        }
    }

    private mutating func fireTimers() {
        let t = now()
        let due = timers.filter { $0.due <= t }
        timers.removeAll { $0.due <= t }
        for timer in due { pending.append(.message(timer.message)) }
    }

    // MARK: - Shutdown

    /// Gives the app its `.shutdown` event, waits briefly for the jobs it returns (saving
    /// drafts), restores the terminal unless it is gone, and prints the farewell.
    private mutating func shutdown(_ reason: ShutdownReason) -> Int32 {
        var jobs: [A.Job] = []
        for effect in app.update(.shutdown(reason)) {
            switch effect {
            case .run(let job): jobs.append(job)
            // A farewell still gets printed on a signal (the login's URL after Ctrl-C).
            case .quit(_, let text?) where farewell == nil: farewell = text
            default: break
            }
        }
        Self.awaitJobs(jobs, perform: perform, graceMs: options.shutdownGraceMs, deliver: nil)
        if reason == .hangUp || (reason == .signal(SIGHUP) && !backend.isAlive()) {
            backend.abandon()
            terminalGone = true
        } else {
            backend.stop(farewell: farewell)
        }
        return reason.exitCode
    }

    /// Runs `jobs` and waits for them, `graceMs` at most; `deliver` gets their results (nil at
    /// shutdown: nobody is left to read them).
    private static func awaitJobs(_ jobs: [A.Job], perform: @escaping @Sendable (A.Job, Report<A.Message>) async -> A.Message,
                                  graceMs: Int, deliver: (@Sendable (A.Message) -> Void)?) {
        guard !jobs.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        for job in jobs {
            Task.detached {
                let result = await perform(job, deliver.map { Report($0) } ?? .ignored)
                deliver?(result)
                done.signal()
            }
        }
        let deadline = DispatchTime.now() + .milliseconds(graceMs)
        for _ in jobs where done.wait(timeout: deadline) == .timedOut { break }
    }

    private func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
