import Foundation
import PumpCore

/// `i` on an image post: open it (the opener, local display only), copy its URL (OSC 52),
/// save it into the download folder, or view it here (`ImagePreview`). Letters pick; Enter
/// takes the highlighted row.
struct ImageMenu: Equatable, Sendable {
    enum Choice: CaseIterable, Sendable { case open, copy, save, view }
    var link: MediaLink
    var isPublic: Bool
    var directory: String
    var list = ListState()

    var url: String { TerminalText.clean(link.url.absoluteString, .line) }

    var rows: [String] {
        ["o  open it (opener / browser)", "c  copy its URL", "s  save it to \(TerminalText.clean(directory, .line))",
         "v  view it here"]
    }

    static func choice(forLetter c: Character) -> Choice? {
        switch c { case "o": return .open; case "c": return .copy; case "s": return .save; case "v": return .view; default: return nil }
    }
}

extension ImageMenu {
    /// The image line of an item: "[image] 640×480 · Sunset · i: open, copy, save, view".
    static func line(_ o: PumpObject) -> String? {
        guard let img = o.fullImage ?? o.image else { return nil }
        var line = "[image]"
        if let w = img.width, let h = img.height, w > 0, h > 0 { line += " \(w)×\(h)" }
        let name = o.title ?? TerminalText.clean(img.url.lastPathComponent, .line, maxLength: 80)
        if !name.isEmpty { line += " · " + TerminalText.clean(name, .line, maxLength: 80) }
        return line + " · i: open, copy, save, view"
    }
}
