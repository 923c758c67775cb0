import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Whole screens (ScreenExpectation.swift) of issue 14's parts: the link chooser, the image
/// line and its menu, and the help with the editor's keys and the config file.
@Suite struct LinksImagesScreenTextTests {
    func buffer(_ s: ClientScreen) -> CellBuffer { s.wholeScreen }

    @Test func linkChooser() {
        var s = PlainLinkTests().screenWithLinks()
        _ = s.update(.input(.key(.char("c"))))
        expectScreen(buffer(s), #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Bob B.  bob@pump.example                                                      5m|
        |  Visit https://example.org[2] and this[1]                                      |
        |  [1] https://two.example/x                                                     |
        |  [2] https://example.org                                                       |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        | End of Inbox.                                                                  |
        |                                                                                |
        |          ┌─ Copy which address? 0–9 or Enter ───────────────────────┐          |
        |          │ 0  this item  https://pump.example/bob/note/n9           │          |
        |          │ 1  https://two.example/x                                 │          |
        |          │ 2  https://example.org                                   │          |
        |          └──────────────────────────────────────────────────────────┘          |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 1 item                      |
        |Enter choose  Esc/q close  F1 help                                              |
        """#)
        // F1, which the footer offers, lists the picker's keys over it; Esc goes back to it.
        _ = s.update(.input(.key(.f(1))))
        let help = ClientFixtures.text(s)
        #expect(s.contexts == [.help] && help[2].contains("Choosing") && help.contains { $0.contains("Enter   Choose") })
        _ = s.update(.input(.key(.escape)))
        #expect(s.contexts == [.picker] && ClientFixtures.text(s).contains { $0.contains("Copy which address? 0–9 or Enter") })
    }

    @Test func imageLineAndMenu() {
        var s = ImageTests().screen()
        expectScreen(buffer(s), #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Bob B.  bob@pump.example                                                      2m|
        |  Sunset                                                                        |
        |  [image] 640×480 · Sunset · i: open, copy, save, view                          |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        | End of Inbox.                                                                  |
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
        |Logged in as Alice A. (alice@pump.example) · Inbox: 1 item                      |
        |Enter open  q quit  n new  r reply  l like  s share  p profile  ?/F1 help       |
        """#)
        _ = s.update(.input(.key(.char("i"))))
        expectScreen(buffer(s), #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |Bob B.  bob@pump.example                                                      2m|
        |  Sunset                                                                        |
        |  [image] 640×480 · Sunset · i: open, copy, save, view                          |
        |  0 likes · 0 replies · 0 shares                                                |
        |                                                                                |
        | End of Inbox.                                                                  |
        |                                                                                |
        |          ┌─ Image — o, c, s, v or Enter ────────────────────────────┐          |
        |          │ o  open it (opener / browser)                            │          |
        |          │ c  copy its URL                                          │          |
        |          │ s  save it to /home/a/Downloads                          │          |
        |          │ v  view it here                                          │          |
        |          └──────────────────────────────────────────────────────────┘          |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |                                                                                |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 1 item                      |
        |Enter choose  Esc/q close  F1 help                                              |
        """#)
    }

    @Test func helpEndsWithTheConfigFile() {
        var s = ClientFixtures.screen()
        var settings = ClientSettings(); settings.configPath = "/home/a/.config/pumptui/config.toml"
        s.apply(settings)
        _ = s.update(.input(.key(.char("?"))))
        _ = s.update(.input(.key(.char("G"))))
        expectScreen(buffer(s), #"""
        | [1 Inbox] 2 Meanwhile 3 Direct 4 Mine 5 Favorites 6 Notif.  alice@pump.example |
        |  ┌─ Help — ? or Esc closes ─────────────────────────────────────────────────┐  |
        |  │   ^K               Delete to the end of the line (at its end: join the   │  |
        |  │                    next line)                                            │  |
        |  │   ^W               Delete the word before the cursor                     │  |
        |  │                                                                          │  |
        |  │ Configuration (config.toml)                                              │  |
        |  │   file             /home/a/.config/pumptui/config.toml                   │  |
        |  │   default-account  "nick@host": the account to open (also                │  |
        |  │                    $PUMPTUI_ACCOUNT)                                     │  |
        |  │   theme            "dark": a theme name (also --theme, $PUMPTUI_THEME)   │  |
        |  │   refresh          60: seconds between timeline refreshes, 0 = off       │  |
        |  │   escape-delay     50: ms to wait after Esc                              │  |
        |  │   opener           "feh": opens links and images (else $BROWSER,         │  |
        |  │                    xdg-open)                                             │  |
        |  │   editor           "vim": for ^E in the editor (after $VISUAL, $EDITOR)  │  |
        |  │   bell             true: ring the bell on new messages                   │  |
        |  │   notify           true: a desktop notification on new messages          │  |
        |  │   download-dir     "~/Pictures": where images are saved (default         │  |
        |  │                    ~/Downloads)                                          │  |
        |  │   [keys]           like = "L": an action's keys (names as in this help)  │  |
        |  └──────────────────────────────────────────────────────────────────────────┘  |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |?/Esc close  F1 help                                                            |
        """#)
    }
}
