"""The reference's signature vectors (pump-api.md §3.7) hold for oauthlib, the server's verifier."""

from oauthlib.oauth1 import Client


def sign(method, url, secret, token=None, token_secret=None, **oauth):
    c = Client("ck-123_AB", client_secret="cs~secret/+=", resource_owner_key=token,
               resource_owner_secret=token_secret, **oauth)
    _, headers, _ = c.sign(url, method)
    auth = headers["Authorization"]
    return auth.split('oauth_signature="')[1].split('"')[0]


def test_vector_1_request_token():
    got = sign("POST", "https://pump.example/oauth/request_token", None, callback_uri="oob",
               nonce="n0nce", timestamp="1400000000")
    assert got == "vpZKha3DntBUgm3jbZqbN9Rvkxc%3D"


def test_vector_3_api_get_with_encoded_query():
    url = ("https://Pump.Example:443/api/user/alice/inbox?count=5&before="
           "https%3A%2F%2Fpump.example%2Fapi%2Factivity%2FAbC-_9")
    got = sign("GET", url, None, token="at_TOKEN", token_secret="at secret!", nonce="n3",
               timestamp="1400000002")
    assert got == "IxotMLRFfkxQJOz4OBtTwjnGyc8%3D"


def test_vector_2_access_token():
    got = sign("POST", "https://pump.example/oauth/access_token", None, token="rt_TOKEN-1",
               token_secret="rt-secret", verifier="V3r-if_ier", nonce="n0nce2", timestamp="1400000001")
    assert got == "57v6IumJXzCTz%2BN%2BmwEX02ZZq6s%3D"
