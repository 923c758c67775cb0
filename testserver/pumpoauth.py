"""OAuth 1.0a for the test server: a RequestValidator over the in-memory store, and the mapping
from oauthlib's verdicts to pump.io's text/plain error answers.

Every OAuth check (signature, nonce, timestamp, token, verifier) is done by oauthlib's endpoints;
this module only stores credentials and translates the outcome into pump.io's wording."""

import hmac
import secrets
import threading
import time
from urllib.parse import urlsplit

from oauthlib.oauth1 import (AccessTokenEndpoint, RequestTokenEndpoint, RequestValidator,
                             ResourceEndpoint, SignatureOnlyEndpoint)
from oauthlib.oauth1.rfc5849 import errors as oauth_errors

REQUEST_TOKEN_LIFETIME = 600
CONTENT_TYPE_FORM = "application/x-www-form-urlencoded"


def new_key(nbytes=16):
    """pump.io's credential alphabet: base64url, 16 bytes -> 22 chars, 32 bytes -> 43 chars."""
    return secrets.token_urlsafe(nbytes)


class Credentials:
    """Clients, request tokens and access tokens (secrets never leave this object except to
    oauthlib and to the client that owns them)."""

    def __init__(self):
        self.lock = threading.RLock()
        # pump.io 5.1.4 checks only that a verifier is there (issue 24); `--strict-verifier`
        # compares it with the token's, for the tests of the client's wrong-verifier path.
        self.strict_verifier = False
        self.clients = {}         # client_id -> {"secret", "name", "type"}
        self.request_tokens = {}  # token -> {secret, client, callback, created, user, verifier, used}
        self.access_tokens = {}   # token -> {secret, client, user}
        self.nonces = {}          # (client, token, timestamp, nonce) -> seen-at

    def register_client(self, name, app_type):
        cid, secret = new_key(16), new_key(32)
        with self.lock:
            self.clients[cid] = {"secret": secret, "name": name, "type": app_type}
        return cid, secret

    def issue_request_token(self, client, callback):
        token, secret = new_key(16), new_key(32)
        with self.lock:
            now = time.time()
            # Like pump.io: each request-token call drops this client's stale tokens.
            for t, rec in list(self.request_tokens.items()):
                if rec["client"] == client and now - rec["created"] > REQUEST_TOKEN_LIFETIME:
                    del self.request_tokens[t]
            self.request_tokens[token] = {"secret": secret, "client": client, "callback": callback,
                                          "created": now, "user": None, "verifier": None,
                                          "used": False}
        return token, secret

    def newest_pending_request_token(self):
        """The newest request token nobody has approved yet (the demo's keyboard-only approval)."""
        with self.lock:
            fresh_since = time.time() - REQUEST_TOKEN_LIFETIME
            pending = [(rec["created"], t) for t, rec in self.request_tokens.items()
                       if rec["user"] is None and not rec["used"] and rec["created"] > fresh_since]
        return max(pending)[1] if pending else None

    def live_request_token(self, token):
        with self.lock:
            rec = self.request_tokens.get(token)
            if rec is None or rec["used"]:
                return None
            if time.time() - rec["created"] > REQUEST_TOKEN_LIFETIME:
                return None
            return rec

    def issue_access_token(self, request_token):
        """Exchange a validated request token; the same (client, user) pair gets the same pair."""
        with self.lock:
            rec = self.request_tokens[request_token]
            rec["used"] = True
            for tok, acc in self.access_tokens.items():
                if acc["client"] == rec["client"] and acc["user"] == rec["user"]:
                    return tok, acc["secret"]
            tok, secret = new_key(16), new_key(32)
            self.access_tokens[tok] = {"secret": secret, "client": rec["client"],
                                       "user": rec["user"]}
            return tok, secret

    def has_access(self, client, user):
        with self.lock:
            return any(a["client"] == client and a["user"] == user
                       for a in self.access_tokens.values())

    def expire_request_tokens(self):
        with self.lock:
            for rec in self.request_tokens.values():
                rec["created"] = 0

    def forget_clients(self):
        with self.lock:
            self.clients.clear()

    def revoke_access_tokens(self):
        with self.lock:
            self.access_tokens.clear()


