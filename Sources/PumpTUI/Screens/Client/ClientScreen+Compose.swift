import Foundation
import PumpCore

/// The router's glue for the editor (`ComposeFlow`): keys, answers and the runtime's notice go
/// to the flow; its jobs are lifted into the client's, and its outcomes applied here, once.
extension ClientScreen {
    var composeContext: ComposeFlow.Context {
        ComposeFlow.Context(body: Size(rows: bodyRect.rows, cols: bodyRect.cols), keymap: keymap, now: now,
                            editorCommand: settings.editorCommand)
    }

    /// n, r, e: the editor opens over the timeline (`ComposeFlow.open`).
    mutating func openComposer(_ mode: Composer.Mode) -> Effects {
        guard modal == nil else { return [] }
        return apply(compose.open(mode, composeContext))
    }

    mutating func composeInput(_ input: InputEvent) -> Effects {
        apply(compose.handle(input, composeContext))
    }

    mutating func composeMessage(_ message: ComposeFlow.Message) -> Effects {
        // The editor's answers go to the editor: help over it closes first.
        if message.closesHelp, compose.isOpen, case .help(_, nil)? = modal { modal = nil }
        return apply(compose.update(message, composeContext))
    }

    /// The runtime's `.commandFinished`: ^E's editor came back.
    mutating func editorFinished(_ outcome: CommandOutcome) -> Effects {
        apply(compose.editorFinished(outcome))
    }

    /// A step of the flow: its jobs become the client's, then what it asks is done, in order.
    mutating func apply(_ step: ComposeFlow.Step) -> Effects {
        let lifted = step.effects.map { $0.mapped(ClientMessage.compose, ClientJob.compose) }
        return step.outcomes.reduce(into: lifted) { effects, outcome in effects += carryOut(outcome) }
    }

    /// The one place the client acts for the editor.
    private mutating func carryOut(_ outcome: ComposeFlow.Outcome) -> Effects {
        switch outcome {
        case .say(let text, let kind): say(text, kind)
        // "Sending…" stays until the answer replaces it.
        case .progress(let text): progress(text)
        // Help opens over the editor, which stays open beneath it (Esc returns to the text).
        case .help(let contexts): modal = .help(helpOverlay(contexts), under: nil)
        // Through `handleInput`: an F1 among them opens help, and the keys after it go there.
        case .replay(let keys): return keys.reduce(into: []) { effects, input in if compose.isOpen { effects += handleInput(input) } }
        case .sendFailed(let f, let inEditor):
            fail(f)
            // The editor shows it; kept on the client's line it would outrank the editor's later notes.
            if inEditor, !f.tokenRejected { status = StatusLine() }
        case .posted(let mode, let activity, let found): return posted(mode, activity, found: found)
        }
        return []
    }
}
