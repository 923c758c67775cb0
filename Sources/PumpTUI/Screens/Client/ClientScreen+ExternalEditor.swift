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
            guard case .composer? = modal else { try? FileManager.default.removeItem(atPath: path); return [] }
            externalEdit = path
            return [.runInTerminal(ForegroundCommand.editorArgv(command: settings.editorCommand, file: path))]
        }
    }

    mutating func editorFinished(_ outcome: CommandOutcome) -> Effects {
        guard let path = externalEdit else { return [] }
        externalEdit = nil
        guard outcome.succeeded else {
            // A failing editor (vim's :cq, a crash) means "do not use this": the text stays as it
            // was; whatever the editor wrote is left in its file.
            // The path first: at 80 columns the status line must not cut it off (issue 22).
            let note = FileManager.default.fileExists(atPath: path)
                ? "Text unchanged; the editor's copy: \(path) (it \(outcome.phrase))"
                : "Text unchanged: the editor \(outcome.phrase)"
            guard case .composer(var c, let sending)? = modal else { say(note, .warning); return [] }
            c.tell(StatusLine(TerminalText.clean(note, .line, maxLength: 300), kind: .warning))
            modal = .composer(c, sending: sending)
            return []
        }
        return start(.readEditorFile(path), "")
    }

    mutating func editorFileRead(_ result: Result<String, ClientFailure>) {
        switch result {
        case .failure(let f): say(f.message, .error)
        case .success(let text):
            guard case .composer(var c, let sending)? = modal else { return }
            c.replaceText(text)    // it says so on the editor's status line
            modal = .composer(c, sending: sending)
        }
    }
}
