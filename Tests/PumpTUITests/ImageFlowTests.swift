import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The image flow on its own (issue 25's sub-models): keys, answers and the terminal's graphics
/// answer go in; its jobs, effects and what the client is to do come out. No client screen.
@Suite struct ImageFlowTests {
    let keymap = Keymap.standard
    let body = Rect(row: 1, col: 0, rows: 21, cols: 80)
    static let link = ImagePreviewScreenTests.link

    func menuOpen() -> ImageFlow {
        var flow = ImageFlow()
        flow.openMenu(Self.link, isPublic: false, directory: "/home/a/Downloads")
        return flow
    }

    func key(_ c: Character) -> InputEvent { .key(.char(c)) }

    func jobs(_ step: ImageFlow.Step) -> [ImageFlow.Job] { step.effects.compactMap { if case .run(let j) = $0 { return j }; return nil } }

    @Test func saveClosesTheMenuAndStartsTheDownload() {
        var flow = menuOpen()
        #expect(flow.keyContexts == [.picker])
        let step = flow.handle(key("s"), keymap: keymap, body: body)
        #expect(flow.open == nil)
        #expect(step.outcomes == [.closed, .progress("Saving the image…")])
        guard case .saveImage(let request)? = jobs(step).first else { Issue.record("no save: \(step.effects)"); return }
        #expect(request.link == Self.link && !request.isPublic && request.directory == "/home/a/Downloads")
        #expect(flow.receive(.imageSaved(.success("/home/a/Downloads/s.png")), body: body).outcomes
                == [.say("Saved the image to /home/a/Downloads/s.png.", .success)])
        #expect(flow.receive(.imageSaved(.failure(ClientFailure(message: "Disk full"))), body: body).outcomes
                == [.say("The image was not saved: Disk full", .error)])
    }

    @Test func enterTakesTheSelectedRowAndEscCloses() {
        var flow = menuOpen()
        _ = flow.handle(.key(.down), keymap: keymap, body: body)
        let copy = flow.handle(.key(.enter), keymap: keymap, body: body)
        guard case .copyToClipboard("https://pump.example/uploads/bob/s.png")? = copy.effects.first else { Issue.record("\(copy.effects)"); return }
        #expect(copy.outcomes == [.closed])
        flow = menuOpen()
        #expect(flow.handle(key("x"), keymap: keymap, body: body).outcomes.isEmpty && flow.open != nil)
        #expect(flow.handle(.key(.escape), keymap: keymap, body: body).outcomes == [.closed] && flow.open == nil)
    }

    /// `v`: the first preview asks the terminal; the answer and the decoded picture meet in the
    /// flow, which lays out half blocks; the second preview does not ask again.
    @Test func viewAsksTheTerminalOnceAndDrawsHalfBlocks() {
        var flow = menuOpen()
        let view = flow.handle(key("v"), keymap: keymap, body: body)
        #expect(flow.keyContexts == [.preview] && flow.previewSerial == 1)
        guard case .previewImage(Self.link, serial: 1)? = jobs(view).first else { Issue.record("\(view.effects)"); return }
        #expect(view.effects.contains { if case .graphics(.detect) = $0 { return true }; return false })
        #expect(view.outcomes == [.progress("Loading the image…")], "no .closed: the preview takes the menu's place")
        let decoded = flow.receive(.imagePreviewed(Self.link, serial: 1, .success(ImagePreviewScreenTests.image)), body: body)
        #expect(decoded.outcomes == [.say("", .info)] && decoded.effects.isEmpty, "nothing to lay out before the terminal answers")
        _ = flow.graphicsFound(GraphicsSupport(kind: .halfBlock, colors: 256), body: body)
        guard case .preview(let preview)? = flow.open else { Issue.record("closed"); return }
        #expect(!preview.inks.isEmpty && preview.placement != nil)
        let closed = flow.handle(.key(.escape), keymap: keymap, body: body)
        #expect(closed.effects.isEmpty && closed.outcomes == [.closed], "decoded: no decode to cancel")
        flow.openMenu(Self.link, isPublic: false, directory: "/d")
        let again = flow.handle(key("v"), keymap: keymap, body: body)
        #expect(!again.effects.contains { if case .graphics = $0 { return true }; return false } && flow.previewSerial == 2)
    }

    @Test func closingWhileLoadingCancelsQuietlyAndALateAnswerIsIgnored() {
        var flow = menuOpen()
        _ = flow.handle(key("v"), keymap: keymap, body: body)
        let closed = flow.handle(key("q"), keymap: keymap, body: body)
        guard case .cancelPreview(serial: 1)? = jobs(closed).first else { Issue.record("\(closed.effects)"); return }
        #expect(jobs(closed).allSatisfy(\.isQuiet) && ImageFlow.Message.previewCancelled.isQuietAnswer)
        #expect(!ImageFlow.Job.previewImage(Self.link, serial: 1).isQuiet)
        let late = flow.receive(.imagePreviewed(Self.link, serial: 1, .failure(ClientFailure(message: "x"))), body: body)
        #expect(late.outcomes.isEmpty && flow.open == nil)
    }

    @Test func aFailureIsTheFlowsProblemAndTheClientsError() {
        var flow = menuOpen()
        _ = flow.handle(key("v"), keymap: keymap, body: body)
        let refused = ClientFailure(message: "Invalid / expired Token", tokenRejected: true)
        #expect(flow.receive(.imagePreviewed(Self.link, serial: 1, .failure(refused)), body: body).outcomes == [.failed(refused)])
        guard case .preview(let preview)? = flow.open else { Issue.record("closed"); return }
        #expect(preview.problem == "Invalid / expired Token")
    }

    /// kitty: encoded off the loop, drawn by the runtime, taken away on F1 (help is text).
    @Test func kittyIsEncodedDrawnAndClearedForHelp() {
        var flow = menuOpen()
        _ = flow.handle(key("v"), keymap: keymap, body: body)
        _ = flow.receive(.imagePreviewed(Self.link, serial: 1, .success(ImagePreviewScreenTests.image)), body: body)
        let found = flow.graphicsFound(GraphicsSupport(kind: .kitty, colors: 256), body: body)
        #expect(found.outcomes == [.progress("Drawing the image…")])
        guard case .encodeGraphic(let job)? = jobs(found).first else { Issue.record("\(found.effects)"); return }
        let drawn = flow.receive(.graphicEncoded(job, "BYTES"), body: body)
        guard case .graphics(.show("BYTES", _, _))? = drawn.effects.first else { Issue.record("\(drawn.effects)"); return }
        // A resize lays it out again: the old picture goes first.
        let resized = flow.place(body: Rect(row: 1, col: 0, rows: 30, cols: 100))
        guard case .graphics(.clear(.kitty))? = resized.effects.first, case .encodeGraphic? = jobs(resized).first
        else { Issue.record("\(resized.effects)"); return }
        let help = flow.handle(.key(.f(1)), keymap: keymap, body: body)
        #expect(help.outcomes == [.closed, .help] && flow.open == nil)
    }

    @Test func theMenuAndPreviewDrawThemselves() {
        var flow = menuOpen()
        var buffer = CellBuffer(size: Size(rows: 24, cols: 80))
        flow.render(into: &buffer, body: body)
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("Image — o, c, s, v or Enter") && text.contains("s  save it to /home/a/Downloads"))
        _ = flow.handle(key("v"), keymap: keymap, body: body)
        buffer = CellBuffer(size: Size(rows: 24, cols: 80))
        flow.render(into: &buffer, body: body)
        #expect(buffer.lines().joined(separator: "\n").contains("Loading the image…"))
    }
}
