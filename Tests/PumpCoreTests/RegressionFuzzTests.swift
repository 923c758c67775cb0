import Foundation
import Testing
@testable import PumpCore

/// Inputs the fuzzers (scripts/fuzz.sh) flagged, kept so they stay fixed. Each names its target
/// and what happened.
@Suite struct RegressionFuzzTests {
    /// token target, libFuzzer "timeout after 12 seconds" (2026-11-29) in ServerText.extractMessage:
    /// NUL bytes and invalid UTF-8 around "Error"/"in". Not reproducible alone (it runs in
    /// milliseconds: the fuzzer had been starved of CPU at nice 19), kept as a bound on the time.
    @Test func tokenReplyWithNULsAndInvalidUTF8() {
        let input = Data([0x65, 0x49, 0x6e, 0x00, 0x72, 0x72, 0x6f, 0x72, 0x23, 0x69, 0x6e, 0x49, 0xf5, 0x00, 0x00, 0x00,
                          0x00, 0x00, 0x00, 0x00, 0x00, 0xf5, 0xf5])
        let start = Date()
        #expect(TokenReply(body: input) == nil)
        for type in ["text/plain", "application/json", "text/html"] {
            let response = HTTPResponse(status: 401, headers: ["content-type": type], body: input)
            let message = ServerText.extractMessage(response)
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            _ = ServerReply.error(for: response)
            _ = ServerReply.accessTokenError(for: response)
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }
}
