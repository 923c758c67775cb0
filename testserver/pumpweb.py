"""Unsigned routes: discovery (host-meta, webfinger), client registration, the authorize pages."""

import html
import json
import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit

from pumpapi import Reply
from pumpstore import ApiError

RELS = [("registration_endpoint", "/api/client/register"),
        ("http://apinamespace.org/oauth/request_token", "/oauth/request_token"),
        ("http://apinamespace.org/oauth/authorize", "/oauth/authorize"),
        ("http://apinamespace.org/oauth/access_token", "/oauth/access_token"),
        ("dialback", "/api/dialback"),
        ("http://apinamespace.org/activitypub/whoami", "/api/whoami")]


def host_meta_links(base):
    links = [{"rel": "lrdd", "type": "application/xrd+xml",
              "template": f"{base}/api/lrdd?resource={{uri}}"},
             {"rel": "lrdd", "type": "application/json",
              "template": f"{base}/.well-known/webfinger?resource={{uri}}"}]
    links += [{"rel": rel, "href": base + path} for rel, path in RELS]
    return links


def host_meta(base, accept, force_json):
    if force_json or "json" in accept or "*/*" in accept:
        return Reply(json={"links": host_meta_links(base)})
    parts = []
    for link in host_meta_links(base):
        attrs = " ".join(f'{k}="{html.escape(v)}"' for k, v in link.items())
        parts.append(f"  <Link {attrs}/>")
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n' + "\n".join(parts) + "\n</XRD>\n")
    return Reply(body=xml.encode(), content_type="application/xrd+xml")


def webfinger(store, query, hostport):
    resource = query.get("resource", "")
    if resource.startswith("acct:"):
        resource = resource[5:]
    nick, _, host = resource.partition("@")
    if host.lower() != hostport or nick not in store.users:
        raise ApiError(404, "Unknown resource")
    person = store.person(nick)
    b = store.base
    links = [{"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": f"{b}/{nick}"},
             {"rel": "dialback", "href": f"{b}/api/dialback"}]
    links += [{"rel": rel, "href": v["href"]} for rel, v in person["links"].items()]
    links += [{"rel": rel, "href": person[rel]["url"]}
              for rel in ("followers", "following", "favorites", "lists")]
    return Reply(json={"subject": f"acct:{nick}@{hostport}", "links": links})


def parse_registration(content_type, body):
    ctype = (content_type or "").split(";")[0].strip()
    if ctype == "application/json":
        try:
            data = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "Malformed JSON body")
        if not isinstance(data, dict):
            raise ApiError(400, "Registration body must be an object")
        return data
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


def register_client(creds, content_type, body):
    d = parse_registration(content_type, body)
    if "type" not in d:
        raise ApiError(400, "No registration type provided")
    if d["type"] == "client_update":
        raise ApiError(400, "client_update is not supported by the test server")
    if d["type"] != "client_associate":
        raise ApiError(400, "Invalid registration type")
    for key in ("client_id", "client_secret"):
        if key in d:
            raise ApiError(400, f"Only set {key} for update.")
    if "access_token" in d:
        raise ApiError(400, "access_token not needed for registration.")
    app_type = d.get("application_type")
    if app_type is not None and app_type not in ("web", "native"):
        raise ApiError(400, "Unknown application_type.")
    if "logo_url" in d:
        u = urlsplit(str(d["logo_url"]))
        if u.scheme not in ("http", "https") or not u.netloc:
            raise ApiError(400, "Invalid logo_url.")
    if "contacts" in d:
        if not isinstance(d["contacts"], str) or not all("@" in c for c in d["contacts"].split()):
            raise ApiError(400, "contacts must be a string of space-separated email addresses.")
    if "redirect_uris" in d:
        if not isinstance(d["redirect_uris"], str):
            raise ApiError(400, "redirect_uris must be a string of space-separated URLs.")
        for uri in d["redirect_uris"].split():
            u = urlsplit(uri)
            if u.scheme not in ("http", "https") or not u.netloc:
                raise ApiError(400, f"Invalid redirect_uris: {uri}")
    name = d.get("application_name")
    cid, secret = creds.register_client(name if isinstance(name, str) else None, app_type)
    return Reply(json={"client_id": cid, "client_secret": secret, "expires_at": 0})


