/// What a widget did with an event. `.ignored` lets the screen look the key up in the keymap.
public enum Outcome: Equatable, Sendable {
    case handled, ignored
}
