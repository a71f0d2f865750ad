"""``/.well-known/security.txt`` tells researchers whom to contact (RFC 9116)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hanse_hub.config import ConfigurationError, load_settings
from tests.conftest import make_app


def _fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.strip().splitlines())


def test_security_txt_names_a_contact_and_a_future_expiry(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    fields = _fields(response.get_data(as_text=True))
    assert fields["Contact"].startswith("mailto:") and "@" in fields["Contact"]
    expires = datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    now = datetime.now(UTC)
    assert now + timedelta(days=300) < expires <= now + timedelta(days=366)
    assert fields["Preferred-Languages"] == "de, en"


def test_security_txt_uses_the_configured_contact_and_canonical_address(database_url, tmp_path):
    app = make_app(
        database_url,
        tmp_path,
        HANSE_SECURITY_CONTACT="https://smarte-hanse.example/sicherheit",
        HANSE_BASE_URL="https://hub.smarte-hanse.example",
    )
    fields = _fields(app.test_client().get("/.well-known/security.txt").get_data(as_text=True))
    assert fields["Contact"] == "https://smarte-hanse.example/sicherheit"
    assert fields["Canonical"] == "https://hub.smarte-hanse.example/.well-known/security.txt"


def test_a_security_contact_that_is_no_uri_stops_the_start_with_the_setting_named(tmp_path):
    with pytest.raises(ConfigurationError, match="HANSE_SECURITY_CONTACT"):
        load_settings({"HANSE_DATA_DIR": str(tmp_path), "HANSE_SECURITY_CONTACT": "security"})
