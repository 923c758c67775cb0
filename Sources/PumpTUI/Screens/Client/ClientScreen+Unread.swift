import Foundation
import PumpCore

/// Unread state as the user reads (issue 13): moving the selection onto an unread item reads
/// it and everything below it; `u` goes to the first unread item.
extension ClientScreen {
    /// Advances the current timeline's marker to the selection and stores it.
    mutating func markRead() -> Effects {
        guard pages.isEmpty, let next = Unread.advanced(items, marker: markers[current], selected: list.selected) else { return [] }
        markers[current] = next
        return [.run(.saveReadMarker(current, next))] + (current == .notifications ? cue() : [])
    }

    /// The terminal's title shows the Notifications count whenever it changes; when it grows by a
    /// reply, mention or direct message, the bell (if chosen) and a desktop notification say so.
    mutating func cue() -> Effects {
        let n = unread(.notifications)
        guard n != cuedCount else { return [] }
        let grew = n > cuedCount
        cuedCount = n
        let title = n > 0 ? "pumptui · \(Unread.label(n)) · \(account)" : "pumptui · \(account)"
        let fresh = store.items(.notifications).prefix(n)
        let personal = grew ? fresh.first(where: Notifications.isPersonal) : nil
        return [.cue(TerminalCue(title: title, bell: personal != nil && cueSettings.bell,
                                 notification: cueSettings.notify ? personal?.activity?.summaryLine : nil))]
    }

    /// What the user wrote is never news to them: own items just above the marker (and an own
    /// post at the top, selected after an own action) count as read. nil when nothing changes.
    func ownItemsRead(_ items: [FeedItem], marker: ReadMarker?, selected: Int?) -> ReadMarker? {
        var n = Unread.count(items, marker: marker)
        let start = n
        if let selected, selected < n { n = max(0, selected) }
        while n > 0, isMe(items[n - 1].activity?.actor ?? items[n - 1].object?.author) { n -= 1 }
        guard n < start else { return nil }
        return ReadMarker(itemID: items[n].id, published: items[n].published)
    }

    mutating func jumpToFirstUnread() -> Effects {
        guard pages.isEmpty, let i = Unread.firstUnread(items, marker: markers[current]) else {
            say("Nothing unread in \(pages.isEmpty ? current.title : "this view").")
            return []
        }
        var l = list; l.selected = i; list = l
        keepSelectionVisible()
        let effects = markRead()
        let left = unread(current)
        say(left > 0 ? "\(Unread.label(left)) above · \(key(.moveUp)) reads on" : "This was the last unread item in \(current.title).")
        return effects
    }
}
