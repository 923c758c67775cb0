import Foundation
import Testing
@testable import PumpTUI

/// Real ncurses drawing into /dev/null (tui-notes D3), read back cell by cell. curses is one
/// global state, so these run one at a time.
@Suite(.serialized) struct CursesBackendTests {
    /// Our handlers go in before newterm, and newterm must leave them: ncurses' own SIGTSTP and
    /// SIGWINCH handlers call curses from whichever thread the kernel picks (issue 22's crash).
    @Test func newtermKeepsOurJobControlAndResizeHandlers() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        SignalGuard.install(wakeFD: fds[1])
        defer { SignalGuard.uninstall(ignoreHangUp: false); close(fds[0]); close(fds[1]) }
        let backend = try #require(CursesBackend.headless(rows: 4, cols: 20))
        defer { backend.stop() }
        for sig in [SIGTSTP, SIGWINCH, SIGCONT, SIGINT, SIGTERM] { #expect(SignalGuard.isOurs(sig), "signal \(sig)") }
        // A resize is a flag for the loop's thread and a byte on its wake-up pipe, nothing more.
        // (Sent to the process: the test's own thread may block it, as any thread may.)
        kill(getpid(), SIGWINCH)
        var fd = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&fd, 1, 2000) == 1)
        #expect(SignalGuard.takeResized())
        #expect(!SignalGuard.takeResized())
    }

    @Test func paintsCJKAndClipsLongLines() throws {
        let backend = try #require(CursesBackend.headless(rows: 4, cols: 20))
        defer { backend.stop() }
        var buffer = CellBuffer(size: Size(rows: 4, cols: 20))
        buffer.put("日本語 text", row: 0, col: 0)
        buffer.put("https://example.org/a/very/long/path", row: 1, col: 0, role: .url)
        buffer.put("next row", row: 2, col: 0)
        buffer.put("x日", row: 3, col: 18)   // the wide char cannot fit: a space instead
        let theme = Theme(name: "t", styles: [.url: RoleStyle(fg: .index(4), underline: true)])
        backend.present(buffer, theme: theme)
        #expect(backend.readBackRow(0) == "日本語 text         ")
        #expect(backend.readBackRow(1) == "https://example.org/")
        #expect(backend.readBackRow(2) == "next row            ")
        #expect(backend.readBackRow(3) == String(repeating: " ", count: 18) + "x ")
        let url = backend.readBackStyle(row: 1, col: 3)
        #expect(url.underline && !url.bold && url.pair != 0)
        #expect(backend.readBackStyle(row: 0, col: 0).pair == 0)
    }

    @Test func repaintReplacesOldContentWithoutClearing() throws {
        let backend = try #require(CursesBackend.headless(rows: 2, cols: 10))
        defer { backend.stop() }
        var first = CellBuffer(size: Size(rows: 2, cols: 10))
        first.put("日日日日日", row: 0, col: 0)
        backend.present(first, theme: Theme(name: "t", styles: [:]))
        var second = CellBuffer(size: Size(rows: 2, cols: 10))
        second.put("a日b", row: 0, col: 1)
        backend.present(second, theme: Theme(name: "t", styles: [:]))
        #expect(backend.readBackRow(0) == " a日b     ")
    }

    @Test func roleChangeInsideAWideCharacterKeepsTheRowAligned() throws {
        let backend = try #require(CursesBackend.headless(rows: 1, cols: 8))
        defer { backend.stop() }
        var buffer = CellBuffer(size: Size(rows: 1, cols: 8))
        buffer.put("a日本b", row: 0, col: 0)
        buffer.setRole(.selection, row: 0, col: 2, count: 3)   // starts on the right half of 日
        backend.present(buffer, theme: Theme(name: "t", styles: [.selection: RoleStyle(reverse: true)]))
        #expect(backend.readBackRow(0) == "a日本b  ")
        #expect(backend.readBackStyle(row: 0, col: 3).reverse)
        #expect(!backend.readBackStyle(row: 0, col: 6).reverse)
    }

    /// The preview's half blocks: each cell painted in its own palette colours, next to text
    /// cells that keep their theme's pair.
    @Test func inkCellsArePaintedInTheirColours() throws {
        let backend = try #require(CursesBackend.headless(rows: 1, cols: 6))
        defer { backend.stop() }
        var buffer = CellBuffer(size: Size(rows: 1, cols: 6))
        buffer.put("ab", row: 0, col: 0, role: .url)
        buffer.paint("▀", ink: Ink(fg: 196, bg: 21), row: 0, col: 2)
        buffer.paint("▀", ink: Ink(fg: 196, bg: 21), row: 0, col: 3)
        buffer.paint("▀", ink: Ink(fg: 46, bg: 232), row: 0, col: 4)
        backend.present(buffer, theme: Theme(name: "t", styles: [.url: RoleStyle(fg: .index(4))]))
        #expect(backend.readBackRow(0) == "ab▀▀▀ ")
        let text = backend.readBackStyle(row: 0, col: 0).pair, red = backend.readBackStyle(row: 0, col: 2).pair
        #expect(text != 0 && red != 0 && text != red)
        #expect(backend.readBackStyle(row: 0, col: 3).pair == red, "one pair per colour combination")
        #expect(backend.readBackPairColors(red) == (196, 21))
        #expect(backend.readBackPairColors(backend.readBackStyle(row: 0, col: 4).pair) == (46, 232))
        #expect(backend.readBackPairColors(text).fg == 4)
    }

    @Test func noColorMeansNoPairsOnlyAttributes() throws {
        let backend = try #require(CursesBackend.headless(rows: 1, cols: 10, noColor: true))
        defer { backend.stop() }
        var buffer = CellBuffer(size: Size(rows: 1, cols: 10))
        buffer.put("error", row: 0, col: 0, role: .error)
        backend.present(buffer, theme: Theme(name: "t", styles: [.error: RoleStyle(fg: .index(1), bold: true)]))
        #expect(backend.colors == 0)
        #expect(backend.readBackStyle(row: 0, col: 0) == .init(bold: true, underline: false, reverse: false, pair: 0))
    }

    @Test func controlCharactersNeverReachCurses() throws {
        let backend = try #require(CursesBackend.headless(rows: 1, cols: 10))
        defer { backend.stop() }
        var buffer = CellBuffer(size: Size(rows: 1, cols: 10))
        buffer.put("a\u{1b}b", row: 0, col: 0)
        backend.present(buffer, theme: Theme(name: "t", styles: [:]))
        // ESC would show as the two cells "^[" and shift the row; it must stay one cell.
        #expect(backend.readBackRow(0).count == 10)
        #expect(!backend.readBackRow(0).contains("^["))
    }

    /// ZWJ sequences, skin tones and flags reach curses whole (one cchar_t per terminal cell),
    /// and a family longer than a cchar_t holds loses whole members, never leaving a ZWJ.
    @Test func graphemeClustersArePaintedWhole() throws {
        let backend = try #require(CursesBackend.headless(rows: 2, cols: 20))
        defer { backend.stop() }
        var buffer = CellBuffer(size: Size(rows: 2, cols: 20))
        let text = "👍🏽 👨‍👩‍👧 🇫🇷 cafe\u{301}|"
        buffer.put(text, row: 0, col: 0)
        buffer.put("👨‍👩‍👧‍👦x z\u{200D}", row: 1, col: 0)
        backend.present(buffer, theme: Theme(name: "t", styles: [:]))
        #expect(backend.readBackRow(0) == text + String(repeating: " ", count: 4))
        // No cell ends in a ZWJ: the terminal would glue the next emoji it draws into it.
        #expect(backend.readBackRow(1) == "👨‍👩‍👧x z" + String(repeating: " ", count: 15))
    }

    @Test func functionKeyCodesMapToKeys() {
        let k = CursesBackend.functionKeyCodes
        #expect(CursesBackend.key(forFunctionCode: k.backspace) == .backspace)
        #expect(CursesBackend.key(forFunctionCode: k.enter) == .enter)
        #expect(CursesBackend.key(forFunctionCode: k.backTab) == .backTab)
        #expect(CursesBackend.key(forFunctionCode: k.up) == .up)
        #expect(CursesBackend.key(forFunctionCode: k.f1) == .f(1))
        #expect(CursesBackend.key(forFunctionCode: k.f1 + 4) == .f(5))
        #expect(CursesBackend.key(forFunctionCode: 0o777) == nil)
    }
}
