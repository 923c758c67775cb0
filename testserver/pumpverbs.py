"""Creating activities: verbs, default addressing, delivery and the generated summary sentence."""

import html
import secrets

from pumpstore import PUBLIC, PAST_TENSE, ApiError, is_major, iso

OBJECT_TYPES = ("note", "comment", "image", "article", "file", "audio", "video", "collection")
ARTICLE = {"note": "a note", "comment": "a comment", "image": "a picture", "person": "",
           "article": "an article"}


def _addr_list(value):
    if value is None:
        return []
    if not isinstance(value, list):
        raise ApiError(400, "Addresses must be arrays")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise ApiError(400, "Invalid address")
        out.append({"id": item["id"], "objectType": item.get("objectType", "collection")})
    return out


class Verbs:
    def __init__(self, store):
        self.s = store

    # --- objects ---------------------------------------------------------------------------------
    def new_object(self, author, otype, fields, published=None):
        s = self.s
        uuid = secrets.token_urlsafe(16)
        oid = f"{s.base}/api/{otype}/{uuid}"
        ts = iso(published or s.now())
        rec = {"id": oid, "uuid": uuid, "objectType": otype, "author": author, "published": ts,
               "updated": ts, "deleted": None, "likes": [], "shares": [], "replies": [],
               "activities": [], "posted": False, "inReplyTo": None}
        for key in ("content", "displayName", "image", "fullImage"):
            if fields.get(key) is not None:
                rec[key] = fields[key]
        if otype == "collection":
            self._new_list(author, rec, fields)
        s.objects[oid] = rec
        return rec

    # --- person lists (pump.io's Collection.isList / checkList / afterCreate) ----------------------
    def _new_list(self, author, rec, fields):
        types = fields.get("objectTypes")
        name = fields.get("displayName")
        if not (isinstance(types, list) and len(types) == 1 and isinstance(name, str) and name):
            return  # a plain collection, not a list
        self._check_list_name(author, name, types)
        rec["objectTypes"] = list(types)
        rec["members"] = []
        if types == ["person"]:
            self.s.lists[author].append(rec["id"])

    def _check_list_name(self, author, name, types, own_id=None):
        for other in self.s.objects.values():
            if (other["author"] == author and other.get("objectTypes") == types and not other["deleted"]
                    and other.get("displayName") == name and other["id"] != own_id):
                raise ApiError(400, f"Already have a(n) 'A folder for '{','.join(types)}' named '{name}' already exists.'")

    def _list_target(self, actor, act, ref, verb):
        """The list an add/remove changes: must exist, be the actor's, and hold people."""
        target = act.get("target")
        if not isinstance(target, dict) or not isinstance(target.get("id"), str):
            raise ApiError(400, f"No target for {verb}")
        rec = self.s.objects.get(target["id"])
        if rec is None or "members" not in rec or rec["deleted"]:
            raise ApiError(400, f"Can't {verb} to {target['id']}: no such list.")
        if rec["author"] != actor:
            raise ApiError(400, f"Can't {verb} to {target['id']}: not author.")
        if ref.get("objectType", "person") not in rec["objectTypes"]:
            raise ApiError(400, f"Can't {verb} to {target['id']}: incorrect type.")
        act["target_id"] = rec["id"]
        return rec

    def _lookup(self, ref, must_exist=True):
        if not isinstance(ref, dict) or not isinstance(ref.get("id"), str):
            raise ApiError(400, "No object id")
        rec = self.s.objects.get(ref["id"])
        if rec is None:
            if must_exist:
                raise ApiError(400, f"No {ref.get('objectType', 'object')} with id {ref['id']}")
            return None
        if ref.get("objectType") and ref["objectType"] != rec["objectType"]:
            raise ApiError(400, f"Wrong objectType for {ref['id']}")
        return rec

    # --- entry point -----------------------------------------------------------------------------
    def create(self, actor, body, generator=None, published=None):
        """Create an activity from a client's JSON body; returns its id."""
        s = self.s
        if not isinstance(body, dict):
            raise ApiError(400, "Activity must be a JSON object")
        if body.get("actor") is not None:
            given = body["actor"].get("id") if isinstance(body["actor"], dict) else None
            if s.nick_for_person_id(given) != actor:
                raise ApiError(400, "Invalid actor")
        verb = body.get("verb") or "post"
        addr = {k: _addr_list(body.get(k)) for k in ("to", "cc", "bto", "bcc")}
        if not isinstance(verb, str) or not verb:
            raise ApiError(400, "Invalid verb")
        handler = getattr(self, "_verb_" + verb.replace("-", "_"), self._verb_other)
        ref = body.get("object")
        if not isinstance(ref, dict):
            raise ApiError(400, "No object")
        act = {"verb": verb, "actor": actor, "object_id": None, "object_nick": None,
               "generator": generator, "target": body.get("target")}
        default_addr, extra_recipients = handler(actor, ref, act, published)
        if not any(addr.values()):
            addr = default_addr
        return self._finish(act, addr, extra_recipients, published)

    def _finish(self, act, addr, extra_recipients, published):
        s = self.s
        uuid = secrets.token_urlsafe(16)
        aid = f"{s.base}/api/activity/{uuid}"
        act.update({"id": aid, "uuid": uuid, "published": iso(published or s.now()), **addr})
        obj = s.objects.get(act["object_id"]) if act["object_id"] else None
        act["object_type"] = obj["objectType"] if obj else ("person" if act["object_nick"] else None)
        act["major"] = is_major(act)  # precomputed: feeds filter thousands of items per request
        act["content"] = self._sentence(act, obj)
        direct, recipients, public = self._resolve(act, addr)
        recipients |= set(extra_recipients)
        recipients.discard(act["actor"])
        act["recipients"] = recipients
        act["public"] = public
        s.activities[aid] = act
        if obj is not None:
            obj["activities"].append(aid)
        s.outbox[act["actor"]].append(aid)
        s.inbox[act["actor"]].append(aid)
        for nick in sorted(recipients):
            s.inbox[nick].append(aid)
        for nick in sorted(direct - {act["actor"]}):
            s.direct[nick].append(aid)
        return aid

    def _resolve(self, act, addr):
        s = self.s
        direct, recipients, public = set(), set(), False
        followers_url = f"{s.base}/api/user/{act['actor']}/followers"
        for key in ("to", "cc", "bto", "bcc"):
            for item in addr.get(key, []):
                if item["id"] == PUBLIC:
                    public = True
                    recipients |= set(s.followers_of(act["actor"]))
                elif item["id"] == followers_url:
                    recipients |= set(s.followers_of(act["actor"]))
                elif item["id"] in s.lists[act["actor"]]:
                    # pump.io's distributor.toList: only the author's own lists expand, to
                    # their members (each as if addressed alone, so `to` is direct).
                    members = set(s.list_members(item["id"]))
                    recipients |= members
                    if key in ("to", "bto"):
                        direct |= members
                else:
                    nick = s.nick_for_person_id(item["id"])
                    if nick:
                        recipients.add(nick)
                        if key in ("to", "bto"):
                            direct.add(nick)
        return direct, recipients, public

    def _sentence(self, act, obj):
        s = self.s
        actor = s.users[act["actor"]]
        who = f"<a href='{s.base}/{act['actor']}'>{html.escape(actor['displayName'])}</a>"
        verb = PAST_TENSE.get(act["verb"], act["verb"])
        if act["object_nick"]:
            target = s.users[act["object_nick"]]
            what = f"<a href='{s.base}/{target['nick']}'>{html.escape(target['displayName'])}</a>"
        elif obj is not None:
            url = f"{s.base}/{obj['author']}/{obj['objectType']}/{obj['uuid']}"
            what = f"<a href='{url}'>{ARTICLE.get(obj['objectType'], 'a ' + obj['objectType'])}</a>"
        else:
            what = "something"
        sentence = f"{who} {verb} {what}"
        if obj is not None and obj.get("inReplyTo") and act["verb"] == "post":
            parent = s.objects.get(obj["inReplyTo"])
            if parent:
                url = f"{s.base}/{parent['author']}/{parent['objectType']}/{parent['uuid']}"
                sentence += f" in reply to <a href='{url}'>{ARTICLE.get(parent['objectType'], 'a post')}</a>"
        return sentence

    def _followers_addr(self, actor):
        return {"to": [], "cc": [{"objectType": "collection",
                                  "id": f"{self.s.base}/api/user/{actor}/followers"}],
                "bto": [], "bcc": []}

    def _inherited_addr(self, actor, obj, add_author=False):
        """Copy the addresses of the activity that posted obj (minus the actor)."""
        s = self.s
        post = next((s.activities[a] for a in obj["activities"]
                     if s.activities[a]["verb"] == "post"), None)
        addr = {k: [] for k in ("to", "cc", "bto", "bcc")}
        if post:
            me = s.person_id(actor)
            for k in ("to", "cc"):
                addr[k] = [x for x in post.get(k, []) if x["id"] != me]
        if add_author and obj["author"] != actor:
            addr["to"].append({"objectType": "person", "id": s.person_id(obj["author"])})
        if not any(addr.values()):
            addr = self._followers_addr(actor)
        return addr

    # --- verbs -----------------------------------------------------------------------------------
    def _verb_post(self, actor, ref, act, published):
        s = self.s
        existing = s.objects.get(ref.get("id")) if isinstance(ref.get("id"), str) else None
        if existing is not None:
            # An uploaded object: pump.io keeps the stored copy (title/description are dropped).
            if existing["author"] != actor:
                raise ApiError(400, "Not author")
            if existing["posted"]:
                raise ApiError(500, "Already posted")
            obj = existing
        else:
            otype = ref.get("objectType")
            if otype not in OBJECT_TYPES:
                raise ApiError(400, f"Unknown objectType: {otype}")
            obj = self.new_object(actor, otype, ref, published)
            if otype == "comment":
                parent = self._lookup(ref.get("inReplyTo"))
                if parent["deleted"]:
                    raise ApiError(400, "Can't reply to a deleted object")
                obj["inReplyTo"] = parent["id"]
        obj["posted"] = True
        act["object_id"] = obj["id"]
        extra = []
        if obj.get("inReplyTo"):
            parent = s.objects[obj["inReplyTo"]]
            parent["replies"].append(obj["id"])
            extra.append(parent["author"])
            return self._inherited_addr(actor, parent, add_author=True), extra
        return self._followers_addr(actor), extra

    _verb_create = _verb_post

    def _verb_favorite(self, actor, ref, act, published):
        obj = self._lookup(ref)
        if actor in obj["likes"]:
            raise ApiError(400, "Already favorited")
        obj["likes"].append(actor)
        self.s.favorites[actor].append(obj["id"])
        act["object_id"] = obj["id"]
        return self._inherited_addr(actor, obj), [obj["author"]]

    _verb_like = _verb_favorite

    def _verb_unfavorite(self, actor, ref, act, published):
        obj = self._lookup(ref)
        if actor not in obj["likes"]:
            raise ApiError(400, "Not favorited")
        obj["likes"].remove(actor)
        self.s.favorites[actor].remove(obj["id"])
        act["object_id"] = obj["id"]
        return self._inherited_addr(actor, obj), [obj["author"]]

    _verb_unlike = _verb_unfavorite

    def _verb_share(self, actor, ref, act, published):
        obj = self._lookup(ref)
        if actor in obj["shares"]:
            raise ApiError(400, "Already shared")
        obj["shares"].append(actor)
        act["object_id"] = obj["id"]
        return self._followers_addr(actor), [obj["author"]]

    def _verb_unshare(self, actor, ref, act, published):
        obj = self._lookup(ref)
        if actor not in obj["shares"]:
            raise ApiError(400, "Not shared")
        obj["shares"].remove(actor)
        act["object_id"] = obj["id"]
        return self._followers_addr(actor), []

    def _verb_delete(self, actor, ref, act, published):
        obj = self._lookup(ref)
        if obj["author"] != actor:
            raise ApiError(400, f"Can't delete {obj['id']}: not author.")
        if obj["deleted"]:
            raise ApiError(400, "Already deleted")
        obj["deleted"] = iso(self.s.now())
        obj["updated"] = obj["deleted"]
        act["object_id"] = obj["id"]
        return self._inherited_addr(actor, obj), []

    def _verb_update(self, actor, ref, act, published):
        obj = self._lookup(ref)
        if obj["author"] != actor:
            raise ApiError(400, f"Can't update {obj['id']}: not author.")
        if obj["deleted"]:
            raise ApiError(400, "Deleted")
        if "members" in obj and isinstance(ref.get("displayName"), str):
            if not ref["displayName"]:
                raise ApiError(400, "A list needs a name")
            self._check_list_name(actor, ref["displayName"], obj["objectTypes"], own_id=obj["id"])
        for key in ("content", "displayName"):
            if key in ref:
                obj[key] = ref[key]
        obj["updated"] = iso(self.s.now())
        act["object_id"] = obj["id"]
        return self._inherited_addr(actor, obj), []

    def _verb_other(self, actor, ref, act, published):
        """Any other verb (pump.io accepts custom ones): refer to an existing object or person,
        or store a new object of a known type; no side effects."""
        nick = self.s.nick_for_person_id(ref.get("id"))
        if nick:
            act["object_nick"] = nick
            return self._followers_addr(actor), []
        obj = self._lookup(ref, must_exist=False)
        if obj is None:
            if ref.get("objectType") not in OBJECT_TYPES:
                raise ApiError(400, f"Unknown objectType: {ref.get('objectType')}")
            obj = self.new_object(actor, ref["objectType"], ref, published)
        act["object_id"] = obj["id"]
        return self._followers_addr(actor), []

    def _verb_add(self, actor, ref, act, published):
        nick = self._person_ref(ref)
        rec = self._list_target(actor, act, ref, "add")
        if nick not in rec["members"]:
            rec["members"].append(nick)
        act["object_nick"] = nick
        return self._followers_addr(actor), []

    def _verb_remove(self, actor, ref, act, published):
        nick = self._person_ref(ref)
        rec = self._list_target(actor, act, ref, "remove")
        if nick not in rec["members"]:
            raise ApiError(400, f"{ref.get('id')} is not in {rec['id']}")
        rec["members"].remove(nick)
        act["object_nick"] = nick
        return self._followers_addr(actor), []

    def _person_ref(self, ref):
        nick = self.s.nick_for_person_id(ref.get("id"))
        if nick is None:
            raise ApiError(400, f"Unknown person: {ref.get('id')}")
        return nick

    def _verb_follow(self, actor, ref, act, published):
        nick = self._person_ref(ref)
        if nick == actor:
            raise ApiError(400, "Can't follow yourself")
        if nick not in self.s.following[actor]:
            self.s.following[actor].append(nick)
            self.s.follow_seq[(actor, nick)] = len(self.s.follow_seq) + 1
        act["object_nick"] = nick
        addr = self._followers_addr(actor)
        addr["to"] = [{"objectType": "person", "id": self.s.person_id(nick)}]
        return addr, []

    def _verb_stop_following(self, actor, ref, act, published):
        nick = self._person_ref(ref)
        if nick not in self.s.following[actor]:
            raise ApiError(400, "Not following")
        self.s.following[actor].remove(nick)
        act["object_nick"] = nick
        addr = self._followers_addr(actor)
        addr["to"] = [{"objectType": "person", "id": self.s.person_id(nick)}]
        return addr, []
