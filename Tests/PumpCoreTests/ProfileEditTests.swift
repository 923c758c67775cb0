import Foundation
import Testing
@testable import PumpCore

/// Editing our own profile (issue 24, item 10): the PUT pump.io's web UI sends, only what changed.
/// (On `APITests`' fake requester and alice.)
extension APITests {
    func answerProfile(_ fields: [String: Any]) {
        var person: [String: Any] = ["objectType": "person", "id": "acct:alice@pump.example", "preferredUsername": "alice"]
        person.merge(fields) { $1 }
        fake.route("\(H)/api/user/alice/profile", json: person)
    }

    @Test func onlyTheChangedFieldsAreSentAsAPUTOfTheProfile() async throws {
        answerProfile(["displayName": "Alice A.", "location": ["objectType": "place", "displayName": "Paris"]])
        let p = try await api.updateProfile(ProfileEdit(displayName: "Alice A.", location: "Paris"))
        let calls = fake.calls
        #expect(calls.count == 1)
        #expect(calls[0].method == "PUT" && calls[0].url == "\(H)/api/user/alice/profile" && calls[0].contentType == "application/json")
        #expect(canonicalJSON(calls[0].body) == #"{"displayName":"Alice A.","location":{"displayName":"Paris","objectType":"place"}}"#)
        #expect(p.displayName == "Alice A." && p.locationName == "Paris")
    }

    @Test func theBioGoesAsHTMLWithItsLinksAndLinesKept() {
        let body = PumpAPI.profileBody(ProfileEdit(summary: "I <3 [trains](https://t.example)\nand more"))
        let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(canonicalJSON(data) == #"{"summary":"I &lt;3 <a href=\"https://t.example\">trains</a><br>and more"}"#)
        #expect(PumpAPI.profileBody(ProfileEdit()).isEmpty)
    }

    @Test func aNewAvatarIsUploadedPostedPubliclyThenSetAsTheImage() async throws {
        let uploaded: [String: Any] = ["id": "\(H)/api/image/up1", "objectType": "image",
                                       "image": ["url": "\(H)/uploads/alice/a_thumb.png", "width": 96, "height": 96],
                                       "fullImage": ["url": "\(H)/uploads/alice/a.png", "width": 400, "height": 400]]
        fake.route("\(H)/api/user/alice/uploads", json: uploaded)
        answerProfile(["image": ["url": "\(H)/uploads/alice/a_thumb.png"]])
        let bytes = Data([0x89, 0x50, 0x4E, 0x47])
        let p = try await api.updateProfile(ProfileEdit(avatarPath: "/tmp/a.png"), avatar: (bytes, "image/png"))
        let calls = fake.calls
        #expect(calls.map(\.method) == ["POST", "POST", "PUT"])
        #expect(calls[0].url == "\(H)/api/user/alice/uploads" && calls[0].body == bytes)
        // Posted to the public: pump.io serves an upload to others only once it is shared with them.
        let post = try #require(calls[1].json)
        #expect(post["verb"] as? String == "post")
        #expect((post["to"] as? [[String: Any]])?.first?["id"] as? String == "http://activityschema.org/collection/public")
        #expect(canonicalJSON(calls[2].body) == """
            {"image":{"height":96,"url":"\(H)/uploads/alice/a_thumb.png","width":96},\
            "pump_io":{"fullImage":{"height":400,"url":"\(H)/uploads/alice/a.png","width":400}}}
            """)
        #expect(p.image?.url.absoluteString == "\(H)/uploads/alice/a_thumb.png")
    }

    @Test func theServersRefusalIsThrownWithItsMessage() async {
        fake.route("\(H)/api/user/alice/profile", json: ["error": "Not authorized"], status: 401)
        await #expect(throws: PumpError.self) { try await api.updateProfile(ProfileEdit(displayName: "X")) }
    }

    @Test func whatChangedReadsAsAList() {
        #expect(ProfileEdit(displayName: "A").changedFields == "name")
        #expect(ProfileEdit(displayName: "A", avatarPath: "x").changedFields == "name and avatar")
        #expect(ProfileEdit(displayName: "A", summary: "b", location: "c", avatarPath: "x").changedFields == "name, bio, location and avatar")
        #expect(ProfileEdit().isEmpty && ProfileEdit().changedFields == "nothing")
    }
}
