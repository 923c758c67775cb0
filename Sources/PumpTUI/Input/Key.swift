/// Keys as the pure layer sees them. The curses backend maps get_wch codes to these;
/// tests construct them directly.
public enum Key: Hashable, Sendable {
    case char(Character)      // printable text, including space
    case ctrl(Character)      // Ctrl-A … Ctrl-Z, lowercase letter
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case f(Int)
}

/// What the runtime delivers to a screen.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A bracketed paste: always text, never commands.
    case paste(String)
    case resize(Size)
}
