import PumpCore
import Testing
@testable import PumpTUI

@Suite struct RuntimeInputTests {
    /// Feeds one burst (all at t=0), then lets time pass.
    private func feed(_ inputs: [TerminalInput]) -> [InputEvent] {
        var a = InputAssembler()
        return inputs.flatMap { a.feed($0, now: 0) } + a.expire(now: 10).events
    }

    private func scalars(_ s: String) -> [TerminalInput] { s.unicodeScalars.map { .scalar($0) } }

    @Test func pasteArrivesAsOneEventAndNeverAsKeys() {
        let events = feed([.pasteBegin] + scalars("q-in-paste") + [.pasteEnd] + scalars("q"))
        #expect(events == [.paste("q-in-paste"), .key(.char("q"))])
    }

    @Test func pasteNormalisesNewlinesAndDropsControls() {
        let events = feed([.pasteBegin] + scalars("a\r\nb\rc\nd\u{1b}[31m\te\u{9b}") + [.key(.enter), .key(.up), .pasteEnd])
        #expect(events == [.paste("a\nb\nc\nd[31m\te\n")])
    }

    @Test func resizeInsidePasteIsStillDelivered() {
        let events = feed([.pasteBegin, .scalar("x"), .resize(Size(rows: 5, cols: 9)), .pasteEnd])
        #expect(events == [.resize(Size(rows: 5, cols: 9)), .paste("x")])
    }

    /// tmux passes `ESC[201~` inside a pasted buffer through: the paste's own text must not end
    /// it early and run the rest (here Tab and ^D, which sent the note) as keys.
    @Test func anEndMarkerInsideThePasteDoesNotEndIt() {
        let events = feed([.pasteBegin] + scalars("hello") + [.pasteEnd] + scalars("evil\t\u{4}q") + [.pasteEnd])
        #expect(events == [.paste("hello" + "evil\t" + "q")])
        let twice = feed([.pasteBegin] + scalars("a") + [.pasteEnd, .pasteBegin] + scalars("b") + [.pasteEnd])
        #expect(twice == [.paste("ab")])
    }

    /// Keys typed after the paste has settled are keys again, in order.
    @Test func keysAfterAQuietMomentAreKeys() {
        var a = InputAssembler()
        var events: [InputEvent] = []
        for input in [.pasteBegin] + scalars("x") + [.pasteEnd] { events += a.feed(input, now: 0) }
        events += a.expire(now: 0.05).events                  // not settled yet
        #expect(events.isEmpty && a.inPaste)
        events += a.expire(now: InputAssembler.settleSeconds + 0.01).events
        events += a.feed(.scalar("l"), now: 1)
        #expect(events == [.paste("x"), .key(.char("l"))])
    }

    /// `ESC[200~` and nothing else: the paste ends after a quiet moment and says so; later keys work.
    @Test func aPasteWithNoEndMarkerEndsAndSaysSo() {
        var a = InputAssembler()
        var events: [InputEvent] = []
        for input in [.pasteBegin] + scalars("half") { events += a.feed(input, now: 0) }
        #expect(a.expire(now: 1).events.isEmpty)
        let (ended, why) = a.expire(now: InputAssembler.unterminatedSeconds + 0.01)
        #expect(ended == [.paste("half")] && why == .unterminated)
        #expect(a.feed(.scalar("j"), now: 5) == [.key(.char("j"))])
    }

    @Test func strayPasteEndIsIgnored() {
        #expect(feed([.pasteEnd, .scalar("a")]) == [.key(.char("a"))])
    }

    @Test(arguments: [
        (UInt32(8), Key.backspace), (127, .backspace), (10, .enter), (13, .enter), (9, .tab),
        (27, .escape), (1, .ctrl("a")), (21, .ctrl("u")), (26, .ctrl("z")), (0x71, .char("q")),
        (0xE9, .char("é")), (0x65E5, .char("日")),
    ])
    func typedScalarsMapToKeys(value: UInt32, key: Key) {
        #expect(InputAssembler.key(for: Unicode.Scalar(value)!) == key)
    }

    @Test func c1AndNulAreNotKeys() {
        #expect(InputAssembler.key(for: "\u{9b}") == nil)
        #expect(InputAssembler.key(for: "\u{0}") == nil)
    }

    @Test func osc52Plain() {
        #expect(Clipboard.osc52("hello", environment: ["TERM": "xterm-256color"]) == "\u{1b}]52;c;aGVsbG8=\u{07}")
    }

