import Foundation
import Testing
@testable import PumpTUI

@Suite struct QRCodeTests {
    static let url = "https://pump.example/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv"

    @Test func linesAreHalfBlocksWithQuietZone() throws {
        let lines = try #require(QRCode.halfBlockLines(for: Self.url))
        let modules = try #require(QRCode.modules(for: Self.url))
        #expect(lines.allSatisfy { $0.count == modules.count + 8 })
        #expect(lines.count == (modules.count + 8 + 1) / 2)
        #expect(lines[0] == String(repeating: "█", count: modules.count + 8))   // quiet zone is light
        #expect(lines.joined().allSatisfy { "█▀▄ ".contains($0) })
    }

    @Test func narrowWidthUsesSmallerQuietZoneOrFails() throws {
        let modules = try #require(QRCode.modules(for: Self.url))
        #expect(QRCode.halfBlockLines(for: Self.url, maxCols: modules.count + 4)?.first?.count == modules.count + 4)
        #expect(QRCode.halfBlockLines(for: Self.url, maxCols: modules.count + 3) == nil)
        #expect(QRCode.halfBlockLines(for: "") == nil)
    }

    /// Converts the characters back to an image and lets zbar decode it.
    @Test func decodesBackWithZbar() throws {
        let zbar = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let zbar else {
            print("QRCodeTests: zbarimg not installed (Debian zbar-tools); skipping the decode check")
            return
        }
        let lines = try #require(QRCode.halfBlockLines(for: Self.url))
        let pgm = Self.pgm(lines, scale: 4)
        let path = NSTemporaryDirectory() + "pumptui-qr-\(getpid()).pgm"
        try pgm.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: zbar)
        p.arguments = ["--raw", "-q", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == Self.url)
    }

    /// Block characters are light modules: top half of "▀", bottom half of "▄", both of "█".
    static func pgm(_ lines: [String], scale: Int) -> Data {
        var rows: [[Bool]] = []   // true = light
        for line in lines {
            rows.append(line.map { $0 == "█" || $0 == "▀" })
            rows.append(line.map { $0 == "█" || $0 == "▄" })
        }
        let w = rows[0].count * scale, h = rows.count * scale
        var data = Data("P5\n\(w) \(h)\n255\n".utf8)
        for row in rows {
            let pixels = row.flatMap { Array(repeating: UInt8($0 ? 255 : 0), count: scale) }
            for _ in 0..<scale { data.append(contentsOf: pixels) }
        }
        return data
    }
}
