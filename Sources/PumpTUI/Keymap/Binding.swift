/// One row of the keymap table: keys, what they do, where, how help and the footer name it.
public struct Binding: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var contexts: [KeyContext]
    /// The help overlay's sentence.
    public var help: String
    /// Footer priority, 1 = most important; nil keeps the binding out of the footer.
    public var footer: Int?
    /// The footer's short word ("copy", "help").
    public var label: String

    public init(keys: [Key], action: Action, contexts: [KeyContext], help: String,
                footer: Int? = nil, label: String? = nil) {
        self.keys = keys; self.action = action; self.contexts = contexts; self.help = help
        self.footer = footer; self.label = label ?? help.lowercased()
    }
}
