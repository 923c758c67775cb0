import Foundation
import Testing
@testable import PumpTUI

/// The debug log file is capped: past the cap it becomes PATH.1 and a new PATH starts.
@Suite struct LogSinkCapTests {
    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logcap-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func size(_ url: URL) -> Int { (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? -1 }

    @Test func aLongRunKeepsAtMostTwiceTheCap() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("debug.log")
        let sink = try LogSink(appendingTo: log, maxBytes: 1000)
        for i in 0..<500 { sink.write("line \(i) " + String(repeating: "x", count: 40)) }
        #expect(size(log) <= 1000 && size(log) > 0)
        #expect(size(dir.appendingPathComponent("debug.log.1")) <= 1000)
        #expect(try String(contentsOf: log, encoding: .utf8).hasSuffix("line 499 " + String(repeating: "x", count: 40) + "\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["debug.log", "debug.log.1"])
    }

    @Test func aMissingDirectoryIsMadeOnlyForTheDefaultLog() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let given = dir.appendingPathComponent("typo/debug.log")
        #expect(throws: LineModeError.self) { try LogSink(appendingTo: given, createsDirectory: false) }
        #expect(!FileManager.default.fileExists(atPath: given.deletingLastPathComponent().path))
        _ = try LogSink(appendingTo: dir.appendingPathComponent("state/debug.log"), createsDirectory: true)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("state/debug.log").path))
    }
}
