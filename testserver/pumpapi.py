"""The signed /api/* routes: users, feeds with pump.io paging, objects, collections, uploads."""

import re
import secrets
import struct
import time
from urllib.parse import quote

from pumpstore import ApiError, is_major


def enc(value):
    """encodeURIComponent, as pump.io builds its paging links."""
    return quote(value, safe="-_.!~*'()")


class Reply:
    def __init__(self, status=200, json=None, headers=None, body=None, content_type=None):
        self.status, self.json, self.headers = status, json, headers or {}
        self.body, self.content_type = body, content_type


class Ctx:
    """One API request after OAuth: who asks (user is None for 2-legged) and what."""

    def __init__(self, method, path, query, body, content_type, client, user, client_name):
        self.method, self.path, self.query, self.body = method, path, query, body
        self.content_type, self.client, self.user = content_type, client, user
        self.client_name = client_name

    def generator(self, creds_type):
        return {"objectType": "service" if creds_type == "web" else "application",
                "displayName": self.client_name or "unnamed client", "id": f"urn:uuid:{self.client}"}


FEED_RE = re.compile(r"^/api/user/([A-Za-z0-9._-]+)/(feed|inbox)(?:/(direct))?(?:/(major|minor))?$")
USER_RE = re.compile(r"^/api/user/([A-Za-z0-9._-]+)(/profile)?$")
COLL_RE = re.compile(r"^/api/user/([A-Za-z0-9._-]+)/(followers|following|favorites|uploads|lists/person)$")
OBJ_RE = re.compile(r"^/api/([a-z]+)/([A-Za-z0-9_-]+)(?:/(likes|replies|shares|members))?$")
# pump.io's `/api/<type>/replies?id=ID` (requestObjectByID): an object's replies by its id, which
# is how clients read a remote object's replies on their own server (issue 24).
REPLIES_BY_ID_RE = re.compile(r"^/api/([a-z]+)/replies$")


def page(items, query, url, id_of=lambda x: x):
    """pump.io paging over a newest-first list; returns (slice, links)."""
    try:
        count = int(query.get("count", "20"))
    except ValueError:
        raise ApiError(400, "Count must be a number")
    if not 0 <= count <= 200:
        raise ApiError(400, "Count must be between 0 and 200")
    given = [k for k in ("before", "since", "offset") if k in query]
    if len(given) > 1:
        raise ApiError(400, "Only one of before, since and offset is allowed")
    ids = [id_of(x) for x in items]

    def position(key):
        try:
            return ids.index(query[key])
        except ValueError:
            raise ApiError(400, f"id '{query[key]}' not found in stream 'stream'")  # pump.io's NotInStreamError
    if "before" in query:
        start = position("before") + 1
        chunk = items[start:start + count]
    elif "since" in query:
        newer = items[:position("since")]
        start = max(0, len(newer) - count)
        chunk = newer[start:]
    elif "offset" in query:
        try:
            start = int(query["offset"])
        except ValueError:
            raise ApiError(400, "Offset must be a number")
        if start < 0:
            raise ApiError(400, "Offset must be >= 0")
        chunk = items[start:start + count]
    else:
        start, chunk = 0, items[:count]
    self_q = "&".join(f"{k}={enc(query[k])}" for k in ("count", "before", "since", "offset")
                      if k in query)
    links = {"first": {"href": url}, "self": {"href": url + ("?" + self_q if self_q else "")}}
    if chunk:
        links["prev"] = {"href": f"{url}?since={enc(id_of(chunk[0]))}"}
        more = start + len(chunk) < len(items)
        if more or "since" in query:
            links["next"] = {"href": f"{url}?before={enc(id_of(chunk[-1]))}"}
    return chunk, links


