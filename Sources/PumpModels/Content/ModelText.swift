import Foundation

/// Display text of the models, always through `HTMLText`/`TerminalText`, so screens and the CLI
/// never touch raw server strings.
extension PumpObject {
    /// The content as terminal-safe text with numbered links ("[deleted]" for deleted objects).
    public var renderedContent: RenderedText {
        if isDeleted { return RenderedText(text: "[deleted]", links: []) }
        return HTMLText.render(content ?? summary ?? "")
    }

    /// The same text without "[n]" link markers, for one-line quotes where no link list is shown
    /// (the editor's "Replying to …" line).
    public var plainContent: String {
        isDeleted ? "[deleted]" : HTMLText.render(content ?? summary ?? "", linkMarkers: false).text
    }

    /// The text without "[n]" markers, and every link it holds (anchors, then plain URLs, as
    /// `renderedContent` numbers them), for output that lists the links apart from the text
    /// (`pumptui inbox`, `--json`): a marker glued to a written-out URL broke it when copied.
    public var contentAndLinks: RenderedText {
        if isDeleted { return RenderedText(text: "[deleted]", links: []) }
        let plain = HTMLText.render(content ?? summary ?? "", linkMarkers: false)
        return RenderedText(text: plain.text, links: PlainURLs.markPlainLinks(plain.text, links: plain.links).links)
    }

    /// The object's page (or id) for opening/copying, sanitized to one line.
    public var displayURL: String? {
        guard let u = url?.absoluteString ?? (id.hasPrefix("http") ? id : nil) else { return nil }
        return TerminalText.clean(u, .line, maxLength: 2000)
    }
}

extension Person {
    /// The profile summary as terminal-safe text.
    public var renderedSummary: RenderedText { HTMLText.render(summary ?? "") }
}

extension Activity {
    /// Posts show their object; other verbs (likes, follows, shares, unknown verbs) also show the
    /// server's one-line summary sentence.
    public var showsSummary: Bool { verb != .post || object == nil }
}
