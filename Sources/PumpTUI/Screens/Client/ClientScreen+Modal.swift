import Foundation
import PumpCore

/// Keys while a help overlay, dialog, prompt, picker or form is open (the editor's: `ComposeFlow`).
extension ClientScreen {
    mutating func handleModal(_ input: InputEvent) -> Effects {
        // Every picker's footer offers F1: its keys open over it, and closing them returns there.
        if contexts == [.picker], case .key(let key) = input, keymap.action(for: key, in: [.picker, .global]) == .help {
            modal = .help(helpOverlay([.picker]), under: modal)
            return []
        }
        switch modal {
        case .help(var help, let under)?:
            guard case .key(let key) = input, let action = keymap.action(for: key, in: [.help]) else { return [] }
            if action == .back || action == .help { modal = under; return [] }
            _ = help.apply(action, area: helpRect)
            modal = .help(help, under: under)
            return []
        case .confirm(var dialog, let intent)?:
            switch dialog.handle(input, keymap: keymap) {
            case .pending: modal = .confirm(dialog, intent); return []
            case .no: modal = nil; return []
            case .yes: modal = nil; return confirmed(intent)
            }
        case .prompt(var box, let intent)?:
            if case .key(let key) = input, let action = keymap.action(for: key, in: [.accountEntry]) {
                if action == .cancel { modal = nil; return [] }
                if action == .submit { modal = nil; return submitted(box.text, intent) }
            }
            _ = box.handle(input)
            modal = .prompt(box, intent)
            return []
        case .people?, .links?, .accounts?:
            return handlePicker(input)
        case .image?:
            return handleImage(input)
        case .profileForm(let form)?:
            return handleProfileForm(input, form)
        case nil:
            return []
        }
    }

    var helpRect: Rect {
        let body = bodyRect
        return Box.centered(rows: body.rows, cols: min(body.cols, 76), in: body)
    }

    mutating func confirmed(_ intent: ConfirmIntent) -> Effects {
        switch intent {
        case .delete(let o):
            return start(.verb(VerbRequest(kind: .delete, object: o)), "Deleting…")
        case .deleteList(let list):
            return run(.start(.listChange(.delete(list)), "Deleting the list…"))
        }
    }

    mutating func submitted(_ text: String, _ intent: PromptIntent) -> Effects {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch intent {
        case .followAccount:
            guard !t.isEmpty else { return nothing("No one followed: the address was empty.") }
            return start(.followAccount(t), "Sending a follow to \(t)…")
        case .openAccount:
            guard !t.isEmpty else { return nothing("No profile opened: the address was empty.") }
            return run(pages.lookUp(t))
        case .newList:
            guard !t.isEmpty else { return nothing("No list made: the name was empty.") }
            return run(.start(.listChange(.create(t)), "Creating the list…"))
        case .renameList(let list):
            guard !t.isEmpty, t != list.title else { return [] }
            return run(.start(.listChange(.rename(list, t)), "Renaming the list…"))
        case .addToList(let list):
            guard !t.isEmpty else { return nothing("No one added: the address was empty.") }
            return run(.start(.listChange(.add(account: t, to: list)), "Adding \(TerminalText.clean(t, .line, maxLength: 80))…"))
        case .filter:
            filter = ItemFilter(parsing: t)
            var l = list; l.selected = 0; l.top = 0; list = l
            say(filter.map { "Showing only posts \($0.label) · \(key(.filter)) and Enter shows all" } ?? "Showing all posts.")
            return []
        case .search:
            guard !t.isEmpty else { return nothing("Nothing searched: type words after \(key(.search)) (author, title or text).") }
            return openSearch(t)
        }
    }
}
