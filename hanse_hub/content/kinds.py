"""What each kind of entry is: its fields, declared once.

Every field of every kind is one ``Field`` here – its type and limits, its label (a German
msgid; English is in the catalogue), whether search indexes it, whether the history names its
changes, and its name in the API. What the rest of the hub knows about a kind's fields is
derived from this registry:

- the content services' plain columns and links (``content.services.KIND_FIELDS``, …),
- the API's marshmallow fields (``api.schemas``),
- the texts the search index takes (``search.indexing.entry_fields``),
- the fields the history compares and how it names them (``content.revisions``, ``labels``),
- the web form's kind-specific fields – which field, in which order, its label, limits,
  choices, help text and the message for a missing value (``content.forms``, from each
  field's ``type`` and its ``form`` hints).

Adding a field to a kind: one ``Field`` in ``REGISTRY`` plus a migration for its column.
The functions take a registry as a parameter (default ``REGISTRY``) so that a test can add a
field to a copy and see it everywhere.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from flask_babel import lazy_gettext as _l

from hanse_hub.content.models import (
    MAX_TEXT,
    EntryKind,
    MaintenanceType,
    Maturity,
    SoftwareType,
)
from hanse_hub.labels import MATURITY_LABELS


class FieldType(enum.StrEnum):
    TEXT = "text"  # long text (Markdown or plain), up to ``max_length``
    LINE = "line"  # one line of text
    URL = "url"  # an http(s) address
    CHOICE = "choice"  # one value of ``choices`` (an enum)
    LIST = "list"  # a list of short strings (comma-separated in the web form)
    DATETIME = "datetime"  # a moment (UTC in storage, Berlin time in the form)
    DATE = "date"  # a calendar day (optional)
    LINKS = "links"  # links to other entries of kind ``target`` (ids in the API)
    LINK = "link"  # one link to an entry of kind ``target`` (its id in the API)


@dataclass(frozen=True)
class FormHints:
    """How the web form asks for a field, beyond what its type and limits say.

    The form's field follows from the ``Field``'s type (text area, line, address, select,
    comma-separated list, date, Berlin time, entry choices, the people picker); these hints
    word and size it.
    """

    label: str | None = None  # the form's question, where it says more than ``Field.label``
    help: str | None = None  # the hint below the field
    required: str | None = None  # the message for an empty field (the field is then required)
    max_length: int | None = None  # the form's own limit, where it differs from the API's
    one_line: bool = False  # TEXT: asked for in one line
    rows: int = 6  # TEXT: the height of the text area
    # TEXT: written with Markdown (the form's preview renders it; the entry page's template
    # says itself how it shows the field).
    markdown: bool = False


@dataclass(frozen=True)
class Field:
    """One field of a kind.

    ``name`` is the model attribute (for ``LINKS``: the relationship; for ``LINK``: the foreign
    key column); ``api_name`` what the API and the services call it, when different.
    """

    name: str
    type: FieldType
    label: str
    max_length: int | None = None
    min_length: int = 0
    nullable: bool = False
    item_max_length: int | None = None  # LIST: each item
    max_items: int | None = None  # LIST and LINKS
    choices: type[enum.Enum] | None = None  # CHOICE
    # CHOICE: what the interface calls each value; without, values are shown as they are
    # (the values of a standard such as publiccode.yml).
    choice_labels: Mapping[enum.Enum, str] | None = field(default=None, hash=False)
    target: EntryKind | None = None  # LINKS and LINK
    searched: bool = False
    in_history: bool = True
    api_name: str | None = None
    form: FormHints = FormHints()

    @property
    def input_name(self) -> str:
        """The name the API and the content services use for this field."""
        return self.api_name or self.name

    @property
    def is_link(self) -> bool:
        return self.type in (FieldType.LINKS, FieldType.LINK)


@dataclass(frozen=True)
class KindSpec:
    kind: EntryKind
    fields: tuple[Field, ...] = field(default_factory=tuple)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name or f.input_name == name)


@dataclass(frozen=True)
class Registry:
    """The kinds, in the order their fields appear in the history."""

    common: tuple[Field, ...]
    kinds: tuple[KindSpec, ...]

    def of(self, kind: EntryKind | str) -> KindSpec:
        return next(spec for spec in self.kinds if spec.kind == kind)

    def with_field(self, kind: EntryKind, new: Field) -> Registry:
        """A copy with ``new`` added to ``kind`` (for tests and for trying a field out)."""
        kinds = tuple(
            replace(spec, fields=(*spec.fields, new)) if spec.kind == kind else spec
            for spec in self.kinds
        )
        return replace(self, kinds=kinds)


def _text(name: str, label: str, maximum: int = 100_000, **kw) -> Field:
    return Field(name, FieldType.TEXT, label, max_length=maximum, **kw)


def _markdown(name: str, label: str, help: str | None = None) -> Field:
    """A searched long text written with Markdown (the form takes as much as the column)."""
    hints = FormHints(help=help, markdown=True, max_length=MAX_TEXT)
    return _text(name, label, searched=True, form=hints)


def _plain(name: str, label: str) -> Field:
    """A searched short text without formatting (a few lines in the form)."""
    return _text(name, label, searched=True, form=FormHints(rows=3, max_length=20_000))


def _one_line(name: str, label: str, form_max: int, help: str | None = None, **kw) -> Field:
    """A text asked for in one line of at most ``form_max`` characters."""
    return _text(name, label, form=FormHints(help=help, one_line=True, max_length=form_max), **kw)


# Fields every kind has (laid out by the web form itself; listed for the history's names).
COMMON_FIELDS = (
    Field("title", FieldType.LINE, _l("Titel"), max_length=300, min_length=1),
    Field("summary", FieldType.TEXT, _l("Kurzbeschreibung"), max_length=2000),
    Field("body", FieldType.TEXT, _l("Beschreibung"), max_length=MAX_TEXT),
    Field("topics", FieldType.LIST, _l("Handlungsfelder")),
    Field("tags", FieldType.LIST, _l("Schlagworte")),
    Field("visibility", FieldType.CHOICE, _l("Sichtbarkeit")),
    Field("language", FieldType.CHOICE, _l("Sprache")),
    Field("licence", FieldType.LINE, _l("Lizenz")),
    Field("review_by", FieldType.LINE, _l("Nächste Prüfung")),
    Field("participants", FieldType.LIST, _l("Gemeinsames Projekt mit")),
)

REGISTRY = Registry(
    common=COMMON_FIELDS,
    kinds=(
        KindSpec(
            EntryKind.SOLUTION,
            (
                Field(
                    "maturity",
                    FieldType.CHOICE,
                    _l("Reifegrad"),
                    choices=Maturity,
                    choice_labels=MATURITY_LABELS,
                    form=FormHints(required=_l("Bitte wählen Sie den Reifegrad.")),
                ),
                _markdown(
                    "problem", _l("Problem"), _l("Welches Problem der Stadt löst die Lösung?")
                ),
                _markdown("approach", _l("Lösungsansatz"), _l("Wie funktioniert die Lösung?")),
                _markdown(
                    "transferability",
                    _l("Übertragbarkeit"),
                    _l("Was braucht eine andere Stadt, um sie zu übernehmen?"),
                ),
                _plain("costs", _l("Kosten")),
                _plain("partners", _l("Partner")),
                Field(
                    "technologies",
                    FieldType.LIST,
                    _l("Technologien"),
                    item_max_length=80,
                    max_items=50,
                    searched=True,
                    form=FormHints(help=_l("Durch Kommas getrennt, z. B. LoRaWAN, FIWARE.")),
                ),
                Field(
                    "software_licence",
                    FieldType.LINE,
                    _l("Lizenz der Software"),
                    max_length=80,
                    nullable=True,
                    form=FormHints(
                        help=_l(
                            "Falls die Lösung Software enthält: die Lizenz als SPDX-Kürzel, "
                            "z. B. EUPL-1.2."
                        )
                    ),
                ),
                Field(
                    "repository_url",
                    FieldType.URL,
                    _l("Adresse des Quellcodes"),
                    max_length=500,
                    nullable=True,
                    form=FormHints(help=_l("z. B. https://gitlab.opencode.de/…")),
                ),
                Field(
                    "contacts",
                    FieldType.LINKS,
                    _l("Ansprechpersonen"),
                    target=EntryKind.CONTACT,
                    max_items=100,
                    api_name="contact_ids",
                ),
                # What publiccode.yml requires beyond the fields above (docs/standards.md).
                Field(
                    "software_type",
                    FieldType.CHOICE,
                    _l("Art der Software (publiccode.yml)"),
                    choices=SoftwareType,
                ),
                Field(
                    "platforms",
                    FieldType.LIST,
                    _l("Plattformen (publiccode.yml, z. B. web, android)"),
                    item_max_length=80,
                    max_items=20,
                ),
                Field(
                    "features",
                    FieldType.LIST,
                    _l("Funktionen (publiccode.yml)"),
                    item_max_length=300,
                    max_items=50,
                ),
                Field(
                    "maintenance_type",
                    FieldType.CHOICE,
                    _l("Wartung (publiccode.yml)"),
                    choices=MaintenanceType,
                ),
            ),
        ),
        KindSpec(
            EntryKind.LESSON,
            (
                _markdown("context", _l("Ausgangslage")),
                _markdown("what_worked", _l("Was funktioniert hat")),
                _markdown("what_did_not_work", _l("Was nicht funktioniert hat")),
                _markdown("recommendations", _l("Empfehlungen")),
                Field(
                    "solutions",
                    FieldType.LINKS,
                    _l("Betrifft die Lösungen"),
                    target=EntryKind.SOLUTION,
                    max_items=100,
                    api_name="solution_ids",
                ),
            ),
        ),
        KindSpec(
            EntryKind.CONTACT,
            (
                Field(
                    "person_name",
                    FieldType.LINE,
                    _l("Name"),
                    max_length=200,
                    min_length=1,
                    searched=True,
                    form=FormHints(
                        label=_l("Name der Person"),
                        required=_l("Bitte geben Sie den Namen der Person an."),
                    ),
                ),
                _one_line("position", _l("Funktion"), 200, searched=True),
                _one_line(
                    "org_unit",
                    _l("Organisationseinheit"),
                    200,
                    _l("z. B. Amt für Verkehrsanlagen"),
                    searched=True,
                ),
                # The address's form is checked by the form (``ContactForm.validate_email``).
                Field("email", FieldType.LINE, _l("E-Mail-Adresse"), max_length=320),
                # Which characters a number may have: ``ContactForm.validate_phone``.
                _one_line("phone", _l("Telefon"), 60),
                Field(
                    "expertise",
                    FieldType.LIST,
                    _l("Fachgebiete"),
                    item_max_length=120,
                    max_items=50,
                    searched=True,
                    form=FormHints(
                        help=_l("Durch Kommas getrennt, z. B. Parkraummanagement, Vergabe.")
                    ),
                ),
                Field(
                    "left_at",
                    FieldType.DATE,
                    _l("Nicht mehr erreichbar seit"),
                    nullable=True,
                    form=FormHints(
                        help=_l(
                            "Wenn die Person die Stelle verlassen hat: Fragen gehen ab diesem "
                            "Tag an die Redaktion Ihrer Organisation."
                        )
                    ),
                ),
            ),
        ),
        KindSpec(
            EntryKind.EVENT,
            (
                Field(
                    "starts_at",
                    FieldType.DATETIME,
                    _l("Beginn"),
                    form=FormHints(required=_l("Bitte geben Sie den Beginn an.")),
                ),
                Field(
                    "ends_at",
                    FieldType.DATETIME,
                    _l("Ende"),
                    form=FormHints(required=_l("Bitte geben Sie das Ende an.")),
                ),
                _one_line("place", _l("Ort"), 300, searched=True),
                _one_line("organiser", _l("Veranstalter"), 300, searched=True),
                _markdown("programme", _l("Programm")),
            ),
        ),
        KindSpec(
            EntryKind.MATERIAL,
            (
                Field(
                    "event_id",
                    FieldType.LINK,
                    _l("Veranstaltung"),
                    target=EntryKind.EVENT,
                    form=FormHints(
                        help=_l(
                            "Material gehört zu einer Veranstaltung, einer Lösung oder zu beiden."
                        )
                    ),
                ),
                Field("solution_id", FieldType.LINK, _l("Lösung"), target=EntryKind.SOLUTION),
                Field(
                    "speakers",
                    FieldType.LINKS,
                    _l("Vortragende"),
                    target=EntryKind.CONTACT,
                    max_items=100,
                    api_name="speaker_ids",
                ),
            ),
        ),
    ),
)


# -- what the rest of the hub derives ------------------------------------------------------------


def plain_fields(kind: EntryKind, registry: Registry = REGISTRY) -> frozenset[str]:
    """The kind's own columns a caller may set (links aside)."""
    return frozenset(f.name for f in registry.of(kind).fields if not f.is_link)


