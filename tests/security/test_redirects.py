"""After login a person is sent only to a path of this hub, never to another site."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.web.redirects import same_origin_path
from tests.factories import PASSWORD, csrf_token

HOSTILE_TARGETS = [
    "//evil.example",
    "////evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5Cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\x00/evil.example",
    "／／evil.example",  # full-width solidus
    "/／evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/" + "a" * 3000,
]


@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_same_origin_path_refuses_every_spelling_of_another_host(target):
    assert same_origin_path(target) is None


@pytest.mark.parametrize("target", ["/", "/konto", "/suche?q=Parksensoren", "/a/b%20c#frag"])
def test_same_origin_path_keeps_paths_of_this_hub(target):
    assert same_origin_path(target) == target


@pytest.mark.parametrize("target", ["////evil.example", "/\\evil.example", "/\t/evil.example"])
def test_login_with_a_hostile_next_lands_on_the_home_page(client, factory, target):
    user = factory.user(factory.tenant(), Role.READER)
    response = client.post(
        "/anmelden",
        query_string={"next": target},
        data={"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_login_follows_a_next_path_of_this_hub(client, factory):
    user = factory.user(factory.tenant(), Role.READER)
    response = client.post(
        "/anmelden?next=/konto",
        data={"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/konto"
