"""Profile edits (issue 24, item 10): PUT /api/user/NICK/profile as the real pump.io 5.1.4 takes
it (checked against ../shared/pumpio): a partial body merged into the person, only by the user."""

from conftest import login

PLACE = {"objectType": "place", "displayName": "Paris"}


def test_partial_put_changes_only_what_it_sends(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    image = {"url": f"{server.base}/uploads/alice/a.png", "width": 4, "height": 4}
    r = alice.call("PUT", "/api/user/alice/profile",
                   {"displayName": "Alice A.", "summary": "Hi<br>there", "location": PLACE, "image": image,
                    "pump_io": {"fullImage": image}})
    assert r.status == 200, r.body
    p = r.json()
    assert (p["displayName"], p["summary"], p["location"], p["image"]) == ("Alice A.", "Hi<br>there", PLACE, image)
    # A second edit sends one field: the others stay.
    r = alice.call("PUT", "/api/user/alice/profile", {"summary": "Only the bio"})
    p = bob.get("/api/user/alice/profile").json()
    assert (p["displayName"], p["summary"], p["location"]["displayName"]) == ("Alice A.", "Only the bio", "Paris")
    assert p["image"] == image and p["pump_io"]["fullImage"] == image and p["pump_io"]["followed"] is False


def test_another_users_profile_is_refused_as_pump_io_does(server):
    bob = login(server, "bob")
    before = bob.get("/api/user/alice/profile").json()["displayName"]
    r = bob.call("PUT", "/api/user/alice/profile", {"displayName": "Mallory"})
    assert (r.status, r.json()["error"]) == (401, "Not authorized")
    assert bob.get("/api/user/alice/profile").json()["displayName"] == before