def link_fields(kind: EntryKind, registry: Registry = REGISTRY) -> dict[str, tuple[str, EntryKind]]:
    """Links to several entries: input name (``contact_ids``) → (relationship, target kind)."""
    return {
        f.input_name: (f.name, f.target)
        for f in registry.of(kind).fields
        if f.type == FieldType.LINKS
    }


def reference_fields(
    kind: EntryKind, registry: Registry = REGISTRY
) -> dict[str, tuple[str, EntryKind]]:
    """Links to one entry: input name (``event_id``) → (foreign-key column, target kind)."""
    return {
        f.input_name: (f.name, f.target)
        for f in registry.of(kind).fields
        if f.type == FieldType.LINK
    }


def searched_fields(kind: EntryKind, registry: Registry = REGISTRY) -> tuple[Field, ...]:
    """The kind's fields whose text the search index takes, in the declared order."""
    return tuple(f for f in registry.of(kind).fields if f.searched)


def history_fields(registry: Registry = REGISTRY) -> tuple[str, ...]:
    """The fields whose change the history names, in the order it names them."""
    names = [f.name for f in registry.common if f.in_history]
    for spec in registry.kinds:
        names += [f.name for f in spec.fields if f.in_history and f.name not in names]
    return tuple(names)


def field_labels(registry: Registry = REGISTRY) -> dict[str, str]:
    """How the history names each of ``history_fields`` (a lazy German msgid)."""
    labels = {f.name: f.label for f in registry.common}
    for spec in registry.kinds:
        for f in spec.fields:
            labels.setdefault(f.name, f.label)
    return {name: labels[name] for name in history_fields(registry)}


def api_names(registry: Registry = REGISTRY) -> dict[str, str]:
    """History name → API name, where they differ (``contacts`` → ``contact_ids``)."""
    return {
        f.name: f.input_name
        for spec in registry.kinds
        for f in spec.fields
        if f.input_name != f.name
    }
