import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// `i` `v`: the preview overlay as text and the effects it asks for.
@Suite struct ImagePreviewScreenTests {
    static let link = MediaLink(url: URL(string: "https://pump.example/uploads/bob/s.png")!, width: 640, height: 480)

    /// 4×2 pixels: a red top row over a blue one.
    static var image: PreviewImage {
        let red: [UInt8] = [255, 0, 0, 255], blue: [UInt8] = [0, 0, 255, 255]
        let pixels = Array((Array(repeating: red, count: 4) + Array(repeating: blue, count: 4)).joined())
        return PreviewImage(pixels: RGBAImage(width: 4, height: 2, pixels: pixels), file: Data([0x89, 0x50, 0x4E, 0x47]),
                            isPNG: true, width: 4, height: 2)
    }

    func opened() -> (ClientScreen, [Effect<ClientMessage, ClientJob>]) {
        var s = ImageTests().screen()
        _ = s.update(.input(.key(.char("i"))))
        let effects = s.update(.input(.key(.char("v"))))
        return (s, effects)
    }

    func isDetect(_ e: Effect<ClientMessage, ClientJob>) -> Bool { if case .graphics(.detect) = e { return true }; return false }

    @Test func vDownloadsAndAsksTheTerminalOnce() {
        var (s, effects) = opened()
        #expect(jobs(effects) == ["previewImage https://pump.example/uploads/bob/s.png"])
        #expect(effects.contains(where: isDetect))
        let text = ClientFixtures.text(s).joined(separator: "\n")
        #expect(text.contains("Image · s.png") && text.contains("Loading the image…") && text.contains("Esc closes · o opens"))
        _ = s.update(.notice(.graphics(GraphicsSupport(kind: .halfBlock, colors: 256))))
        _ = s.update(.input(.key(.escape)))
        _ = s.update(.input(.key(.char("i"))))
        let again = s.update(.input(.key(.char("v"))))
        #expect(!again.contains(where: isDetect), "the finding is remembered for the session")
    }

    @Test func halfBlocksInColour() {
        var (s, _) = opened()
        _ = s.update(.message(.image(.imagePreviewed(Self.link, serial: 1, .success(Self.image)))))
        _ = s.update(.notice(.graphics(GraphicsSupport(kind: .halfBlock, colors: 256))))
        let buffer = s.wholeScreen
        // 4×2 pixels fill 4:2 → in a 78×19 area: 38 cols × 19 rows of two pixels; red over blue
        // shows as cells whose top is red (196) and bottom red or blue (21).
        var cells: [Ink] = []
        for r in 0..<buffer.size.rows { for c in 0..<buffer.size.cols { if let ink = buffer[r, c].ink { cells.append(ink) } } }
        #expect(buffer.lines().joined().contains("▀"))
        #expect(!cells.isEmpty && cells.allSatisfy { [196, 21].contains($0.fg) })
        #expect(cells.first == Ink(fg: 196, bg: 196) && cells.last == Ink(fg: 21, bg: 21))
        let lines = buffer.lines()
        #expect(lines[1].contains("Image · s.png") && lines.contains { $0.contains("Esc closes · o opens") })
        #expect(lines.last?.hasPrefix("Esc/q close  o open  F1 help") == true, "the preview's own footer: \(lines.last ?? "")")
        let closed = s.update(.input(.key(.char("q"))))
        #expect(closed.isEmpty && s.modal == nil)
        #expect(!s.wholeScreen.lines().joined().contains("▀"), "the timeline is back")
    }

    @Test func eightColoursSayWhy() {
        var (s, _) = opened()
        _ = s.update(.message(.image(.imagePreviewed(Self.link, serial: 1, .success(Self.image)))))
        _ = s.update(.notice(.graphics(GraphicsSupport(kind: .halfBlock, colors: 8))))
        let text = ClientFixtures.text(s).joined(separator: "\n")
        #expect(text.contains("This terminal has 8 colours; previews need 256. o opens the image."))
        #expect(!text.contains("▀"))
    }

    @Test func aDamagedImageSaysSoAndOStillOpens() {
        var (s, _) = opened()
        _ = s.update(.message(.image(.imagePreviewed(Self.link, serial: 1, .failure(ClientFailure(message: "Can't preview image/gif here; o opens it."))))))
        let text = ClientFixtures.text(s)
        #expect(text.last(where: { $0.contains("Can't preview image/gif here") }) != nil)
        #expect(s.status.kind == .error && s.status.message == "Can't preview image/gif here; o opens it.")
        let open = s.update(.input(.key(.char("o"))))
        #expect(open.contains { if case .openBrowser("https://pump.example/uploads/bob/s.png") = $0 { return true }; return false })
    }

    @Test func kittyIsEncodedThenDrawnThenDeleted() {
        var (s, _) = opened()
        _ = s.update(.message(.image(.imagePreviewed(Self.link, serial: 1, .success(Self.image)))))
        let found = s.update(.notice(.graphics(GraphicsSupport(kind: .kitty, cellWidth: 10, cellHeight: 20, colors: 256))))
        guard case .run(.image(.encodeGraphic(let job)))? = found.first(where: { $0.job != nil }) else { Issue.record("no encode job"); return }
        #expect(job.kind == .kitty && job.encode().hasPrefix("\u{1b}_Ga=T,f=100,"))
        let drawn = s.update(.message(.image(.graphicEncoded(job, "BYTES"))))
        guard case .graphics(.show("BYTES", let row, let col))? = drawn.first else { Issue.record("not drawn: \(drawn)"); return }
        #expect(row == job.placement.cells.row && col == job.placement.cells.col)
        #expect(!s.wholeScreen.lines()[row].contains("▀"), "the cells under the image stay blank")
        let closed = s.update(.input(.key(.escape)))
        guard case .graphics(.clear(.kitty))? = closed.first else { Issue.record("not deleted: \(closed)"); return }
    }

    /// F1 shows the preview's keys; the picture goes first (a graphics protocol would draw over the text).
    @Test func helpClosesThePictureAndListsItsKeys() {
        var (s, _) = opened()
        _ = s.update(.message(.image(.imagePreviewed(Self.link, serial: 1, .success(Self.image)))))
        _ = s.update(.notice(.graphics(GraphicsSupport(kind: .kitty, colors: 256))))
        guard case .run(.image(.encodeGraphic(let job)))? = s.update(.notice(.graphics(GraphicsSupport(kind: .kitty, colors: 256)))).first(where: { $0.job != nil })
        else { Issue.record("no encode job"); return }
        _ = s.update(.message(.image(.graphicEncoded(job, "BYTES"))))
        let help = s.update(.input(.key(.f(1))))
        guard case .graphics(.clear(.kitty))? = help.first else { Issue.record("picture not cleared: \(help)"); return }
        let text = ClientFixtures.text(s).joined(separator: "\n")
        #expect(text.contains("Image preview") && text.contains("Open the image (opener / browser)"), "\(text)")
    }

    @Test func tooSmallSaysSo() {
        var buffer = CellBuffer(size: Size(rows: 5, cols: 12))
        var p = ImagePreview(link: Self.link, name: "s.png")
        p.image = Self.image
        p.render(into: &buffer, body: Rect(row: 0, col: 0, rows: 3, cols: 12), support: GraphicsSupport(kind: .halfBlock, colors: 256))
        #expect(buffer.trimmedLines()[1] == "│Too small │")
    }
}
