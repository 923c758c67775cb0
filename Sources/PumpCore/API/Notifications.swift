import Foundation

/// The Notifications view (issue 13): from the activities of the Meanwhile, Direct and Inbox
/// feeds, the ones meant for me (replies, mentions, direct messages, likes and shares of my
/// posts, new followers), each turned into an item whose summary says who did what to which
/// post. Pure, so the cached copies (the server's JSON) are described the same way again.
public enum Notifications {
    /// Who "me" is: the person id the server uses and `nick@host[:port]`.
    public struct Me: Sendable, Equatable {
        public var id: String
        public var webfinger: String
        /// Other ids the server may use for the account in addresses (its profile URL).
        public var otherIDs: Set<String> = []
        public init(id: String, webfinger: String) { self.id = id; self.webfinger = webfinger.lowercased() }

        /// The account as the screen knows it, before any request: `acct:nick@host` and
        /// pump.io's profile URLs (servers address people by either).
        public init(account: AccountID) {
            self.init(id: "acct:\(account)", webfinger: account.description)
            for scheme in ["https", "http"] {
                otherIDs.insert("\(scheme)://\(account.hostWithPort)/api/user/\(account.nickname)/profile")
            }
        }

        /// The one test of "is this the logged-in account" (the screen asks it too).
        public func isMe(_ p: Person?) -> Bool {
            guard let p else { return false }
            return p.id == id || otherIDs.contains(p.id) || p.webfinger.lowercased() == webfinger
        }

        func isAddressed(_ list: [Address]) -> Bool {
            list.contains { $0.id == id || otherIDs.contains($0.id) || $0.id.lowercased() == "acct:" + webfinger }
        }
    }

    /// Items with an unknown verb show their summary: the sentence below.
    public static let verb = Verb(rawValue: "pumptui-notification")

    /// The notifications among `items`, newest first, without duplicates. `context`: more items
    /// whose objects may be the posts replied to (servers often send `inReplyTo` as a bare id).
    /// My posts among both also bring the replies and likes their collections embed.
    public static func build(_ items: [FeedItem], me: Me, context: [FeedItem] = []) -> [FeedItem] {
        var seen = Set<String>()
        var known: [String: PumpObject] = [:]
        // The fullest copy of each object: a like's object may come without its text.
        for o in (items + context).compactMap(\.object) where known[o.id] == nil || (known[o.id]?.content == nil && o.content != nil) {
            known[o.id] = o
        }
        let activities = items.compactMap(\.activity)
        let candidates = activities + fromCollections(of: (items + context).compactMap(\.object), me: me, besides: activities)
        let found: [Activity] = candidates.compactMap { activity in
            var a = activity
            guard seen.insert(a.id).inserted else { return nil }
            // Built already (a caller that built them itself): as it is.
            if a.verb == verb { return a }
            if let parent = a.object?.inReplyTo, parent.author == nil, let full = known[parent.id] { a.object?.inReplyTo = full }
            guard let text = describe(a, me: me) else { return nil }
            var n = a
            n.verb = verb
            n.content = HTMLText.escapeForPost(text)
            return n
        }
        return found.enumerated().sorted { x, y in
            let a = x.element.published ?? .distantPast, b = y.element.published ?? .distantPast
            return a != b ? a > b : x.offset < y.offset
        }.map { .activity($0.element) }
    }

    /// Replies and likes of my posts as their embedded collections list them (pump.io embeds the
    /// newest four of each in major feeds): found even when the activity itself is in none of
    /// the feeds read (an older reply; a like by someone I do not follow). Those the feeds have
    /// (the same reply, the same person liking the same post) are left out. A like carries no
    /// time, so it sorts after the dated notifications.
    static func fromCollections(of objects: [PumpObject], me: Me, besides found: [Activity]) -> [Activity] {
        let replies = Set(found.filter { $0.verb == .post || $0.verb == .create }.compactMap { $0.object?.id })
        let likes = Set(found.filter { $0.verb == .like || $0.verb == .favorite }.map { "\($0.actor?.id ?? "") \($0.object?.id ?? "")" })
        var posts = Set<String>()
        var out: [Activity] = []
        for post in objects where me.isMe(post.author) && posts.insert(post.id).inserted {
            for reply in post.replies?.items ?? [] where !replies.contains(reply.id) {
                var object = reply
                object.inReplyTo = post   // an embedded reply need not say what it answers
                var a = Activity(id: "reply \(reply.id)", verb: .post, actor: reply.author, object: object)
                a.published = reply.published
                out.append(a)
            }
            for person in post.likes?.people ?? [] where !likes.contains("\(person.id) \(post.id)") {
                out.append(Activity(id: "like \(person.id) \(post.id)", verb: .like, actor: person, object: post))
            }
        }
        return out
    }

    /// "Bob replied to your note “Hello…”", or nil when the activity is not meant for me.
    public static func describe(_ a: Activity, me: Me) -> String? {
        guard !me.isMe(a.actor) else { return nil }
        let who = a.actor?.label ?? "Someone"
        let object = a.object
        let mine = me.isMe(object?.author)
        switch a.verb {
        case .follow where me.isMe(a.objectPerson) || (object.map { $0.isPerson && $0.id == me.id } ?? false):
            return "\(who) started following you"
        case .like, .favorite:
            return mine ? "\(who) liked your \(noun(object))\(excerpt(object))" : nil
        case .share:
            return mine ? "\(who) shared your \(noun(object))\(excerpt(object))" : nil
        case .post, .create:
            // The server's welcome note is addressed to you, but no one wrote it.
            guard let o = object, a.actor?.isServerService != true else { return nil }
            let addressed = me.isAddressed(a.to) || me.isAddressed(o.to)
            let mentioned = me.isAddressed(a.cc) || me.isAddressed(o.cc)
            if let parent = o.inReplyTo, me.isMe(parent.author) {
                return "\(who) replied to your \(noun(parent))\(excerpt(parent))"
            }
            // A reply to someone else in a conversation I am in (pump.io addresses the thread's
            // people): say whose post it answers, not "you".
            if let parent = o.inReplyTo, let whose = parent.author, addressed || mentioned {
                return "\(who) replied to \(whose.label)’s \(noun(parent))\(excerpt(parent))"
            }
            if o.objectType == "comment", addressed { return "\(who) replied to you" }
            if addressed { return "\(who) sent you a direct message" }
            if mentioned { return "\(who) mentioned you" }
            return nil
        default:
            return nil
        }
    }

    /// A reply, mention or direct message: what the terminal cue (bell, desktop notification) is for.
    public static func isPersonal(_ item: FeedItem) -> Bool {
        guard let a = item.activity, a.verb == verb else { return false }
        let text = a.summaryLine
        return text.contains(" replied to ") || text.contains(" direct message") || text.hasSuffix(" mentioned you")
    }

    private static func noun(_ o: PumpObject?) -> String {
        TerminalText.clean(o?.objectType ?? "post", .line, maxLength: 30)
    }

    /// ` “first words…”` of a post, when the feed carried its text.
    private static func excerpt(_ o: PumpObject?) -> String {
        let text = o?.renderedContent.text.replacingOccurrences(of: "\n", with: " ") ?? ""
        guard !text.isEmpty else { return "" }
        return " “" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "”"
    }
}