# --- the authorize pages (what a browser shows; approve.py drives them) ---------------------------
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - pump.io test server</title></head>
<body><h1>{title}</h1>
{body}
</body></html>
"""


def page(status, title, body, headers=None):
    text = PAGE.format(title=html.escape(title), body=body)
    return Reply(status, body=text.encode(), content_type="text/html; charset=utf-8",
                 headers=headers)


def login_form(token, message=""):
    note = f'<p class="error">{html.escape(message)}</p>' if message else ""
    return page(401 if message else 200, "Login", f"""{note}
<form method="post" action="/oauth/authorize">
  <input type="hidden" name="oauth_token" value="{html.escape(token)}">
  <label>Username <input type="text" name="username"></label>
  <label>Password <input type="password" name="password"></label>
  <input type="submit" name="login" value="Login">
</form>""")


def authorize_form(token, nick, app_name):
    return page(200, "Authorize", f"""<p>You are logged in as <b>{html.escape(nick)}</b>.
Do you want to authorize <i>{html.escape(app_name or "an unnamed client")}</i> to access your account?</p>
<ul><li>Post new activities as you</li><li>Read your social graph (followers, following, list)</li>
<li>Change your profile</li></ul>
<form method="post" action="/oauth/authorize">
  <input type="hidden" name="oauth_token" value="{html.escape(token)}">
  <input type="hidden" name="authorize" value="1">
  <input type="submit" value="Authorize">
</form>""")


def finished(creds, token, rec, fresh=True):
    """Bind a verifier; oob shows the 'Authorization Complete' page, a URL callback redirects."""
    with creds.lock:
        if rec["verifier"] is None:
            rec["verifier"] = secrets.token_urlsafe(16)
    if rec["callback"] != "oob":
        sep = "&" if "?" in rec["callback"] else "?"
        target = rec["callback"] + sep + urlencode({"oauth_token": token,
                                                    "oauth_verifier": rec["verifier"]})
        return Reply(303 if fresh else 302, headers={"Location": target})
    return page(200, "Authorization Complete", f"""<p>You've successfully authorized this client,
but it does not take the tokens directly. Copy the verifier below into the program.</p>
<table>
  <tr><th>Token</th><td id="token">{html.escape(token)}</td></tr>
  <tr><th>Verifier</th><td id="verifier">{html.escape(rec["verifier"])}</td></tr>
</table>""")


class Authorizer:
    def __init__(self, store, creds):
        self.store, self.creds = store, creds
        self.sessions = {}  # cookie value -> nick

    def session_user(self, cookie_header):
        for part in (cookie_header or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "pumpsession" and value in self.sessions:
                return self.sessions[value]
        return None

    def handle(self, method, query, form, cookie_header):
        token = (form if method == "POST" else query).get("oauth_token", "")
        if not token:
            return page(400, "Error", "<p>Must provide an oauth_token</p>")
        rec = self.creds.live_request_token(token)
        if rec is None or rec["client"] not in self.creds.clients:
            return page(400, "Error", "<p>Invalid / expired Token</p>")
        nick = self.session_user(cookie_header)
        headers = {}
        if method == "POST" and "password" in form:
            nick = form.get("username", "")
            if not self.store.check_password(nick, form.get("password", "")):
                return login_form(token, "Incorrect username or password.")
            sid = secrets.token_urlsafe(24)
            self.sessions[sid] = nick
            headers["Set-Cookie"] = f"pumpsession={sid}; Path=/; HttpOnly"
        if nick is None:
            return login_form(token)
        if rec["user"] not in (None, nick):
            return page(400, "Error", "<p>Token already associated with a different user</p>")
        app_name = self.creds.clients[rec["client"]]["name"]
        already = self.creds.has_access(rec["client"], nick)
        fresh = method == "POST" and bool(form.get("authorize"))
        if fresh or already:
            rec["user"] = nick
            reply = finished(self.creds, token, rec, fresh=not already)
        else:
            reply = authorize_form(token, nick, app_name)
        reply.headers.update(headers)
        return reply
