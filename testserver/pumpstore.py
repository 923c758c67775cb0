"""In-memory pump.io social data: users, objects, activities, feeds, and their JSON rendering.

Activities and objects are stored as plain records and rendered per request (the requester
changes `liked`, `pump_io.shared`, `pump_io.followed`), so large seeded inboxes stay cheap."""

import secrets
import threading
import time

PUBLIC = "http://activityschema.org/collection/public"
MINOR_VERBS_OBJECT_TYPES = ("comment", "collection")
PAST_TENSE = {"post": "posted", "share": "shared", "favorite": "favorited", "like": "liked",
              "unfavorite": "unfavorited", "unlike": "unliked", "unshare": "unshared",
              "delete": "deleted", "update": "updated", "follow": "followed",
              "stop-following": "stopped following", "create": "created",
              "add": "added", "remove": "removed"}


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def iso(ts):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def is_major(act):
    verb = act["verb"]
    if verb in ("share", "checkin"):
        return True
    if verb in ("post", "create"):
        return act.get("object_type") not in MINOR_VERBS_OBJECT_TYPES
    return False


class Store:
    def __init__(self, base):
        self.base = base            # "http://127.0.0.1:PORT"
        self.lock = threading.RLock()
        self.users = {}             # nick -> {nick, password, uuid, displayName, published}
        self.following = {}         # nick -> [nicks] (ordered)
        self.follow_seq = {}        # (follower, followed) -> when, so followers list newest first
        self.objects = {}           # id -> object record
        self.activities = {}        # id -> activity record
        self.inbox = {}             # nick -> [activity ids], oldest first
        self.direct = {}            # nick -> [activity ids]
        self.outbox = {}            # nick -> [activity ids]
        self.favorites = {}         # nick -> [object ids]
        self.uploads = {}           # path -> {bytes, type, object id}
        self.lists = {}             # nick -> [collection ids] (person lists), oldest first
        self.clock = time.time()

    # --- users ---------------------------------------------------------------------------------
    def add_user(self, nick):
        self.users[nick] = {"nick": nick, "password": nick + "-pass", "uuid": secrets.token_urlsafe(16),
                            "displayName": nick.capitalize(), "published": iso(time.time() - 86400)}
        for table in (self.following, self.inbox, self.direct, self.outbox, self.favorites, self.lists):
            table[nick] = []

    def check_password(self, nick, password):
        user = self.users.get(nick)
        return bool(user and secrets.compare_digest(user["password"], password))

    def person_id(self, nick):
        return f"{self.base}/api/user/{nick}/profile"

    def nick_for_person_id(self, pid):
        if not isinstance(pid, str):
            return None
        for prefix, suffix in ((f"{self.base}/api/user/", "/profile"), ("acct:", "")):
            if pid.startswith(prefix) and pid.endswith(suffix):
                rest = pid[len(prefix):len(pid) - len(suffix)] if suffix else pid[len(prefix):]
                nick = rest.split("@")[0] if prefix == "acct:" else rest
                if nick in self.users:
                    return nick
        for nick, user in self.users.items():
            if pid == f"{self.base}/api/person/{user['uuid']}":
                return nick
        return None

    def live_lists(self, nick):
        """The user's person lists that are not deleted, oldest first."""
        return [oid for oid in self.lists[nick] if not self.objects[oid]["deleted"]]

    def list_members(self, oid):
        """Nicks in a list (empty for anything that is not a live list)."""
        rec = self.objects.get(oid)
        if rec is None or rec["objectType"] != "collection" or rec["deleted"]:
            return []
        return list(rec.get("members", []))

    def followers_of(self, nick):
        """Oldest follow first, as pump.io's followers stream (served newest first)."""
        return sorted((n for n, fl in self.following.items() if nick in fl),
                      key=lambda n: self.follow_seq.get((n, nick), 0))

    def now(self):
        """Publication clock that never runs backwards."""
        self.clock = max(self.clock, time.time())
        return self.clock

    # --- rendering -----------------------------------------------------------------------------
    def person(self, nick, viewer=None, full=True):
        u = self.users[nick]
        b = self.base
        p = {"objectType": "person", "id": self.person_id(nick), "preferredUsername": nick,
             "displayName": u["displayName"], "url": f"{b}/{nick}",
             "published": u["published"], "updated": u["published"],
             "links": {"self": {"href": f"{b}/api/person/{u['uuid']}"},
                       "activity-inbox": {"href": f"{b}/api/user/{nick}/inbox"},
                       "activity-outbox": {"href": f"{b}/api/user/{nick}/feed"}}}
        if full:
            p.update({
                "summary": u.get("summary", f"Test user {nick}"),
                "followers": {"url": f"{b}/api/user/{nick}/followers",
                              "totalItems": len(self.followers_of(nick))},
                "following": {"url": f"{b}/api/user/{nick}/following",
                              "totalItems": len(self.following[nick])},
                "favorites": {"url": f"{b}/api/user/{nick}/favorites",
                              "totalItems": len(self.favorites[nick])},
                "lists": {"url": f"{b}/api/user/{nick}/lists/person",
                          "totalItems": len(self.live_lists(nick))}})
            for key in ("location", "image"):   # set by a profile PUT
                if key in u:
                    p[key] = u[key]
            if "pump_io" in u:
                p["pump_io"] = dict(u["pump_io"])
            if viewer:
                p.setdefault("pump_io", {})["followed"] = nick in self.following.get(viewer, [])
        return p

    def obj(self, oid, viewer=None, detail=False):
        o = self.objects[oid]
        out = {"objectType": o["objectType"], "id": oid, "author": self.person(o["author"], full=False),
               "published": o["published"], "updated": o["updated"]}
        if o.get("inReplyTo"):
            parent = self.objects.get(o["inReplyTo"])
            out["inReplyTo"] = ({"id": parent["id"], "objectType": parent["objectType"]}
                                if parent else {"id": o["inReplyTo"]})
        if o["deleted"]:
            out["deleted"] = o["deleted"]
            return out
        for key in ("displayName", "content", "image", "fullImage", "objectTypes"):
            if o.get(key) is not None:
                out[key] = o[key]
        if "members" in o:
            # pump.io's Collection.expandFeeds: the count, the URL, up to 4 members.
            m = {"url": f"{oid}/members", "totalItems": len(o["members"])}
            if detail and o["members"]:
                m["items"] = [self.person(n, full=False) for n in list(reversed(o["members"]))[:4]]
            out["members"] = m
        out["url"] = f"{self.base}/{o['author']}/{o['objectType']}/{o['uuid']}"
        out["links"] = {"self": {"href": oid}}
        for coll in ("likes", "replies", "shares"):
            members = o[coll]
            c = {"url": f"{oid}/{coll}", "totalItems": len(members)}
            if detail:
                recent = list(reversed(members))[:4]
                c["items"] = ([self.obj(r, viewer) for r in recent] if coll == "replies"
                              else [self.person(n, full=False) for n in recent])
            out[coll] = c
        if detail and viewer:
            out["liked"] = viewer in o["likes"]
            out["pump_io"] = {"shared": viewer in o["shares"]}
        return out

    def activity(self, aid, viewer=None, detail=False):
        a = self.activities[aid]
        b = self.base
        out = {"id": aid, "verb": a["verb"], "actor": self.person(a["actor"], full=False),
               "published": a["published"], "updated": a["published"],
               "content": a["content"], "url": f"{b}/{a['actor']}/activity/{a['uuid']}",
               "links": {"self": {"href": aid}}}
        if a.get("object_nick"):
            out["object"] = self.person(a["object_nick"], viewer)
        elif a.get("object_id") in self.objects:
            out["object"] = self.obj(a["object_id"], viewer, detail)
        for key in ("to", "cc"):
            out[key] = a.get(key) or []
        if viewer == a["actor"]:
            for key in ("bto", "bcc"):
                if a.get(key):
                    out[key] = a[key]
        if a.get("generator"):
            out["generator"] = a["generator"]
        if a.get("target_id") in self.objects:
            out["target"] = self.obj(a["target_id"], viewer)
        return out

    # --- visibility ----------------------------------------------------------------------------
    def can_see_activity(self, aid, viewer):
        a = self.activities[aid]
        return a["public"] or viewer == a["actor"] or (viewer is not None and viewer in a["recipients"])

    def can_see_object(self, oid, viewer):
        o = self.objects[oid]
        if viewer == o["author"]:
            return True
        return any(self.can_see_activity(aid, viewer) for aid in o["activities"])
