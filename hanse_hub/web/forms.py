"""The base of every HTML form: Flask-WTF (CSRF) plus what every field needs."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm


def without_nul(value: Any) -> Any:
    """Text without NUL characters: PostgreSQL text columns refuse them, and no one means them."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    return value


class BaseForm(FlaskForm):
    """Every field's input passes ``without_nul`` first. Built-in validation messages come in
    the interface language (Flask-WTF's translations of WTForms' own catalogue)."""

    class Meta(FlaskForm.Meta):
        def bind_field(self, form, unbound_field, options):
            options["filters"] = [without_nul, *options.get("filters", ())]
            return super().bind_field(form, unbound_field, options)
