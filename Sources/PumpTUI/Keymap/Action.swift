/// Everything a key can ask for. Screens switch over these; they never look at raw keys.
public enum Action: Hashable, Sendable {
    // Login and dialogs
    case submit, cancel, copyURL, showURL, openBrowser, showQR, nextFocus, prevFocus, help, quit
    case retry, newURL, yes, no
    // Client
    case moveUp, moveDown, pageUp, pageDown, top, bottom, openThread, back, refresh, compose, reply
    case like, share, delete, edit, profile, follow, followByID, copyItemURL, openItemURL, openLink
    case switchAccount, send, attachImage, externalEditor, image, timeline(Int), nextTimeline, prevTimeline, discard, parent
    // People and lists
    case followers, following, openProfileByID, lists, newList, renameList, deleteList, addToList, removeFromList
    case editProfile
    case mention
    // Unread state and search (issue 13)
    case firstUnread, search, nextMatch, previousMatch, filter
    // Editing text in a field (TextBox) or the editor (TextArea)
    case cursorLeft, cursorRight, cursorUp, cursorDown, lineStart, lineEnd
    case deleteBackward, deleteForward, deleteToLineStart, deleteToLineEnd, deleteWordBackward, newline

    /// Timelines in the order the 1–5 keys select them.
    public static let timelineCount = 6

    /// Every action, so tests can check that each one is bound and documented.
    public static let all: [Action] = [
        .submit, .cancel, .copyURL, .showURL, .openBrowser, .showQR, .nextFocus, .prevFocus, .help, .quit,
        .retry, .newURL, .yes, .no,
        .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .openThread, .back, .refresh, .compose,
        .reply, .like, .share, .delete, .edit, .profile, .follow, .followByID, .copyItemURL,
        .openItemURL, .openLink, .switchAccount, .send, .attachImage, .externalEditor, .image, .firstUnread, .search, .nextMatch, .previousMatch, .filter,
    ] + (1...timelineCount).map { .timeline($0) } + [.nextTimeline, .prevTimeline, .discard, .parent,
        .cursorLeft, .cursorRight, .cursorUp, .cursorDown, .lineStart, .lineEnd,
        .deleteBackward, .deleteForward, .deleteToLineStart, .deleteToLineEnd, .deleteWordBackward, .newline,
        .followers, .following, .openProfileByID, .lists, .newList, .renameList, .deleteList, .addToList, .removeFromList,
        .mention, .editProfile]
}
