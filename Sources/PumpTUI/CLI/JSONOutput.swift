import Foundation
import PumpCore

/// The documented `--json` output (pumptui(1), JSON OUTPUT; docs/json-schema.json; a test checks
/// the real output against that schema). Every document is an object whose `version` is the
/// schema's: within a version fields are only added, never renamed, retyped or removed, so a
/// script written for version 1 keeps working. An optional field is left out (never `null`)
/// when the server did not say. Every string is server text cleaned as the screen shows it.
enum JSONOutput {
    static let version = 1

    /// `pumptui inbox --json`: the activities, newest first.
    struct Inbox: Encodable {
        var version = JSONOutput.version
        var items: [Item]
    }

    /// `pumptui post --json`: the activity the server made of the note.
    struct Posted: Encodable {
        var version = JSONOutput.version
        var item: Item
    }

    /// `pumptui accounts --json`: the stored accounts (never their tokens).
    struct Accounts: Encodable {
        var version = JSONOutput.version
        var accounts: [Account]
    }

    struct Account: Encodable {
        /// `nick@host[:port]`, as ACCOUNT arguments take it.
        var account: String
        var name: String?
    }

    /// One activity: who did what (`verb`) to which object.
    struct Item: Encodable {
        var id: String
        var verb: String
        var published: String?
        var actor: PersonRef?
        /// The server's one-line sentence, for verbs other than a plain post ("bob shared …").
        var summary: String?
        /// The activity's own page.
        var url: String?
        var audience: Audience
        var object: Object?
    }

    struct Object: Encodable {
        var id: String
        var type: String
        var title: String?
        /// Plain text: no markup, no link markers, no control characters but newlines.
        var text: String
        /// Every link in the content (anchors first, then written-out URLs), in order, unique.
        var links: [String]
        /// The object's page (its id when it has none and that is a URL).
        var url: String?
        var author: PersonRef?
        var published: String?
        var image: Image?
        var inReplyTo: Reference?
        var audience: Audience
        var likes: Int?
        var shares: Int?
        var replies: Int?
        /// Whether you like / shared it; left out when the server did not say.
        var liked: Bool?
        var shared: Bool?
        var deleted: Bool
    }

    struct PersonRef: Encodable {
        var id: String
        var name: String
        var webfinger: String
    }

    struct Image: Encodable {
        var url: String
        var width: Int?
        var height: Int?
        /// The full-size image, when the server has one beside the preview.
        var fullImage: String?
    }

    /// The parent of a reply, as far as the server embedded it.
    struct Reference: Encodable {
        var id: String
        var url: String?
    }

    struct Audience: Encodable {
        var to: [Recipient]
        var cc: [Recipient]
        /// Addressed to the public collection (in `to` or `cc`).
        var `public`: Bool
    }

    struct Recipient: Encodable {
        var id: String
        /// `person`, `collection` (a list, your followers, the public) …
        var type: String
    }
}

extension JSONOutput {
    /// Built by one reusable formatter: an ISO8601DateFormatter per item costs more than the item.
    struct Builder {
        private let dates = ISO8601DateFormatter()

        func items(_ feed: Feed) -> [Item] { feed.items.compactMap { $0.activity.map(item) } }

        func item(_ activity: Activity) -> Item {
            Item(id: clean(activity.id), verb: clean(activity.verb.rawValue),
                 published: activity.published.map(dates.string),
                 actor: activity.actor.map(person),
                 summary: activity.showsSummary ? activity.summaryLine : nil,
                 url: activity.url.map { clean($0.absoluteString) },
                 audience: audience(to: activity.to, cc: activity.cc),
                 object: activity.object.map(object))
        }

        func object(_ object: PumpObject) -> Object {
            let content = object.contentAndLinks
            return Object(id: clean(object.id), type: clean(object.objectType ?? "note"), title: object.title,
                          text: content.text, links: content.links, url: object.displayURL,
                          author: object.author.map(person), published: object.published.map(dates.string),
                          image: (object.image ?? object.fullImage).map { image in
                              Image(url: clean(image.url.absoluteString), width: positive(image.width), height: positive(image.height),
                                    fullImage: object.fullImage.map { clean($0.url.absoluteString) })
                          },
                          inReplyTo: object.inReplyTo.map { Reference(id: clean($0.id), url: $0.displayURL) },
                          audience: audience(to: object.to, cc: object.cc),
                          likes: object.likes?.count, shares: object.shares?.count, replies: object.replies?.count,
                          liked: object.liked, shared: object.shared, deleted: object.isDeleted)
        }

        func person(_ person: Person) -> PersonRef {
            PersonRef(id: clean(person.id), name: person.label, webfinger: clean(person.webfinger))
        }

        func audience(to: [Address], cc: [Address]) -> Audience {
            let recipient = { (a: Address) in Recipient(id: clean(a.id), type: clean(a.objectType)) }
            return Audience(to: to.map(recipient), cc: cc.map(recipient), public: (to + cc).contains(where: \.isPublic))
        }

        private func clean(_ text: String) -> String { TerminalText.clean(text, .line, maxLength: 2000) }
        /// A size below one is a server's mistake: left out, as an unknown one.
        private func positive(_ n: Int?) -> Int? { n.flatMap { $0 > 0 ? $0 : nil } }
    }
}
