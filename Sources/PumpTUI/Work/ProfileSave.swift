import Foundation
import PumpCore

extension ProfileEdit {
    /// The client's `saveProfile` job: the avatar's file read again now (it may have changed
    /// since the form checked it; the same checks as `ImageFile.check`), then the API's update.
    func save(with api: PumpAPI, home: String? = ProcessInfo.processInfo.environment["HOME"]) async throws -> Person {
        var avatar: (data: Data, mimeType: String)?
        if let avatarPath {
            let (file, data) = try ImageFile.load(avatarPath, home: home)
            avatar = (data, file.mimeType)
        }
        return try await api.updateProfile(self, avatar: avatar)
    }
}
