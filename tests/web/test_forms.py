"""Every form of the hub, as each role reaches it by links, with absurd input: never a server
error, and a form that refuses what was typed shows it again, so that nothing is lost."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.web.crawl import ROLES, SKIPPED_PREFIXES, Form, crawl, parse_page, seed_small_hub

# What people (and scripts) manage to type into a field.
ABSURD = {
    "empty": "",
    "control characters": "a\x00b\x1b[31m\u202e\ufeff",
    "markup": "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>",
    "very long": "Straße " * 3000,
    "numbers where text goes": "-1e309",
}
# A harmless value that a refusing form must show again (alone, or at the start of a value
# too long for the field).
TYPED = "Eingabe 42 äöü"
TEXT_TYPES = {"text", "email", "url", "search", "tel", "textarea", "password", "number", "date"}
TEXT_TYPES |= {"datetime-local", "time", "month"}


def _forms_reached(client) -> list[Form]:
    """Each distinct form on the pages the crawl reaches (by method, target and controls)."""
    forms: dict[tuple, Form] = {}
    for visit in crawl(client, limit=250):
        response = visit.response
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        for form in parse_page(visit.url, response.get_data(as_text=True)).forms:
            path = urlsplit(form.action).path
            if path.startswith(SKIPPED_PREFIXES):
                continue
            key = (form.method, form.action, tuple(f["name"] for f in form.fields))
            forms.setdefault(key, form)
    return list(forms.values())


def _payload(form: Form, value: str, choice: str | None) -> dict[str, str]:
    """The form as a browser sends it, with ``value`` in every text field and ``choice`` (or
    the first option) in every select; hidden fields (CSRF token, version) as they were."""
    data: dict[str, str] = {}
    submitted = False
    for control in form.fields:
        kind, name = control.get("type", "text"), control["name"]
        if control["tag"] == "select":
            options = control.get("options") or [""]
            data[name] = choice if choice is not None else options[0]
        elif kind == "hidden":
            data[name] = control.get("value", "")
        elif kind in ("submit", "button", "image"):
            if not submitted:  # the first button, as pressing Enter would
                data[name] = control.get("value", "")
                submitted = True
        elif kind in ("checkbox", "radio"):
            data.setdefault(name, control.get("value", "on"))
        elif kind != "file":
            data[name] = value
    return data


def _send(client, form: Form, data: dict[str, str]):
    if form.method == "get":
        return client.get(form.action, query_string=data)
    if "multipart" in form.enctype:
        return client.post(form.action, data=data, content_type="multipart/form-data")
    return client.post(form.action, data=data)


def _text_fields(form: Form) -> list[str]:
    return [
        f["name"]
        for f in form.fields
        if f["tag"] in ("input", "textarea")
        and f.get("type", "text") in TEXT_TYPES
        and f.get("type") != "password"
    ]


@pytest.mark.slow_on_postgresql
@pytest.mark.parametrize("role", ROLES)
def test_no_form_answers_absurd_input_with_a_server_error(client, factory, session, role):
    people = seed_small_hub(factory)
    session.commit()
    if role != "anonymous":
        factory.login(client, people[role])
    forms = _forms_reached(client)
    assert len(forms) >= 3, "the crawl found too few forms to mean anything"

    errors = []
    for form in forms:
        for name, value in ABSURD.items():
            for choice in (None, "\x00évil"):
                response = _send(client, form, _payload(form, value, choice))
                if response.status_code >= 500:
                    errors.append((form.method, form.action, name, choice, response.status_code))
    assert not errors, f"server errors (method, form, input, choice, status): {errors}"


@pytest.mark.slow_on_postgresql
@pytest.mark.parametrize("role", ROLES)
def test_a_refusing_form_shows_what_was_typed(client, factory, session, role):
    people = seed_small_hub(factory)
    session.commit()
    if role != "anonymous":
        factory.login(client, people[role])
    checked, lost = [], []
    for form in _forms_reached(client):
        fields = _text_fields(form)
        if form.method != "post" or not fields:
            continue
        # A choice no select offers makes a form refuse, if it has a select; else too much text.
        for typed in (TYPED, TYPED + " " + "x" * 5000):
            response = _send(client, form, _payload(form, typed, "\x00évil"))
            if response.status_code in (400, 409, 413, 415, 422):
                break
        else:
            continue
        if response.mimetype != "text/html":
            continue
        checked.append(form.action)
        if TYPED not in response.get_data(as_text=True):
            lost.append((form.action, response.status_code, fields))
    assert checked, "no form refused the input: the check proved nothing"
    assert not lost, f"refused input not shown again (form, status, fields): {lost}"
