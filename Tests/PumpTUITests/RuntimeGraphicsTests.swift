import Foundation
import Testing
@testable import PumpTUI

/// The runtime's side of the image preview: the graphics probe and drawing at a cell.
@Suite(.serialized) struct RuntimeGraphicsTests {
    /// The probe: asked once, its replies taken out of the input (keys around them stay keys),
    /// DA1 ends it; a second request is answered from memory; `.show` is written after a paint.
    @Test func theGraphicsProbeIsAnsweredAndItsRepliesAreNoKeys() throws {
        let reply = "a\u{1b}[?62;4;22cb".unicodeScalars.map { TerminalInput.scalar($0) }
        let backend = ScriptedBackend([.inputs(reply)])
        var notices = 0
        let app = RecordingApp(script: { event in
            switch event {
            case .start: return [.graphics(.detect)]
            case .notice(.graphics):
                notices += 1
                return notices == 1 ? [.graphics(.detect), .graphics(.show("IMG", row: 1, col: 2))] : [.after(seconds: 0.05, "end")]
            case .message("end"): return [.quit(exitCode: 0, farewell: nil)]
            default: return []
            }
        })
        var loop = EventLoop(app: app, perform: { job, _ in job }, inbox: try MessageInbox<String>(), backend: backend,
                             theme: Theme(name: "t", styles: [:]), options: RuntimeOptions(), environment: [:])
        _ = loop.run()
        #expect(backend.written.filter { $0 == GraphicsProbe.query }.count == 1)
        let keys = loop.app.events.filter { $0.hasPrefix("input(") }
        #expect(keys == ["input(PumpTUI.InputEvent.key(PumpTUI.Key.char(\"a\")))", "input(PumpTUI.InputEvent.key(PumpTUI.Key.char(\"b\")))"])
        #expect(loop.app.events.filter { $0.contains("graphics(PumpTUI.GraphicsSupport(kind: PumpTUI.GraphicsProtocol.sixel") }.count == 2)
        #expect(backend.written.contains("IMG"))
    }
}
