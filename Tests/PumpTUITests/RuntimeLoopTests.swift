import Foundation
import Testing
@testable import PumpTUI

/// A terminal that replays scripted reads. Its input descriptor is always readable, so the
/// loop never sleeps in these tests.
final class ScriptedBackend: TerminalBackend {
    var reads: [ReadResult]
    var signal: Int32 = 0
    var written: [String] = []
    var presented: [[String]] = []
    var stoppedWith: String?? = nil
    var abandoned = false
    let inputFD: Int32
    let colors = 0
    private let writeFD: Int32
    let size = Size(rows: 3, cols: 20)

    init(_ reads: [ReadResult]) {
        self.reads = reads
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        inputFD = fds[0]; writeFD = fds[1]
        var b: UInt8 = 1
        _ = write(writeFD, &b, 1)
    }
    deinit { close(inputFD); close(writeFD) }

    func present(_ buffer: CellBuffer, theme: Theme) { presented.append(buffer.trimmedLines()) }
    func readInputs(pollSaidReadable: Bool) -> ReadResult { reads.isEmpty ? .inputs([]) : reads.removeFirst() }
    func writeRaw(_ text: String) -> Bool { written.append(text); return true }
    func showPlain(_ text: String) -> PlainOutcome { written.append("PLAIN:" + text); return .returned }
    func pendingSignal() -> Int32 { signal }
    func stop(farewell: String?) { stoppedWith = .some(farewell) }
    func abandon() { abandoned = true }
    var alive = true
    func isAlive() -> Bool { alive }
    /// Ctrl-Zs still to report, what the jobs had done when each stop came, the size after it.
    var suspendRequests = 0
    var jobsDoneAtStop: [[String]] = []
    var jobLog: JobLog?
    var sizeAfterStop: Size?
    func takeSuspendRequest() -> Bool {
        guard suspendRequests > 0 else { return false }
        suspendRequests -= 1
        return true
    }
    func suspendProcess() -> PlainOutcome { jobsDoneAtStop.append(jobLog?.all ?? []); return .returned }
    func takeResize(force: Bool) -> Size? {
        defer { sizeAfterStop = nil }
        return force ? sizeAfterStop : nil
    }
}

/// Records every event and answers with scripted effects.
struct RecordingApp: TerminalApp {
    typealias Message = String
    typealias Job = String
    var events: [String] = []
    var script: (AppEvent<String>) -> [Effect<String, String>]
    var wantsTicks: Bool { false }
    /// Holds the first frame until a message has come (a login's URL, a cached timeline).
    var awaits = false
    var awaitsFirstResult: Bool { awaits && !events.contains { $0.hasPrefix("message") } }

    mutating func update(_ event: AppEvent<String>) -> [Effect<String, String>] {
        events.append("\(event)")
        return script(event)
    }
    func render(into buffer: inout CellBuffer) { buffer.put("events \(events.count)", row: 0, col: 0) }
}

/// Keeps what jobs were given, across threads.
final class JobLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

@Suite(.serialized) struct RuntimeLoopTests {
    private func run(_ backend: ScriptedBackend, env: [String: String] = [:], jobs: JobLog = JobLog(), awaits: Bool = false,
                     options: RuntimeOptions = RuntimeOptions(), script: @escaping (AppEvent<String>) -> [Effect<String, String>]) throws -> (Int32, RecordingApp) {
        var loop = EventLoop(app: RecordingApp(script: script, awaits: awaits), perform: { job, _ in jobs.add(job); return "done \(job)" },
                             inbox: try MessageInbox<String>(), backend: backend, theme: Theme(name: "t", styles: [:]),
                             options: options, environment: env)
        let code = loop.run()
        return (code, loop.app)
    }