class Api:
    def __init__(self, store, verbs, creds):
        self.s, self.verbs, self.creds = store, verbs, creds

    def handle(self, ctx):
        p = ctx.path
        if p == "/api/whoami":
            self._need_user(ctx)
            return Reply(302, headers={"Location": self.s.person_id(ctx.user)})
        m = FEED_RE.match(p)
        if m:
            return self.feed(ctx, *m.groups())
        m = USER_RE.match(p)
        if m:
            return self.user(ctx, m.group(1), bool(m.group(2)))
        m = COLL_RE.match(p)
        if m:
            return self.collection(ctx, m.group(1), m.group(2))
        m = REPLIES_BY_ID_RE.match(p)
        if m:
            return self.replies_by_id(ctx, m.group(1))
        m = OBJ_RE.match(p)
        if m:
            return self.object(ctx, *m.groups())
        raise ApiError(404, f"No such endpoint: {p}")

    # --- helpers ---------------------------------------------------------------------------------
    def _need_user(self, ctx, nick=None):
        if ctx.user is None:
            raise ApiError(401, "Not logged in.")
        if nick is not None and ctx.user != nick:
            # pump.io's sameUser middleware: another user's inbox, feed or uploads (issue 24).
            raise ApiError(401, "Not authorized")

    def _known(self, nick):
        if nick not in self.s.users:
            # pump.io's words; nicknames are case-sensitive there too (`Alice` is not alice).
            raise ApiError(404, f"No such 'user' with id '{nick}'")

    def _json_body(self, ctx):
        import json
        if not (ctx.content_type or "").startswith("application/json"):
            raise ApiError(400, "Expected application/json body")
        try:
            return json.loads(ctx.body.decode("utf-8") or "null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "Malformed JSON body")

    def _create(self, ctx, body):
        client = self.creds.clients.get(ctx.client, {})
        return self.verbs.create(ctx.user, body, ctx.generator(client.get("type")))

    # --- users -----------------------------------------------------------------------------------
    def user(self, ctx, nick, profile):
        self._known(nick)
        if ctx.method == "PUT" and profile:
            return self.put_profile(ctx, nick)
        if ctx.method != "GET":
            raise ApiError(405, "Method not allowed")
        person = self.s.person(nick, ctx.user)
        if profile:
            return Reply(json=person)
        u = self.s.users[nick]
        return Reply(json={"nickname": nick, "published": u["published"], "updated": u["published"],
                           "profile": person})

    # Person properties a profile PUT may change (pump.io merges the body into the person; these
    # are the ones its web UI and pumptui send).
    PROFILE_FIELDS = {"displayName": str, "summary": str, "location": dict, "image": dict, "pump_io": dict}

    def put_profile(self, ctx, nick):
        """pump.io's PUT /api/user/NICK/profile: only the user (another user's token: 401 "Not
        authorized", as its userWriteOAuth answers), a partial body merged into the person; the
        answer is the person. (The real server also posts an `update` activity; nothing here
        reads it.)"""
        self._need_user(ctx)
        if ctx.user != nick:
            raise ApiError(401, "Not authorized")
        body = self._json_body(ctx)
        if not isinstance(body, dict):
            raise ApiError(400, "Expected a person")
        u = self.s.users[nick]
        for key, kind in self.PROFILE_FIELDS.items():
            if isinstance(body.get(key), kind):
                u[key] = body[key]
        return Reply(json=self.s.person(nick, ctx.user))

    # --- feeds -----------------------------------------------------------------------------------
    def feed(self, ctx, nick, kind, direct, sub):
        self._known(nick)
        s = self.s
        url = f"{s.base}/api/user/{nick}/{kind}" + (f"/{direct}" if direct else "") + (f"/{sub}" if sub else "")
        if ctx.method == "POST":
            if kind != "feed" or direct:
                raise ApiError(400, "Can't post to an inbox")
            self._need_user(ctx, nick)
            body = self._json_body(ctx)
            if sub and isinstance(body, dict):
                probe = {"verb": body.get("verb") or "post",
                         "object_type": (body.get("object") or {}).get("objectType")
                         if isinstance(body.get("object"), dict) else None}
                if is_major(probe) != (sub == "major"):
                    raise ApiError(400, f"This feed only accepts {sub} activities")
            aid = self._create(ctx, body)
            return Reply(json=s.activity(aid, ctx.user, detail=True))
        if ctx.method != "GET":
            raise ApiError(405, "Method not allowed")
        if kind == "inbox":
            self._need_user(ctx, nick)
            ids = s.direct[nick] if direct else s.inbox[nick]
        else:
            ids = s.outbox[nick]
            if ctx.user != nick:
                ids = [a for a in ids if s.can_see_activity(a, ctx.user)]
        if sub:
            want = sub == "major"
            acts = s.activities
            ids = [a for a in ids if acts[a]["major"] == want]
        newest_first = ids[::-1]
        chunk, links = page(newest_first, ctx.query, url)
        detail = sub == "major"
        owner = s.users[nick]["displayName"]
        return Reply(json={"displayName": f"Activities for {owner}", "objectTypes": ["activity"],
                           "url": url, "author": s.person(nick, full=False),
                           "totalItems": len(ids), "links": links,
                           "items": [s.activity(a, ctx.user, detail) for a in chunk]})

    # --- user collections ------------------------------------------------------------------------
    def collection(self, ctx, nick, which):
        self._known(nick)
        s = self.s
        url = f"{s.base}/api/user/{nick}/{which}"
        if which == "uploads":
            self._need_user(ctx, nick)
            if ctx.method != "POST":
                raise ApiError(405, "Method not allowed")
            return self.upload(ctx, nick)
        if which == "following" and ctx.method == "POST":
            self._need_user(ctx, nick)
            ref = self._json_body(ctx)
            aid = self._create(ctx, {"verb": "follow", "object": ref})
            return Reply(json=s.person(s.activities[aid]["object_nick"], ctx.user))
        if which == "favorites" and ctx.method == "POST":
            self._need_user(ctx, nick)
            ref = self._json_body(ctx)
            aid = self._create(ctx, {"verb": "favorite", "object": ref})
            return Reply(json=s.obj(s.activities[aid]["object_id"], ctx.user, detail=True))
        if ctx.method != "GET":
            raise ApiError(405, "Method not allowed")
        if which == "lists/person":
            # Newest first, like pump.io's userLists stream; others see only what they may.
            oids = [o for o in reversed(s.live_lists(nick)) if s.can_see_object(o, ctx.user)]
            q = {k: v for k, v in ctx.query.items() if k in ("count", "offset")}
            chunk, _ = page(oids, q, url)
            return Reply(json={"displayName": f"Collections of persons for {nick}",
                               "objectTypes": ["collection"], "url": url, "totalItems": len(oids),
                               "links": {"self": {"href": url}},
                               "items": [s.obj(o, ctx.user, detail=True) for o in chunk]})
        if which == "favorites":
            oids = [o for o in reversed(s.favorites[nick]) if s.can_see_object(o, ctx.user)]
            q = {k: v for k, v in ctx.query.items() if k in ("count", "offset")}
            chunk, _ = page(oids, q, url)
            return Reply(json={"displayName": f"Things that {nick} has favorited",
                               "objectTypes": ["note", "comment", "image"], "url": url,
                               "totalItems": len(oids), "links": {"self": {"href": url}},
                               "items": [s.obj(o, ctx.user, detail=True) for o in chunk]})
        nicks = s.following[nick] if which == "following" else s.followers_of(nick)
        people = list(reversed(nicks))
        chunk, links = page(people, ctx.query, url, id_of=s.person_id)
        links.pop("first", None)
        links["current"] = {"href": url}
        return Reply(json={"displayName": f"{which.capitalize()} of {nick}",
                           "objectTypes": ["person"], "url": url, "totalItems": len(people),
                           "links": links, "items": [s.person(n, ctx.user) for n in chunk]})

    def upload(self, ctx, nick):
        ctype = (ctx.content_type or "").split(";")[0].strip()
        if not ctype.startswith("image/"):
            raise ApiError(400, "Only image uploads are supported here")
        # pump.io's MIME map knows these; any other type is stored as .bin, which it then
        # cannot serve (500 to everyone; issue 24 item 3).
        ext = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}.get(ctype, "bin")
        t = time.gmtime()
        stem = f"{nick}/{t.tm_year}/{t.tm_mon}/{t.tm_mday}/{secrets.token_urlsafe(6)}"
        full, thumb = f"/uploads/{stem}.{ext}", f"/uploads/{stem}_thumb.{ext}"
        width, height = image_size(ctx.body)
        base = self.s.base
        rec = self.verbs.new_object(nick, "image", {
            "image": {"url": base + thumb, "width": min(width, 320), "height": min(height, 320)},
            "fullImage": {"url": base + full, "width": width, "height": height}})
        for path in (full, thumb):
            self.s.uploads[path] = {"bytes": ctx.body, "type": ctype, "object": rec["id"]}
        return Reply(json=self.s.obj(rec["id"], ctx.user, detail=True))

    # --- objects ---------------------------------------------------------------------------------
    def object(self, ctx, otype, uuid, sub):
        s = self.s
        if otype == "person" and not sub:
            nick = next((n for n, u in s.users.items() if u["uuid"] == uuid), None)
            if nick is None:
                raise ApiError(404, "No such person")
            return Reply(json=s.person(nick, ctx.user))
        if otype == "activity" and not sub:
            aid = f"{s.base}/api/activity/{uuid}"
            if aid not in s.activities:
                raise ApiError(404, "No such activity")
            if not s.can_see_activity(aid, ctx.user):
                raise ApiError(403, "Only the actor and recipients can view this activity.")
            return Reply(json=s.activity(aid, ctx.user, detail=True))
        oid = f"{s.base}/api/{otype}/{uuid}"
        rec = s.objects.get(oid)
        if rec is None:
            raise ApiError(404, f"No {otype} with id {uuid}")
        if not s.can_see_object(oid, ctx.user):
            raise ApiError(403, "Only the author and recipients can view this object.")
        if rec["deleted"]:
            return Reply(410, json={"error": "Deleted"})
        if sub == "members" and ctx.method == "POST":
            # pump.io's newMember: the author adds a person; the reply is the person.
            self._need_user(ctx, rec["author"])
            ref = self._json_body(ctx)
            self._create(ctx, {"verb": "add", "object": ref,
                               "target": {"id": oid, "objectType": "collection"}})
            return Reply(json=s.person(s.nick_for_person_id(ref.get("id")), ctx.user))
        if sub:
            if sub not in rec:
                raise ApiError(404, f"No {sub} of {oid}")
            return self.object_collection(ctx, rec, sub)
        ref = {"id": oid, "objectType": otype}
        if ctx.method == "PUT":
            self._need_user(ctx)
            body = self._json_body(ctx)
            if isinstance(body, dict):
                ref.update({k: body[k] for k in ("content", "displayName") if k in body})
            self._create(ctx, {"verb": "update", "object": ref})
        elif ctx.method == "DELETE":
            self._need_user(ctx)
            self._create(ctx, {"verb": "delete", "object": ref})
            return Reply(json="Deleted")
        elif ctx.method != "GET":
            raise ApiError(405, "Method not allowed")
        return Reply(json=s.obj(oid, ctx.user, detail=True))

    def replies_by_id(self, ctx, otype):
        """pump.io's answers: 400 without `id`, 404 for an id it does not know, 403 for one the
        reader may not see; else the object's replies, paged by `count`/`offset`."""
        oid = ctx.query.get("id")
        if not oid:
            raise ApiError(400, "'id' required")
        rec = self.s.objects.get(oid)
        if rec is None or rec["objectType"] != otype:
            raise ApiError(404, f"Can't find a {otype} with ID = {oid}")
        if not self.s.can_see_object(oid, ctx.user):
            raise ApiError(403, "Only the author and recipients can view this object.")
        if rec["deleted"]:
            return Reply(410, json={"error": "Deleted"})
        if ctx.method != "GET":
            raise ApiError(405, "Method not allowed")
        return self.object_collection(ctx, rec, "replies")

    def object_collection(self, ctx, rec, sub):
        s = self.s
        url = f"{rec['id']}/{sub}"
        members = list(reversed(rec[sub]))
        q = {k: v for k, v in ctx.query.items() if k in ("count", "offset")}
        chunk, _ = page(members, q, url)
        if sub == "replies":
            items = [s.obj(o, ctx.user) for o in chunk]
            types = ["comment"]
        else:
            items = [s.person(n, ctx.user) for n in chunk]
            types = ["person"]
        return Reply(json={"displayName": f"{sub} of {rec['id']}", "objectTypes": types, "url": url,
                           "totalItems": len(members), "items": items,
                           "links": {"self": {"href": url}}})


def image_size(data):
    """Width and height of a PNG or GIF (enough for test fixtures); 1x1 otherwise."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    return 1, 1
