import Testing
@testable import PumpTUI

@Suite struct UserCommandsTests {
    @Test func theVisibleCommandsAndHelp() {
        #expect(UserCommands.names == ["tui", "login", "accounts", "logout", "post", "inbox", "help"])
    }

    @Test(arguments: [("logni", ["login"]), ("lgout", ["logout"]), ("log", ["login", "logout"]), ("Inbox", ["inbox"]),
                      ("tu", ["tui"]), ("pots", ["post"]), ("halp", ["help"]), ("frobnicate", []), ("x", []), ("", [])])
    func nearestCommands(word: String, want: [String]) {
        #expect(UserCommands.nearest(to: word) == want)
    }

    @Test func anAccountIsNoCommand() {
        #expect(UserCommands.unknownCommandMessage("logni@host") == nil)
        #expect(UserCommands.unknownCommandMessage("logni") == "unknown command 'logni' (did you mean: login?)")
    }

    @Test func distanceCountsASwapAsOneEdit() {
        #expect(UserCommands.distance(Array("logni"), Array("login")) == 1)
        #expect(UserCommands.distance(Array(""), Array("abc")) == 3)
        #expect(UserCommands.distance(Array("kitten"), Array("sitting")) == 3)
    }

    @Test func aLongWordCostsNoMoreThanItsCap() {
        let long = String(repeating: "z", count: 1_000_000)
        #expect(UserCommands.nearest(to: long).isEmpty)
    }
}
