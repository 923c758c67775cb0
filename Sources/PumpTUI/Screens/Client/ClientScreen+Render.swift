import Foundation
import PumpCore

/// Drawing: title bar, the current list (only visible rows), status, footer, then any modal.
extension ClientScreen {
    func render(into buffer: inout CellBuffer) {
        let tooSmall = TooSmall()
        if tooSmall.applies(to: buffer.size) { tooSmall.render(into: &buffer); return }
        let frame = ScreenFrame(size: buffer.size)
        TitleBar(title, right: account.description).render(into: &buffer, area: frame.title)
        renderBody(into: &buffer, area: frame.body)
        Footer(contexts: contexts, keymap: keymap, unavailable: unavailableActions).render(into: &buffer, area: frame.footer)
        shownStatus.render(into: &buffer, area: frame.status, spill: frame.footer)
        compose.render(into: &buffer, area: frame.body)
        renderModal(modal, into: &buffer, body: frame.body)
    }

    /// What the open editor cannot do now (the footer leaves it out).
    var unavailableActions: Set<Action> {
        if modal == nil, let c = compose.composer { return c.unavailableActions }
        if case .profileForm? = modal { return ProfileForm.unavailableActions }
        // Our own profile offers E where others' offer f (`toggleFollow`: "That is you.").
        if modal == nil, let person = pages.top?.person { return isMe(person) ? [.follow] : [.editProfile] }
        return []
    }

    /// The editor's own notes (restored draft, attached image, errors) while it is open and idle.
    var shownStatus: StatusLine {
        if modal == nil, let c = compose.composer, running == 0, !c.status.message.isEmpty, status.kind != .error { return c.status }
        return status
    }

    var title: String {
        if let page = pages.top { return page.title }
        let lead = (offline ? "offline · " : "") + (filter.map { "filter \($0.label) · " } ?? "")
        let full = lead + tabs(short: false)
        return TextWidth.width(full) + 1 <= size.cols ? full : lead + tabs(short: true)
    }

    /// "[1 Inbox 3] 2 Meanwhile … 6 Notifications 1": each timeline with its unread count; on a
    /// narrow screen the other tabs use short names.
    func tabs(short: Bool) -> String {
        FeedKind.allCases.enumerated().map { i, k in
            let n = unread(k)
            // Notifications is "Notif." unless it is the current tab: six tabs and the account fit 80 columns.
            let name = (short || k == .notifications) && k != current ? Self.shortTitles[k] ?? k.title : k.title
            let label = "\(i + 1) \(name)" + (n > 0 ? " \(n)" : "")
            return k == current ? "[\(label)]" : label
        }.joined(separator: " ")
    }

    static let shortTitles: [FeedKind: String] = [.inboxMinor: "Mean.", .favorites: "Fav.", .notifications: "Notif."]

    private func renderBody(into buffer: inout CellBuffer, area: Rect) {
        let all = items
        if let empty = emptyText(count: all.count) {
            for (i, line) in TextLayout.wrap(empty, width: max(1, area.cols - 2)).enumerated() where i < area.rows {
                buffer.put(line, row: area.row + 1 + i, col: area.col + 1, role: .muted, maxCols: area.cols - 1)
            }
            return
        }
        var shown = list
        shown.selected = min(shown.selected, all.count - 1)
        let indents = indentation
        let hints = keyHintsInItems
        let marker = markerRow
        let fresh = unread(current)
        let layout = ListView.render(into: &buffer, area: area, state: shown, count: all.count,
                                     measure: measure(all, width: area.cols)) { i, buf, rect, _ in
            var r = rect
            // Where unread starts: a line between the unread items and the newest read one.
            if i == marker {
                buf.put("──── \(Unread.label(fresh)) above ────", row: rect.row, col: rect.col, role: .mark, maxCols: rect.cols)
                r.row += 1; r.rows -= 1
            }
            let indent = min(indents[i] ?? 0, max(0, rect.cols - 10))
            r.col += indent; r.cols -= indent
            let lines = cache.lines(for: all[i], width: r.cols, keyHints: hints)
            ItemLayout.draw(lines, time: time(of: all[i]), into: &buf, rect: r)
        }
        // A last row says what happens past the end (loading, the end, a failure).
        if let last = layout.items.last, last.index == all.count - 1, let tail = tailText {
            let row = area.row + last.row + last.rows
            if row < area.row + area.rows { buffer.put(tail, row: row, col: area.col + 1, role: .muted, maxCols: area.cols - 1) }
        }
    }

    private func time(of item: FeedItem) -> String? {
        if case .person = item { return nil }
        // A notification is dated by what happened: a like known only from a post's likes
        // collection has no time, and the post's own would be a wrong one.
        if let a = item.activity, a.verb == Notifications.verb { return a.published.map { RelativeTime.describe($0, now: now) } }
        return item.published.map { RelativeTime.describe($0, now: now) }
    }

    /// What the body says when the list has nothing to show.
    private func emptyText(count: Int) -> String? {
        guard count == 0 else { return nil }
        if let page = pages.top { return page.emptyText(key: key) }
        let pane = timelines[current]
        if let e = pane?.error { return "Could not load \(current.title): \(e)  (\(key(.refresh)) retries)" }
        if store.feed(current) == nil || pane?.isLoading == true { return "Loading \(current.title)…" }
        if let filter, !store.items(current).isEmpty { return "No post here \(filter.label). \(key(.filter)) and Enter shows all." }
        return "Nothing in \(current.title) yet. \(key(.compose)) writes a note; \(key(.followByID)) follows someone."
    }

    private var tailText: String? {
        if let page = pages.top { return page.tailText(key: key) }
        guard let pane = timelines[current] else { return nil }
        if pane.loadingOlder { return "Loading older items…" }
        if let e = pane.error { return "Error: \(e)" }
        return store.feed(current)?.isAtEnd == true ? "End of \(current.title)." : nil
    }

    private func renderModal(_ modal: ClientModal?, into buffer: inout CellBuffer, body: Rect) {
        switch modal {
        case .help(let help, let under)?:
            renderModal(under, into: &buffer, body: body)
            help.render(into: &buffer, area: helpRect)
        case .confirm(let dialog, _)?: dialog.render(into: &buffer, area: body)
        case .prompt(let box, _)?:
            let rect = Box.centered(rows: 3, cols: min(body.cols, 64), in: body)
            Box.draw(into: &buffer, rect: rect)
            box.render(into: &buffer, area: Box.inner(rect))
        case .profileForm(let form)?: form.render(into: &buffer, area: body)
        case .accounts(let picker)?: picker.render(into: &buffer, body: body)
        case .people(let picker)?: picker.render(into: &buffer, body: body)
        case .image?: imageFlow.render(into: &buffer, body: body)
        case .links(let chooser)?: chooser.render(into: &buffer, body: body)
        case nil: break
        }
    }
}
