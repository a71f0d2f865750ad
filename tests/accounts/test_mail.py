"""Outgoing e-mail: SMTP when configured, the log (and in testing a list) otherwise."""

from __future__ import annotations

import logging

import pytest

from hanse_hub import mail
from hanse_hub.config import ConfigurationError, load_settings


def _settings(tmp_path, **environ):
    return load_settings({"HANSE_DATA_DIR": str(tmp_path), **environ})


def test_mail_settings_have_safe_defaults(tmp_path):
    config = _settings(tmp_path).flask_config()
    assert config["HANSE_MAIL_SERVER"] is None
    assert config["HANSE_MAIL_PORT"] == 587 and config["HANSE_MAIL_USE_TLS"] is True


def test_mail_settings_are_read_from_the_environment(tmp_path):
    config = _settings(
        tmp_path,
        HANSE_MAIL_SERVER="smtp.rostock.example",
        HANSE_MAIL_PORT="465",
        HANSE_MAIL_USERNAME="hub",
        HANSE_MAIL_PASSWORD="geheim",
        HANSE_MAIL_SENDER="Smarte Hanse <hub@rostock.example>",
        HANSE_MAIL_USE_TLS="false",
        HANSE_BASE_URL="https://hub.smarte-hanse.example/",
    ).flask_config()
    assert config["HANSE_MAIL_SERVER"] == "smtp.rostock.example"
    assert config["HANSE_MAIL_PORT"] == 465 and config["HANSE_MAIL_USE_TLS"] is False
    assert config["HANSE_MAIL_SENDER"] == "Smarte Hanse <hub@rostock.example>"
    assert config["HANSE_BASE_URL"] == "https://hub.smarte-hanse.example"


@pytest.mark.parametrize(
    ("name", "value"),
    [("HANSE_MAIL_USE_TLS", "vielleicht"), ("HANSE_MAIL_PORT", "smtp"), ("HANSE_BASE_URL", "hub")],
)
def test_invalid_mail_settings_fail_at_start(tmp_path, name, value):
    with pytest.raises(ConfigurationError, match=name):
        _settings(tmp_path, **{name: value})


def test_production_mail_needs_a_sender_and_the_public_address(tmp_path):
    production = {"HANSE_ENV": "production", "HANSE_SECRET_KEY": "x" * 48}
    with pytest.raises(ConfigurationError, match="HANSE_BASE_URL"):
        _settings(tmp_path, HANSE_MAIL_SERVER="smtp.example", **production)
    settings = _settings(
        tmp_path,
        HANSE_MAIL_SERVER="smtp.example",
        HANSE_MAIL_SENDER="hub@example.org",
        HANSE_BASE_URL="https://hub.example.org",
        **production,
    )
    assert settings.flask_config()["HANSE_MAIL_SERVER"] == "smtp.example"


def test_without_a_server_testing_collects_and_logs_the_message(app, caplog):
    with app.test_request_context(), caplog.at_level(logging.INFO, logger="hanse_hub.mail"):
        mail.send_mail("jana@example.org", "Betreff", "Hallo Jana")
        message = mail.outbox()[-1]
    assert message["To"] == "jana@example.org" and message.get_content().strip() == "Hallo Jana"
    assert "Hallo Jana" in caplog.text


class FakeSMTP:
    instances: list[FakeSMTP] = []

    def __init__(self, host, port, timeout=None, **kwargs):
        self.host, self.port, self.calls = host, port, []
        FakeSMTP.instances.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self, context=None):
        self.calls.append("starttls")

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def send_message(self, message):
        self.calls.append(("send", message["To"], message["From"]))


def test_smtp_is_used_with_starttls_and_login_when_configured(app, monkeypatch):
    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "HANSE_MAIL_SERVER", "smtp.example")
    monkeypatch.setitem(app.config, "HANSE_MAIL_USERNAME", "hub")
    monkeypatch.setitem(app.config, "HANSE_MAIL_PASSWORD", "geheim")
    with app.test_request_context():
        mail.send_mail("ole@example.org", "Betreff", "Text")
    smtp = FakeSMTP.instances[-1]
    assert (smtp.host, smtp.port) == ("smtp.example", 587)
    assert smtp.calls[0] == "starttls" and smtp.calls[1] == ("login", "hub", "geheim")
    assert smtp.calls[2][:2] == ("send", "ole@example.org")


def test_an_unreachable_server_raises_mail_error(app, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no server")

    monkeypatch.setattr(mail.smtplib, "SMTP", refuse)
    monkeypatch.setitem(app.config, "HANSE_MAIL_SERVER", "smtp.example")
    with app.test_request_context(), pytest.raises(mail.MailError):
        mail.send_mail("ole@example.org", "Betreff", "Text")


def test_links_in_mails_use_the_configured_public_address(app, monkeypatch):
    with app.test_request_context(base_url="http://evil.example"):
        assert mail.external_url("accounts.login").startswith("http://evil.example/")
        monkeypatch.setitem(app.config, "HANSE_BASE_URL", "https://hub.smarte-hanse.example")
        assert mail.external_url("accounts.login") == "https://hub.smarte-hanse.example/anmelden"
