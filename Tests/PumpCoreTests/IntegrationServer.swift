import Foundation
import Testing
@testable import PumpCore

/// The project's Python test server (testserver/pumpserver.py), started per test on a free
/// loopback port and terminated afterwards.
final class IntegrationServer: @unchecked Sendable {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var python: URL { repoRoot.appendingPathComponent(".venv/bin/python") }

    let process = Process()
    let port: Int
    var base: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    init(arguments: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: IntegrationServer.python.path) else {
            throw SetupError("\(IntegrationServer.python.path) is missing: run scripts/setup-python.sh first")
        }
        process.executableURL = IntegrationServer.python
        process.arguments = [IntegrationServer.repoRoot.appendingPathComponent("testserver/pumpserver.py").path,
                             "--port", "0"] + arguments
        process.currentDirectoryURL = IntegrationServer.repoRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = IntegrationServer.firstLine(out.fileHandleForReading)
        let prefix = "pumpserver listening on http://127.0.0.1:"
        guard line.hasPrefix(prefix), let port = Int(line.dropFirst(prefix.count)) else {
            kill(process.processIdentifier, SIGKILL); process.waitUntilExit()
            throw SetupError("test server did not start (first line: \(line.debugDescription))")
        }
        self.port = port
    }

    deinit { stop() }

    /// SIGKILL, not terminate(): children spawned from Swift's worker threads inherit a signal
    /// mask that blocks SIGTERM, so a terminate() would leave the server running forever.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }

    func account(_ nick: String = "alice") -> AccountID { try! AccountID(parsing: "\(nick)@127.0.0.1:\(port)") }

    /// POSTs to a `/_test/...` control endpoint.
    func control(_ path: String, json: String = "{}") async throws {
        let req = HTTPRequest(method: "POST", url: URL(string: path, relativeTo: base)!.absoluteURL,
                              headers: ["Content-Type": "application/json"], body: Data(json.utf8))
        // Its own Retry-After gate: the control channel must not be paused by the client under test.
        let r = try await AsyncHTTPTransport(gate: RetryAfterGate()).send(req, timeout: 5)
        guard r.status == 200 else { throw SetupError("control \(path) failed: \(r.status)") }
    }

    /// TCP connections the server has accepted so far.
    func connections() async throws -> Int {
        let req = HTTPRequest(method: "POST", url: URL(string: "/_test/connections", relativeTo: base)!.absoluteURL)
        let r = try await AsyncHTTPTransport(gate: RetryAfterGate()).send(req, timeout: 5)
        let obj = try JSONSerialization.jsonObject(with: r.body) as? [String: Any]
        guard let count = obj?["count"] as? Int else { throw SetupError("no connection count") }
        return count
    }

    /// Plays the human on the authorize page; returns the verifier.
    static func approve(_ url: URL, user: String = "alice") throws -> String {
        let p = Process()
        p.executableURL = python
        p.arguments = [repoRoot.appendingPathComponent("testserver/approve.py").path, url.absoluteString, "--user", user]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw SetupError("approve.py failed (\(p.terminationStatus))") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func firstLine(_ handle: FileHandle) -> String {
        var bytes = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            bytes.append(chunk)
            if bytes.contains(UInt8(ascii: "\n")) { break }
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    /// A port nobody listens on: bound and never listened on, and kept bound for the rest of
    /// the run, so a server started meanwhile (another suite, another process) cannot take it
    /// (a released port was, once: "connection refused" became a 404 from someone's server).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
