import Foundation

/// What an edit of our own profile changes; nil leaves a field as the server has it.
public struct ProfileEdit: Equatable, Sendable {
    public var displayName: String?
    /// The bio as the user typed it (links as `[text](URL)`, blank lines between paragraphs);
    /// sent as HTML, which pump.io keeps in `summary` (and scrubs).
    public var summary: String?
    public var location: String?
    /// The new avatar's file (nil: the avatar stays).
    public var avatarPath: String?

    public init(displayName: String? = nil, summary: String? = nil, location: String? = nil, avatarPath: String? = nil) {
        self.displayName = displayName; self.summary = summary; self.location = location; self.avatarPath = avatarPath
    }

    public var isEmpty: Bool { displayName == nil && summary == nil && location == nil && avatarPath == nil }

    /// "name, bio and avatar": what changed, for the status line.
    public var changedFields: String {
        let names = [(displayName, "name"), (summary, "bio"), (location, "location"), (avatarPath, "avatar")]
            .compactMap { $0.0 == nil ? nil : $0.1 }
        guard let last = names.last else { return "nothing" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// Our profile (issue 24, item 10), as pump.io's web UI saves it: `PUT /api/user/NICK/profile`
/// with only the changed properties (the server merges them into the person and distributes an
/// `update` activity of it). A new avatar is uploaded and *posted* publicly first: pump.io serves
/// an upload to other people only once an activity has shared it with them (`routes/uploads.js`),
/// so an unposted avatar answers 403 to everyone else. Then the person's `image` is the upload's
/// `image` (the server's thumbnail of it) and `pump_io.fullImage` the original, as the web UI sets.
extension PumpAPI {
    /// Sends the edit; returns the person as the server has it now. `avatar`: the image file's
    /// bytes and MIME type when `edit.avatarPath` is set (read by the caller).
    public func updateProfile(_ edit: ProfileEdit, avatar: (data: Data, mimeType: String)? = nil) async throws -> Person {
        let url = try endpoint(me.profileURL(base: base), "your profile")
        try requireLocal(url)
        var image: MediaLink?, fullImage: MediaLink?
        if let avatar {
            let posted = try await uploadImage(data: avatar.data, mimeType: avatar.mimeType, audience: .public)
            guard let uploaded = posted.object?.image ?? posted.object?.fullImage else {
                throw PumpError.badResponse("the uploaded avatar has no image URL")
            }
            image = uploaded; fullImage = posted.object?.fullImage
        }
        let body = Self.profileBody(edit, image: image, fullImage: fullImage)
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        let r = try await requester.send(method: "PUT", url: url, body: data, contentType: "application/json")
        return try decodePerson(try PumpError.jsonObject(from: r))
    }

    /// The PUT's body: only what changed. The bio goes as HTML (`HTMLText.html(fromEditable:)`,
    /// what a post's text becomes), the place as pump.io's web UI writes it.
    package static func profileBody(_ edit: ProfileEdit, image: MediaLink? = nil, fullImage: MediaLink? = nil) -> JSONObject {
        var body: JSONObject = [:]
        if let name = edit.displayName { body["displayName"] = name }
        if let bio = edit.summary { body["summary"] = HTMLText.html(fromEditable: bio) }
        if let place = edit.location { body["location"] = ["objectType": "place", "displayName": place] }
        if let image { body["image"] = Self.json(image) }
        if let fullImage { body["pump_io"] = ["fullImage": Self.json(fullImage)] }
        return body
    }

    private static func json(_ link: MediaLink) -> JSONObject {
        var o: JSONObject = ["url": link.url.absoluteString]
        if let w = link.width { o["width"] = w }
        if let h = link.height { o["height"] = h }
        return o
    }
}