class PumpValidator(RequestValidator):
    """oauthlib policy adapted to pump.io's 22/43-char base64url credentials on plain http."""

    enforce_ssl = False  # plain http, loopback only
    allowed_signature_methods = ("HMAC-SHA1", "PLAINTEXT")
    safe_characters = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    client_key_length = (16, 64)
    request_token_length = (16, 64)
    access_token_length = (16, 64)
    verifier_length = (16, 64)
    nonce_length = (1, 128)  # clients use short random nonces; oauthlib's default is 20..30
    realms = []
    # Dummy values keep failing requests on the same code path (timing-safe lookups).
    dummy_client = "dummy_client_0000000000"
    dummy_request_token = "dummy_request_token_00"
    dummy_access_token = "dummy_access_token_000"

    def __init__(self, creds):
        super().__init__()
        self.creds = creds

    @staticmethod
    def _fail(request, what):
        request.pump_failure = what

    # --- secrets -------------------------------------------------------------------------------
    def get_client_secret(self, client_key, request):
        rec = self.creds.clients.get(client_key)
        return rec["secret"] if rec else "dummy-client-secret"

    def get_request_token_secret(self, client_key, token, request):
        rec = self.creds.request_tokens.get(token)
        return rec["secret"] if rec else "dummy-request-secret"

    def get_access_token_secret(self, client_key, token, request):
        rec = self.creds.access_tokens.get(token)
        return rec["secret"] if rec else "dummy-access-secret"

    # --- realms (pump.io has no scopes) ----------------------------------------------------------
    def get_default_realms(self, client_key, request):
        return []

    def get_realms(self, token, request):
        return []

    def validate_requested_realms(self, client_key, realms, request):
        return True

    def validate_realms(self, client_key, token, request, uri=None, realms=None):
        return True

    def verify_realms(self, token, realms, request):
        return True

    # --- lookups ---------------------------------------------------------------------------------
    def validate_client_key(self, client_key, request):
        return client_key in self.creds.clients

    def validate_request_token(self, client_key, token, request):
        rec = self.creds.live_request_token(token)
        # A token not yet authorized is still live: its (missing) verifier is what fails, so a
        # wrong verifier typed before approving can be followed by the right one, as on pump.io.
        return bool(rec and rec["client"] == client_key)

    def validate_access_token(self, client_key, token, request):
        rec = self.creds.access_tokens.get(token)
        return bool(rec and rec["client"] == client_key)

    def validate_verifier(self, client_key, token, verifier, request):
        rec = self.creds.request_tokens.get(token)
        if not self.creds.strict_verifier:
            # As pump.io: a token not yet approved is "Invalid / expired Token"; once approved,
            # any verifier given is taken.
            if not (rec and rec["verifier"]):
                self._fail(request, "token")
                return False
            return bool(verifier)
        ok = bool(rec and rec["verifier"] and hmac.compare_digest(rec["verifier"], verifier))
        if not ok:
            self._fail(request, "verifier")
        return ok

    def validate_timestamp_and_nonce(self, client_key, timestamp, nonce, request,
                                     request_token=None, access_token=None):
        key = (client_key, request_token or access_token, timestamp, nonce)
        with self.creds.lock:
            now = time.time()
            if len(self.creds.nonces) > 50000:
                self.creds.nonces = {k: t for k, t in self.creds.nonces.items() if now - t < 700}
            if key in self.creds.nonces:
                self._fail(request, "nonce")
                return False
            self.creds.nonces[key] = now
        return True

    def validate_redirect_uri(self, client_key, redirect_uri, request):
        if redirect_uri == "oob":
            return True
        parts = urlsplit(redirect_uri)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    def get_redirect_uri(self, token, request):
        rec = self.creds.request_tokens.get(token)
        return rec["callback"] if rec else "oob"

    # Issuance is done by the server (pump.io's formats and token reuse), not through these.
    def save_request_token(self, token, request):
        raise NotImplementedError

    def save_access_token(self, token, request):
        raise NotImplementedError

    def save_verifier(self, token, verifier, request):
        raise NotImplementedError

    def invalidate_request_token(self, client_key, request_token, request):
        pass

    def verify_request_token(self, token, request):
        return self.creds.live_request_token(token) is not None


class OAuthError(Exception):
    def __init__(self, status, text):
        super().__init__(text)
        self.status = status
        self.text = text


