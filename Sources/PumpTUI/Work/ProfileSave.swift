import Foundation
import PumpCore

/// The profile form's jobs (`ProfileForm.Job`).
extension ClientWorker {
    func performProfile(_ job: ProfileForm.Job) async -> ProfileForm.Message {
        switch job {
        case .checkAvatar(let path): return .avatarChecked(ImageFile.check(path))
        case .save(let edit): return .saved(edit, await attempt { try await edit.save(with: self.api) })
        }
    }
}

extension ProfileEdit {
    /// The form's `save` job: the avatar's file read again now (it may have changed
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
