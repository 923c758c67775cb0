import Foundation
import PumpCore

/// One laid-out row of a timeline item; `indent` columns of space precede the text.
struct ItemLine: Equatable, Sendable {
    var text: String
    var role: Role
    var indent: Int = 0
}

/// How an item (activity, object or person) looks as rows of text at a width. Pure; the
/// relative time is drawn separately on the first row because it changes every minute.
enum ItemLayout {
    static let timeWidth = 8

    /// The object an item is about: an activity's object, or the object itself.
    /// `keyHints`: a person's follow line names the key that changes it ("f follows"), which
    /// only the profile page has.
    static func lines(for item: FeedItem, width: Int, keyHints: Bool = true) -> [ItemLine] {
        let w = max(1, width)
        switch item {
        case .person(let p): return personLines(p, width: w, keyHints: keyHints)
        case .object(let o) where o.isPersonList: return listLines(o, width: w)
        case .object(let o): return header(o.author) + objectLines(o, width: w) + [ItemLine(text: "", role: .text)]
        case .activity(let a):
            var out = header(a.actor ?? a.object?.author)
            if a.showsSummary {
                let summary = a.summaryLine.isEmpty ? "\(a.actor?.label ?? "Someone") \(verbText(a.verb))" : a.summaryLine
                out += TextLayout.wrap(summary, width: max(1, w - 2)).map { ItemLine(text: $0, role: .muted, indent: 2) }
            }
            if let o = a.object, !(a.showsSummary && o.isPerson) {
                if a.showsSummary, o.author != nil, o.author?.id != a.actor?.id {
                    out.append(ItemLine(text: "↳ " + (o.author?.label ?? ""), role: .author, indent: 2))
                }
                out += objectLines(o, width: w)
            }
            return out + [ItemLine(text: "", role: .text)]
        }
    }

    /// "Alice A. alice@host": the name and the id, one line, sanitized (Person.label/webfinger).
    static func header(_ person: Person?) -> [ItemLine] {
        guard let p = person else { return [ItemLine(text: "(unknown author)", role: .author)] }
        let id = TerminalText.clean(p.webfinger, .line, maxLength: 120)
        return [ItemLine(text: p.label == id ? id : "\(p.label)  \(id)", role: .author)]
    }

    static func objectLines(_ o: PumpObject, width: Int) -> [ItemLine] {
        var out: [ItemLine] = []
        let inner = max(1, width - 2)
        if o.isDeleted { return [ItemLine(text: "[deleted]", role: .muted, indent: 2)] }
        if let title = o.title { out += TextLayout.wrap(title, width: inner).map { ItemLine(text: $0, role: .title, indent: 2) } }
        if let reply = o.inReplyTo, o.objectType == "comment" || o.objectType == nil {
            let whom = reply.author?.label ?? "a post"
            out.append(ItemLine(text: "in reply to \(whom)", role: .muted, indent: 2))
        }
        let rendered = o.renderedContent
        if !rendered.text.isEmpty {
            out += TextLayout.wrap(rendered.text, width: inner).map { ItemLine(text: $0, role: .text, indent: 2) }
        } else if let media = mediaLine(o), ImageMenu.line(o) == nil {
            out.append(ItemLine(text: media, role: .muted, indent: 2))
        }
        if let image = ImageMenu.line(o) { out.append(ItemLine(text: image, role: .muted, indent: 2)) }
        for (i, link) in rendered.links.enumerated() {
            out.append(ItemLine(text: "[\(i + 1)] \(link)", role: .link, indent: 2))
        }
        out.append(ItemLine(text: counts(o), role: .mark, indent: 2))
        return out
    }

    /// Images, files and objects without content still say what they are.
    static func mediaLine(_ o: PumpObject) -> String? {
        let type = TerminalText.clean(o.objectType ?? "object", .line, maxLength: 40)
        if let img = o.fullImage ?? o.image {
            return "[\(type)] " + TerminalText.clean(img.url.lastPathComponent, .line, maxLength: 80)
        }
        if o.fileURL != nil || o.streamURL != nil { return "[\(type)]" }
        return o.objectType == nil ? "[no content]" : "[\(type)]"
    }

    /// "2 likes · 1 reply · 0 shares · ♥ you liked · ↻ you shared".
    static func counts(_ o: PumpObject) -> String {
        var parts = [Plural.count(o.likes?.count ?? 0, "like"), Plural.count(o.replies?.count ?? 0, "reply", "replies"),
                     Plural.count(o.shares?.count ?? 0, "share")]
        if o.liked == true { parts.append("♥ you liked") }
        if o.shared == true { parts.append("↻ you shared") }
        if o.isEdited { parts.append("✎ edited") }
        return parts.joined(separator: " · ")
    }

    static func personLines(_ p: Person, width: Int, keyHints: Bool = true) -> [ItemLine] {
        var out = header(p)
        let summary = p.renderedSummary.text
        if !summary.isEmpty { out += TextLayout.wrap(summary, width: max(1, width - 2)).map { ItemLine(text: $0, role: .text, indent: 2) } }
        // A cleared location comes back as "" (pump.io keeps the place, empty).
        if let place = p.locationName, !place.allSatisfy(\.isWhitespace) { out.append(ItemLine(text: TerminalText.clean(place, .line, maxLength: 80), role: .muted, indent: 2)) }
        var counts: [String] = []
        if let f = p.followers?.totalItems { counts.append(Plural.count(f, "follower")) }
        if let f = p.following?.totalItems { counts.append("\(f) following") }
        if let f = p.favorites?.totalItems { counts.append(Plural.count(f, "favorite")) }
        if !counts.isEmpty { out.append(ItemLine(text: counts.joined(separator: " · "), role: .mark, indent: 2)) }
        if let state = followLine(p, keyHint: keyHints) { out.append(ItemLine(text: state, role: .mark, indent: 2)) }
        return out + [ItemLine(text: "", role: .text)]
    }

