import Foundation
import Testing
@testable import PumpCore

/// Which activities are notifications and what their sentence says (issue 13).
@Suite struct NotificationsTests {
    let me = Notifications.Me(id: "http://h.example/api/user/alice/profile", webfinger: "alice@h.example")

    func items(_ json: String) -> [FeedItem] { Feed.decode(Data(json.utf8))!.items }

    static func person(_ nick: String) -> String {
        #"{"objectType":"person","id":"http://h.example/api/user/\#(nick)/profile","preferredUsername":"\#(nick)","displayName":"\#(nick.capitalized)"}"#
    }

    @Test func aReplyWithABareParentIdNamesThePostFromTheContext() {
        let reply = items(#"""
        {"items":[{"id":"r","verb":"post","published":"2026-03-10T10:00:00Z","actor":\#(Self.person("bob")),
          "to":[{"objectType":"person","id":"http://h.example/api/user/alice/profile"}],
          "object":{"objectType":"comment","id":"c1","content":"Nice","inReplyTo":{"id":"n1"}}}]}
        """#)
        let mine = items(#"""
        {"items":[{"id":"p","verb":"post","actor":\#(Self.person("alice")),
          "object":{"objectType":"note","id":"n1","content":"Zebra crossing","author":\#(Self.person("alice"))}}]}
        """#)
        let bare = Notifications.build(reply, me: me)
        #expect(bare.first?.activity?.summaryLine == "Bob replied to you")
        let named = Notifications.build(reply, me: me, context: mine)
        #expect(named.first?.activity?.summaryLine == "Bob replied to your note “Zebra crossing”")
        #expect(Notifications.isPersonal(named[0]))
    }

    /// pump.io's welcome note comes from the server's `service` actor, addressed to you (issue 24).
    @Test func theServersWelcomeNoteIsNoDirectMessage() {
        let welcome = items(#"""
        {"items":[{"id":"w","verb":"post","actor":{"objectType":"service","id":"http://h.example/api/service/AbC","displayName":"pump.io"},
          "to":[{"objectType":"person","id":"http://h.example/api/user/alice/profile"}],
          "object":{"objectType":"note","id":"n9","content":"Welcome to pump.io"}},
         {"id":"d","verb":"post","actor":\#(Self.person("bob")),
          "to":[{"objectType":"person","id":"http://h.example/api/user/alice/profile"}],
          "object":{"objectType":"note","id":"n8","content":"Psst"}}]}
        """#)
        #expect(Notifications.build(welcome, me: me).map { $0.activity?.summaryLine } == ["Bob sent you a direct message"])
    }

    @Test func othersActivitiesAndMyOwnAreLeftOut() {
        let feed = items(#"""
        {"items":[
         {"id":"1","verb":"like","actor":\#(Self.person("bob")),"object":{"objectType":"note","id":"x","author":\#(Self.person("carol"))}},
         {"id":"2","verb":"post","actor":\#(Self.person("alice")),"object":{"objectType":"note","id":"y","author":\#(Self.person("alice"))}},
         {"id":"3","verb":"share","actor":\#(Self.person("carol")),"object":{"objectType":"note","id":"z","content":"Mine","author":\#(Self.person("alice"))}},
         {"id":"3","verb":"share","actor":\#(Self.person("carol")),"object":{"objectType":"note","id":"z","content":"Mine","author":\#(Self.person("alice"))}}
        ]}
        """#)
        let built = Notifications.build(feed, me: me)
        #expect(built.map(\.id) == ["3"])
        #expect(built[0].activity?.summaryLine == "Carol shared your note “Mine”")
        #expect(!Notifications.isPersonal(built[0]))
    }

    /// My post's embedded collections (pump.io embeds the newest four replies and likes): each
    /// reply and like is a notification, unless a feed already brought that activity.
    static let myPost = #"""
    {"items":[{"id":"p1","verb":"post","published":"2026-03-10T09:00:00Z","actor":\#(person("alice")),
      "object":{"objectType":"note","id":"n1","content":"Zebra crossing","author":\#(person("alice")),
        "replies":{"totalItems":2,"items":[
          {"objectType":"comment","id":"c1","content":"Old reply","published":"2026-03-10T09:30:00Z","author":\#(person("bob"))},
          {"objectType":"comment","id":"c2","content":"Mine too","published":"2026-03-10T09:40:00Z","author":\#(person("alice"))}]},
        "likes":{"totalItems":1,"items":[\#(person("carol"))]}}}]}
    """#

    @Test func myPostsCollectionsBringRepliesAndLikes() {
        let built = Notifications.build([], me: me, context: items(Self.myPost))
        #expect(built.map { $0.activity?.summaryLine ?? "" } == ["Bob replied to your note “Zebra crossing”",
                                                                 "Carol liked your note “Zebra crossing”"])
        #expect(built[0].activity?.published != nil && built[1].activity?.published == nil)
        #expect(Notifications.isPersonal(built[0]) && !Notifications.isPersonal(built[1]))
    }

    @Test func aCollectionsItemTheFeedsHaveIsNotRepeated() {
        let feeds = items(#"""
        {"items":[
         {"id":"a1","verb":"post","published":"2026-03-10T09:30:00Z","actor":\#(Self.person("bob")),
          "object":{"objectType":"comment","id":"c1","content":"Old reply","inReplyTo":{"id":"n1"}}},
         {"id":"a2","verb":"like","actor":\#(Self.person("carol")),"object":{"objectType":"note","id":"n1","author":\#(Self.person("alice"))}}
        ]}
        """#)
        let built = Notifications.build(feeds, me: me, context: items(Self.myPost))
        #expect(built.map(\.id) == ["a1", "a2"])
        #expect(built[0].activity?.summaryLine == "Bob replied to your note “Zebra crossing”")
    }
}