    /// tmux drops DCS passthrough by default; the plain sequence becomes a tmux buffer.
    @Test func osc52IsPlainInsideTmux() {
        let s = Clipboard.osc52("hello", environment: ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"])
        #expect(s == "\u{1b}]52;c;aGVsbG8=\u{07}")
    }

    @Test func copyInTmuxWithSetClipboardOffSaysHowToFixIt() {
        let tmux = ["TMUX": "/tmp/tmux-0/default,1,0"]
        #expect(Clipboard.obstacle(environment: tmux, tmuxSetting: { _ in "off" })?.contains("set -g set-clipboard on") == true)
        #expect(Clipboard.obstacle(environment: tmux, tmuxSetting: { _ in "external" }) == nil)
        #expect(Clipboard.obstacle(environment: [:], tmuxSetting: { _ in "off" }) == nil)
    }

    @Test func osc52WrappedForScreenInChunks() {
        let text = String(repeating: "x", count: 120)
        let s = Clipboard.osc52(text, environment: ["TERM": "screen.xterm-256color"])
        #expect(s.hasPrefix("\u{1b}P\u{1b}]52;c;"))
        #expect(s.hasSuffix("\u{07}\u{1b}\\"))
        let chunks = s.components(separatedBy: "\u{1b}\\").filter { !$0.isEmpty }
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.hasPrefix("\u{1b}P") && $0.count <= 78 })
        #expect(chunks.map { String($0.dropFirst(2)) }.joined() == Clipboard.osc52(text, environment: [:]))
    }

    @Test func plainTextLosesEscapesAndBidi() {
        #expect(TerminalText.clean("a\u{1b}[2Jb\u{7}c\r\nd\u{202e}e\u{9b}f\tg", .text) == "abc\nde g")   // C1 CSI takes its final byte f along
    }

    @Test func browserNeedsLocalDisplayAndNoSSH() {
        let url = "https://example.org/x?a=1"
        #expect(BrowserLauncher.decide(url: url, environment: [:]) == .unavailable(reason: "no local display"))
        #expect(BrowserLauncher.decide(url: url, environment: ["DISPLAY": ":0", "SSH_TTY": "/dev/pts/1"])
                == .unavailable(reason: "SSH session: no local display"))
        #expect(BrowserLauncher.decide(url: url, environment: ["WAYLAND_DISPLAY": "wayland-0"])
                == .launch(argv: ["xdg-open", url]))
        #expect(BrowserLauncher.decide(url: url, environment: ["DISPLAY": ":0", "BROWSER": "firefox --new-window:chromium"])
                == .launch(argv: ["firefox", "--new-window", url]))
        #expect(BrowserLauncher.decide(url: url, environment: ["DISPLAY": ":0", "BROWSER": "w3m %s"])
                == .launch(argv: ["w3m", url]))
        #expect(BrowserLauncher.decide(url: "file:///etc/passwd", environment: ["DISPLAY": ":0"])
                == .unavailable(reason: "not a web address"))
    }

    @Test func fullScreenDecision() {
        let term = ["TERM": "xterm-256color"]
        #expect(TerminalSupport.canRunFullScreen(environment: term, stdinIsTTY: true, stdoutIsTTY: true))
        #expect(!TerminalSupport.canRunFullScreen(environment: ["TERM": "dumb"], stdinIsTTY: true, stdoutIsTTY: true))
        #expect(!TerminalSupport.canRunFullScreen(environment: [:], stdinIsTTY: true, stdoutIsTTY: true))
        #expect(!TerminalSupport.canRunFullScreen(environment: ["TERM": "no-such-term-xyz"], stdinIsTTY: true, stdoutIsTTY: true))
        #expect(!TerminalSupport.canRunFullScreen(environment: term, stdinIsTTY: false, stdoutIsTTY: true))
        #expect(!TerminalSupport.canRunFullScreen(environment: term, stdinIsTTY: true, stdoutIsTTY: false))
    }

    @Test func shutdownExitCodes() {
        #expect(ShutdownReason.signal(2).exitCode == 130)
        #expect(ShutdownReason.signal(15).exitCode == 143)
        #expect(ShutdownReason.signal(1).exitCode == 129)
        #expect(ShutdownReason.signal(3).exitCode == 131)
        #expect(ShutdownReason.hangUp.exitCode == 129)
        #expect(ShutdownReason.quit(exitCode: 0).exitCode == 0)
    }

    @Test func debugKeysPasteOfQDoesNotQuit() {
        var app = DebugKeysApp()
        #expect(app.update(.input(.paste("q"))).isEmpty)
        #expect(app.typed == "q")
        let effects = app.update(.input(.key(.char("q"))))
        guard case .quit(0, _)? = effects.first else { Issue.record("q should quit"); return }
    }
}

/// Bytes to characters across read boundaries (ncurses' get_wch dropped split characters).
@Suite struct UTF8AssemblerTests {
    func decode(_ bytes: [UInt8]) -> String {
        var a = UTF8Assembler()
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(contentsOf: a.feed(b)) }
        return String(s)
    }

    @Test func splitCharactersSurviveAnyBoundary() {
        let text = "a中👍🏽é"
        #expect(decode(Array(text.utf8)) == text)
        var a = UTF8Assembler()
        let bytes = Array("中".utf8)
        #expect(a.feed(bytes[0]).isEmpty && a.feed(bytes[1]).isEmpty)   // the rest comes later
        #expect(a.feed(bytes[2]) == ["中"])
    }

    @Test func malformedBytesBecomeReplacementCharacters() {
        #expect(decode([0xFF, 0x41]) == "\u{FFFD}A")
        #expect(decode([0xE4, 0x41]) == "\u{FFFD}A")              // broken off by an ASCII byte
        #expect(decode([0xED, 0xA0, 0x80]) == "\u{FFFD}")          // a UTF-16 surrogate
        #expect(decode([0x80]) == "\u{FFFD}")
    }
}
