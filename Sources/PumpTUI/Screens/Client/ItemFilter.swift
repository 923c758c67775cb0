import Foundation
import PumpCore

/// `:` filters the timelines (issue 13): posts from one person, or posts with images.
enum ItemFilter: Equatable {
    case author(String)
    case images

    /// "image"/"images" → images; "@bob", "bob", "bob@host" → that person; empty → no filter.
    init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty { return nil }
        if t == "image" || t == "images" { self = .images; return }
        self = .author(t.hasPrefix("@") ? String(t.dropFirst()) : t)
    }

    func matches(_ item: FeedItem) -> Bool {
        switch self {
        case .images:
            guard let o = item.object else { return false }
            return o.image != nil || o.fullImage != nil || o.objectType == "image"
        case .author(let who):
            let people = [item.object?.author, item.activity?.actor].compactMap { $0 }
            return people.contains { p in
                p.webfinger.lowercased().hasPrefix(who) || p.label.lowercased().contains(who)
            }
        }
    }

    var label: String {
        switch self {
        case .images: return "with images"
        case .author(let who): return "from " + TerminalText.clean(who, .line, maxLength: 40)
        }
    }
}
