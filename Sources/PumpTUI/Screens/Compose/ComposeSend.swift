import Foundation
import PumpCore

extension ComposeRequest {
    /// The API calls a request stands for, for the client's send job (the one place that maps
    /// editor modes to verbs): a note, an image post (upload, post, update for title and text),
    /// a comment, or an update of our own object.
    func perform(with api: PumpAPI, home: String? = ProcessInfo.processInfo.environment["HOME"]) async throws -> Activity {
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
            // A cleared title is sent as empty so it really goes; nil would leave the old one.
            let newTitle = title ?? ((object.displayName ?? "").isEmpty ? nil : "")
            return try await api.update(object, text: text, title: newTitle)
        }
    }
}

extension ImageFileError: LocalizedError {
    var errorDescription: String? { message }
}
