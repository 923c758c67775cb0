import Foundation

/// Who sees a new post. Unaddressed posts are followers-only on pump.io (pitfall 11), so every
/// case addresses explicitly: the public (cc followers), the followers, one of our person lists
/// (its members only, pump-api §4.5), or named people (a direct message: `to` them, nothing else).
public enum Audience: Sendable, Hashable {
    case `public`, followers
    case list(AudienceTarget)
    case people([AudienceTarget])

    /// "Public", "Followers", "List: Friends", "Bob, Carol" (names as given, for one line on screen).
    public var label: String {
        switch self {
        case .public: return "Public"
        case .followers: return "Followers"
        case .list(let l): return "List: \(l.name)"
        case .people(let p): return p.isEmpty ? "Nobody" : p.map(\.name).joined(separator: ", ")
        }
    }
}

/// A list or a person as an address: the id the server knows it by, and a name to show.
public struct AudienceTarget: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// Drafts keep their audience. The two plain audiences stay the strings older drafts hold
/// ("public", "followers"); a list or people become `{"list": …}` / `{"people": […]}`.
extension Audience: Codable {
    private enum Keys: String, CodingKey { case list, people }

    public init(from decoder: Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            switch plain {
            case "public": self = .public
            case "followers": self = .followers
            default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                             debugDescription: "unknown audience \(plain)"))
            }
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        if let list = try c.decodeIfPresent(AudienceTarget.self, forKey: .list) { self = .list(list); return }
        self = .people(try c.decode([AudienceTarget].self, forKey: .people))
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .public: var c = encoder.singleValueContainer(); try c.encode("public")
        case .followers: var c = encoder.singleValueContainer(); try c.encode("followers")
        case .list(let l): var c = encoder.container(keyedBy: Keys.self); try c.encode(l, forKey: .list)
        case .people(let p): var c = encoder.container(keyedBy: Keys.self); try c.encode(p, forKey: .people)
        }
    }
}
