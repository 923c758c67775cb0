"""pumpserver.py with two more /_test/fault modes, for the hostile-input scale tests and the
benchmark of issue 23 (bench/hostile.py, Tests/e2e/test_hostile_bytes.py). Started in place of
pumpserver.py, with the same arguments; the other modes are pumpfaults.py's, unchanged.

- {"mode": "body", "path_prefix": P, "file": PATH}: every request under P is answered 200 with
  the bytes of PATH as application/json (a page no real server would build: 30 000 items, a
  number like 1e400).
- {"mode": "feed", "path_prefix": P, "items": N, "item_bytes": S, "every": SECONDS}: every
  request under P gets N new activities (never seen before) of about S bytes of content each,
  with a `prev` link; after one such page, requests within `every` seconds get an empty page,
  so each refresh brings N new items (every=0: every page is new, a catch-up that never ends).
"""
import itertools
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pumpfaults  # noqa: E402
import pumpserver  # noqa: E402

EXTRA_MODES = ("body", "feed")
_base_set, _base_apply = pumpfaults.Faults.set, pumpfaults.Faults.apply
_serial = itertools.count(1)
_last_fresh = [0.0]
_lock = threading.Lock()


def _set(self, spec):
    if spec.get("mode") not in EXTRA_MODES:
        self.extra = {}
        return _base_set(self, spec)
    count = spec.get("count")
    if count is not None and (not isinstance(count, int) or count < 1):
        raise ValueError("count must be a positive integer")
    if spec["mode"] == "body" and not os.path.isfile(str(spec.get("file"))):
        raise ValueError("body needs file: the path of the bytes to serve")
    with self.lock:
        self.mode, self.prefix, self.count = spec["mode"], spec.get("path_prefix") or "", count
        self.extra = dict(spec)
        _last_fresh[0] = 0.0


def _apply(self, mode, handler):
    extra = getattr(self, "extra", {})
    if mode == "body":
        with open(extra["file"], "rb") as f:
            return pumpfaults.raw(handler, 200, "application/json; charset=utf-8", f.read())
    if mode == "feed":
        return pumpfaults.raw(handler, 200, "application/json; charset=utf-8", feed_page(handler, extra))
    return _base_apply(self, mode, handler)


def feed_page(handler, spec):
    base = f"http://{handler.host_port()}"
    path = handler.path.split("?")[0]
    n, size, every = int(spec.get("items", 20)), int(spec.get("item_bytes", 1000)), float(spec.get("every", 0.5))
    now = time.time()
    with _lock:
        fresh = now - _last_fresh[0] >= every
        if fresh:
            _last_fresh[0] = now
        serials = [next(_serial) for _ in range(n)] if fresh else []
    bob = {"objectType": "person", "id": f"acct:bob@{handler.host_port()}", "displayName": "Bob",
           "preferredUsername": "bob", "url": f"{base}/bob"}
    words = ("flood of words " * (size // 15 + 1))[:size]
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
    items = []
    for k in reversed(serials):
        items.append({"id": f"{base}/api/activity/flood{k}", "verb": "post", "published": stamp, "actor": bob,
                      "object": {"objectType": "note", "id": f"{base}/api/note/flood{k}", "author": bob,
                                 "content": f"<p>flood {k} {words}</p>", "published": stamp}})
    newest = serials[-1] if serials else 0
    links = {"self": {"href": f"{base}{path}"},
             "prev": {"href": f"{base}{path}?since={base}/api/activity/flood{newest}"}}
    return json.dumps({"displayName": "flood", "totalItems": newest, "items": items, "links": links}).encode()


pumpfaults.MODES = pumpfaults.MODES + EXTRA_MODES
pumpfaults.Faults.set, pumpfaults.Faults.apply = _set, _apply

if __name__ == "__main__":
    pumpserver.main()
