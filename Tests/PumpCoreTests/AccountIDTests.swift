import Foundation
import Testing
@testable import PumpCore

@Suite struct AccountIDTests {
    @Test func parsesAndNormalises() throws {
        let a = try AccountID(parsing: " acct:Alice_1.x-y@Pump.Example:8443 ")
        #expect(a.nickname == "Alice_1.x-y")
        #expect(a.host == "pump.example")
        #expect(a.port == 8443)
        #expect(a.description == "Alice_1.x-y@pump.example:8443")
        #expect(try AccountID(parsing: "bob@h.example:443").description == "bob@h.example")
        #expect(try AccountID(parsing: "bob@[::1]:9000").hostWithPort == "[::1]:9000")
    }

    /// Whitespace and newlines around it go, as Foundation's trimming took them (the trim is
    /// the standard library's now); inside, they are still an error.
    @Test func trimsWhitespaceAndNewlinesAround() throws {
        for text in ["\talice@example.org\r\n", "\u{3000}alice@example.org\u{00A0}", "\n\n alice@example.org"] {
            #expect(try AccountID(parsing: text).description == "alice@example.org")
        }
        #expect(throws: PumpError.self) { try AccountID(parsing: " \t\n ") }
        #expect(throws: PumpError.self) { try AccountID(parsing: "alice@exa\u{3000}mple.org") }
        #expect(try AccountID(parsing: "a@[::1]:5000").isLoopback)
    }

    @Test(arguments: ["", "alice", "@host", "alice@", "a b@host", "alice@ho st", "alice@host:0", "alice@host:65536",
                      "alice@host:x", "a@b@c", "alice@-host", "alice@host..x", String(repeating: "n", count: 65) + "@h"])
    func rejectsBadInput(_ input: String) {
        #expect(throws: PumpError.self) { try AccountID(parsing: input) }
    }

    @Test func errorMessagesSayWhatIsWrong() {
        #expect(throws: PumpError.invalidAccount("port '70000' must be a number from 1 to 65535")) {
            try AccountID(parsing: "a@h:70000")
        }
        #expect(throws: PumpError.invalidAccount("the host after '@' is empty")) { try AccountID(parsing: "a@") }
    }

    @Test func loopback() throws {
        #expect(try AccountID(parsing: "a@127.0.0.1:5000").isLoopback)
        #expect(try AccountID(parsing: "a@127.8.9.10").isLoopback)
        #expect(try AccountID(parsing: "a@LocalHost").isLoopback)
        #expect(try AccountID(parsing: "a@[::1]:80").isLoopback)
        #expect(!(try AccountID(parsing: "a@128.0.0.1").isLoopback))
        #expect(!(try AccountID(parsing: "a@127.example.com").isLoopback))
    }

    @Test func codableAsString() throws {
        let a = try AccountID(parsing: "alice@h:1234")
        let data = try JSONEncoder().encode([a])
        #expect(String(decoding: data, as: UTF8.self) == "[\"alice@h:1234\"]")
        #expect(try JSONDecoder().decode([AccountID].self, from: data) == [a])
    }
}
