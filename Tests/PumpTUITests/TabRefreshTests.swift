import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// A tab loaded a while ago asks for what is newer when the user switches to it (seen by hand:
/// Notifications, loaded empty at start, still said "Nothing … yet" after bob's reply until R).
@Suite struct TabRefreshTests {
    typealias F = ClientFixtures

    func switchTo(_ s: inout ClientScreen, _ n: Character, at seconds: TimeInterval) -> [String] {
        s.clock = { F.now.addingTimeInterval(seconds) }
        return jobs(s.update(.input(.key(.char(n)))))
    }

    @Test func aTabLoadedLongAgoRefreshesQuietlyWhenShown() {
        var s = F.screen()
        #expect(switchTo(&s, "2", at: 1) == ["feed inboxMinor first"])
        _ = s.update(.message(.feed(.inboxMinor, .first, .success(F.inbox))))
        #expect(switchTo(&s, "1", at: 10) == [])            // loaded 10 s ago: shown as it is
        #expect(switchTo(&s, "2", at: 20) == [])            // loaded 19 s ago
        #expect(switchTo(&s, "1", at: 40) == ["feed inboxMajor newer"])   // 40 s: asks for news
        #expect(s.status.message == "Inbox")                 // quietly: no "Refreshing…" over the tab's name
    }
}
