import PumpCore

/// `p` on a share asks whose profile: the sharer's or the author's. Enter opens the chosen one.
struct PeoplePicker: Equatable, Sendable {
    var people: [Person]
    var list = ListState()

    var rows: [String] { people.map { "\($0.label)  \($0.webfinger)" } }

    /// `.chosen(person)`: the client opens that profile.
    mutating func handle(_ input: InputEvent, keymap: Keymap) -> PickerStep<Person> {
        list.pick(input, from: people, keymap: keymap)
    }

    func render(into buffer: inout CellBuffer, body: Rect) {
        ChoiceList(choices: rows, selected: list.selected, title: "Whose profile? Enter opens").render(into: &buffer, area: body)
    }
}
