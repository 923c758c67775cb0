import Testing
@testable import PumpTUI

/// The graphics probe's replies are taken out of the input and never act as keys; what the
/// terminal answered decides the protocol.
@Suite struct TerminalReplyTests {
    func scalars(_ s: String) -> [TerminalInput] { s.unicodeScalars.map { .scalar($0) } }

    /// Feeds reads (each a list of inputs) to an armed filter; returns what passed and the replies.
    func run(_ reads: [[TerminalInput]], armed: Bool = true) -> (pass: [TerminalInput], replies: [TerminalReply]) {
        var f = TerminalReplyFilter()
        if armed { f.armedUntil = 100 }
        var pass: [TerminalInput] = [], replies: [TerminalReply] = []
        for (i, read) in reads.enumerated() {
            for input in read {
                let (p, r) = f.feed(input, now: Double(i) * 0.01)
                pass += p; replies += r
            }
        }
        pass += f.expire(now: 50)
        return (pass, replies)
    }

    static let kitty = "\u{1b}_Gi=31;OK\u{1b}\\"
    static let version = "\u{1b}P>|kitty(0.35.2)\u{1b}\\"
    static let da1 = "\u{1b}[?62;22c"

    @Test func repliesAreTakenOut() {
        let (pass, replies) = run([scalars(Self.kitty + Self.version + "\u{1b}[6;20;10t" + Self.da1)])
        #expect(pass.isEmpty)
        #expect(replies == [.kittyGraphics(ok: true), .version("kitty(0.35.2)"), .cellSize(width: 10, height: 20),
                            .primaryAttributes([62, 22])])
    }

    /// The reply split across reads, at every point.
    @Test func aReplySplitAcrossReads() {
        let all = scalars(Self.kitty + Self.da1)
        for cut in 1..<all.count {
            let (pass, replies) = run([Array(all[..<cut]), Array(all[cut...])])
            #expect(pass.isEmpty, "cut at \(cut)")
            #expect(replies == [.kittyGraphics(ok: true), .primaryAttributes([62, 22])], "cut at \(cut)")
        }
    }

    /// Keys typed just before and after the reply, in the same read, stay keys, in order.
    @Test func keysAroundAReplyStayKeys() {
        let (pass, replies) = run([scalars("ab" + Self.da1 + "c"), [.key(.down)] + scalars("x")])
        #expect(pass == scalars("abc") + [.key(.down)] + scalars("x"))
        #expect(replies == [.primaryAttributes([62, 22])])
    }

    /// Escape typed alone while armed is held briefly, then let through; Escape then a key too.
    @Test func escapeAndAltKeysStillArrive() {
        #expect(run([scalars("\u{1b}")]).pass == scalars("\u{1b}"))
        #expect(run([scalars("\u{1b}x")]).pass == scalars("\u{1b}x"))
        #expect(run([scalars("\u{1b}[Z")]).pass == scalars("\u{1b}[Z"), "not a reply form")
        #expect(run([scalars("\u{1b}\u{1b}[?1;2c")]).pass == scalars("\u{1b}"))
    }

    @Test func notArmedNothingIsTaken() {
        let (pass, replies) = run([scalars(Self.da1)], armed: false)
        #expect(pass == scalars(Self.da1) && replies.isEmpty)
    }

    /// A paste holding a fake reply is text: the filter lets everything inside it through.
    @Test func aPastedReplyIsText() {
        let (pass, replies) = run([[.pasteBegin] + scalars(Self.da1 + Self.kitty) + [.pasteEnd]])
        #expect(replies.isEmpty)
        #expect(pass == [.pasteBegin] + scalars(Self.da1 + Self.kitty) + [.pasteEnd])
    }

    @Test func overlongStringsAreNotReplies() {
        let long = "\u{1b}P" + String(repeating: "x", count: 600) + "\u{1b}\\"
        let (pass, replies) = run([scalars(long)])
        #expect(replies.isEmpty && pass == scalars(long))
    }

    // MARK: - The decision

    func decide(_ replies: [TerminalReply], colors: Int = 256) -> GraphicsSupport {
        var p = GraphicsProbe(started: 0)
        for r in replies { p.note(r) }
        return p.decide(colors: colors)
    }

    @Test func kittyWhenItSaysOK() {
        #expect(decide([.kittyGraphics(ok: true), .primaryAttributes([62, 22])]).kind == .kitty)
        #expect(decide([.kittyGraphics(ok: false), .primaryAttributes([62, 22])]).kind == .halfBlock)
    }

    @Test func sixelWhenDA1Lists4() {
        #expect(decide([.primaryAttributes([62, 4, 22])]).kind == .sixel)
        #expect(decide([.primaryAttributes([1, 2])]).kind == .halfBlock)
    }

    @Test func iTermByItsVersion() {
        #expect(decide([.version("iTerm2 3.5.0"), .primaryAttributes([62, 22])]).kind == .iterm2)
        #expect(decide([.version("WezTerm 20240203"), .primaryAttributes([62, 22])]).kind == .iterm2)
        #expect(decide([.version("tmux 3.3a"), .primaryAttributes([1, 2])]).kind == .halfBlock)
    }

    /// Without DA1 (timed out) nothing is believed: half blocks.
    @Test func noSentinelNoGraphics() {
        #expect(decide([.kittyGraphics(ok: true)]).kind == .halfBlock)
        let s = decide([.cellSize(width: 9, height: 18), .primaryAttributes([62])], colors: 8)
        #expect(s == GraphicsSupport(kind: .halfBlock, cellWidth: 9, cellHeight: 18, colors: 8))
    }
}
