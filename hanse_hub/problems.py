"""Problem messages: what each HTTP error status tells a person, for web pages and the API.

Neither edge owns them: ``web.errors`` renders them as HTML or problem+json, ``api.errors``
raises them as problem+json (RFC 9457), and the OpenAPI description documents them. German
msgids, translated where they are shown (in the request's language).
"""

from __future__ import annotations

from flask import jsonify
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString


def N_(message: str) -> str:
    """Marks a message for the catalogue; it is translated where it is shown."""
    return message


MESSAGES = {
    400: (N_("Ungültige Anfrage"), N_("Die Anfrage konnte nicht verstanden werden.")),
    401: (N_("Anmeldung erforderlich"), N_("Bitte melden Sie sich an.")),
    403: (N_("Keine Berechtigung"), N_("Dafür fehlt Ihnen die Berechtigung.")),
    404: (
        N_("Seite nicht gefunden"),
        N_("Diese Seite gibt es nicht, oder sie ist für Sie nicht sichtbar."),
    ),
    405: (N_("Methode nicht erlaubt"), N_("Diese Aktion ist hier nicht möglich.")),
    409: (N_("Konflikt"), N_("Die Änderung passt nicht zum aktuellen Stand. Bitte laden Sie neu.")),
    412: (
        N_("Veraltete Fassung"),
        N_("Der Eintrag wurde inzwischen geändert. Bitte laden Sie neu."),
    ),
    413: (N_("Datei zu groß"), N_("Die gesendeten Daten sind größer als erlaubt.")),
    415: (N_("Dateityp nicht erlaubt"), N_("Dieser Dateityp wird nicht angenommen.")),
    422: (N_("Eingaben prüfen"), N_("Einige Eingaben sind nicht gültig.")),
    429: (
        N_("Zu viele Anfragen"),
        N_("Bitte warten Sie einen Moment und versuchen Sie es erneut."),
    ),
    500: (
        N_("Interner Fehler"),
        N_("Das hat leider nicht geklappt. Bitte versuchen Sie es später erneut."),
    ),
}


def title_and_detail(status: int, detail: str | None = None) -> tuple[str, str]:
    """The translated title of ``status``, and ``detail`` or the status's own explanation."""
    title, default_detail = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    return _(title), str(detail) if detail else _(default_detail)


def problem_json(status: int, detail: str | None = None, **extra):
    """An ``application/problem+json`` response; ``extra`` members as plain JSON."""
    title, detail = title_and_detail(status, detail)
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        **{name: plain_messages(value) for name, value in extra.items()},
    }
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def plain_messages(value):
    """``value`` with every lazily translated message (flask_babel's ``LazyString``, e.g. a
    marshmallow ``error_messages`` entry given with ``lazy_gettext``) made a plain ``str``,
    translated now: the body holds only JSON types (Flask's encoder would take a LazyString by
    its ``__html__``; another encoder would refuse it)."""
    if isinstance(value, LazyString):
        return str(value)
    if isinstance(value, dict):
        return {key: plain_messages(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_messages(item) for item in value]
    return value


def field_errors(messages) -> dict:
    """marshmallow messages, keyed by field (the request location level removed), as plain
    strings."""
    if isinstance(messages, dict) and len(messages) == 1:
        ((location, inner),) = messages.items()
        if location in ("json", "query", "form", "files", "headers") and isinstance(inner, dict):
            return plain_messages(inner)
    return plain_messages(messages if isinstance(messages, dict) else {"_schema": messages})
