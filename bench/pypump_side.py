"""PyPump 0.7's side of the benchmark (runs in .venv-bench; driven by bench/run.py).

    pypump_side.py login-time ACCOUNT STORE        prints "CALLBACK <monotonic>" when the verifier
                                                   callback is called, then exits at once
    pypump_side.py login ACCOUNT STORE APPROVE...  a whole first login; APPROVE... is the command
                                                   that turns the authorize URL into a verifier
    pypump_side.py second ACCOUNT STORE            a second start: stored credentials, first inbox page
    pypump_side.py save-pages ACCOUNT STORE DIR    inbox pages of 200 (next links) saved as page-NNNN.json
    pypump_side.py decode DIR                      models from the saved pages, as PyPump's feeds build
                                                   them; prints JSON (time, items, maxrss)

ACCOUNT is NICK@127.0.0.1:PORT. PyPump always starts with https and hard-codes its paths; the
test server speaks http only, so the pump's protocol is pinned to http (rather than
verify_requests=False, whose fallback would first send a TLS hello to the server on every call).
Nothing here prints a token or secret.
"""
import json
import os
import resource
import subprocess
import sys
import time

from pypump import PyPump, Client
from pypump.store import JSONStore, DummyStore
from pypump.models import Mapper
from pypump.models.feed import Inbox


class HttpPump(PyPump):
    """PyPump talking plain http: every protocol switch lands on http."""
    protocol = property(lambda self: "http", lambda self, value: None)


def store_at(path, webfinger):
    data = json.load(open(path)) if os.path.exists(path) else {}
    store = JSONStore(data, filename=path)
    store.prefix = webfinger
    return store


def make_pump(account, store_path, callback):
    client = Client(webfinger=account, type="native", name="PyPump bench")
    return HttpPump(client=client, verifier_callback=callback, store=store_at(store_path, account))


def login_time(account, store_path):
    def callback(url):
        sys.stdout.write(f"CALLBACK {time.monotonic():.6f}\n")
        sys.stdout.flush()
        os._exit(0)
    make_pump(account, store_path, callback)


def login(account, store_path, approve):
    def callback(url):
        return subprocess.run(approve + [url], check=True, capture_output=True, text=True).stdout.strip()
    pump = make_pump(account, store_path, callback)
    print("logged-in" if "oauth-access-token" in pump.store else "not-logged-in")


def second(account, store_path):
    pump = make_pump(account, store_path, lambda url: sys.exit("unexpected login"))
    # pump.me.inbox refuses (its "is me" check compares the profile id with the webfinger).
    nick, host = account.split("@", 1)
    items = list(Inbox(f"http://{host}/api/user/{nick}/inbox", pypump=pump).items(limit=20))
    print(f"items {len(items)}")


def save_pages(account, store_path, out_dir):
    """Raw bytes, so both sides decode exactly the same pages; OAuth1Session signs like PyPump."""
    from requests_oauthlib import OAuth1Session
    store = store_at(store_path, account)
    s = OAuth1Session(store[f"{account}-client-key"], client_secret=store[f"{account}-client-secret"],
                      resource_owner_key=store[f"{account}-oauth-access-token"],
                      resource_owner_secret=store[f"{account}-oauth-access-secret"])
    nick, host = account.split("@", 1)
    url, n = f"http://{host}/api/user/{nick}/inbox?count=200", 0
    os.makedirs(out_dir, exist_ok=True)
    while url:
        r = s.get(url, timeout=60)
        r.raise_for_status()
        page = r.json()
        if not page.get("items"):
            break
        with open(os.path.join(out_dir, f"page-{n:04d}.json"), "wb") as f:
            f.write(r.content)
        n += 1
        url = page.get("links", {}).get("next", {}).get("href")
        if url and "count=" not in url:  # as the client does: next links lack count (default 20)
            url += ("&" if "?" in url else "?") + "count=200"
    print(f"pages {n}")


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def decode(pages_dir):
    """Per page what Feed._request + ItemList._build_cache do: json, Feed.unserialize, then
    Mapper.get_object for every item (objectType defaulted to the feed's first objectType)."""
    store = DummyStore({"client-key": "k", "client-secret": "s",
                        "oauth-access-token": "t", "oauth-access-secret": "ts"})
    pump = HttpPump(client=Client(webfinger="alice@127.0.0.1", type="native", key="k", secret="s"),
                    verifier_callback=lambda url: None, store=store)
    files = sorted(f for f in os.listdir(pages_dir) if f.startswith("page-") and f.endswith(".json"))
    baseline = maxrss_mb()
    feed = Inbox(pypump=pump)
    models, seconds, cpu = [], 0.0, 0.0
    for name in files:
        raw = open(os.path.join(pages_dir, name), "rb").read()
        start, start_cpu = time.perf_counter(), time.process_time()
        data = json.loads(raw)
        feed.unserialize(data)
        for item in data["items"]:
            if not item.get("objectType"):
                item["objectType"] = feed.object_types[0]
            models.append(Mapper(pypump=pump).get_object(item))
        seconds += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
    print(json.dumps({"pages": len(files), "items": len(models), "decode_s": seconds, "decode_cpu_s": cpu,
                      "maxrss_baseline_mb": baseline, "maxrss_peak_mb": maxrss_mb()}))


def main(argv):
    cmd = argv[0]
    if cmd == "login-time":
        login_time(argv[1], argv[2])
    elif cmd == "login":
        login(argv[1], argv[2], argv[3:])
    elif cmd == "second":
        second(argv[1], argv[2])
    elif cmd == "save-pages":
        save_pages(argv[1], argv[2], argv[3])
    elif cmd == "decode":
        decode(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
