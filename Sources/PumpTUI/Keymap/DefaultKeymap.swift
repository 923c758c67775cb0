/// The default bindings (issues 4 and 5). Letters never appear in text-entry contexts;
/// those get F-keys, Ctrl keys, Tab, Enter and Esc only.
extension Keymap {
    public static let standard = Keymap(bindings: loginBindings + clientBindings + peopleBindings + editorBindings + textBindings
                                        + dialogBindings + helpBindings + globalBindings)

    private typealias C = KeyContext
    private static let login: [C] = [.loginTextFocused, .loginOther]
    private static let forms: [C] = [.loginTextFocused, .loginOther, .accountEntry]
    private static let lists: [C] = [.timeline, .thread, .profile]
    /// The people and lists pages: moved through like the timelines, with keys of their own.
    private static let peoplePages: [C] = [.people, .listsPage]

    /// Footer priorities: at 80 columns the login has room for Esc cancel or Tab next, not
    /// both; a way out matters more than a key every form has.
    private static let loginBindings: [Binding] = [
        Binding(keys: [.f(2)], action: .copyURL, contexts: login, help: "Copy the URL to the clipboard (OSC 52)",
                footer: 1, label: "copy"),
        Binding(keys: [.char("c")], action: .copyURL, contexts: [.loginOther], help: "Copy the URL to the clipboard (OSC 52)"),
        Binding(keys: [.f(3)], action: .showURL, contexts: login, help: "Show the URL on the normal screen",
                footer: 2, label: "show URL"),
        Binding(keys: [.char("u")], action: .showURL, contexts: [.loginOther], help: "Show the URL on the normal screen"),
        Binding(keys: [.f(4)], action: .openBrowser, contexts: login,
                help: "Open the URL in a browser (local display only)", footer: 4, label: "browser"),
        Binding(keys: [.char("o")], action: .openBrowser, contexts: [.loginOther],
                help: "Open the URL in a browser (local display only)"),
        Binding(keys: [.f(5)], action: .showQR, contexts: login, help: "Show the URL as a QR code", footer: 5, label: "QR"),
        Binding(keys: [.char("Q")], action: .showQR, contexts: [.loginOther], help: "Show the URL as a QR code"),
        Binding(keys: [.tab], action: .nextFocus, contexts: forms + [.editor, .dialog], help: "Next field", footer: 7, label: "next"),
        Binding(keys: [.backTab], action: .prevFocus, contexts: forms + [.editor, .dialog], help: "Previous field"),
        Binding(keys: [.enter], action: .submit, contexts: forms, help: "Submit (or press the focused button)",
                footer: 3, label: "submit"),
        Binding(keys: [.escape], action: .cancel, contexts: forms, help: "Cancel (asks first)", footer: 6, label: "cancel"),
        Binding(keys: [.ctrl("r")], action: .retry, contexts: forms, help: "Retry after a failure"),
        Binding(keys: [.char("r")], action: .retry, contexts: [.loginOther], help: "Retry after a failure"),
        Binding(keys: [.ctrl("r"), .char("r")], action: .retry, contexts: [.loginFailed], help: "Retry what failed",
                footer: 1, label: "retry"),
        Binding(keys: [.ctrl("n")], action: .newURL, contexts: login, help: "Request a new authorization URL"),
        Binding(keys: [.char("n")], action: .newURL, contexts: [.loginOther], help: "Request a new authorization URL"),
        Binding(keys: [.char("q")], action: .quit, contexts: [.loginOther], help: "Quit (asks first)"),
        Binding(keys: [.enter], action: .submit, contexts: [.loginDone], help: "Continue to the timeline (any key does)",
                footer: 1, label: "continue"),
        Binding(keys: [.up], action: .moveUp, contexts: [.accountEntry], help: "Previous stored account"),
        Binding(keys: [.down], action: .moveDown, contexts: [.accountEntry], help: "Next stored account"),
    ]

