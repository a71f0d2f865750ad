"""The interface language: German (the source language of every UI text) or English.

The choice comes from ``?lang=de|en`` (stored in the ``hanse_lang`` cookie, then redirected to
the same address without the parameter), else from that cookie, else from the browser's
Accept-Language header, else German. Content written by people is never translated; only
the interface is.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, g, has_request_context, redirect, request
from flask_babel import format_date as babel_format_date
from flask_babel import format_time as babel_format_time
from flask_babel import get_locale, gettext, to_user_timezone

from hanse_hub.extensions import babel
from hanse_hub.labels import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_COOKIE = "hanse_lang"
LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600
# What the switch offers on a page in the given language: (target code, its own name).
SWITCH = {"de": ("en", "English"), "en": ("de", "Deutsch")}


def select_locale() -> str:
    if not has_request_context():  # CLI, mails sent by workers: the source language
        return DEFAULT_LANGUAGE
    if "hanse_locale" not in g:
        g.hanse_locale = _chosen_language()
    return g.hanse_locale


def _chosen_language() -> str:
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def _same_page_without_lang() -> str:
    """The current address without ``lang``: always a path on this site, never ``//host``."""
    path = "/" + request.path.lstrip("/\\")
    rest = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    query = urlencode(rest)
    return request.script_root + path + (f"?{query}" if query else "")


def switch_url(code: str) -> str:
    """The current page with ``?lang=code``: the switch link (no JavaScript, no form)."""
    rest = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    rest.append(("lang", code))
    return request.script_root + "/" + request.path.lstrip("/\\") + "?" + urlencode(rest)


# English dates in the European form ("24 Sep 2026", 24-hour clock), not the US one ("Sep 24,
# 2026, 10:00 AM"): the hub's readers are European. German keeps CLDR's "24.09.2026, 10:00".
DATE_PATTERNS = {"en": ("d MMM y", "HH:mm")}


def _patterns() -> tuple[str, str]:
    locale = get_locale()
    return DATE_PATTERNS.get(locale.language if locale else "", ("medium", "short"))


def format_date(value, with_time: bool = False) -> str:
    """A date (or moment, shown in Europe/Berlin) in the interface language's usual form."""
    if value is None:
        return ""
    date_pattern, time_pattern = _patterns()
    day = babel_format_date(value, date_pattern)
    if not with_time or not hasattr(value, "hour"):
        return day
    return gettext("%(date)s, %(time)s Uhr", date=day, time=babel_format_time(value, time_pattern))


def format_period(start, end) -> str:
    """From ``start`` to ``end`` (moments); the date only once when both fall on the same day
    in Europe/Berlin: "10.12.2026, 10:00 bis 16:30 Uhr"."""
    if end is None or start is None:
        return format_date(start or end, with_time=True)
    if to_user_timezone(start).date() != to_user_timezone(end).date():
        return gettext(
            "%(start)s bis %(end)s",
            start=format_date(start, with_time=True),
            end=format_date(end, with_time=True),
        )
    date_pattern, time_pattern = _patterns()
    return gettext(
        "%(date)s, %(start)s bis %(end)s Uhr",
        date=babel_format_date(start, date_pattern),
        start=babel_format_time(start, time_pattern),
        end=babel_format_time(end, time_pattern),
    )


def init_i18n(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Berlin")
    babel.init_app(app, locale_selector=select_locale)

    @app.before_request
    def _language_switch():
        code = request.args.get("lang")
        if request.method != "GET" or code is None or request.path.startswith("/api/"):
            return None
        response = redirect(_same_page_without_lang(), code=303)
        if code in LANGUAGES:
            response.set_cookie(
                LANGUAGE_COOKIE,
                code,
                max_age=LANGUAGE_COOKIE_MAX_AGE,
                secure=app.config.get("SESSION_COOKIE_SECURE", False),
                httponly=True,
                samesite="Lax",
            )
        return response

    @app.after_request
    def _vary(response):
        if response.mimetype == "text/html":
            response.vary.add("Accept-Language")
            response.vary.add("Cookie")
        return response

    @app.context_processor
    def _language():
        language = select_locale()
        target, name = SWITCH[language]
        return {
            "interface_language": language,
            "language_switch": {"code": target, "name": name, "url": switch_url(target)},
        }
