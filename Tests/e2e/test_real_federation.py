"""Remote posts between two real, federating pump.io instances (issue 24, items 5 and 7):
fran@127.0.0.2 reads gus@127.0.0.3's thread (its replies through her own server, every page
new), saves his image from that thread (fetched unsigned: no Authorization reaches his server),
and dave@127.0.0.2 answers a post of erin's that reached him only through carol's share.

The servers are conftest.py's `real_fed` (root, port 80); the binary is tui.BINARY (PUMPTUI_BIN).
"""
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from realpump import login_line
from test_client import wait_until
from test_links_config import png, write_config
from test_real_pumpio import compose, counts, quit_tui, start_tui

PUBLIC = {"objectType": "collection", "id": "http://activityschema.org/collection/public"}


def follows(follower, pump, nick):
    """`follower` (a PumpClient) follows nick@pump through the API, once the other server knows it."""
    follower.activity("follow", {"objectType": "person", "id": f"acct:{pump.account(nick)}"})
    them = pump.client(nick)
    wait_until(lambda: any(p.get("preferredUsername") == follower.nick
                           for p in them.get(f"/api/user/{nick}/followers?count=200")["items"]),
               f"{follower.nick} among {nick}'s followers", timeout=15)


@pytest.fixture(scope="module")
def fed(real_fed, tmp_path_factory):
    """fran (following gus) and dave (following only carol) on a, logged in to pumptui;
    gus and carol on b. -> (a, b, {nick: config dir}). alice and bob are test_real_pumpio.py's
    (its test follows bob from the full screen and counts his followers)."""
    a, b = real_fed
    for pump, nick in ((a, "fran"), (a, "dave"), (b, "gus"), (b, "carol")):
        pump.add_user(nick)
    base = tmp_path_factory.mktemp("fed-logins")
    dirs = {}
    for nick in ("fran", "dave"):
        dirs[nick] = base / nick
        status, out = login_line(pytest.importorskip("tui").BINARY, a, a.account(nick), dirs[nick], nick)
        assert status == 0, out
    follows(a.client("fran"), b, "gus")
    follows(a.client("dave"), b, "carol")
    return a, b, dirs


def until_shown(t, text, timeout=20):
    """R (and back to the top) until `text` is on the timeline: delivery between servers takes a moment."""
    end = time.monotonic() + timeout
    while text not in t.text() and time.monotonic() < end:
        t.send("R")
        t.pump(1.0)
        t.send("g")
    t.wait_for(text, timeout=1)


def replies_known(client, path):
    """totalItems there; None while the server cannot answer (403 until the post itself arrived)."""
    try:
        return client.get(path)["totalItems"]
    except urllib.error.HTTPError:
        return None


def test_a_remote_threads_replies_are_shown_and_paged(fed):
    # Item 7: opening a remote post's thread said "Replies: Refusing to send your credentials to
    # 127.0.0.3"; and paging through /api/proxy/… repeated the first page. 25 replies: two pages.
    a, b, dirs = fed
    gus = b.client("gus")
    root = gus.note("A remote thread with many replies")["object"]
    for n in range(1, 26):
        gus.activity("post", {"objectType": "comment", "content": f"Remote reply {n:02d}",
                              "inReplyTo": {"id": root["id"], "objectType": "note"}}, to=[PUBLIC])
    fran = a.client("fran")
    # Every reply reached fran's server's copy before pumptui asks (each is delivered on its own).
    by_id = f"/api/note/replies?id={urllib.parse.quote(root['id'], safe='')}"
    wait_until(lambda: replies_known(fran, by_id) == 25, "the replies on fran's server", timeout=30)
    # Tall enough for the whole thread at once (4 lines a post): each reply once, none twice.
    with start_tui(a, "fran", dirs["fran"], rows=120, cols=100) as t:
        until_shown(t, "A remote thread with many replies")
        t.key("Enter")
        t.wait_for("Remote reply 25", timeout=15)  # newest first, as pump.io keeps them
        assert "Refusing" not in t.text(), t.text()
        t.send("j" * 25)  # to the end: the next page is asked for
        t.wait_for("End of the thread.", timeout=15)
        t.pump(0.5)
        shown = re.findall(r"Remote reply (\d\d)", t.text())
        assert sorted(shown) == [f"{n:02d}" for n in range(1, 26)], t.text()
        quit_tui(t, backs=1)