    /// Ctrl-Z: the app's save runs and is delivered before the process stops; after `fg` the
    /// size the window took meanwhile comes as a resize (issue 22).
    @Test func suspendSavesFirstThenStopsThenResizes() throws {
        let backend = ScriptedBackend([.inputs([]), .inputs([.scalar("q")])])
        let jobs = JobLog()
        backend.jobLog = jobs
        backend.suspendRequests = 1
        backend.sizeAfterStop = Size(rows: 30, cols: 100)
        var patient = RuntimeOptions()
        patient.suspendGraceMs = 60_000   // the wait ends when the job is done (a loaded machine is slow)
        let (_, app) = try run(backend, jobs: jobs, options: patient) { event in
            switch event {
            case .suspend: return [.run("save draft")]
            case .input(.key(.char("q"))): return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        }
        #expect(backend.jobsDoneAtStop == [["save draft"]])
        let i = try #require(app.events.firstIndex(of: "suspend"))
        #expect(Set(app.events[(i + 1)...(i + 2)]) == ["message(\"done save draft\")",
                                                       "input(PumpTUI.InputEvent.resize(PumpRender.Size(rows: 30, cols: 100)))"])
    }

    @Test func quitPrintsFarewellAfterShutdownEvent() throws {
        let backend = ScriptedBackend([.inputs([.scalar("x"), .scalar("q")])])
        let (code, app) = try run(backend) { event in
            if case .input(.key(.char("q"))) = event { return [.quit(exitCode: 3, farewell: "bye")] }
            return []
        }
        #expect(code == 3)
        #expect(app.events.first == "start(PumpRender.Size(rows: 3, cols: 20))")
        #expect(app.events.contains("input(PumpTUI.InputEvent.key(PumpTUI.Key.char(\"x\")))"))
        #expect(app.events.last == "shutdown(PumpTUI.ShutdownReason.quit(exitCode: 3))")
        #expect(backend.stoppedWith == .some("bye"))
        #expect(backend.presented.first == ["events 1", "", ""])
    }

    /// The first frame waits (briefly) for what it is for; keys typed meanwhile come after it.
    @Test func theFirstFrameHoldsForTheStartJobsResult() throws {
        let backend = ScriptedBackend([.inputs([.scalar("q")])])
        var patient = RuntimeOptions()
        patient.firstFrameGraceMs = 5000   // the wait ends when the message comes (a loaded test machine is slow)
        let started = Date()
        let (_, app) = try run(backend, awaits: true, options: patient) { event in
            switch event {
            case .start: return [.run("cache")]
            case .input(.key(.char("q"))): return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        }
        #expect(backend.presented.first == ["events 2", "", ""])
        #expect(Array(app.events[1...2]) == ["message(\"done cache\")", "input(PumpTUI.InputEvent.key(PumpTUI.Key.char(\"q\")))"])
        #expect(Date().timeIntervalSince(started) < 4)
    }

    /// Nothing comes: the first frame goes after the grace, not later.
    @Test func theFirstFrameHoldsNoLongerThanTheGrace() throws {
        let backend = ScriptedBackend([.inputs([.scalar("q")])])
        let started = Date()
        let (_, _) = try run(backend, awaits: true) { event in
            if case .input(.key(.char("q"))) = event { return [.quit(exitCode: 0, farewell: nil)] }
            return []
        }
        #expect(backend.presented.first == ["events 1", "", ""])
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= Double(RuntimeOptions().firstFrameGraceMs) / 1000 * 0.9 && waited < 1)
    }

    /// A job a key asks for starts once the frame showing that key's effect is on screen, not
    /// while it is drawn (the cached start's second read and first requests took the CPU from
    /// the first rows). The frame is slow here, so a job started before it sees fewer frames.
    @Test func jobsStartAfterTheFrameOfTheEventsThatAskedForThem() throws {
        let backend = SlowFrameBackend([.inputs([.scalar("x")])])
        let seen = JobLog()
        var loop = EventLoop(app: RecordingApp(script: { event in
            switch event {
            case .input(.key(.char("x"))): return [.run("fetch")]
            case .message("done"): return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        }), perform: { _, _ in seen.add("frames on screen: \(backend.frames)"); return "done" },
            inbox: try MessageInbox<String>(), backend: backend, theme: Theme(name: "t", styles: [:]),
            options: RuntimeOptions(), environment: [:])
        #expect(loop.run() == 0)
        // Frame 1: the start; frame 2: after "x". The job began after frame 2 was presented
        // (later frames may be on screen too when a loaded machine starts the task late).
        let frames = seen.all.first.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(frames >= 2, "the job started while frame \(frames + 1) was drawn")
    }

    @Test func jobResultsComeBackAsMessages() throws {
        let backend = ScriptedBackend([])
        let (code, app) = try run(backend) { event in
            switch event {
            case .start: return [.run("fetch")]
            case .message("done fetch"): return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        }
        #expect(code == 0)
        #expect(app.events.contains("message(\"done fetch\")"))
    }

    @Test func timersDeliverTheirMessage() throws {
        let backend = ScriptedBackend([])
        let started = Date()
        let (code, _) = try run(backend) { event in
            switch event {
            case .start: return [.after(seconds: 0.1, "timer")]
            case .message("timer"): return [.quit(exitCode: 7, farewell: nil)]
            default: return []
            }
        }
        #expect(code == 7)
        #expect(Date().timeIntervalSince(started) >= 0.09)
    }

    @Test func clipboardWritesOSC52AndReportsIt() throws {
        let backend = ScriptedBackend([])
        let (_, app) = try run(backend, env: ["TERM": "xterm"]) { event in
            switch event {
            case .start: return [.copyToClipboard("hello")]
            case .notice(.copied): return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        }
        #expect(backend.written == ["\u{1b}]52;c;aGVsbG8=\u{07}"])
        #expect(app.events.contains("notice(PumpTUI.RuntimeNotice.copied)"))
    }

    @Test func browserOverSSHIsReportedUnavailable() throws {
        let backend = ScriptedBackend([])
        let (_, app) = try run(backend, env: ["DISPLAY": ":0", "SSH_CONNECTION": "1 2 3 4"]) { event in
            switch event {
            case .start: return [.openBrowser("https://example.org/")]
            case .notice: return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        }
        #expect(app.events.contains("notice(PumpTUI.RuntimeNotice.browserUnavailable(reason: \"SSH session: no local display\"))"))
    }

    @Test func hangUpAbandonsTheTerminalButStillRunsShutdownJobs() throws {
        let backend = ScriptedBackend([.inputs([.scalar("a")]), .hungUp])
        let jobs = JobLog()
        let (code, app) = try run(backend, jobs: jobs) { event in
            if case .shutdown(.hangUp) = event { return [.run("save drafts"), .quit(exitCode: 0, farewell: "x")] }
            return []
        }
        #expect(code == 129)
        #expect(backend.abandoned && backend.stoppedWith == nil)
        #expect(jobs.all == ["save drafts"])
        #expect(app.events.last == "shutdown(PumpTUI.ShutdownReason.hangUp)")
    }

    @Test func signalEndsTheLoopWith128PlusSignal() throws {
        let backend = ScriptedBackend([])
        backend.signal = 15
        let (code, _) = try run(backend) { _ in [] }
        #expect(code == 143)
        #expect(backend.stoppedWith == .some(nil))
    }

    @Test func sighupWithADeadTerminalWritesNothing() throws {
        let backend = ScriptedBackend([])
        backend.signal = 1
        backend.alive = false
        let (code, _) = try run(backend) { _ in [] }
        #expect(code == 129)
        #expect(backend.abandoned && backend.stoppedWith == nil)
    }

    @Test func farewellFromShutdownIsPrintedOnSignalButKeepsTheExitCode() throws {
        let backend = ScriptedBackend([])
        backend.signal = 2
        let (code, _) = try run(backend) { event in
            if case .shutdown = event { return [.quit(exitCode: 0, farewell: "https://example.org/authorize")] }
            return []
        }
        #expect(code == 130)
        #expect(backend.stoppedWith == .some("https://example.org/authorize"))
    }

    @Test func pasteReachesTheAppAsOneEvent() throws {
        let backend = ScriptedBackend([.inputs([.pasteBegin, .scalar("q"), .scalar("\r")]), .inputs([.scalar("z"), .pasteEnd])])
        let (_, app) = try run(backend) { event in
            if case .input(.paste) = event { return [.quit(exitCode: 0, farewell: nil)] }
            if case .input(.key) = event { return [.quit(exitCode: 9, farewell: nil)] }
            return []
        }
        #expect(app.events.contains("input(PumpTUI.InputEvent.paste(\"q\\nz\"))"))
    }
}

/// A terminal whose frames take 200 ms to present; counts the frames presented (from any thread).
final class SlowFrameBackend: TerminalBackend, @unchecked Sendable {
    private let scripted: ScriptedBackend
    private let lock = NSLock()
    private var presentedFrames = 0
    var frames: Int { lock.lock(); defer { lock.unlock() }; return presentedFrames }
    init(_ reads: [ReadResult]) { scripted = ScriptedBackend(reads) }
    var inputFD: Int32 { scripted.inputFD }
    var colors: Int { 0 }
    var size: Size { scripted.size }
    func present(_ buffer: CellBuffer, theme: Theme) {
        usleep(200_000)
        lock.lock(); presentedFrames += 1; lock.unlock()
    }
    func readInputs(pollSaidReadable: Bool) -> ReadResult { scripted.readInputs(pollSaidReadable: pollSaidReadable) }
    func writeRaw(_ text: String) -> Bool { true }
    func showPlain(_ text: String) -> PlainOutcome { .returned }
    func pendingSignal() -> Int32 { 0 }
    func stop(farewell: String?) {}
    func abandon() {}
    func isAlive() -> Bool { true }
}
