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
        |  │ Configuration (config.toml)                                              │  |
        |  │   file             /home/a/.config/pumptui/config.toml                   │  |
        |  │   default-account  the account to open (also $PUMPTUI_ACCOUNT), e.g.     │  |
        |  │                    "nick@host" · not set                                 │  |
        |  │   theme            a theme name (also --theme, $PUMPTUI_THEME), e.g.     │  |
        |  │                    "dark" · not set                                      │  |
        |  │   refresh          seconds between timeline refreshes, 0 = off, e.g. 60  │  |
        |  │                    · not set                                             │  |
        |  │   escape-delay     ms to wait after Esc, e.g. 50 · not set               │  |
        |  │   opener           opens links and images (else $BROWSER, xdg-open),     │  |
        |  │                    e.g. "feh" · not set                                  │  |
        |  │   editor           for ^E in the editor (after $VISUAL, $EDITOR), e.g.   │  |
        |  │                    "vim" · not set                                       │  |
        |  │   bell             ring the bell on new messages, e.g. true · not set    │  |
        |  │   notify           a desktop notification on new messages, e.g. true ·   │  |
        |  │                    not set                                               │  |
        |  │   download-dir     where images are saved, e.g. "~/Pictures" · not set   │  |
        |  │   [keys]           an action's keys, by the action's name after · in     │  |
        |  │                    this help, e.g. like = "L" · not set                  │  |
        |  └──────────────────────────────────────────────────────────────────────────┘  |
        |Logged in as Alice A. (alice@pump.example) · Inbox: 6 items                     |
        |?/Esc close  F1 help                                                            |
        """#)
    }
}
