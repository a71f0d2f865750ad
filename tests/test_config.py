"""Configuration comes from HANSE_* variables; production refuses to start without a secret."""

from __future__ import annotations

import pytest

from hanse_hub.config import ConfigurationError, load_settings


def test_production_without_secret_key_fails_with_a_clear_message(tmp_path):
    with pytest.raises(ConfigurationError, match="HANSE_SECRET_KEY is not set"):
        load_settings({"HANSE_ENV": "production", "HANSE_DATA_DIR": str(tmp_path)})


@pytest.mark.parametrize("key", ["x", "kurz-aber-nicht-lang-genug-1234", "ä" * 15])
def test_production_refuses_a_secret_key_shorter_than_32_bytes(tmp_path, key):
    with pytest.raises(ConfigurationError, match="HANSE_SECRET_KEY is too short"):
        load_settings(
            {"HANSE_ENV": "production", "HANSE_DATA_DIR": str(tmp_path), "HANSE_SECRET_KEY": key}
        )


def test_production_refuses_the_testing_secret_key_even_though_it_is_long(tmp_path):
    with pytest.raises(ConfigurationError, match="example value"):
        load_settings(
            {
                "HANSE_ENV": "production",
                "HANSE_DATA_DIR": str(tmp_path),
                "HANSE_SECRET_KEY": "testing-secret-key-not-for-production",
            }
        )


def test_production_accepts_a_random_secret_key_of_32_bytes(tmp_path):
    key = "k" * 32
    settings = load_settings(
        {"HANSE_ENV": "production", "HANSE_DATA_DIR": str(tmp_path), "HANSE_SECRET_KEY": key}
    )
    assert settings.secret_key == key


def test_development_generates_a_secret_key_once_and_keeps_it(tmp_path):
    first = load_settings({"HANSE_DATA_DIR": str(tmp_path)})
    second = load_settings({"HANSE_DATA_DIR": str(tmp_path)})
    assert len(first.secret_key) >= 40 and first.secret_key == second.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_defaults_put_the_sqlite_file_and_data_in_the_data_folder(tmp_path):
    settings = load_settings({"HANSE_DATA_DIR": str(tmp_path)})
    assert settings.env == "development"
    assert settings.database_url == f"sqlite:///{tmp_path / 'hanse_hub.sqlite3'}"
    assert settings.search_backend == "whoosh"


def test_postgres_urls_use_the_psycopg_driver(tmp_path):
    settings = load_settings(
        {"HANSE_DATA_DIR": str(tmp_path), "HANSE_DATABASE_URL": "postgres://u:p@db:5432/hub"}
    )
    assert settings.database_url == "postgresql+psycopg://u:p@db:5432/hub"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HANSE_ENV", "staging"),
        ("HANSE_SEARCH_BACKEND", "elasticsearch"),
        ("HANSE_SEARCH_BACKEND", "postgres"),  # needs a PostgreSQL database
        ("HANSE_SEARCH_INDEXING", "sometimes"),
        ("HANSE_MAX_UPLOAD_MB", "viel"),
        ("HANSE_MAX_UPLOAD_MB", "-1"),
    ],
)
def test_invalid_values_are_refused_naming_the_variable(tmp_path, name, value):
    with pytest.raises(ConfigurationError, match=name):
        load_settings({"HANSE_DATA_DIR": str(tmp_path), name: value})


def test_production_cookies_are_secure(tmp_path):
    config = load_settings(
        {"HANSE_ENV": "production", "HANSE_SECRET_KEY": "x" * 48, "HANSE_DATA_DIR": str(tmp_path)}
    ).flask_config()
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]
    assert config["SESSION_COOKIE_HTTPONLY"] and config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_forwarded_headers_are_trusted_only_when_configured(tmp_path):
    from hanse_hub import create_app

    base = {"HANSE_ENV": "testing", "HANSE_DATA_DIR": str(tmp_path)}
    headers = {"X-Forwarded-Proto": "https"}
    for proxies, expect_hsts in (("0", False), ("1", True)):
        app = create_app({**base, "HANSE_TRUSTED_PROXIES": proxies})
        response = app.test_client().get("/static/hub.css", headers=headers)
        assert ("Strict-Transport-Security" in response.headers) is expect_hsts
