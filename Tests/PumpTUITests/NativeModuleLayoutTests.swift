import Foundation
import Testing

/// Issue 10: the crash handler's state once lived as `static` storage in CNcurses/shim.h, so
/// every importer held its own copy and the release binary's handler read one never armed.
/// The state now lives in the CTerminalGuard C target; these keep it that way.
@Suite struct NativeModuleLayoutTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Exactly one file talks to ncurses; the signal state is reached from the backend and from
    /// SignalGuard (the runtime's install/uninstall), nowhere else.
    @Test func onlyTheTerminalFilesImportTheCModules() throws {
        #expect(try importers(of: "CNcurses") == ["CursesBackend.swift"])
        #expect(try importers(of: "CTerminalGuard") == ["CursesBackend.swift", "SignalGuard.swift"])
    }

    private func importers(of module: String) throws -> [String] {
        let dir = Self.root.appendingPathComponent("Sources/PumpTUI")
        let files = try #require(FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil))
        var importers: [String] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            if try String(contentsOf: url, encoding: .utf8).contains("import \(module)") {
                importers.append(url.lastPathComponent)
            }
        }
        return importers.sorted()
    }

    /// Stateless `static inline` helpers and constants only: any other `static` in a header is
    /// one copy per translation unit.
    @Test func shimHeaderHoldsNoState() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/CNcurses/shim.h"), encoding: .utf8)
        let suspicious = text.split(separator: "\n").filter {
            $0.contains("static ") && !$0.contains("static inline ") && !$0.contains("static const ")
        }
        #expect(suspicious.isEmpty, "\(suspicious)")
    }
}