def upload_path_requests(pump):
    """What the server logged of requests for its /uploads/ files: (url, headers), pump.io's own
    server-to-server fetches left out (those are signed by fran's server, by design), and the
    test's own."""
    seen = []
    for log in pump.run_dir.glob("*/pump.log"):
        for line in log.read_text(errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            req = rec.get("req") or {}
            headers = {k.lower(): v for k, v in (req.get("headers") or {}).items()}
            agent = headers.get("user-agent", "")
            if "/uploads/" in (req.get("url") or "") and not agent.startswith(("pump.io", "e2e-check")):
                seen.append((req["url"], headers))
    return seen


def test_a_remote_image_without_a_proxy_is_fetched_unsigned(fed, tmp_path):
    # Item 7: in a thread the post is gus's server's copy (read through fran's server's proxy),
    # whose image has no proxy URL of fran's: saving it said "Refusing to send your credentials
    # to 127.0.0.3". Now it is fetched without any: his server logs no Authorization for it.
    a, b, dirs = fed
    gus = b.client("gus")
    image = png(5, 4)
    uploaded = gus._send("POST", "/api/user/gus/uploads", body=image,
                         headers={"Content-Type": "image/png", "Accept": "application/json"})
    gus.activity("post", uploaded, to=[PUBLIC])
    downloads = tmp_path / "pics"
    write_config(str(dirs["fran"]), f'download-dir = "{downloads}"\n')
    with start_tui(a, "fran", dirs["fran"], rows=40, cols=120) as t:
        until_shown(t, "[image] 5×4")
        t.key("Enter")
        t.wait_for("Thread · gus", timeout=15)
        t.wait_for("[image] 5×4", timeout=15)
        t.pump(1.0)
        t.send("i")
        t.wait_for("s  save it to", timeout=5)
        t.send("s")
        t.wait_for("Saved the image to", timeout=15)
        assert "Refusing" not in t.text(), t.text()
        saved = list(downloads.iterdir())
        # The server re-encodes uploads: the file is what his server serves, not what he sent.
        served = [urllib.request.urlopen(urllib.request.Request(uploaded[k]["url"], headers={"User-Agent": "e2e-check"}),
                                         timeout=10).read() for k in ("fullImage", "image") if k in uploaded]
        assert len(saved) == 1 and saved[0].read_bytes() in served
        quit_tui(t, backs=1)
    direct = upload_path_requests(b)
    assert direct, "pumptui's fetch of the image is not in gus's server's log"
    assert all("authorization" not in h for _, h in direct), direct
    assert all("oauth" not in url.lower() for url, _ in direct), direct


def test_a_remote_profile_is_read_through_its_proxy(fed):
    # Item 7: Person objects' pump_io.proxyURL was ignored: a remote profile showed only what
    # the post carried (a name changed since stayed old). Now it is read through fran's server.
    a, b, dirs = fed
    gus = b.client("gus")
    gus.note("Gus before his new name")
    with start_tui(a, "fran", dirs["fran"], rows=30, cols=120) as t:
        until_shown(t, "Gus before his new name")
        profile = gus.get("/api/user/gus/profile")
        profile["displayName"] = "Gus Renamed"
        gus._send("PUT", "/api/user/gus/profile", body=json.dumps(profile).encode(),
                  headers={"Content-Type": "application/json", "Accept": "application/json"})
        t.send("p")
        t.wait_for("Profile · ", timeout=10)
        t.wait_for("Gus Renamed", timeout=15)
        assert "Refusing" not in t.text(), t.text()
        quit_tui(t, backs=1)


def test_a_reply_to_a_post_that_came_only_through_a_share(fed):
    # Item 5: dave follows carol; carol shares erin's post, and nobody on dave's server follows
    # erin, so it has no post of it: pump.io answered the reply with an HTML 500 page
    # ("no original post").
    a, b, dirs = fed
    b.add_user("erin")
    erin, carol = b.client("erin"), b.client("carol")
    text = "Erin's post that dave sees through carol"
    note = erin.note(text)["object"]
    carol.activity("share", {"objectType": "note", "id": note["id"]})
    with start_tui(a, "dave", dirs["dave"], rows=30, cols=120) as t:
        until_shown(t, text)
        compose(t, "r", "Dave answers a shared post")
        t.wait_for("Reply sent to the post's audience and author", timeout=15)
        assert "no original post" not in t.text()
        wait_until(lambda: counts(erin, note["id"], "replies") == 1, "the reply on erin's server", timeout=15)
        # Its thread: our server has no post of it, so no replies by id (403); the proxy's
        # copy of the replies collection is read instead.
        t.key("Enter")
        t.wait_for("Thread · ", timeout=10)
        t.wait_for("Dave answers a shared post", timeout=15)
        assert "Server answered" not in t.text() and "Refusing" not in t.text(), t.text()
        quit_tui(t, backs=1)
