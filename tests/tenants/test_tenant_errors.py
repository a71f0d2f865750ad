"""Refusals of the tenant services name their field and speak the language of the request.

``test_a_refusal_is_english_in_an_english_request`` needs the English catalogue to contain the
services' messages (``make translations`` after merging them); the others pass without it.
"""

from __future__ import annotations

import contextvars

import pytest

from hanse_hub.tenants.services import (
    InvalidTenantSetting,
    TenantError,
    check_colour,
    create_tenant,
)

LIGHT = "#ffee00"
LIGHT_MESSAGE = (
    "Weiße Schrift auf #ffee00 hat nur ein Kontrastverhältnis von 1.2:1; nötig sind mindestens "
    "4.5:1. Bitte wählen Sie eine dunklere Farbe."
)


@pytest.mark.parametrize(
    ("slug", "values", "field", "message"),
    [
        (
            "Wis mar",
            {},
            "slug",
            "„Wis mar“ ist kein gültiges Kürzel: nur Kleinbuchstaben, Ziffern und Bindestriche.",
        ),
        ("wismar", {"colour": "blau"}, "colour", "„blau“ ist keine Farbe im Format #rrggbb."),
        (
            "wismar",
            {"official_name": "  "},
            "official_name",
            "Bitte geben Sie den offiziellen Namen an.",
        ),
        ("rostock", {}, "slug", "Das Kürzel „rostock“ ist bereits vergeben."),
    ],
)
def test_create_tenant_names_the_field_it_refuses(factory, slug, values, field, message):
    factory.tenant("rostock")
    with pytest.raises(InvalidTenantSetting) as refused:
        create_tenant(None, slug, **{"official_name": "Hansestadt Wismar", **values})
    assert isinstance(refused.value, TenantError)  # callers catching TenantError still do
    assert refused.value.field == field
    assert str(refused.value) == message


def test_a_refusal_outside_any_application_is_the_german_message():
    """Code that runs outside any application (a script importing the services) gets the German
    source text; the command line has an application context and gets it too (see the CLI tests)."""

    def refuse() -> InvalidTenantSetting:
        with pytest.raises(InvalidTenantSetting) as refused:
            check_colour(LIGHT)
        return refused.value

    error = contextvars.Context().run(refuse)  # no application context, no request
    assert str(error) == LIGHT_MESSAGE and error.field == "colour"


def _refusal_in_a_request(app, headers: dict) -> InvalidTenantSetting:
    """The refusal of a light colour, raised while answering a request with ``headers``.

    A fresh application context: the tests' own one has its language cached already.
    """
    with app.app_context(), app.test_request_context("/", headers=headers):
        try:
            check_colour(LIGHT)
        except InvalidTenantSetting as error:
            return error
    raise AssertionError("the light colour was accepted")


def test_a_refusal_is_german_in_a_request_without_a_language(app):
    assert str(_refusal_in_a_request(app, {})) == LIGHT_MESSAGE


def test_a_refusal_is_english_in_an_english_request(app):
    assert str(_refusal_in_a_request(app, {"Accept-Language": "en"})) == (
        "White text on #ffee00 has a contrast ratio of only 1.2:1; at least 4.5:1 is needed. "
        "Please choose a darker colour."
    )
