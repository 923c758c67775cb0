import PumpCore

/// The router's glue for the pickers (`Screens/Pickers/`): they own their rows and keys; the
/// client opens them and does what they chose.
extension ClientScreen {
    /// `c`: the item's address, or a chooser when the item has links too.
    mutating func copyLink() -> Effects {
        let links = selectedObject?.renderedContent.links ?? []
        if let chooser = LinkChooser(purpose: .copy, itemURL: selectedURL, links: links) {
            modal = .links(chooser); return []
        }
        guard let url = selectedURL ?? links.first else { say("This item has no URL.", .warning); return [] }
        return [.copyToClipboard(url)]
    }

    /// `L`: the only link at once, else the chooser (the item's address is in it too).
    mutating func openLink() -> Effects {
        let links = selectedObject?.renderedContent.links ?? []
        guard !links.isEmpty else { say("This item has no links.", .warning); return [] }
        if links.count == 1 { return [.openBrowser(links[0])] }
        if let chooser = LinkChooser(purpose: .open, itemURL: selectedURL, links: links) { modal = .links(chooser) }
        return []
    }

    /// A key for the open picker; its choice closes it and is carried out here.
    mutating func handlePicker(_ input: InputEvent) -> Effects {
        switch modal {
        case .links(var chooser)?:
            let step = chooser.handle(input, keymap: keymap)
            guard let choice = settle(step, else: .links(chooser)) else { return [] }
            return [chooser.effect(for: choice)]
        case .people(var picker)?:
            let step = picker.handle(input, keymap: keymap)
            guard let person = settle(step, else: .people(picker)) else { return [] }
            return openProfile(person)
        case .accounts(var picker)?:
            let step = picker.handle(input, keymap: keymap)
            switch settle(step, else: .accounts(picker)) {
            case .account(let id)?: handoff = .switchAccount(id)
            case .add?: handoff = .addAccount
            case nil: break
            }
            return []
        default:
            return []
        }
    }

    /// The picker stays open (as it is now) until it closes, with or without a choice.
    private mutating func settle<Choice>(_ step: PickerStep<Choice>, else stillOpen: ClientModal) -> Choice? {
        switch step {
        case .open: modal = stillOpen; return nil
        case .closed: modal = nil; return nil
        case .chosen(let choice): modal = nil; return choice
        }
    }
}
