import Foundation
import Testing
import PumpCore
@testable import PumpTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 23, the command line's part: `post -` held to the editor's limit and to text, config.toml
/// with thousands of keys in linear time, `--log-file` only to our own regular file, `--since`
/// dates that exist, and saved image names that are neither options nor too long in bytes.
@Suite struct HostileInputTests {
    func tempDir() -> String {
        let dir = NSTemporaryDirectory() + "pumptui-hostile-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "" } catch { return String(describing: error) }
    }

    // MARK: post -

    @Test func noteTextRefusesNulControlsBadUTF8AndTooMuch() throws {
        #expect(try NoteInput.checked(Data("héllo\tthere\r\nyou 👍".utf8), source: "standard input") == "héllo\tthere\r\nyou 👍")
        #expect(message { try NoteInput.checked(Data([0x61, 0, 0x62]), source: "standard input") }.contains("NUL byte (at byte 2)"))
        #expect(message { try NoteInput.checked(Data("a\u{1B}[2Jb".utf8), source: "standard input") }.contains("U+001B"))
        #expect(message { try NoteInput.checked(Data("a\u{9B}b".utf8), source: "standard input") }.contains("U+009B"))
        #expect(message { try NoteInput.checked(Data("a\u{7F}".utf8), source: "the note") }.contains("U+007F"))
        #expect(message { try NoteInput.checked(Data([0x61, 0xFF, 0xFE]), source: "standard input") }.contains("not UTF-8"))
        let long = String(repeating: "x", count: Composer.maxLength + 1)
        #expect(message { try NoteInput.checked(Data(long.utf8), source: "standard input") }.contains("at most \(Composer.maxLength)"))
        #expect(message { try NoteInput.checked(Data(repeating: 0x61, count: EditorFile.maxBytes + 1), source: "x") }.contains("longer than"))
        for refused in ["\u{0}", "\u{1B}", "\u{9B}", "\u{7F}"] {
            #expect(message { try NoteInput.checked(Data(refused.utf8), source: "s") }.contains("nothing was posted"))
        }
    }

    @Test func standardInputIsReadOnlyToOneBytePastTheLimit() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        defer { close(readEnd) }
        // 1 MB waiting in a pipe (more than its buffer: a writer thread), 1 000 bytes allowed.
        let writer = Thread {
            let chunk = [UInt8](repeating: 0x61, count: 4096)
            for _ in 0..<256 { if chunk.withUnsafeBytes({ write(writeEnd, $0.baseAddress, $0.count) }) < 0 { break } }
            close(writeEnd)
        }
        signal(SIGPIPE, SIG_IGN)
        writer.start()
        let data = try NoteInput.readBounded(fd: readEnd, limit: 1000)
        #expect(data.count == 1001)
    }

    // MARK: config.toml

    @Test func threeThousandUnknownKeysLoadFastAndAreSummarised() {
        let text = (1...3000).map { "unknown-key-\($0) = \($0)" }.joined(separator: "\n") + "\ntheme = \"dark\"\n"
        let start = Date()
        let (c, warnings) = ConfigParser.parse(text, file: "config.toml")
        #expect(Date().timeIntervalSince(start) < 2.0)
        #expect(c.theme == "dark")
        #expect(warnings.count == ValueReader.maxUnknownNamed + 1)
        #expect(warnings.first == "config.toml:1: unknown key 'unknown-key-1' (ignored)")
        #expect(warnings.last == "config.toml: 2980 more unknown keys (ignored)")
    }

    @Test func keyLinesAreTheFirstAssignmentBareOrQuoted() {
        let lines = ["# theme = \"x\"", "  theme = \"dark\"", "\"quoted key\" = 1", "'single' =2", "a b = 3",
                     "[keys]", "like = \"L\"", "theme = 'again'", "opener=\"x=y\""]
        let map = ValueReader.keyLines(lines)
        #expect(map["theme"] == 2 && map["quoted key"] == 3 && map["single"] == 4 && map["keys"] == 6)
        #expect(map["like"] == 7 && map["opener"] == 9 && map["a b"] == nil && map["# theme"] == nil)
    }

    // MARK: --log-file

    @Test func theLogFileMustBeOurOwnRegularFile() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(message { try LogSink.openLogFile(fifo) }.contains("not a regular file"))
        #expect(message { try LogSink.openLogFile("/dev/null") }.contains("not a regular file"))
        let foreign = dir + "/theirs.log"
        #expect(FileManager.default.createFile(atPath: foreign, contents: Data()))
        chmod(foreign, 0o666)
        if geteuid() == 0 {
            #expect(chown(foreign, 12345, 12345) == 0)
            #expect(message { try LogSink.openLogFile(foreign) }.contains("belongs to another user"))
        }
        let mine = dir + "/mine.log"
        let fd = try LogSink.openLogFile(mine)
        close(fd)
        #expect(FileManager.default.fileExists(atPath: mine))
    }

    // MARK: --since

    @Test func sinceDatesMustExist() {
        #expect(InboxSince.problem("2026-02-30")?.contains("that month has 28 days") == true)
        #expect(InboxSince.problem("2024-02-29") == nil)
        #expect(InboxSince.problem("2026-13-01")?.contains("no month 13") == true)
        #expect(InboxSince.problem("2026-11-30T25:00:00Z") != nil)
        #expect(InboxSince.problem("2026-11-30T12:00:00Z") == nil)
        #expect(InboxSince.problem("2026-1-5") != nil)
        #expect(InboxSince.problem("https://h.example/api/activity/1") == nil)   // an id
        #expect(InboxSince.date("2026-02-30") == nil)
        #expect(InboxSince.date("2026-02-28") != nil)
        #expect(throws: (any Error).self) { try InboxCommand.parse(["--since", "2026-02-30"]) }
    }

    // MARK: saved image names

    @Test func savedNamesNeverStartWithADashAndAreCutByBytes() {
        let url = { (s: String) in URL(string: "https://h.example/" + s)! }
        #expect(ImageSaver.fileName(for: url("-rf.png"), contentType: "image/png") == ("rf", ".png"))
        #expect(ImageSaver.fileName(for: url("--.-x.jpg"), contentType: "image/jpeg") == ("x", ".jpg"))
        #expect(ImageSaver.fileName(for: url("-.png"), contentType: "image/png").stem == "png")
        let wide = String(repeating: "日", count: 150) + ".png"                       // 450 bytes
        let (stem, ext) = ImageSaver.fileName(for: url(wide.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!),
                                              contentType: "image/png")
        #expect(ext == ".png")
        #expect(stem.utf8.count <= ImageSaver.maxStemBytes && stem.utf8.count > ImageSaver.maxStemBytes - 3)
        #expect(stem.allSatisfy { $0 == "日" })
        #expect((stem + "-99" + ext).utf8.count <= 255)
        #expect(ImageSaver.prefix("aé👍", maxBytes: 6) == "aé")
    }
}
