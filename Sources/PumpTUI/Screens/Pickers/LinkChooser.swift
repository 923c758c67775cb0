import Foundation
import PumpCore

/// `c` / `L` on an item with links: a small list of the item's own address and its numbered
/// links; Enter or the link's digit copies (`c`) or opens (`L`) it.
struct LinkChooser: Equatable, Sendable {
    enum Purpose: Equatable, Sendable { case copy, open }
    struct Choice: Equatable, Sendable {
        /// 0 for the item's own address, n for link [n].
        var number: Int
        var url: String
    }

    var purpose: Purpose
    var choices: [Choice]
    var list = ListState()

    /// Nil when there is nothing to choose between.
    init?(purpose: Purpose, itemURL: String?, links: [String]) {
        var choices = itemURL.map { [Choice(number: 0, url: $0)] } ?? []
        choices += links.enumerated().map { Choice(number: $0.offset + 1, url: TerminalText.clean($0.element, .line)) }
        guard choices.count > 1 else { return nil }
        self.purpose = purpose; self.choices = choices
    }

    var title: String { purpose == .copy ? "Copy which address? 0–9 or Enter" : "Open which link? 0–9 or Enter" }

    /// The rows as shown: "0  this post  URL", "1  URL".
    var rows: [String] {
        choices.map { $0.number == 0 ? "0  this item  \($0.url)" : "\($0.number)  \($0.url)" }
    }

    /// The choice a digit names, if any.
    func choice(forDigit c: Character) -> Choice? {
        guard let n = c.wholeNumberValue else { return nil }
        return choices.first { $0.number == n }
    }

    func effect<M, J>(for choice: Choice) -> Effect<M, J> {
        purpose == .copy ? .copyToClipboard(choice.url) : .openBrowser(choice.url)
    }
}

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

    mutating func handleLinkChooser(_ input: InputEvent, _ chooser: LinkChooser) -> Effects {
        var chooser = chooser
        guard case .key(let key) = input else { return [] }
        if case .char(let c) = key, let choice = chooser.choice(forDigit: c) { modal = nil; return [chooser.effect(for: choice)] }
        guard let action = keymap.action(for: key, in: [.picker]) else { return [] }
        if chooser.list.apply(action, count: chooser.choices.count) { modal = .links(chooser); return [] }
        switch action {
        case .back: modal = nil
        case .submit:
            modal = nil
            if chooser.choices.indices.contains(chooser.list.selected) { return [chooser.effect(for: chooser.choices[chooser.list.selected])] }
        default: break
        }
        return []
    }
}
