import ArgumentParser
import Foundation

/// `pumptui debug-keys` (hidden): shows what the runtime delivers (keys, pastes, resizes) and
/// exercises its effects. The pseudo-terminal tests drive it; users can use it to check what
/// their terminal sends.
struct DebugKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-keys", abstract: "Show the key, paste and resize events the terminal sends.",
        shouldDisplay: false)

    @Flag(help: "Show only the text line (the bytes-per-keystroke measurement uses this).")
    var textOnly = false
    @Flag(help: "F12 crashes on purpose (tests that a crash restores the terminal).")
    var crashOnF12 = false

    func run() async throws {
        guard TerminalSupport.canRunFullScreen() else {
            FileHandle.standardError.write(Data("pumptui: debug-keys needs a terminal\n".utf8))
            throw ExitCode(2)
        }
        let noColor = ThemeChoice.resolve(flag: nil, environment: ProcessInfo.processInfo.environment).noColor
        let theme = Theme(name: "debug", styles: [.title: RoleStyle(fg: .index(4), bold: true),
                                                  .hintKey: RoleStyle(fg: .index(3), bold: true)])
        let code = try await Runtime.run(app: DebugKeysApp(textOnly: textOnly, crashOnF12: crashOnF12),
                                         perform: { job, _ in job },
                                         backend: { try CursesBackend.start(escapeDelayMs: 50, noColor: noColor) },
                                         theme: { _ in theme })
        if code != 0 { throw ExitCode(code) }
    }
}

struct DebugKeysApp: TerminalApp {
    typealias Message = String
    typealias Job = String
    static let sampleURL = "https://pump.example/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv"

    var size = Size(rows: 24, cols: 80)
    var events: [String] = []
    var typed = ""
    var showQR = false
    var textOnly = false
    var crashOnF12 = false

    var wantsTicks: Bool { false }

    mutating func update(_ event: AppEvent<String>) -> [Effect<String, String>] {
        switch event {
        case .start(let s): size = s; log("start \(s.cols)x\(s.rows)")
        case .input(.resize(let s)): size = s; log("resize \(s.cols)x\(s.rows)")
        case .input(.paste(let text)):
            typed += text.replacingOccurrences(of: "\n", with: " ")
            log("paste \(text.debugDescription)")
        case .input(.key(let key)): return handle(key)
        case .message(let m): log("message \(m)")
        case .notice(let n): log("notice \(n)")
        case .suspend: log("suspend")
        case .tick, .shutdown: break
        }
        return []
    }

    private mutating func handle(_ key: Key) -> [Effect<String, String>] {
        log("key \(key)")
        showQR = false
        switch key {
        case .char("q"): return [.quit(exitCode: 0, farewell: "debug-keys: bye")]
        case .f(2): return [.copyToClipboard("hello")]
        case .f(3): return [.showPlain("Plain text from debug-keys:\n" + Self.sampleURL)]
        case .f(5): showQR = true
        case .f(12) where crashOnF12: fatalError("debug-keys: crash requested with F12")
        case .char(let c): typed.append(c)
        case .backspace: if !typed.isEmpty { typed.removeLast() }
        default: break
        }
        return []
    }

    private mutating func log(_ line: String) {
        events.append(line)
        if events.count > 50 { events.removeFirst(events.count - 50) }
    }

    func render(into buffer: inout CellBuffer) {
        let cols = buffer.size.cols, rows = buffer.size.rows
        buffer.put("debug-keys \(size.cols)x\(size.rows)", row: 0, col: 0, role: .title)
        buffer.put("q quit  F2 copy  F3 plain  F5 QR", row: 1, col: 0, role: .hintKey)
        let label = "text: "
        buffer.put(label + typed, row: 2, col: 0)
        buffer.cursor = (2, min(cols - 1, label.count + TextWidth.width(typed)))
        if showQR {
            let lines = QRCode.halfBlockLines(for: Self.sampleURL, maxCols: cols)
                ?? [QRCode.isAvailable ? "window too small for the QR code" : QREncodeLibrary.missing]
            for (i, line) in lines.enumerated() where 3 + i < rows { buffer.put(line, row: 3 + i, col: 0) }
            buffer.cursor = nil
            return
        }
        if textOnly { return }
        let shown = events.suffix(max(0, rows - 4))
        for (i, line) in shown.enumerated() { buffer.put(line, row: 4 + i, col: 0, role: .muted) }
    }
}
