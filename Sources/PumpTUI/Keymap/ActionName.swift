/// Stable names of the actions, for key overrides in the config file (`like = "L"`) and for
/// messages. Spelled out, not derived from the case names, so renaming a case in the code never
/// breaks a user's config.
extension Action {
    public var name: String {
        switch self {
        case .submit: return "submit"
        case .cancel: return "cancel"
        case .copyURL: return "copy-url"
        case .showURL: return "show-url"
        case .openBrowser: return "open-browser"
        case .showQR: return "show-qr"
        case .nextFocus: return "next-field"
        case .prevFocus: return "previous-field"
        case .help: return "help"
        case .quit: return "quit"
        case .retry: return "retry"
        case .newURL: return "new-url"
        case .yes: return "yes"
        case .no: return "no"
        case .moveUp: return "up"
        case .moveDown: return "down"
        case .pageUp: return "page-up"
        case .pageDown: return "page-down"
        case .top: return "top"
        case .bottom: return "bottom"
        case .openThread: return "open-thread"
        case .back: return "back"
        case .refresh: return "refresh"
        case .compose: return "compose"
        case .reply: return "reply"
        case .like: return "like"
        case .share: return "share"
        case .delete: return "delete"
        case .edit: return "edit"
        case .profile: return "profile"
        case .follow: return "follow"
        case .followByID: return "follow-by-id"
        case .copyItemURL: return "copy-item-url"
        case .openItemURL: return "open-item-url"
        case .openLink: return "open-link"
        case .switchAccount: return "switch-account"
        case .send: return "send"
        case .attachImage: return "attach-image"
        case .timeline(let n): return "timeline-\(n)"
        case .nextTimeline: return "next-timeline"
        case .prevTimeline: return "previous-timeline"
        case .discard: return "discard"
        case .parent: return "parent"
        case .firstUnread: return "first-unread"
        case .search: return "search"
        case .nextMatch: return "next-match"
        case .previousMatch: return "previous-match"
        case .filter: return "filter"
        case .cursorLeft: return "cursor-left"
        case .cursorRight: return "cursor-right"
        case .cursorUp: return "cursor-up"
        case .cursorDown: return "cursor-down"
        case .lineStart: return "line-start"
        case .lineEnd: return "line-end"
        case .deleteBackward: return "delete-backward"
        case .deleteForward: return "delete-forward"
        case .deleteToLineStart: return "delete-to-line-start"
        case .deleteToLineEnd: return "delete-to-line-end"
        case .deleteWordBackward: return "delete-word-backward"
        case .newline: return "newline"
        }
    }

    /// The action a config file names, or nil for an unknown name.
    public init?(name: String) {
        guard let action = Action.all.first(where: { $0.name == name }) else { return nil }
        self = action
    }
}
