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

extension ClientScreen {
    mutating func openImageMenu() -> Effects {
        guard let o = selectedObject, let link = o.fullImage ?? o.image else { say("This item has no image.", .warning); return [] }
        let isPublic = o.to.contains(where: \.isPublic) || selectedItem?.activity?.to.contains(where: \.isPublic) == true
        modal = .image(ImageMenu(link: link, isPublic: isPublic, directory: settings.downloadDirectory))
        return []
    }

    mutating func handleImageMenu(_ input: InputEvent, _ menu: ImageMenu) -> Effects {
        var menu = menu
        guard case .key(let key) = input else { return [] }
        if case .char(let c) = key, let choice = ImageMenu.choice(forLetter: c) { modal = nil; return take(choice, menu) }
        guard let action = keymap.action(for: key, in: [.picker]) else { return [] }
        if menu.list.apply(action, count: ImageMenu.Choice.allCases.count) { modal = .image(menu); return [] }
        switch action {
        case .back: modal = nil
        case .submit:
            modal = nil
            return take(ImageMenu.Choice.allCases[min(menu.list.selected, ImageMenu.Choice.allCases.count - 1)], menu)
        default: break
        }
        return []
    }

    private mutating func take(_ choice: ImageMenu.Choice, _ menu: ImageMenu) -> Effects {
        switch choice {
        case .open: return [.openBrowser(menu.url)]
        case .copy: return [.copyToClipboard(menu.url)]
        case .save:
            return start(.saveImage(ImageSaveRequest(link: menu.link, directory: menu.directory, isPublic: menu.isPublic)),
                         "Saving the image…")
        case .view: return openPreview(menu)
        }
    }
}
