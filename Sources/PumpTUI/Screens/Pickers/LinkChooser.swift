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

    /// What the client does with the chosen address: copy it (OSC 52) or open it.
    func effect<M, J>(for choice: Choice) -> Effect<M, J> {
        purpose == .copy ? .copyToClipboard(choice.url) : .openBrowser(choice.url)
    }

    mutating func handle(_ input: InputEvent, keymap: Keymap) -> PickerStep<Choice> {
        let rows = self   // the digits read the rows while the selection moves
        return list.pick(input, from: choices, keymap: keymap, shortcut: rows.choice(forDigit:))
    }

    func render(into buffer: inout CellBuffer, body: Rect) {
        ChoiceList(choices: rows, selected: list.selected, title: title).render(into: &buffer, area: body)
    }
}
