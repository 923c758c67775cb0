import Foundation
import PumpCore

// A minimal stand-in for the composer written on the `compose` branch, with its interface.
// Deleted when that branch is merged.

struct Draft: Equatable, Sendable {
    var text: String = ""
    var title: String = ""
    var audience: Audience = .public
}

struct ComposeRequest: Equatable, Sendable {
    var mode: Composer.Mode
    var text: String
    var title: String?
    var audience: Audience
    var imagePath: String?
}

enum ComposerOutcome: Equatable, Sendable {
    case editing, send(ComposeRequest), discarded, attach(path: String)
}

struct Composer {
    enum Mode: Equatable, Sendable { case note, reply(to: PumpObject), edit(PumpObject) }
    let mode: Mode
    private var area: TextArea

    init(mode: Mode, draft: Draft?, size: Size) {
        self.mode = mode
        var text = draft?.text ?? ""
        if case .edit(let o) = mode, draft == nil { text = o.renderedContent.text }
        area = TextArea(text: text, focused: true, viewWidth: max(1, size.cols - 4), viewHeight: max(1, size.rows - 8))
    }

    mutating func handle(_ event: InputEvent) -> ComposerOutcome {
        switch event {
        case .key(.ctrl("d")):
            return .send(ComposeRequest(mode: mode, text: area.text, title: nil, audience: .public, imagePath: nil))
        case .key(.escape):
            return .discarded
        default:
            _ = area.handle(event)
            return .editing
        }
    }

    func render(into buffer: inout CellBuffer, area rect: Rect) {
        Box.draw(into: &buffer, rect: rect, title: "New note")
        let inner = Box.inner(rect)
        for (i, line) in TextLayout.wrap(area.text, width: max(1, inner.cols)).enumerated() where i < inner.rows {
            buffer.put(line, row: inner.row + i, col: inner.col, role: .input, maxCols: inner.cols)
        }
    }

    var draft: Draft { Draft(text: area.text) }
}
