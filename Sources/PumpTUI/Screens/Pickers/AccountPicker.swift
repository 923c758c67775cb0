import PumpCore

/// `A`: the other stored accounts, then "Add an account…". The router does what is chosen
/// (`ClientHandoff.switchAccount` / `.addAccount`).
struct AccountPicker: Equatable, Sendable {
    enum Choice: Equatable, Sendable {
        case account(AccountID)
        case add
    }

    var accounts: [AccountID]
    var list = ListState()

    var choices: [Choice] { accounts.map(Choice.account) + [.add] }
    var rows: [String] { accounts.map(\.description) + ["Add an account…"] }

    mutating func handle(_ input: InputEvent, keymap: Keymap) -> PickerStep<Choice> {
        list.pick(input, from: choices, keymap: keymap)
    }

    func render(into buffer: inout CellBuffer, body: Rect) {
        ChoiceList(choices: rows, selected: list.selected, title: "Accounts — Enter chooses, Esc closes").render(into: &buffer, area: body)
    }
}
