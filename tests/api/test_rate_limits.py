"""Rate limits answer 429 with Retry-After; they are configurable and can be switched off."""

from __future__ import annotations

import pytest

from hanse_hub.extensions import limiter
from tests.conftest import make_app
from tests.factories import csrf_token


@pytest.fixture
def limited_app(database_url, tmp_path):
    app = make_app(
        database_url,
        tmp_path,
        HANSE_RATE_LIMITS="on",
        HANSE_RATE_LIMIT_SEARCH="3 per minute",
        HANSE_RATE_LIMIT_LOGIN="2 per minute",
    )
    with app.app_context():
        limiter.reset()
        yield app


def test_search_is_limited_with_retry_after(limited_app, session):
    client = limited_app.test_client()
    statuses = [client.get("/api/v1/search?q=Sensoren").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/search?q=Sensoren")
    assert limited.mimetype == "application/problem+json"
    assert int(limited.headers["Retry-After"]) > 0


def test_login_attempts_are_limited(limited_app, session):
    client = limited_app.test_client()
    data = {
        "email": "x@example.org",
        "password": "falsch-falsch-1",
        "csrf_token": csrf_token(client),
    }
    statuses = [client.post("/anmelden", data=data).status_code for _ in range(3)]
    assert statuses[-1] == 429
    assert "Zu viele Anfragen" in client.post("/anmelden", data=data).get_data(as_text=True)
