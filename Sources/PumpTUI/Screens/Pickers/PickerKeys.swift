import PumpCore

/// What a key did to an open picker (the links chooser, "whose profile?", the accounts, the
/// image menu): the client closes the picker and acts on a choice; it starts nothing itself.
enum PickerStep<Choice> {
    /// Still open: the selection moved, or the key means nothing here.
    case open
    /// Esc / q: closed, nothing chosen.
    case closed
    /// Enter on a row, or the row's own digit or letter: closed, with this choice.
    case chosen(Choice)
}

extension ListState {
    /// The keys every picker shares, so each picker holds only its rows: a row's own character
    /// first (a link's digit, a menu letter), then the keymap's picker actions (move, close, choose).
    mutating func pick<Choice>(_ input: InputEvent, from choices: [Choice], keymap: Keymap,
                               shortcut: (Character) -> Choice? = { _ in nil }) -> PickerStep<Choice> {
        guard case .key(let key) = input else { return .open }
        if case .char(let c) = key, let choice = shortcut(c) { return .chosen(choice) }
        guard let action = keymap.action(for: key, in: [.picker]) else { return .open }
        if apply(action, count: choices.count) { return .open }
        switch action {
        case .back: return .closed
        case .submit: return choices.indices.contains(selected) ? .chosen(choices[selected]) : .closed
        default: return .open
        }
    }
}