    private static let clientBindings: [Binding] = [
        Binding(keys: [.char("k"), .up], action: .moveUp, contexts: lists + peoplePages + [.picker], help: "Previous item"),
        Binding(keys: [.char("j"), .down], action: .moveDown, contexts: lists + peoplePages + [.picker], help: "Next item"),
        Binding(keys: [.enter], action: .submit, contexts: [.picker], help: "Choose", footer: 1, label: "choose"),
        Binding(keys: [.escape, .char("q")], action: .back, contexts: [.picker, .preview], help: "Close", footer: 2, label: "close"),
        Binding(keys: [.char("o")], action: .openItemURL, contexts: [.preview], help: "Open the image (opener / browser)",
                footer: 1, label: "open"),
        Binding(keys: [.pageUp], action: .pageUp, contexts: lists + peoplePages + [.help, .textArea], help: "Page up"),
        Binding(keys: [.pageDown, .char(" ")], action: .pageDown, contexts: lists + peoplePages + [.help], help: "Page down"),
        Binding(keys: [.pageDown], action: .pageDown, contexts: [.textArea], help: "Page down"),
        Binding(keys: [.char("g"), .home], action: .top, contexts: lists + peoplePages + [.help], help: "Go to the top"),
        Binding(keys: [.char("G"), .end], action: .bottom, contexts: lists + peoplePages + [.help], help: "Go to the bottom"),
        Binding(keys: [.enter], action: .openThread, contexts: lists, help: "Open the thread", footer: 3, label: "open"),
        Binding(keys: [.char("q")], action: .quit, contexts: [.timeline], help: "Quit (an unsent draft is kept)",
                footer: 2, label: "quit"),
        Binding(keys: [.char("q"), .escape], action: .back, contexts: [.thread, .profile] + peoplePages, help: "Back",
                footer: 2, label: "back"),
        Binding(keys: [.char("n")], action: .compose, contexts: lists, help: "Write a new note", footer: 4, label: "new"),
        Binding(keys: [.char("r")], action: .reply, contexts: lists, help: "Reply to the item", footer: 5, label: "reply"),
        Binding(keys: [.char("l")], action: .like, contexts: lists, help: "Like / unlike", footer: 6, label: "like"),
        Binding(keys: [.char("s")], action: .share, contexts: lists, help: "Share / unshare", footer: 7, label: "share"),
        Binding(keys: [.char("d")], action: .delete, contexts: lists, help: "Delete your own item (asks first)"),
        Binding(keys: [.char("e")], action: .edit, contexts: lists, help: "Edit your own item"),
        Binding(keys: [.char("p")], action: .profile, contexts: [.timeline, .thread], help: "The author's profile",
                footer: 8, label: "profile"),
        Binding(keys: [.char("f")], action: .follow, contexts: [.profile], help: "Follow / unfollow", footer: 3, label: "follow"),
        Binding(keys: [.char("E")], action: .editProfile, contexts: [.profile],
                help: "Edit your own profile: name, location, bio, avatar", footer: 3, label: "edit profile"),
        Binding(keys: [.char("^")], action: .parent, contexts: lists, help: "Go to the post this one answers"),
        Binding(keys: [.char("F")], action: .followByID, contexts: lists, help: "Follow someone by nick@host"),
        Binding(keys: [.char("c")], action: .copyItemURL, contexts: lists, help: "Copy the item's URL (OSC 52)"),
        Binding(keys: [.char("o")], action: .openItemURL, contexts: lists, help: "Open the item in a browser (local display only)"),
        Binding(keys: [.char("L")], action: .openLink, contexts: lists, help: "Open a numbered link from the item"),
        Binding(keys: [.char("i")], action: .image, contexts: lists, help: "The item's image: open, copy its URL, save or view it"),
        Binding(keys: [.char("A")], action: .switchAccount, contexts: lists, help: "Switch or add accounts"),
        Binding(keys: [.char("R")], action: .refresh, contexts: lists + peoplePages, help: "Load newer items", footer: 9, label: "refresh"),
        Binding(keys: [.char("u")], action: .firstUnread, contexts: [.timeline], help: "Go to the first unread item"),
        Binding(keys: [.char("/")], action: .search, contexts: lists, help: "Search what the cache holds (this account)"),
        Binding(keys: [.char("]")], action: .nextMatch, contexts: lists, help: "Next item holding the last search"),
        Binding(keys: [.char("[")], action: .previousMatch, contexts: lists, help: "Previous item holding the last search"),
        Binding(keys: [.char(":")], action: .filter, contexts: [.timeline], help: "Filter: posts from one person (@nick) or with images"),
    ] + (1...Action.timelineCount).map { n in
        Binding(keys: [.char(Character(String(n)))], action: .timeline(n), contexts: [.timeline],
                help: "Timeline \(n): \(timelineNames[n - 1])")
    } + [
        Binding(keys: [.tab], action: .nextTimeline, contexts: [.timeline], help: "Next timeline"),
        Binding(keys: [.backTab], action: .prevTimeline, contexts: [.timeline], help: "Previous timeline"),
    ]

    /// Names of the timelines the 1–5 keys select, in order.
    public static let timelineNames = ["Inbox", "Meanwhile", "Direct", "Mine", "Favorites", "Notifications"]

    /// Followers, following, profiles by nick@host and person lists (issue 14).
    private static let peopleBindings: [Binding] = [
        Binding(keys: [.char("w")], action: .followers, contexts: lists + [.people],
                help: "Followers (of the profile or person shown, else yours)"),
        Binding(keys: [.char("W")], action: .following, contexts: lists + [.people],
                help: "Following (of the profile or person shown, else yours)"),
        Binding(keys: [.char("P")], action: .openProfileByID, contexts: lists + peoplePages, help: "Open a profile by nick@host"),
        Binding(keys: [.char("M")], action: .lists, contexts: lists + [.people], help: "Your lists of people"),
        Binding(keys: [.enter], action: .openThread, contexts: [.people], help: "Open the person's profile", footer: 3, label: "profile"),
        Binding(keys: [.enter], action: .openThread, contexts: [.listsPage], help: "Show who is on the list", footer: 3,
                label: "members"),
        Binding(keys: [.char("n")], action: .newList, contexts: [.listsPage], help: "Make a new list", footer: 4, label: "new"),
        Binding(keys: [.char("e")], action: .renameList, contexts: [.listsPage, .members], help: "Rename the list", footer: 5,
                label: "rename"),
        Binding(keys: [.char("d")], action: .deleteList, contexts: [.listsPage], help: "Delete the list (asks first)", footer: 6,
                label: "delete"),
        Binding(keys: [.char("a")], action: .addToList, contexts: [.members], help: "Add someone (nick@host) to the list",
                footer: 4, label: "add"),
        Binding(keys: [.char("d")], action: .removeFromList, contexts: [.members], help: "Remove the person from the list",
                footer: 6, label: "remove"),
    ]

