import Foundation
import Testing
@testable import PumpTUI

// Whole-screen expectations (issue 12), as ratatui's `Buffer::with_lines`: every row of a
// rendered screen is compared, so a misplaced button or a cut label fails, which `contains(`
// cannot see.
//
// Where the expected screens live: as raw multi-line string literals in the test that builds
// the screen, not as .txt files. The steps and the screen they produce read together in one
// place (and in one diff when either changes); nothing is loaded at run time, so no `#filePath`
// arithmetic and no resources. Raw literals (#"""…"""#) keep backslashes and quotes as drawn.
//
// Format: one line per screen row, framed by `|` on both sides:
//
//     | pumptui — log in                                         alice@127.0.0.1:45678 |
//
// The frame shows where the screen ends (right-aligned text, the last column) and keeps
// trailing spaces from being lost to an editor that trims them. Every row is there, blank ones
// too, so the row count is the screen's. The few things a screen draws from the machine's time
// zone are placeholders of the same width (HH:MM, YYYY-MM-DD) that the test fills in.
//
// To write or update one: render the screen, look at it as a user would, and paste the
// "actual" screen from the failure message. With PUMPTUI_SCREEN_DUMP=<dir> set, a mismatch
// also writes the actual screen to <dir>/<file>-<line>.txt for copying.

/// The rows of `buffer` in the expectation format (`|row|`, continuation cells skipped).
func framedRows(_ buffer: CellBuffer) -> [String] { buffer.lines().map { "|" + $0 + "|" } }

/// Compares every row of `buffer` with `expected` (framed rows, as above). On a mismatch the
/// comment lists each differing row with expected and actual and a caret under the first
/// differing column, then the whole actual screen ready to paste.
func expectScreen(_ buffer: CellBuffer, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = framedRows(buffer)
    let wanted = expected.isEmpty ? [] : expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let size = buffer.size
    // An expectation that is not a screen of this size is a mistake in the test: say which line.
    let malformed = wanted.enumerated().filter { _, line in
        !(line.hasPrefix("|") && line.hasSuffix("|") && line.count >= 2 && TextWidth.width(line) == size.cols + 2)
    }
    var report: [String] = []
    if wanted.count != size.rows {
        report.append("The expectation has \(wanted.count) rows; the screen has \(size.rows).")
    }
    for (i, line) in malformed {
        report.append("Expectation line \(i + 1) is not |…| \(size.cols) columns wide (it is \(TextWidth.width(line) - 2)): \(line)")
    }
    for r in 0..<min(wanted.count, actual.count) where wanted[r] != actual[r] {
        let e = Array(wanted[r]), a = Array(actual[r])
        let at = zip(e, a).prefix { $0 == $1 }.count
        let caretCol = TextWidth.width(String(a.prefix(at)))
        report.append("""
            row \(r), from column \(max(0, caretCol - 1)):
              expected \(wanted[r])
              actual   \(actual[r])
                       \(String(repeating: " ", count: caretCol))^
            """)
    }
    let matches = report.isEmpty
    var comment = ""
    if !matches {
        comment = "Screen \(size.cols)×\(size.rows) differs from the expectation:\n"
            + report.joined(separator: "\n")
            + "\n\nActual screen:\n" + actual.joined(separator: "\n")
        dumpActual(actual, sourceLocation)
    }
    #expect(matches, Comment(rawValue: comment), sourceLocation: sourceLocation)
}

private func dumpActual(_ rows: [String], _ location: SourceLocation) {
    guard let dir = ProcessInfo.processInfo.environment["PUMPTUI_SCREEN_DUMP"], !dir.isEmpty else { return }
    let name = (location.fileName as NSString).deletingPathExtension + "-\(location.line).txt"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try? (rows.joined(separator: "\n") + "\n").write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
}

/// Where `text` starts on the screen (row, column in cells), searching rows top to bottom.
func locate(_ text: String, in buffer: CellBuffer, from startRow: Int = 0) -> (row: Int, col: Int)? {
    let needle = Array(text)
    guard !needle.isEmpty else { return nil }
    for r in startRow..<buffer.size.rows {
        // (column, character) of each cell that starts a cluster
        let cells = (0..<buffer.size.cols).compactMap { c in buffer[r, c].char.map { (c, $0) } }
        guard cells.count >= needle.count else { continue }
        for s in 0...(cells.count - needle.count) where (0..<needle.count).allSatisfy({ cells[s + $0].1 == needle[$0] }) {
            return (r, cells[s].0)
        }
    }
    return nil
}

/// Style spot check: every cell of `text` (found on the screen, from `row` down when given)
/// has `role`. Fails, naming the first cell that differs, when the text is missing or styled
/// otherwise.
func expectRole(_ role: Role, of text: String, in buffer: CellBuffer, row: Int? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) {
    guard let at = locate(text, in: buffer, from: row ?? 0), row == nil || at.row == row else {
        Issue.record("\"\(text)\" is not on the screen\(row.map { " at row \($0)" } ?? "")", sourceLocation: sourceLocation)
        return
    }
    expectRole(role, row: at.row, cols: at.col..<(at.col + TextWidth.width(text)), in: buffer,
               what: "\"\(text)\"", sourceLocation: sourceLocation)
}

/// Style spot check: every cell of `row` in `cols` (the whole row by default) has `role`.
func expectRole(_ role: Role, row: Int, cols: Range<Int>? = nil, in buffer: CellBuffer, what: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) {
    let range = cols ?? 0..<buffer.size.cols
    let wrong = range.first { buffer[row, $0].role != role }
    let detail = wrong.map { c in
        "\(what ?? "row \(row)"): cell (\(row), \(c)) '\(buffer[row, c].char.map(String.init) ?? "")' is .\(buffer[row, c].role), expected .\(role)"
    } ?? ""
    #expect(wrong == nil, Comment(rawValue: detail), sourceLocation: sourceLocation)
}
