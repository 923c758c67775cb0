import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The client after login, whole, at 80×24, from ClientFixtures (clock fixed at 2026-03-10
/// 12:00Z, so relative times are stable). ScreenExpectation.swift says how expectations are written.
@Suite struct ClientScreenTextTests {
    typealias F = ClientFixtures
    let size = Size(rows: 24, cols: 80)

    func buffer(_ s: ClientScreen, _ size: Size? = nil) -> CellBuffer {
        var b = CellBuffer(size: size ?? s.size)
        s.render(into: &b)
        return b
    }

    func send(_ s: inout ClientScreen, _ keys: Key...) { for k in keys { _ = s.update(.input(.key(k))) } }

    /// Dave's wave (2025-12-01 12:00Z, another year than the clock's) is drawn as a date in the
    /// machine's time zone (RelativeTime uses TimeZone.current): it is 2025-12-02 east of UTC+12.
    /// YYYY-MM-DD in an expectation stands for that date as this machine draws it.
    static let daveDate = RelativeTime.describe(F.inbox.items[4].published!, now: F.now)

    func expectClientScreen(_ b: CellBuffer, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.daveDate.count == 10)
        expectScreen(b, expected.replacingOccurrences(of: "YYYY-MM-DD", with: Self.daveDate), sourceLocation: sourceLocation)
    }

    @Test func inbox() {
        let b = buffer(F.screen(size))
        expectClientScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Bob B.  bob@pump.example                                                      5m|
        |  Hello world & a link[1]                                                       |
        |                                                                                |
        |  • one                                                                         |
        |  • two                                                                         |
        |  [1] https://x.example/page                                                    |
        |  2 likes · 1 reply · 0 shares                                                  |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  2h|
        |  Carol C. shared a note                                                        |
        |  ↳ Bob B.                                                                      |
        |  Shared text                                                                   |
        |  1 like · 0 replies · 1 share · ♥ you liked · ↻ you shared                     |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  1d|
        |  Carol C. started following Alice A.                                           |
        |                                                                                |
        |Alice A.  alice@pump.example                                                  2d|
        |  [deleted]                                                                     |
        |                                                                                |
        |Dave  dave@remote.example                                             YYYY-MM-DD|
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
        expectRole(.title, row: 0, in: b)
        expectRole(.status, row: 22, in: b)
        // The selected item is one bar across the screen; others keep their roles.
        for row in 1...7 { expectRole(.selection, row: row, in: b) }
        expectRole(.time, of: "2h", in: b, row: 9)
        expectRole(.author, of: "Carol C.", in: b, row: 9)
    }

    /// Before the first page: the spinner at its first frame (no tick has come).
    @Test func loadingInbox() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.clock = { F.now }
        _ = s.update(.start(size))
        let b = buffer(s)
        expectClientScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |                                                                                |
        | Loading Inbox…                                                                 |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |⠋ Logged in as Alice A. (alice@pump.example)                                    |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
        expectRole(.muted, of: "Loading Inbox…", in: b)
    }

    @Test func emptyInbox() {
        let b = buffer(F.screen(size, feed: Feed()))
        expectClientScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |                                                                                |
        | Nothing in Inbox yet. n writes a note; F follows someone.                      |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 0 items                     |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
        expectRole(.muted, of: "Nothing in Inbox yet.", in: b)
    }

    @Test func loadError() {
        var s = ClientScreen(account: F.alice, displayName: "Alice A.", size: size)
        s.clock = { F.now }
        _ = s.update(.start(size))
        _ = s.update(.message(.feed(.inboxMajor, .first, .failure(ClientFailure(message: "Server error 500: boom")))))
        let b = buffer(s)
        expectClientScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |                                                                                |
        | Could not load Inbox: Server error 500: boom (R retries)                       |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Server error 500: boom                                                          |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
        expectRole(.error, row: 22, in: b)
    }

    @Test func thread() {
        var s = F.screen(size)
        send(&s, .enter)
        let root = F.inbox.items[0].object!
        let replies = Feed.decode(Data(F.repliesJSON.utf8))!
        _ = s.update(.message(.page(.thread(rootID: root.id, offset: 0, .success(ThreadPage(root: root, replies: replies))))))
        let b = buffer(s)
        expectClientScreen(b, #"""
        | Thread · Bob B.                                             alice@pump.example |
        |Bob B.  bob@pump.example                                                      5m|
        |  Hello world & a link[1]                                                       |
        |                                                                                |
        |  • one                                                                         |
        |  • two                                                                         |
        |  [1] https://x.example/page                                                    |
        |  2 likes · 1 reply · 0 shares                                                  |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  2m|
        |  in reply to a post                                                            |
        |  Nice post!                                                                    |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        | End of the thread.                                                             |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |1 of 1 reply                                                                    |
        |Enter open  q/Esc back  n new  r reply  l like  s share  p profile  ?/F1 help   |
        """#)
    }

    @Test func profile() {
        var s = F.screen(size)
        send(&s, .char("p"))
        let bob = Person.decode(Data(F.profileJSON.utf8))!
        _ = s.update(.message(.page(.profile(personID: "acct:bob@pump.example", .success(ProfilePage(person: bob, posts: F.inbox))))))
        let b = buffer(s)
        expectClientScreen(b, #"""
        | Profile · Bob B.                                            alice@pump.example |
        |Bob B.  bob@pump.example                                                        |
        |  I like trains                                                                 |
        |  3 followers · 4 following · 5 favorites                                       |
        |  You follow them (f unfollows)                                                 |
        |                                                                                |
        |Bob B.  bob@pump.example                                                      5m|
        |  Hello world & a link[1]                                                       |
        |                                                                                |
        |  • one                                                                         |
        |  • two                                                                         |
        |  [1] https://x.example/page                                                    |
        |  2 likes · 1 reply · 0 shares                                                  |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  2h|
        |  Carol C. shared a note                                                        |
        |  ↳ Bob B.                                                                      |
        |  Shared text                                                                   |
        |  1 like · 0 replies · 1 share · ♥ you liked · ↻ you shared                     |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  1d|
        |  Carol C. started following Alice A.                                           |
        |Bob B.                                                                          |
        |Enter open  q/Esc back  n new  r reply  l like  s share  f follow  ?/F1 help    |
        """#)
    }

    /// The help overlay covers the whole width of its rows: the screen below never shows beside
    /// its frame (it once did: "h│" at the URL row, "┐5m" on the timeline). The list goes on, and
    /// the bottom edge says how to scroll to the rest.
    @Test func helpOverTheTimeline() {
        var s = F.screen(size)
        send(&s, .char("?"))
        let b = buffer(s)
        let expected = #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |  ┌─ Help — ? or Esc closes ─────────────────────────────────────────────────┐  |
        |  │ Timeline                                                                 │  |
        |  │   k, ↑         Previous item · up                                        │  |
        |  │   j, ↓         Next item · down                                          │  |
        |  │   PgUp         Page up · page-up                                         │  |
        |  │   PgDn, Space  Page down · page-down                                     │  |
        |  │   g, Home      Go to the top · top                                       │  |
        |  │   G, End       Go to the bottom · bottom                                 │  |
        |  │   Enter        Open the thread · open-thread                             │  |
        |  │   q            Quit (an unsent draft is kept) · quit                     │  |
        |  │   n            Write a new note · compose                                │  |
        |  │   r            Reply to the item · reply                                 │  |
        |  │   l            Like / unlike · like                                      │  |
        |  │   s            Share / unshare · share                                   │  |
        |  │   d            Delete your own item (asks first) · delete                │  |
        |  │   e            Edit your own item · edit                                 │  |
        |  │   p            The author's profile · profile                            │  |
        |  │   ^            Go to the post this one answers · parent                  │  |
        |  │   F            Follow someone by nick@host · follow-by-id                │  |
        |  │   c            Copy the item's URL (OSC 52) · copy-item-url              │  |
        |  └─ ↓ more: j, PgDn ────────────────────────────────────────────────────────┘  |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |?/Esc close  F1 help                                                            |
        """#
        expectClientScreen(b, expected)
    }

    /// d on one's own note asks first; Keep is focused.
    @Test func deleteConfirm() {
        var s = F.screen(size)
        for _ in 0..<5 { send(&s, .char("j")) }
        send(&s, .char("d"))
        let b = buffer(s)
        expectClientScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Carol C.  carol@pump.example                                                  2h|
        |  Carol C. shared a note                                                        |
        |  ↳ Bob B.                                                                      |
        |  Shared text                                                                   |
        |  1 like · 0 replies · 1 share · ♥ you liked · ↻ you shared                     |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  1d|
        |  Carol C. started┌──────────────────────────────────────────┐                  |
        |                  │                                          │                  |
        |Alice A.  alice@pu│ Delete this note? This cannot be undone. │                2d|
        |  [deleted]       │                                          │                  |
        |                  │           [ Delete ]  [ Keep ]           │                  |
        |Dave  dave@remote.└──────────────────────────────────────────┘        YYYY-MM-DD|
        |  Dave waved at you                                                             |
        |  a wave                                                                        |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        |Alice A.  alice@pump.example                                                  1h|
        |  My own note                                                                   |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        |⠋ Loading older items…                                                          |
        |Tab/→ next  y yes  n/Esc no  F1 help                                            |
        """#)
        expectRole(.buttonFocus, of: "[ Keep ]", in: b)
        expectRole(.button, of: "[ Delete ]", in: b)
    }

    @Test func followPrompt() {
        var s = F.screen(size)
        send(&s, .char("F"))
        _ = s.update(.input(.paste("carol@pump.example")))
        let b = buffer(s)
        expectClientScreen(b, #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Bob B.  bob@pump.example                                                      5m|
        |  Hello world & a link[1]                                                       |
        |                                                                                |
        |  • one                                                                         |
        |  • two                                                                         |
        |  [1] https://x.example/page                                                    |
        |  2 likes · 1 reply · 0 shares                                                  |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  2h|
        |  Carol ┌──────────────────────────────────────────────────────────────┐        |
        |  ↳ Bob │Follow (nick@host): carol@pump.example                        │        |
        |  Shared└──────────────────────────────────────────────────────────────┘        |
        |  1 like · 0 replies · 1 share · ♥ you liked · ↻ you shared                     |
        |                                                                                |
        |Carol C.  carol@pump.example                                                  1d|
        |  Carol C. started following Alice A.                                           |
        |                                                                                |
        |Alice A.  alice@pump.example                                                  2d|
        |  [deleted]                                                                     |
        |                                                                                |
        |Dave  dave@remote.example                                             YYYY-MM-DD|
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |Tab next  Enter submit  Esc cancel  F1 help                                     |
        """#)
    }

    @Test func tooSmall() {
        let small = Size(rows: 11, cols: 50)
        let b = buffer(F.screen(small))
        expectClientScreen(b, #"""
        |                                                  |
        |                                                  |
        |                                                  |
        |                                                  |
        |                                                  |
        |Window too small: need at least 40×12, have 50×11 |
        |                                                  |
        |                                                  |
        |                                                  |
        |                                                  |
        |                                                  |
        """#)
    }
}
