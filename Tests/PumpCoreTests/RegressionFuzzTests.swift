import Foundation
import Testing
@testable import PumpCore

/// Inputs the fuzzers (scripts/fuzz.sh) flagged, kept so they stay fixed. Each names its target
/// and what happened.
@Suite struct RegressionFuzzTests {
    /// hostmeta target, AddressSanitizer heap-buffer-overflow (2026-12-06) in the JSON tape: 256
    /// nested '[' then bytes; a container token past the preallocated tape's bound was dropped,
    /// and its end was then written past the buffer. Refused now, nothing written outside it.
    @Test func deeplyNestedArraysPastTheTapeBound() {
        let input = Data(repeating: 0x5B, count: 256) + Data([0, 0, 0, 0, 0, 0, 0, 8])
        #expect(Endpoints.fromJRD(input) == nil)
        for depth in [1, 2, 100, 255, 256] {
            let closed = Data(repeating: 0x5B, count: depth) + Data(repeating: 0x5D, count: depth)
            _ = Endpoints.fromJRD(closed)
        }
    }

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
