/// Where the focus is. Lookups pass the most specific context first, then broader ones.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, loginTextFocused, loginOther, loginFailed, loginDone, accountEntry, picker, timeline, thread, profile, editor, dialog, help
    /// Followers/following or a list's members (`members` adds the list's own keys), and the lists page.
    case people, members, listsPage
    /// A text field or the editor has the cursor: the editing keys (both widgets).
    case textField
    /// The editor's multi-line text: rows, pages and new lines on top of `textField`.
    case textArea
    /// An image drawn in the terminal (`i` then `v`).
    case preview
    /// The profile form (`E`): the editor's keys, named for what they do there.
    case profileForm

    /// In these contexts printable keys are text: they never trigger actions.
    public var isTextEntry: Bool {
        switch self {
        case .loginTextFocused, .accountEntry, .editor, .textField, .textArea, .profileForm: return true
        default: return false
        }
    }

    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .loginTextFocused: return "Login (verifier field)"
        case .loginOther: return "Login"
        case .loginFailed: return "Login (after a failure)"
        case .loginDone: return "Logged in"
        case .picker: return "Choosing"
        case .accountEntry: return "Account"
        case .timeline: return "Timeline"
        case .thread: return "Thread"
        case .profile: return "Profile"
        case .people: return "People"
        case .members: return "List members"
        case .listsPage: return "Lists"
        case .editor: return "Editor"
        case .dialog: return "Dialog"
        case .help: return "Help"
        case .textField: return "Editing text"
        case .textArea: return "Editing a note"
        case .preview: return "Image preview"
        case .profileForm: return "Editing your profile"
        }
    }
}
