"""publiccode.yml ⇄ solution: import a file as a solution, export a solution as a file.

Fields the hub has are mapped (``MAPPINGS``); everything else of an imported file is kept in
``Solution.publiccode_extra`` (``{"document": …, "description_key": …}``) and written again on
export. A value is taken out of the kept document only when mapping it to the hub and back
gives it unchanged (``beta`` becomes the maturity "pilot", which writes ``beta`` again only
because the original is kept); so nothing is dropped, and export → import → export is stable.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from flask_babel import gettext as _

from hanse_hub.content.models import (
    EntryKind,
    EntryStatus,
    MaintenanceType,
    Maturity,
    SoftwareType,
    Solution,
    Visibility,
)
from hanse_hub.content.services import ContentError, save_entry
from hanse_hub.policy import Actor, visible
from hanse_hub.standards import publiccode
from hanse_hub.tenants.models import Tenant

MAX_BYTES = 512 * 1024
MEDIA_TYPE = "application/yaml"
TO_MATURITY = {
    "concept": Maturity.IDEA,
    "development": Maturity.PILOT,
    "beta": Maturity.PILOT,
    "stable": Maturity.IN_OPERATION,
    "obsolete": Maturity.DISCONTINUED,
}
FROM_MATURITY = {
    Maturity.IDEA: "concept",
    Maturity.PILOT: "beta",
    Maturity.IN_OPERATION: "stable",
    Maturity.DISCONTINUED: "obsolete",
}
NAME_LINE = re.compile(r"^name:[ \t]*['\"]?(.+?)['\"]?[ \t]*$", re.MULTILINE)
URL_PATTERN = re.compile(r"^https?://\S+$")


def _text(limit: int) -> Callable[[Any], str | None]:
    def convert(value: Any) -> str | None:
        return value if isinstance(value, str) and value.strip() and len(value) <= limit else None

    return convert


def _strings(max_items: int, item_limit: int) -> Callable[[Any], list[str] | None]:
    def convert(value: Any) -> list[str] | None:
        if not isinstance(value, list) or len(value) > max_items:
            return None
        if not all(isinstance(v, str) and v.strip() and len(v) <= item_limit for v in value):
            return None
        return list(value)

    return convert


def _url(value: Any) -> str | None:
    return (
        value if isinstance(value, str) and URL_PATTERN.match(value) and len(value) <= 500 else None
    )


def _choice(enum_class) -> Callable[[Any], Any]:
    def convert(value: Any):
        values = {member.value for member in enum_class} - {"unspecified"}
        return enum_class(value) if isinstance(value, str) and value in values else None

    return convert


@dataclass(frozen=True)
class Mapping:
    path: tuple[str, ...]  # in the document; "{lang}" is the description's language key
    attr: str
    to_hub: Callable[[Any], Any]  # None: no usable value
    from_hub: Callable[[Any], Any]  # None: write nothing
    empty: Any = None  # the hub's value when the file has none


def _same(value: Any) -> Any:
    return value or None


MAPPINGS = (
    Mapping(("name",), "title", _text(300), _same, ""),
    Mapping(("url",), "repository_url", _url, _same),
    Mapping(("legal", "license"), "software_licence", _text(80), _same),
    Mapping(
        ("developmentStatus",),
        "maturity",
        TO_MATURITY.get,
        lambda m: FROM_MATURITY[Maturity(m)],
        Maturity.IDEA,
    ),
    Mapping(
        ("softwareType",),
        "software_type",
        _choice(SoftwareType),
        lambda v: None if v == SoftwareType.UNSPECIFIED else str(v),
        SoftwareType.UNSPECIFIED,
    ),
    Mapping(("platforms",), "platforms", _strings(20, 80), _same, []),
    Mapping(
        ("maintenance", "type"),
        "maintenance_type",
        _choice(MaintenanceType),
        lambda v: None if v == MaintenanceType.UNSPECIFIED else str(v),
        MaintenanceType.UNSPECIFIED,
    ),
    Mapping(("description", "{lang}", "shortDescription"), "summary", _text(2000), _same, ""),
    Mapping(("description", "{lang}", "longDescription"), "body", _text(200_000), _same, ""),
    Mapping(("description", "{lang}", "features"), "features", _strings(50, 300), _same, []),
)
MISSING = object()


def _get(document: dict, path: tuple[str, ...]) -> Any:
    value: Any = document
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def _pop(document: dict, path: tuple[str, ...]) -> None:
    parents = [document]
    for part in path[:-1]:
        parents.append(parents[-1][part])
    del parents[-1][path[-1]]
    for parent, part in zip(reversed(parents[:-1]), reversed(path[:-1]), strict=True):
        if parent[part] == {}:
            del parent[part]  # an emptied map was made by the mapping, not the file


def _put(document: dict, path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        document = document.setdefault(part, {})
    document[path[-1]] = value


def _description_key(document: dict) -> str:
    description = document.get("description")
    keys = [k for k in description if isinstance(k, str)] if isinstance(description, dict) else []
    for prefix in ("de", "en"):
        for key in keys:
            if key == prefix or key.startswith(prefix + "-"):
                return key
    return keys[0] if keys else "de"


def _resolve(path: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(lang if part == "{lang}" else part for part in path)


# -- import ---------------------------------------------------------------------------------------


@dataclass
class Imported:
    values: dict
    extra: dict
    language: str
    issues: list[publiccode.Issue] = field(default_factory=list)


def read(content: bytes) -> Imported:
    """A file as solution values and kept data; raises ``ContentError`` if nothing is usable."""
    if len(content) > MAX_BYTES:
        raise ContentError(_("Die Datei ist größer als 512 KB."))
    result = publiccode.validate(content)
    if result.document is None:
        # Not YAML at all: keep the whole file; the name, if a line gives it, is the title.
        text = content.decode("utf-8", errors="replace")
        match = NAME_LINE.search(text)
        if match is None:
            raise ContentError(
                _(
                    "Die Datei ist keine lesbare publiccode.yml: %(problem)s",
                    problem=str(result.issues[0]),
                )
            )
        values = {"title": match.group(1)[:300]}
        return Imported(values, {"unparsed": text}, "de", result.issues)
    document = copy.deepcopy(result.document)
    key = _description_key(document)
    values: dict[str, Any] = {}
    absent = []  # mapped fields the file leaves out: the hub's defaults do not add them
    for mapping in MAPPINGS:
        path = _resolve(mapping.path, key)
        original = _get(document, path)
        if original is MISSING:
            absent.append(mapping.attr)
        hub = mapping.to_hub(original) if original is not MISSING else None
        values[mapping.attr] = hub if hub is not None else mapping.empty
        if original is not MISSING and hub is not None and mapping.from_hub(hub) == original:
            _pop(document, path)
    if not values["title"]:
        raise ContentError(_("Die publiccode.yml nennt keinen Namen (name)."))
    language = "en" if key.startswith("en") else "de"
    extra = {"document": document, "description_key": key, "absent": absent}
    return Imported(values, extra, language, result.issues)


def import_solution(
    actor: Actor,
    tenant: Tenant,
    content: bytes,
    *,
    visibility: Visibility = Visibility.PUBLIC,
) -> tuple[Solution, list[publiccode.Issue]]:
    """A new draft solution of ``tenant`` from a publiccode.yml, and what the validator found.

    The caller owns the transaction (``write_transaction``)."""
    imported = read(content)
    values = {**imported.values, "language": imported.language, "visibility": visibility}
    values = {k: (v.value if hasattr(v, "value") else v) for k, v in values.items()}
    solution = save_entry(actor, tenant, values, kind=EntryKind.SOLUTION, status=None)
    solution.publiccode_extra = imported.extra
    return solution, imported.issues


# -- export ---------------------------------------------------------------------------------------


def _ordered(value: Any, shape: Any = None) -> Any:
    """Keys in the standard's order (``publiccode.TOP``), unknown keys after them: the same
    data is always written the same way."""
    shape = publiccode.TOP if shape is None else shape
    if isinstance(shape, dict) and isinstance(value, dict):
        order = list(shape)
        items = sorted(
            value.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
        )
        return {key: _ordered(child, shape.get(key)) for key, child in items}
    if isinstance(shape, tuple) and isinstance(value, dict):
        return {key: _ordered(child, shape[1]) for key, child in value.items()}
    if isinstance(shape, list) and isinstance(value, list):
        return [_ordered(item, shape[0]) for item in value]
    return value


def document_of(actor: Actor, solution: Solution) -> dict | None:
    """The publiccode.yml data of a solution; None for a kept file that was not YAML."""
    extra = solution.publiccode_extra or {}
    if "unparsed" in extra:
        return None
    document = copy.deepcopy(extra.get("document") or {})
    key = extra.get("description_key") or solution.language
    document.setdefault("publiccodeYmlVersion", publiccode.vocab.LATEST)
    absent = set(extra.get("absent") or ())
    for mapping in MAPPINGS:
        path = _resolve(mapping.path, key)
        current = getattr(solution, mapping.attr)
        if mapping.attr in absent and current in (mapping.empty, None):
            continue  # the file had none; the hub's default is not the file's data
        kept = _get(document, path)
        if kept is not MISSING and mapping.to_hub(kept) == current:
            continue  # the file's own spelling of the hub's value
        if kept is not MISSING and kept is not None and current in (mapping.empty, None):
            continue  # the file's value the hub could not take (kept, unchanged)
        value = mapping.from_hub(current)
        if value is None:
            if kept is not MISSING:
                _pop(document, path)
        else:
            _put(document, path, value)
    if "unparsed" not in extra and not extra:
        _defaults(actor, solution, document)
    return _ordered(document)


def _defaults(actor: Actor, solution: Solution, document: dict) -> None:
    """What a solution made in the hub says beyond its fields: its language, its contacts."""
    document.setdefault(
        "localisation", {"localisationReady": False, "availableLanguages": [solution.language]}
    )
    maintenance = document.get("maintenance")
    if isinstance(maintenance, dict) and maintenance.get("type") in ("internal", "community"):
        contacts = [
            {
                key: value
                for key, value in (
                    ("name", contact.person_name),
                    ("email", contact.email),
                    ("phone", contact.phone),
                )
                if value
            }
            for contact in visible(Actor.of(None), solution.contacts)
            if contact.status == EntryStatus.PUBLISHED
        ]
        if contacts:
            maintenance.setdefault("contacts", contacts)


class _Dumper(yaml.SafeDumper):
    pass


def _string(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def export_text(actor: Actor, solution: Solution) -> str | None:
    document = document_of(actor, solution)
    if document is None:
        return None
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def export_problems(actor: Actor, solution: Solution) -> list[str]:
    """Why the solution cannot be exported as a valid publiccode.yml (empty: it can)."""
    text = export_text(actor, solution)
    if text is None:
        return [_("Die importierte Datei war kein lesbares YAML; sie ist unverändert gespeichert.")]
    return [str(issue) for issue in publiccode.validate(text).errors]
