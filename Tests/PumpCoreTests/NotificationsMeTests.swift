import Foundation
import Testing
@testable import PumpCore

/// The screen's store knows the account before any request: a direct message addressed by the
/// profile URL (the test server, some pump.io setups) or by acct: is for it (the e2e test of the
/// OSC 9 cue found the first form missed).
@Suite struct NotificationsMeTests {
    @Test func theAccountIsKnownByEitherId() throws {
        let me = Notifications.Me(account: try AccountID(parsing: "alice@127.0.0.1:8080"))
        #expect(me.isAddressed([Address(id: "http://127.0.0.1:8080/api/user/alice/profile", objectType: "person")]))
        #expect(me.isAddressed([Address(id: "acct:alice@127.0.0.1:8080", objectType: "person")]))
        #expect(!me.isAddressed([Address(id: "http://127.0.0.1:8080/api/user/bob/profile", objectType: "person")]))
    }
}