def _explain(err):
    if "Missing mandatory" in err.description or "Missing" in err.description:
        return "Missing required parameter"
    if isinstance(err, oauth_errors.InvalidSignatureMethodError):
        return "Invalid Signature Method"
    return err.description


class OAuthGate:
    """Runs oauthlib's endpoints and raises OAuthError with pump.io's status and body."""

    def __init__(self, creds):
        self.creds = creds
        self.validator = PumpValidator(creds)
        self.request_ep = RequestTokenEndpoint(self.validator)
        self.access_ep = AccessTokenEndpoint(self.validator)
        self.resource_ep = ResourceEndpoint(self.validator)
        self.signature_ep = SignatureOnlyEndpoint(self.validator)

    @staticmethod
    def signed_inputs(headers, content_type, body):
        """Only an exactly-form-typed body is part of the signature (like pump.io)."""
        hdrs = {}
        if headers.get("Authorization"):
            hdrs["Authorization"] = headers["Authorization"]
        if content_type == CONTENT_TYPE_FORM:
            hdrs["Content-Type"] = CONTENT_TYPE_FORM
            return hdrs, body.decode("utf-8", "replace")
        return hdrs, ""

    def _prepare(self, endpoint, uri, method, body, headers):
        """oauthlib's own structural checks, run first so a failure can be named."""
        try:
            request = endpoint._create_request(uri, method, body, headers)
            endpoint._check_transport_security(request)
            endpoint._check_mandatory_parameters(request)
        except oauth_errors.OAuth1Error as err:
            raise OAuthError(400, _explain(err))
        return request

    @staticmethod
    def _verdict(request, token_endpoint):
        failure = getattr(request, "pump_failure", None) if request is not None else None
        log = request.validator_log if request is not None else {}
        if failure == "nonce":
            raise OAuthError(401, "Invalid / used nonce")
        if failure == "token":
            raise OAuthError(401, "Invalid / expired Token")
        if log.get("client") is False:
            raise OAuthError(400, "Invalid Consumer Key")
        if log.get("resource_owner") is False or not log:
            raise OAuthError(401 if token_endpoint else 400, "Invalid / expired Token")
        if log.get("verifier") is False:
            raise OAuthError(401, "Invalid verifier")
        if log.get("callback") is False:
            raise OAuthError(400, "Invalid callback URL")
        if log.get("signature") is False:
            raise OAuthError(401 if token_endpoint else 400, "Invalid signature")
        raise OAuthError(400, "Invalid request")

    def request_token(self, uri, method, body, headers):
        request = self._prepare(self.request_ep, uri, method, body, headers)
        try:
            valid, request = self.request_ep.validate_request_token_request(request)
        except oauth_errors.OAuth1Error as err:
            raise OAuthError(400, _explain(err))
        if not valid:
            self._verdict(request, True)
        return self.creds.issue_request_token(request.client_key, request.redirect_uri)

    def access_token(self, uri, method, body, headers):
        request = self._prepare(self.access_ep, uri, method, body, headers)
        if not request.resource_owner_key or not request.verifier:
            raise OAuthError(400, "Missing required parameter")
        try:
            valid, request = self.access_ep.validate_access_token_request(request)
        except oauth_errors.OAuth1Error as err:
            if "token" in err.description.lower():
                raise OAuthError(401, "Invalid / expired Token")
            if "verifier" in err.description.lower():
                raise OAuthError(401, "Invalid verifier")
            raise OAuthError(400, _explain(err))
        if not valid:
            self._verdict(request, True)
        return self.creds.issue_access_token(request.resource_owner_key)

    def resource(self, uri, method, body, headers, three_legged):
        """Returns (client_id, user nick or None)."""
        endpoint = self.resource_ep if three_legged else self.signature_ep
        request = self._prepare(endpoint, uri, method, body, headers)
        if three_legged:
            valid, request = self.resource_ep.validate_protected_resource_request(
                uri, method, body, headers)
        else:
            valid, request = self.signature_ep.validate_request(uri, method, body, headers)
        if not valid:
            self._verdict(request, False)
        if three_legged:
            return request.client_key, self.creds.access_tokens[request.resource_owner_key]["user"]
        return request.client_key, None
