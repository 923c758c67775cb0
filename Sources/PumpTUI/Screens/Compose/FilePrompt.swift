/// The one-line file prompt over a form: the composer's "Attach image" and the profile form's
/// "New avatar". One place decides what a key does there; each form keeps its own state.
enum FilePrompt {
    enum Step: Equatable {
        /// The path was edited: the prompt stays, its old error gone.
        case typing(TextBox)
        /// Enter on a path: the owner checks the file (`ImageFile.check`).
        case check(String)
        /// Enter on an empty path: the choice is dropped, as the prompt says.
        case cleared
        /// Esc (`.discard`): the prompt closes, the form's choice unchanged.
        case closed
        case ignored
    }

    static func step(_ event: InputEvent, box: TextBox, keymap: Keymap) -> Step {
        var edited = box
        if edited.handle(event, keymap: keymap) == .handled { return .typing(edited) }
        if event == .key(.enter) {
            let path = box.text.trimmingCharacters(in: .whitespaces)
            return path.isEmpty ? .cleared : .check(path)
        }
        if case .key(let key) = event, keymap.action(for: key, in: [.editor]) == .discard { return .closed }
        return .ignored
    }
}