    /// "You follow them · Follows you (f unfollows)": both directions, as far as known.
    static func followLine(_ p: Person, keyHint: Bool = true) -> String? {
        var facts: [String] = []
        switch p.followed {
        case true?: facts.append("You follow them")
        case false?: facts.append("You do not follow them")
        case nil: break
        }
        switch p.followsYou {
        case true?: facts.append("Follows you")
        case false?: facts.append("Does not follow you")
        case nil: break
        }
        guard !facts.isEmpty else { return nil }
        guard keyHint else { return facts.joined(separator: " · ") }
        let hint = p.followed == true ? " (f unfollows)" : (p.followed == false ? " (f follows)" : "")
        return facts.joined(separator: " · ") + hint
    }

    /// A person list: its name, what it says, how many are on it.
    static func listLines(_ o: PumpObject, width: Int) -> [ItemLine] {
        var out = TextLayout.wrap(o.title ?? "(unnamed list)", width: width).map { ItemLine(text: $0, role: .title) }
        let about = o.renderedContent.text
        if !about.isEmpty { out += TextLayout.wrap(about, width: max(1, width - 2)).map { ItemLine(text: $0, role: .text, indent: 2) } }
        out.append(ItemLine(text: Plural.count(o.members?.count ?? 0, "member"), role: .mark, indent: 2))
        return out + [ItemLine(text: "", role: .text)]
    }

    static func verbText(_ v: Verb) -> String {
        v.isKnown ? v.rawValue : "did something (\(TerminalText.clean(v.rawValue, .line, maxLength: 60)))"
    }

    /// Draws precomputed lines into rect, the time right-aligned on the first row.
    static func draw(_ lines: [ItemLine], time: String?, into buffer: inout CellBuffer, rect: Rect) {
        for (i, line) in lines.enumerated() where i < rect.rows {
            let col = rect.col + line.indent
            buffer.put(line.text, row: rect.row + i, col: col, role: line.role, maxCols: max(0, rect.cols - line.indent))
        }
        if let time, !time.isEmpty, rect.rows > 0 {
            let tw = TextWidth.width(time)
            let col = rect.col + rect.cols - tw
            buffer.put(" " + time, row: rect.row, col: col - 1, role: .time, maxCols: tw + 1)
        }
    }
}

/// Per-item layouts by width, so scrolling does not re-render HTML. Bounded: it is emptied when
/// it grows past `limit`, since only the items near the view are ever asked for.
final class ItemLayoutCache {
    private var entries: [String: [ItemLine]] = [:]
    let limit: Int
    init(limit: Int = 2000) { self.limit = limit }

    func lines(for item: FeedItem, width: Int, keyHints: Bool = true) -> [ItemLine] {
        let key = Self.key(item, width) + (keyHints ? "" : "|plain")
        if let hit = entries[key] { return hit }
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        let l = ItemLayout.lines(for: item, width: width, keyHints: keyHints)
        entries[key] = l
        return l
    }

    var count: Int { entries.count }

    /// Id, width, and a fingerprint of what an optimistic change or an edit alters.
    static func key(_ item: FeedItem, _ width: Int) -> String {
        var h = Hasher()
        if let o = item.object {
            combine(o.content, &h); combine(o.displayName, &h); h.combine(o.isDeleted); h.combine(o.isEdited); h.combine(o.liked); h.combine(o.shared)
            h.combine(o.likes?.count); h.combine(o.replies?.count); h.combine(o.shares?.count); h.combine(o.members?.count)
        }
        // The same activity reads differently in Notifications (its sentence) than in the tab
        // it came from: the verb and the activity's own text are part of what is drawn.
        if let a = item.activity { h.combine(a.verb.rawValue); combine(a.content, &h) }
        // Whose it is, as the header draws it: a person saved under a new name (`E`) shows it.
        combine(item.activity?.actor?.displayName, &h); combine(item.object?.author?.displayName, &h)
        if case .person(let p) = item {
            h.combine(p.followed); h.combine(p.followsYou); combine(p.summary, &h); h.combine(p.followers?.totalItems)
            combine(p.displayName, &h); combine(p.preferredUsername, &h); combine(p.locationName, &h)
            h.combine(p.following?.totalItems); h.combine(p.favorites?.totalItems)
        }
        return "\(item.id)|\(width)|\(h.finalize())"
    }

    /// Server text into the key by its length and the bytes rendering reads (issue 23): hashing
    /// the String itself normalises all of it, 185 ms for 7.5 MB of decomposed accents, and
    /// the key is made several times per frame. Text past what is read cannot change the rows.
    static func combine(_ text: String?, _ h: inout Hasher) {
        guard let utf8 = text?.utf8 else { h.combine(-1); return }
        h.combine(utf8.count)
        let read = utf8.prefix(4 * TextBudget.maxInputScalars)
        if read.withContiguousStorageIfAvailable({ h.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in read { h.combine(byte) }
        }
    }
}
