#!/usr/bin/env python3
"""Play the human on the test server's authorize page (stdlib only).

Usage: approve.py AUTHORIZE_URL [--user alice] [--password PW]
Prints only the verifier on stdout (exit 0); on failure a message on stderr (exit 1)."""

import argparse
import http.cookiejar
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class PageParser(HTMLParser):
    """Collects the forms (action + inputs) and the text of the element with id=verifier."""

    def __init__(self):
        super().__init__()
        self.forms, self.verifier, self.title = [], None, ""
        self._in_verifier = self._in_title = False
        self._buf = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "inputs": []})
        elif tag == "input" and self.forms:
            self.forms[-1]["inputs"].append(a)
        elif a.get("id") == "verifier":
            self._in_verifier, self._buf = True, []
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if self._in_verifier and tag in ("td", "span", "div", "code", "p"):
            self.verifier, self._in_verifier = "".join(self._buf).strip(), False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_verifier:
            self._buf.append(data)
        if self._in_title:
            self.title += data


def fail(message):
    sys.stderr.write(f"approve.py: {message}\n")
    sys.exit(1)


def fetch(opener, url, data=None):
    try:
        with opener.open(url, data=data, timeout=20) as resp:
            return resp.geturl(), resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace")
        parsed = PageParser()
        parsed.feed(body)
        if err.code == 401 and parsed.forms:  # wrong password re-shows the login form
            fail("login failed: incorrect username or password")
        fail(f"HTTP {err.code} from {url}: {parsed.title.strip() or body[:200]}")
    except (urllib.error.URLError, OSError) as err:
        fail(f"cannot reach {url}: {err}")


def submit(form, page_url, user, password):
    fields = {}
    for inp in form["inputs"]:
        name, kind = inp.get("name"), (inp.get("type") or "text").lower()
        if not name:
            continue
        if kind == "password":
            fields[name] = password
        elif name == "username":
            fields[name] = user
        elif kind in ("hidden", "text", "submit"):
            fields[name] = inp.get("value") or ""
    target = urllib.parse.urljoin(page_url, form["action"] or page_url)
    return target, urllib.parse.urlencode(fields).encode()


def main(argv=None):
    ap = argparse.ArgumentParser(description="Approve an OAuth request token like a human would.")
    ap.add_argument("url")
    ap.add_argument("--user", default="alice")
    ap.add_argument("--password")
    args = ap.parse_args(argv)
    password = args.password if args.password is not None else f"{args.user}-pass"
    host = urllib.parse.urlsplit(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        fail(f"refusing non-loopback host {host!r}")
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    url, body = fetch(opener, args.url)
    logged_in = False
    for _ in range(4):
        page = PageParser()
        page.feed(body)
        if page.verifier:
            print(page.verifier, flush=True)
            return 0
        if not page.forms:
            fail(f"unexpected page: {page.title.strip() or body[:200]}")
        form = page.forms[0]
        is_login = any((i.get("type") or "").lower() == "password" for i in form["inputs"])
        if is_login and logged_in:
            fail("login failed: incorrect username or password")
        logged_in = logged_in or is_login
        target, data = submit(form, url, args.user, password)
        url, body = fetch(opener, target, data)
    fail("no verifier after submitting the forms")


if __name__ == "__main__":
    sys.exit(main())
