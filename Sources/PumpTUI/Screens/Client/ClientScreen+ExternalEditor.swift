import Foundation
import PumpCore

/// ^E in the editor: the text goes to a 0600 file, `$VISUAL`/`$EDITOR` gets the terminal (the
/// runtime suspends curses for it), and its text comes back. The editor's own text stays in
/// the composer the whole time, so a crashed or killed editor loses nothing.
extension ClientScreen {
    mutating func editorFileWritten(_ result: Result<String, ClientFailure>) -> Effects {
        switch result {
        case .failure(let f): say(f.message, .error); return []
        case .success(let path):
            guard case .composer? = modal else { return [.run(.removeEditorFile(path))] }
            externalEdit = path
            return [.runInTerminal(ForegroundCommand.editorArgv(command: settings.editorCommand, file: path))]
        }
    }

    mutating func editorFinished(_ outcome: CommandOutcome) -> Effects {
        guard let path = externalEdit else { return [] }
        externalEdit = nil
        // A failing editor (vim's :cq, a crash) means "do not use this": the text stays as it
        // was; whatever the editor wrote is left in its file (the worker looks whether there is one).
        guard outcome.succeeded else { return start(.editorFailed(path: path, outcome), "") }
        return start(.readEditorFile(path), "")
    }

    mutating func editorNote(_ note: String) {
        let told = editComposer { $0.tell(StatusLine(TerminalText.clean(note, .line, maxLength: 300), kind: .warning)) }
        if !told { say(note, .warning) }
    }

    /// Changes the open editor in place (its sending state kept); false when none is open.
    @discardableResult
    mutating func editComposer(_ change: (inout Composer) -> Void) -> Bool {
        guard case .composer(var c, let sending)? = modal else { return false }
        change(&c)
        modal = .composer(c, sending: sending)
        return true
    }

    mutating func editorFileRead(_ result: Result<String, ClientFailure>) {
        switch result {
        case .failure(let f): say(f.message, .error)
        case .success(let text):
            editComposer { $0.replaceText(text) }    // it says so on the editor's status line
        }
    }
}
