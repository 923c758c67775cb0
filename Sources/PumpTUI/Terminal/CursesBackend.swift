import PumpCore
import CNcurses
import CTerminalGuard
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The ONLY file in the project that imports CNcurses (and CTerminalGuard, the signal and
// crash-reset C code). It paints a CellBuffer, turns get_wch results into TerminalInput, and
// owns the terminal's modes. Everything above it is pure.
// All methods must be called from the one thread that runs the loop (the main thread).

/// Private key codes the bracketed-paste brackets are mapped to with define_key.
private let pasteBeginCode = Int32(KEY_MAX) + 1
private let pasteEndCode = Int32(KEY_MAX) + 2
private let bracketedPasteOn = "\u{1b}[?2004h"
private let bracketedPasteOff = "\u{1b}[?2004l"

final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let inFile: UnsafeMutablePointer<FILE>
    private let outFile: UnsafeMutablePointer<FILE>
    private let window: UnsafeMutablePointer<WINDOW>
    let inputFD: Int32
    private let outputFD: Int32
    private let headless: Bool
    /// 0 when colour is off (NO_COLOR, --no-color, monochrome terminal): then no pair is ever used.
    private(set) var colors: Int = 0
    private var defaultColorsOK = false
    private var pairs: [Int: Int16] = [:]
    private var cursorVisible: Int32 = -1
    private var emptyWakeups = 0
    private var utf8 = UTF8Assembler()
    private var stopped = false
    /// A size given to curses that the loop has not been told of yet (`takeResize`).
    private var resizedTo: Size?

    private init(screen: OpaquePointer, inFile: UnsafeMutablePointer<FILE>, outFile: UnsafeMutablePointer<FILE>,
                 headless: Bool) {
        self.screen = screen
        self.inFile = inFile
        self.outFile = outFile
        self.headless = headless
        inputFD = fileno(inFile)
        outputFD = fileno(outFile)
        window = pump_stdscr()
    }

    // MARK: - Process-wide setup

    /// The ncurses library loaded at run time ("ncurses 6.4.20221231"), for `--version`.
    static var libraryVersion: String { curses_version().map { String(cString: $0) } ?? "ncurses ?" }

    /// UTF-8 even when LANG is unset (common over SSH): otherwise non-ASCII draws as blanks.
    static func prepareLocale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// The handlers go in before newterm (`Runtime.runBlocking`): ncurses then installs none of
    /// its own (SIGINT, SIGTERM, SIGTSTP, SIGWINCH), and only the loop's thread calls curses.
    func pendingSignal() -> Int32 { SignalGuard.pendingSignal() }

    func takeSuspendRequest() -> Bool { SignalGuard.takeSuspendRequest() }

    static func terminfoHasCursorAddressing(_ term: String) -> Bool {
        pump_terminfo_has_cup(term) != 0
    }

    // MARK: - Start and stop

    /// Full-screen mode on the controlling terminal (/dev/tty, so redirected stdout is not
    /// polluted). Throws when the terminal cannot be opened or TERM is unknown.
    static func start(escapeDelayMs: Int, noColor: Bool) throws -> CursesBackend {
        prepareLocale()
        guard let tty = fopen("/dev/tty", "r+") else {
            throw TerminalError.cannotStart("no controlling terminal")
        }
        pump_save_shell_termios(fileno(tty))
        guard let scr = newterm(nil, tty, tty) else {
            fclose(tty)
            throw TerminalError.cannotStart("unknown terminal type \(ProcessInfo.processInfo.environment["TERM"] ?? "")")
        }
        set_term(scr)
        let backend = CursesBackend(screen: scr, inFile: tty, outFile: tty, headless: false)
        backend.configure(escapeDelayMs: escapeDelayMs, noColor: noColor)
        backend.armCrashReset()
        backend.writeRaw(bracketedPasteOn)
        return backend
    }

    /// curses drawing into memory only (tig's trick): for tests that read the screen back.
    static func headless(rows: Int, cols: Int, noColor: Bool = false) -> CursesBackend? {
        prepareLocale()
        setenv("LINES", String(rows), 1)
        setenv("COLUMNS", String(cols), 1)
        guard let out = fopen("/dev/null", "w"), let inp = fopen("/dev/null", "r") else { return nil }
        guard let scr = newterm("xterm-256color", out, inp) else { fclose(out); fclose(inp); return nil }
        set_term(scr)
        let backend = CursesBackend(screen: scr, inFile: inp, outFile: out, headless: true)
        backend.configure(escapeDelayMs: 25, noColor: noColor)
        return backend
    }

    private func configure(escapeDelayMs: Int, noColor: Bool) {
        cbreak()          // Ctrl-C / Ctrl-\ stay signals: they take the orderly shutdown path
        noecho()
        nonl()            // Enter arrives as 13; also lets ncurses use CR for cheaper moves
        keypad(window, true)
        nodelay(window, true)
        meta(window, true)      // all 8 bits of each byte: UTF-8 is decoded by `utf8`
        intrflush(window, false)
        set_escdelay(Int32(max(0, escapeDelayMs)))
        define_key("\u{1b}[200~", pasteBeginCode)
        define_key("\u{1b}[201~", pasteEndCode)
        if !noColor && has_colors() {
            start_color()
            defaultColorsOK = use_default_colors() == OK
            colors = Int(pump_colors())
        }
        setCursor(visible: false)
    }

    /// Precomputes what undoes our modes, for the crash handlers and atexit (they cannot
    /// call into curses).
    private func armCrashReset() {
        let seq = ["sgr0", "cnorm", "rmkx", "rmcup"].map(Self.terminfoString).joined() + bracketedPasteOff
        let bytes = Array(seq.utf8)
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                pump_arm_reset(outputFD, $0, buf.count)
            }
        }
    }

    private static func terminfoString(_ cap: String) -> String {
        guard let s = tigetstr(cap), Int(bitPattern: s) != -1 else { return "" }
        return String(cString: s)
    }

    /// Orderly exit: normal screen, cursor, echo and line mode back, bracketed paste off; then
    /// the farewell on the normal screen (stdout), where it stays in the scrollback.
    func stop(farewell: String?) {
        stop()
        if let text = farewell { FileHandle.standardOutput.write(Data((TerminalText.clean(text, .text) + "\n").utf8)) }
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        pump_disarm_reset()
        // cnorm is written again after endwin: curses skips it when it thinks the cursor is
        // already visible, and the shell must get it whatever state the app left.
        let cnorm = Self.terminfoString("cnorm")
        endwin()
        if !headless { pump_restore_shell_termios(fileno(outFile)); writeRaw(cnorm + bracketedPasteOff) }
        delscreen(screen)
        fclose(inFile)
        if outFile != inFile { fclose(outFile) }
    }

    /// The terminal is gone: write nothing more to it, just let go of the file.
    func abandon() {
        guard !stopped else { return }
        stopped = true
        pump_mark_tty_dead()
        pump_disarm_reset()
        // endwin/delscreen would try to write the reset sequences; the descriptor is dead,
        // so close it first and let the writes fail harmlessly.
        close(inputFD)
    }

    func isAlive() -> Bool {
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)]
        if poll(&fds, 1, 0) > 0 && fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return false }
        var tio = termios()
        return tcgetattr(inputFD, &tio) == 0
    }

    // MARK: - Output

    var size: Size { Size(rows: Int(getmaxy(window)), cols: Int(getmaxx(window))) }

    /// Writes bytes around curses (OSC 52, mode switches) after flushing what curses buffered.
    @discardableResult
    func writeRaw(_ text: String) -> Bool {
        fflush(outFile)
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(outputFD, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Graphics bytes at a cell: a cursor move, the bytes, and the cursor back where curses
    /// believes it is (its next update moves relative to that).
    func writeRaw(_ text: String, atRow row: Int, col: Int) {
        let y = getcury(pump_curscr()), x = getcurx(pump_curscr())
        writeRaw("\u{1b}[\(row + 1);\(col + 1)H" + text + "\u{1b}[\(y + 1);\(x + 1)H")
    }

    /// Sixel and iTerm2 images are pixels curses knows nothing of: only a full repaint removes them.
    func repaintAll() { clearok(pump_curscr(), true) }

    private func setCursor(visible: Bool) {
        let want: Int32 = visible ? 1 : 0
        if want != cursorVisible { curs_set(want); cursorVisible = want }
    }

    /// Paints every cell; ncurses compares with what the terminal shows and sends only the
    /// difference, so a typed character costs a few bytes. Nothing is cleared here on purpose.
    func present(_ buffer: CellBuffer, theme: Theme) {
        let rows = min(buffer.size.rows, Int(getmaxy(window)))
        let cols = min(buffer.size.cols, Int(getmaxx(window)))
        for r in 0..<rows { paintRow(buffer, row: r, cols: cols, theme: theme) }
        wattr_set(window, pump_attr_normal(), 0, nil)
        if let cur = buffer.cursor, cur.row >= 0, cur.row < rows, cur.col >= 0, cur.col < cols {
            wmove(window, Int32(cur.row), Int32(cur.col))
            setCursor(visible: true)
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// One row as runs of equal role. Clipped to `cols` here, because ncurses would wrap an
    /// over-long string into the next row.
    private func paintRow(_ buffer: CellBuffer, row: Int, cols: Int, theme: Theme) {
        var col = 0
        while col < cols {
            // The continuation of a wide cluster belongs to the cluster's own run, even when
            // setRole gave it another role; a run never starts there.
            if buffer[row, col].isContinuation { col += 1; continue }
            let role = buffer[row, col].role, ink = buffer[row, col].ink
            if let ink { wattr_set(window, pump_attr_normal(), inkPair(ink), nil) } else { applyStyle(theme.style(role)) }
            wmove(window, Int32(row), Int32(col))
            var text: [wchar_t] = []
            while col < cols, buffer[row, col].role == role, buffer[row, col].ink == ink {
                let cell = buffer[row, col]
                let width = max(1, Int(cell.width))
                if cell.isContinuation { col += 1; continue }
                if col + width > cols { text += Array(repeating: 0x20, count: cols - col); col = cols; break }
                appendCell(cell, width: width, to: &text)
                col += width
            }
            flush(&text)
        }
    }

    /// A cell's cluster as the cells the terminal draws for it (Grapheme.segments): a
    /// one-scalar segment joins the run's text; a longer one (👨‍👩‍👧, e+◌́) is one cchar_t
    /// of its own, so no part of it is dropped or left dangling. A control shows as "?".
    private func appendCell(_ cell: Cell, width: Int, to text: inout [wchar_t]) {
        // Most cells are one printable scalar: no segments to build.
        if let scalars = cell.char?.unicodeScalars, scalars.count == 1, let s = scalars.first,
           TextWidth.cellWidth(s) == width {
            text.append(wchar_t(bitPattern: s.value))
            return
        }
        let segments = cell.char.map(Grapheme.segments) ?? []
        guard segments.reduce(0, { $0 + $1.width }) == width else {
            text += Array(repeating: 0x20, count: width)   // nothing drawable: keep the row aligned
            return
        }
        for segment in segments {
            if segment.scalars.count == 1 { text.append(wchar_t(bitPattern: segment.scalars[0].value)); continue }
            flush(&text)
            addCluster(segment.scalars)
        }
    }

    /// Writes the run's text so far at the window's cursor.
    private func flush(_ text: inout [wchar_t]) {
        guard !text.isEmpty else { return }
        text.append(0)
        _ = text.withUnsafeBufferPointer { waddnwstr(window, $0.baseAddress, Int32($0.count - 1)) }
        text.removeAll(keepingCapacity: true)
    }

    /// One cell holding a spacing scalar and everything that joins it. A cchar_t holds
    /// CCHARW_MAX scalars; a longer segment (a family of four) keeps its longest prefix that
    /// does not end in a ZWJ (tmux 3.3a itself drops the last member of a family of four).
    private func addCluster(_ scalars: [Unicode.Scalar]) {
        var fit = Array(scalars.prefix(Int(CCHARW_MAX)))
        while fit.count > 1, fit.last == Grapheme.zwj { fit.removeLast() }
        var wide = fit.map { wchar_t(bitPattern: $0.value) } + [0]
        _ = pump_add_cluster(window, &wide, Int32(fit.count))
    }

    private func applyStyle(_ style: RoleStyle) {
        var attrs = pump_attr_normal()
        if style.bold { attrs |= pump_attr_bold() }
        if style.underline { attrs |= pump_attr_underline() }
        if style.reverse { attrs |= pump_attr_reverse() }
        if style.dim { attrs |= pump_attr_dim() }
        wattr_set(window, attrs, colorPair(fg: style.fg, bg: style.bg), nil)
    }

    /// Pairs are created the first time a (fg, bg) combination is painted; COLOR_PAIRS is finite.
    private func colorPair(fg: ThemeColor, bg: ThemeColor) -> Int16 {
        guard colors > 0 else { return 0 }
        let f = colorNumber(fg, fallback: COLOR_WHITE), b = colorNumber(bg, fallback: COLOR_BLACK)
        if f == -1 && b == -1 { return 0 }
        let key = (Int(f) + 1) * 1000 + Int(b) + 1
        if let p = pairs[key] { return p }
        // alloc_pair, not init_pair with our own numbers: the preview's pairs come from it too,
        // and numbers we chose could overwrite one of those.
        let p = alloc_pair(Int32(f), Int32(b))
        guard p > 0, p <= Int32(Int16.max) else { return 0 }
        pairs[key] = Int16(p)
        return Int16(p)
    }

    /// A pixel cell's pair. alloc_pair keeps its own table (a lookup, not a new pair, once a
    /// combination exists); when the pairs run out they are all dropped and the screen repainted.
    private func inkPair(_ ink: Ink) -> Int16 {
        guard colors >= 256 else { return 0 }
        var p = alloc_pair(Int32(ink.fg), Int32(ink.bg))
        if p <= 0 || p > Int32(Int16.max) {
            reset_color_pairs()
            pairs.removeAll()
            clearok(pump_curscr(), true)
            p = alloc_pair(Int32(ink.fg), Int32(ink.bg))
        }
        return p > 0 && p <= Int32(Int16.max) ? Int16(p) : 0
    }

    private func colorNumber(_ c: ThemeColor, fallback: Int32) -> Int16 {
        switch c {
        case .default: return defaultColorsOK ? -1 : Int16(fallback)
        case .index(let i): return i >= 0 && i < colors ? Int16(i) : (defaultColorsOK ? -1 : Int16(fallback))
        }
    }

    // MARK: - Input

    /// Drains everything ncurses can give without blocking (nodelay). `pollSaidReadable` is
    /// whether poll() reported data: if it did and nothing came out, repeatedly, or the tty no
    /// longer answers tcgetattr, the terminal is gone (a dead pty reads as "readable" forever).
    func readInputs(pollSaidReadable: Bool) -> ReadResult {
        if SignalGuard.takeResumed() && !headless {
            // Continued after a stop we did not make ourselves (kill -STOP): the shell may have
            // switched bracketed paste off and drawn over us; redraw from scratch.
            writeRaw(bracketedPasteOn)
            clearok(pump_curscr(), true)
        }
        var out: [TerminalInput] = []
        // Bytes, not get_wch: see UTF8Assembler for the characters get_wch lost.
        while true {
            let code = wgetch(window)
            if code == ERR { break }
            if code > 0xFF {
                if let input = decodeFunctionKey(code) { out.append(input) }
            } else {
                out += utf8.feed(UInt8(code)).map { .scalar($0) }
            }
        }
        if !out.isEmpty { emptyWakeups = 0; return .inputs(out) }
        if pollSaidReadable {
            // Bytes waiting in the tty (a paste arriving faster than ncurses hands out whole
            // characters): not a hang-up. "Readable" with nothing to read is the end of the tty.
            var waiting: Int32 = 0
            if ioctl(inputFD, UInt(FIONREAD), &waiting) == 0, waiting > 0 { emptyWakeups = 0; return .arriving }
            emptyWakeups += 1
            var tio = termios()
            if tcgetattr(inputFD, &tio) != 0 || emptyWakeups >= 10 { return .hungUp }
        }
        return .inputs([])
    }

    private func decodeFunctionKey(_ code: Int32) -> TerminalInput? {
        if code == KEY_RESIZE { return .resize(size) }
        if code == pasteBeginCode { return .pasteBegin }
        if code == pasteEndCode { return .pasteEnd }
        return Self.key(forFunctionCode: code).map { .key($0) }
    }

    /// get_wch's KEY_CODE_YES codes as keys. Static and pure, so tests need no terminal.
    static func key(forFunctionCode code: Int32) -> Key? {
        switch code {
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case pump_key_f(1)...pump_key_f(24): return .f(Int(code - pump_key_f(0)))
        default: return nil
        }
    }

    static var functionKeyCodes: (backspace: Int32, enter: Int32, backTab: Int32, up: Int32, f1: Int32) {
        (KEY_BACKSPACE, KEY_ENTER, KEY_BTAB, KEY_UP, pump_key_f(1))
    }

    // MARK: - Plain screen

    /// The normal screen for the shell or a command: curses' modes saved and left, the cursor
    /// shown, bracketed paste off, the shell's own terminal modes back.
    private func leaveForShell() {
        def_prog_mode()
        endwin()
        if !headless { pump_restore_shell_termios(outputFD) }
        writeRaw(Self.terminfoString("cnorm") + bracketedPasteOff)
    }

    /// Full-screen mode again, at the terminal's current size, repainted from scratch by the
    /// loop's next frame (what was on the normal screen meanwhile is unknown to curses).
    private func takeBack() {
        reset_prog_mode()
        writeRaw(bracketedPasteOn)
        applyWindowSize()
        _ = SignalGuard.takeResumed()   // the repaint below is the one a SIGCONT asks for
        clearok(pump_curscr(), true)
    }

    /// Ctrl-Z: the normal screen for the shell, the process stopped; `fg` brings it back.
    func suspendProcess() -> PlainOutcome {
        leaveForShell()
        SignalGuard.stopSelf()
        let sig = SignalGuard.pendingSignal()
        if sig == SIGHUP && !isAlive() { return .hungUp }
        takeBack()
        return sig != 0 ? .signal(sig) : .returned
    }

    func takeResize(force: Bool) -> Size? {
        if SignalGuard.takeResized() || force { applyWindowSize() }
        defer { resizedTo = nil }
        return resizedTo
    }

    /// Tells curses the size the tty has now (our SIGWINCH handler replaced ncurses', so
    /// nothing else does). Unchanged, or unreadable (headless): nothing to do.
    private func applyWindowSize() {
        var ws = winsize()
        guard !headless, ioctl(outputFD, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0 else { return }
        guard Size(rows: Int(ws.ws_row), cols: Int(ws.ws_col)) != size else { return }
        resize_term(Int32(ws.ws_row), Int32(ws.ws_col))
        clearok(pump_curscr(), true)
        resizedTo = size

    }

    /// Leaves full-screen mode, prints `text` on the normal screen (the terminal wraps it, so
    /// long URLs select as one line), waits for Enter, and comes back with a full repaint.
    func showPlain(_ text: String) -> PlainOutcome {
        leaveForShell()
        writeRaw("\n" + TerminalText.clean(text, .text) + "\n\nPress Enter to return. ")
        let outcome = waitForEnter()
        if outcome == .hungUp { return outcome }
        takeBack()
        return outcome
    }

    /// Hands the terminal to argv (an editor) and takes it back: curses is left as for the plain
    /// screen and restored with a full repaint however the command ended (crash, kill, status).
    /// Ctrl-C and Ctrl-\ typed to the command reach us too (same process group): they were meant
    /// for it, so they are dropped here; a SIGTERM or SIGHUP still ends pumptui afterwards.
    /// Ctrl-Z typed to the command stops it; we stop too, so the shell sees the job stopped,
    /// and `fg` continues both. That Ctrl-Z was the command's: it does not suspend us again.
    func runSuspended(_ argv: [String]) -> (PlainOutcome, CommandOutcome) {
        leaveForShell()
        let command = ForegroundCommand.run(argv, whenStopped: SignalGuard.stopSelf)
        _ = SignalGuard.takeSuspendRequest()
        let sig = SignalGuard.pendingSignal()
        if sig == SIGHUP && !isAlive() { return (.hungUp, command) }
        takeBack()
        if sig != 0 && sig != SIGINT && sig != SIGQUIT { return (.signal(sig), command) }
        return (.returned, command)
    }

    /// Polls only the terminal (finished jobs stay queued meanwhile); the short timeout bounds
    /// how late a signal delivered to another thread is noticed. Ctrl-Z stops right here: the
    /// terminal is the shell's already.
    private func waitForEnter() -> PlainOutcome {
        var buf = [UInt8](repeating: 0, count: 512)
        while true {
            let sig = SignalGuard.pendingSignal()
            if sig != 0 { return .signal(sig) }
            if SignalGuard.takeSuspendRequest() { SignalGuard.stopSelf() }
            var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)]
            let n = poll(&fds, 1, 200)
            if n < 0 { if errno == EINTR { continue }; return .hungUp }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hungUp }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let got = read(inputFD, &buf, buf.count)
                if got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN) { return .hungUp }
                if got > 0 && buf[0..<got].contains(where: { $0 == 10 || $0 == 13 }) { return .returned }
            }
        }
    }

    // MARK: - Read-back (tests)

    /// The characters curses holds for a row. win_wchnstr gives one entry per character (the
    /// right half of a wide character has none) and ends with an empty entry.
    func readBackRow(_ row: Int) -> String {
        let cols = Int(getmaxx(window))
        var cells = [cchar_t](repeating: cchar_t(), count: cols + 1)
        _ = mvwin_wchnstr(window, Int32(row), 0, &cells, Int32(cols))
        var line = ""
        for c in 0..<cols {
            var wch = [wchar_t](repeating: 0, count: 8)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            _ = getcchar(&cells[c], &wch, &attrs, &pair, nil)
            let scalars = wch.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
            if scalars.isEmpty { break }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars)
            line += String(s)
        }
        return line
    }

    /// The foreground and background colour numbers of a pair.
    func readBackPairColors(_ pair: Int16) -> (fg: Int, bg: Int) {
        var fg: Int16 = 0, bg: Int16 = 0
        _ = pair_content(pair, &fg, &bg)
        return (Int(fg), Int(bg))
    }

    struct CellStyle: Equatable { var bold: Bool; var underline: Bool; var reverse: Bool; var pair: Int16 }

    func readBackStyle(row: Int, col: Int) -> CellStyle {
        var cell = cchar_t()
        _ = mvwin_wch(window, Int32(row), Int32(col), &cell)
        var wch = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&cell, &wch, &attrs, &pair, nil)
        return CellStyle(bold: attrs & pump_attr_bold() != 0, underline: attrs & pump_attr_underline() != 0,
                         reverse: attrs & pump_attr_reverse() != 0, pair: pair)
    }
}
