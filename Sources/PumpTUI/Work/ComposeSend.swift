import Foundation
import PumpCore

extension ComposeRequest {
    /// The API calls a request stands for, for the client's send job (the one place that maps
    /// editor modes to verbs): a note, an image post (upload, post, update for title and text),
    /// a comment, or an update of our own object. A body the server would refuse for its size
    /// (pump.io: 413 past 100 kB as sent) is refused here first, with the editor's message.
    func perform(with api: PumpAPI, home: String? = ProcessInfo.processInfo.environment["HOME"]) async throws -> Activity {
        do { return try await send(with: api.limitingJSONBodies(), home: home) }
        catch let big as RequestTooLarge { throw ClientFailure(message: Self.tooLarge(big)) }
    }

    /// "Too long to send: 147 kB as sent, the server takes 100 kB at most…"
    static func tooLarge(_ e: RequestTooLarge) -> String {
        let kB = { (n: Int) in (n + 1023) / 1024 }
        return "Too long to send: \(kB(e.bytes)) kB as sent (markup and escaping count), the server takes "
            + "\(kB(e.limit)) kB at most. Shorten it; your text is kept"
    }

    private func send(with api: PumpAPI, home: String?) async throws -> Activity {
        switch mode {
        case .note:
            guard let imagePath else { return try await api.post(note: text, title: title, audience: audience) }
            // Read again now: the file may have changed since it was checked.
            let (file, data) = try ImageFile.load(imagePath, home: home)
            return try await api.uploadImage(data: data, mimeType: file.mimeType, title: title,
                                             description: text.isEmpty ? nil : text, audience: audience)
        case .reply(let object):
            return try await api.reply(to: object, text: text)
        case .edit(let object):
            // Only what changed is sent. A cleared title goes as empty: nil would keep the old one.
            return try await api.update(object, html: keepsText ? nil : HTMLText.html(fromEditable: text),
                                        title: keepsTitle ? nil : title ?? "")
        }
    }
}

extension ComposeRequest {
    /// After a send that got no answer: this post in the account's outbox, if it arrived there
    /// (posted since `since`, less a minute of clock skew, with the same text and title, and for
    /// a reply the same parent). Edits are safe to send twice and are never looked for; a
    /// failure to read the outbox means "not found" (the send then goes ahead, as asked).
    func arrived(in api: PumpAPI, since: Date) async -> Activity? {
        if case .edit = mode { return nil }
        guard let page = try? await api.feed(.outbox, count: 20) else { return nil }
        let want = Self.comparable(text), wantTitle = Self.comparable(title ?? "")
        return page.items.compactMap(\.activity).first { a in
            guard a.verb == .post || a.verb == .create, let o = a.object,
                  (a.published ?? o.published ?? .distantPast) >= since.addingTimeInterval(-60) else { return false }
            if case .reply(let parent) = mode, o.inReplyTo?.id != parent.id { return false }
            return Self.comparable(o.plainContent) == want && Self.comparable(o.displayName ?? "") == wantTitle
        }
    }

    /// Text as the server gives it back: whitespace runs as one space.
    static func comparable(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension ImageFileError: LocalizedError {
    var errorDescription: String? { message }
}