    private static let editorBindings: [Binding] = [
        Binding(keys: [.ctrl("d")], action: .send, contexts: [.editor], help: "Send", footer: 1, label: "send"),
        Binding(keys: [.ctrl("t")], action: .attachImage, contexts: [.editor], help: "Attach an image", footer: 2,
                label: "attach"),
        // Before the text keys' ^E (end of line; End still does that): the editor context is searched first.
        Binding(keys: [.ctrl("e")], action: .externalEditor, contexts: [.editor],
                help: "Edit the text in $VISUAL / $EDITOR (config: editor)"),
        Binding(keys: [.escape], action: .discard, contexts: [.editor], help: "Discard the draft (asks first)",
                footer: 3, label: "discard"),
        // Tab moves between the editor's fields, so completion has a key of its own (vim's ^N).
        Binding(keys: [.ctrl("n")], action: .mention, contexts: [.textArea],
                help: "Complete @nick@host from the people you follow"),
        // The profile form (`E`) acts on the same keys; its footer and help say what they do there.
        Binding(keys: [.ctrl("d")], action: .send, contexts: [.profileForm], help: "Save the changed fields", footer: 1,
                label: "save"),
        Binding(keys: [.ctrl("t")], action: .attachImage, contexts: [.profileForm], help: "Choose a new avatar (an image file)",
                footer: 2, label: "avatar"),
        Binding(keys: [.escape], action: .discard, contexts: [.profileForm], help: "Cancel (asks first when something changed)",
                footer: 3, label: "cancel"),
    ]

    /// The editing keys of TextBox and TextArea (Emacs/readline style, as shells have them).
    private static let textBindings: [Binding] = [
        Binding(keys: [.left], action: .cursorLeft, contexts: [.textField], help: "Cursor left"),
        Binding(keys: [.right], action: .cursorRight, contexts: [.textField], help: "Cursor right"),
        Binding(keys: [.home, .ctrl("a")], action: .lineStart, contexts: [.textField], help: "Start of the line"),
        Binding(keys: [.end, .ctrl("e")], action: .lineEnd, contexts: [.textField], help: "End of the line"),
        Binding(keys: [.backspace], action: .deleteBackward, contexts: [.textField], help: "Delete the character before the cursor"),
        Binding(keys: [.delete], action: .deleteForward, contexts: [.textField], help: "Delete the character under the cursor"),
        Binding(keys: [.ctrl("u")], action: .deleteToLineStart, contexts: [.textField], help: "Delete to the start of the line"),
        Binding(keys: [.ctrl("k")], action: .deleteToLineEnd, contexts: [.textField],
                help: "Delete to the end of the line (at its end: join the next line)"),
        Binding(keys: [.ctrl("w")], action: .deleteWordBackward, contexts: [.textField], help: "Delete the word before the cursor"),
        Binding(keys: [.up], action: .cursorUp, contexts: [.textArea], help: "Up a row"),
        Binding(keys: [.down], action: .cursorDown, contexts: [.textArea], help: "Down a row"),
        Binding(keys: [.enter], action: .newline, contexts: [.textArea], help: "New line"),
    ]

    private static let dialogBindings: [Binding] = [
        Binding(keys: [.char("y")], action: .yes, contexts: [.dialog], help: "Yes", footer: 1, label: "yes"),
        Binding(keys: [.char("n"), .escape], action: .no, contexts: [.dialog], help: "No", footer: 2, label: "no"),
        Binding(keys: [.enter], action: .submit, contexts: [.dialog], help: "Press the focused button"),
        Binding(keys: [.left], action: .prevFocus, contexts: [.dialog], help: "Previous button"),
        Binding(keys: [.right], action: .nextFocus, contexts: [.dialog], help: "Next button"),
    ]

    private static let helpBindings: [Binding] = [
        Binding(keys: [.char("?"), .escape, .char("q")], action: .back, contexts: [.help], help: "Close help",
                footer: 1, label: "close"),
        Binding(keys: [.char("k"), .up], action: .moveUp, contexts: [.help], help: "Scroll up"),
        Binding(keys: [.char("j"), .down], action: .moveDown, contexts: [.help], help: "Scroll down"),
        // Help is the footer's first priority: the one hint that leads to all the others.
        Binding(keys: [.char("?")], action: .help, contexts: [.loginOther] + lists + peoplePages, help: "Help: all keys",
                footer: 0, label: "help"),
    ]

    private static let globalBindings: [Binding] = [
        Binding(keys: [.f(1)], action: .help, contexts: [.global], help: "Help: all keys", footer: 0, label: "help"),
    ]
}
