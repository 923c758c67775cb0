import Foundation
import Testing
@testable import PumpCore

/// AsyncHTTPTransport against a raw local HTTP server (system python3, stdlib only).
@Suite(.serialized) struct IntegrationTransportTests {
    static let script = """
    import http.server, socket, sys
    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"
        def log_message(self, *a): pass
        def do_GET(self):
            if self.path == "/stream":
                self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
                block = b"x" * 65536
                try:
                    for _ in range(1024): self.wfile.write(block)
                except Exception: pass
            elif self.path == "/redirect":
                self.send_response(302); self.send_header("Location", "/target"); self.end_headers()
            else:
                self.send_response(200); self.send_header("Content-Type", "text/plain"); self.end_headers()
                self.wfile.write(b"ok")
    class S(http.server.HTTPServer):
        address_family = socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET
    s = S((sys.argv[1], 0), H)
    print("listening", s.server_address[1], flush=True)
    s.serve_forever()
    """

    final class RawServer {
        let process = Process()
        let port: Int
        let host: String
        init(host: String = "127.0.0.1") throws {
            self.host = host
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", IntegrationTransportTests.script, host]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let p = Int(line.replacingOccurrences(of: "listening ", with: "")) else { throw SetupError("raw server: \(line)") }
            port = p
        }
        deinit { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        func url(_ path: String, scheme: String = "http") -> URL {
            URL(string: "\(scheme)://\(AccountID.bracketed(host)):\(port)\(path)")!
        }
    }

    @Test func streamedBodyIsCutOffAtTheCap() async throws {
        let server = try RawServer()
        // The stream never ends: getting bodyTooLarge (not a timeout) proves it was cut off.
        await #expect(throws: PumpError.bodyTooLarge(limit: 1024 * 1024)) {
            _ = try await AsyncHTTPTransport(maxBodyBytes: 1024 * 1024)
                .send(HTTPRequest(method: "GET", url: server.url("/stream")), timeout: 10)
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        let server = try RawServer()
        let r = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: server.url("/redirect")), timeout: 5)
        #expect(r.status == 302)
        #expect(r.headers["location"] == "/target")
        let ok = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: server.url("/")), timeout: 5)
        #expect(ok.status == 200 && ok.body == Data("ok".utf8))
    }

    /// A port without TLS is "no https here" (--allow-http may then try http), not a certificate
    /// failure (which never falls back): FaultNetworkTests.tlsCertificateFailure is the other side.
    @Test func httpsToAPlainHTTPServerFailsFastWithoutBeingACertificateFailure() async throws {
        let server = try RawServer()
        let start = Date()
        do {
            _ = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: server.url("/", scheme: "https")), timeout: 3)
            Issue.record("expected a failure")
        } catch let e as PumpError {
            #expect(e.isConnectionLevel, "got \(e)")
            if case .tlsFailure = e { Issue.record("a port without TLS is not a certificate failure: \(e)") }
        }
        #expect(Date().timeIntervalSince(start) < 4)
    }

    /// `alice@[::1]:PORT` used to fail with "NSURLErrorDomain error -1000" (libcurl and an IPv6 literal).
    @Test func ipv6LiteralHost() async throws {
        let server = try RawServer(host: "::1")
        let r = try await AsyncHTTPTransport().send(HTTPRequest(method: "GET", url: server.url("/")), timeout: 5)
        #expect(r.status == 200 && r.body == Data("ok".utf8))
        let account = try AccountID(parsing: "alice@[::1]:\(server.port)")
        let endpoints = try await Discovery(transport: AsyncHTTPTransport()).discover(account)
        #expect(endpoints.requestToken.absoluteString == "http://[::1]:\(server.port)/oauth/request_token")
    }
}
