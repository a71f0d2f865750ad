"""Numbers in translated interface texts, written the way the interface language writes them.

A template's ``ngettext('%(num)d Eintrag', '%(num)d Einträge', count)`` shows 1234 as
"1.234 Einträge" in German and "1,234 entries" in English, as ICU and Fluent messages format
their number arguments: every ``%(name)d`` placeholder of a template's ``_()``, ``gettext()``,
``ngettext()`` or ``{% trans %}`` takes its integer through Flask-Babel's ``format_number``. The
catalogue keeps its ``%(name)d`` messages unchanged. Numbers that are names rather than amounts
(a year, a postcode) belong in ``%(name)s`` placeholders, which are left alone. Numbers outside
messages use the ``number`` filter (``{{ count | number }}``).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask_babel import format_number, get_translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

# "%%" is a literal percent sign and stays as it is.
_PLACEHOLDER = re.compile(r"%%|%\((\w+)\)d")


def localise_numbers(message: str, variables: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``message`` with its ``%(name)d`` placeholders as ``%(name)s``, and ``variables`` with
    those integers formatted for the interface language. Anything else is left as it was."""
    formatted: dict[str, str] = {}

    def placeholder(match: re.Match) -> str:
        name = match.group(1)
        value = variables.get(name) if name else None
        if not isinstance(value, int) or isinstance(value, bool):
            return match.group(0)
        formatted[name] = format_number(value)
        return f"%({name})s"

    return _PLACEHOLDER.sub(placeholder, message), {**variables, **formatted}


def _interpolate(context: Context, message: str, variables: dict[str, Any]) -> str:
    message, variables = localise_numbers(message, variables)
    if context.eval_ctx.autoescape:
        message = Markup(message)
    # Always a format string, as in Jinja's own "newstyle" gettext: "%%" becomes "%".
    return message % variables


@pass_context
def _gettext(context: Context, string: str, /, **variables: Any) -> str:
    return _interpolate(context, get_translations().gettext(string), variables)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, num: int, /, **variables: Any) -> str:
    variables.setdefault("num", num)
    return _interpolate(context, get_translations().ngettext(singular, plural, num), variables)


def localise_template_numbers(app: Flask) -> None:
    """Replace the templates' ``gettext``/``ngettext`` (and so ``_`` and ``{% trans %}``) that
    Flask-Babel installed with ones that format numbers; call after ``babel.init_app``."""
    app.jinja_env.globals.update(gettext=_gettext, ngettext=_ngettext)
