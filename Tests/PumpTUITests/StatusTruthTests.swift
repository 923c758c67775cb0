import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 25's "messages that lie": keys named as configured, messages that leave with their
/// place, and searches that end.
@Suite struct StatusTruthTests {
    typealias F = ClientFixtures

    func send(_ s: inout ClientScreen, _ keys: InputEvent...) { for k in keys { _ = s.update(.input(k)) } }

    /// `like = "f"` in config.toml: the status names f, not l (before: "l again undoes").
    @Test func messagesNameTheKeysAsConfigured() {
        var s = F.screen()
        let (keymap, _) = Keymap.standard.overridden(by: [(action: "like", keys: ["f"], line: 3)], file: "config.toml")
        s.keymap = keymap
        send(&s, .key(.char("f")))
        let like = s.update(.message(.verb(VerbRequest(kind: .like, object: s.selectedObject), .success(Activity(id: "x", verb: .favorite)))))
        _ = like
        #expect(s.status.message.hasSuffix("· f again undoes"), "\(s.status.message)")
        _ = s.update(.notice(.browserUnavailable(reason: "no DISPLAY")))
        #expect(s.status.message.contains("; c copies the URL"))
    }

    /// "Liked Bob's note" is about that note: it goes when the selection moves on (before: it
    /// stayed under every other item).
    @Test func aMessageLeavesWithItsItem() {
        var s = F.screen()
        _ = s.update(.message(.verb(VerbRequest(kind: .like, object: s.selectedObject), .success(Activity(id: "x", verb: .favorite)))))
        #expect(s.status.message.hasPrefix("Liked"))
        send(&s, .key(.char("j")))
        #expect(s.status.message.isEmpty)
    }

    /// An empty `/` says why nothing happened (before: nothing at all).
    @Test func anEmptySearchSaysSo() {
        var s = F.screen()
        send(&s, .key(.char("/")), .key(.enter))
        #expect(s.status.message.hasPrefix("Nothing searched"))
    }

    /// A search that finds nothing says so in the body (before: "Loading…" for ever).
    @Test func aSearchWithoutResultsEnds() {
        var s = F.screen()
        send(&s, .key(.char("/")), .key(.char("z")), .key(.enter))
        _ = s.update(.message(.page(.searched("z", .success([])))))
        #expect(F.text(s).contains { $0.contains("No cached item holds “z”") })
        #expect(!F.text(s).contains { $0.contains("Loading…") })
    }
}
