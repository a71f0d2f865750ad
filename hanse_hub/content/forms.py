"""HTML forms for editing entries, their files and adoptions (validated at the edge, CSRF).

The forms turn what people type into the clean data the content services expect
(``service_data``); the services still decide what is allowed. Field names are
the services' field names, so that a ``ContentError(field=…)`` lands on its field.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    StopValidation,
    ValidationError,
)

from hanse_hub.clock import berlin_to_utc, utc_to_berlin
from hanse_hub.content import kinds
from hanse_hub.content.models import (
    MAX_TEXT,
    AdoptionStatus,
    Contact,
    Entry,
    EntryKind,
    Visibility,
)
from hanse_hub.content.services import (
    ContentError,
    contacts_by_ids,
    find_contacts,
    visible_entries,
)
from hanse_hub.content.topics import list_topics
from hanse_hub.extensions import db
from hanse_hub.labels import interface_language
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import list_tenants
from hanse_hub.web.forms import BaseForm

# Dates people may mean: anything else is a typo (and would overflow time-zone arithmetic).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200

LICENCES = [
    ("CC-BY-4.0", _l("CC BY 4.0 – Namensnennung")),
    ("CC-BY-SA-4.0", _l("CC BY-SA 4.0 – Namensnennung, Weitergabe unter gleichen Bedingungen")),
    ("CC0-1.0", _l("CC0 1.0 – gemeinfrei, ohne Bedingungen")),
    ("dl-de/by-2-0", _l("Datenlizenz Deutschland – Namensnennung – Version 2.0")),
    ("dl-de/zero-2-0", _l("Datenlizenz Deutschland – Zero – Version 2.0")),
]
LANGUAGES = [("de", _l("Deutsch")), ("en", _l("Englisch"))]
VISIBILITIES = [
    (Visibility.PUBLIC.value, _l("Öffentlich")),
    (Visibility.NETWORK.value, _l("Im Netzwerk")),
    (Visibility.INTERNAL.value, _l("Intern")),
]
ADOPTION_STATUSES = [
    (AdoptionStatus.EVALUATING.value, _l("Wir prüfen die Lösung")),
    (AdoptionStatus.ADOPTED.value, _l("Übernommen")),
    (AdoptionStatus.ADAPTED.value, _l("Angepasst übernommen")),
    (AdoptionStatus.DROPPED.value, _l("Geprüft und verworfen")),
]
NONE_CHOICE = ("", _l("– keine –"))


def options(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """Choices for a select, radio or checkbox field, from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


MAX_SHORT_TEXT = 20_000


def visibility_descriptions(tenant_name: str, *, joint_projects: bool = True) -> dict[str, str]:
    """Who will see something of ``tenant_name`` at each visibility, in words for people."""
    if joint_projects:
        internal = _(
            "Nur Ihre Organisation %(name)s und die Partner gemeinsamer Projekte.",
            name=tenant_name,
        )
    else:
        internal = _("Nur Ihre Organisation %(name)s.", name=tenant_name)
    return {
        Visibility.PUBLIC.value: _("Alle, auch ohne Anmeldung: frei lesbar im Internet."),
        Visibility.NETWORK.value: _(
            "Alle angemeldeten Mitarbeiter*innen der Organisationen der Smarten Hanse."
        ),
        Visibility.INTERNAL.value: internal,
    }


# -- input cleaning ------------------------------------------------------------------------------


def clean_line(value: Any) -> Any:
    """One line of text: no NUL characters (databases refuse them), no surrounding spaces."""
    if isinstance(value, str):
        return value.replace("\x00", "").strip()
    return value


def clean_text(value: Any) -> Any:
    """Multi-line text: no NUL characters, unified line ends, no trailing blank lines."""
    if isinstance(value, str):
        return value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return value


def split_list(value: str | None) -> list[str]:
    """Comma-separated words as a list, without blanks and duplicates, in the given order."""
    items = [item.strip() for item in (value or "").split(",")]
    return list(dict.fromkeys(item for item in items if item))


class CommaList:
    """Validates a comma-separated list: at most ``max_items`` items of ``max_length`` each."""

    def __init__(self, *, max_items: int, max_length: int):
        self.max_items = max_items
        self.max_length = max_length

    def __call__(self, form, field) -> None:
        items = split_list(field.data)
        if len(items) > self.max_items:
            raise ValidationError(
                _("Höchstens %(count)s Einträge, durch Kommas getrennt.", count=self.max_items)
            )
        too_long = [item for item in items if len(item) > self.max_length]
        if too_long:
            raise ValidationError(
                _(
                    "Jeder Eintrag darf höchstens %(count)s Zeichen lang sein "
                    "(zu lang: „%(item)s…“).",
                    count=self.max_length,
                    item=too_long[0][:40],
                )
            )


def _in_plausible_years(form, field) -> None:
    value = field.data
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _(
                "Bitte geben Sie ein Datum zwischen %(first)s und %(last)s an.",
                first=EARLIEST_YEAR,
                last=LATEST_YEAR,
            )
        )


def _length(maximum: int) -> Length:
    return Length(
        max=maximum,
        message=_l("Höchstens %(count)s Zeichen.", count=f"{maximum:,}".replace(",", ".")),
    )


def line(label: str, maximum: int, *validators, required: str | None = None, **kwargs):
    checks = [DataRequired(required)] if required else [Optional()]
    return StringField(
        label, [*checks, _length(maximum), *validators], filters=[clean_line], **kwargs
    )


def text(label: str, maximum: int = MAX_TEXT, *, rows: int = 6, markdown: bool = True, **kw):
    render_kw = {"rows": rows}
    if markdown:
        render_kw["data-markdown"] = "true"
    return TextAreaField(label, [_length(maximum)], filters=[clean_text], render_kw=render_kw, **kw)


def choose_many(label: str, **kwargs) -> SelectMultipleField:
    return SelectMultipleField(
        label,
        choices=[],
        invalid_value_message=_l("Ungültige Auswahl."),
        invalid_choice_message=_l("Diese Auswahl gibt es nicht (mehr): %(value)s."),
        **kwargs,
    )


def choose_one(label: str, *, required: str | None = None, **kwargs) -> SelectField:
    kwargs.setdefault("default", "")
    kwargs.setdefault("choices", [])
    return SelectField(
        label,
        [InputRequired(required)] if required else [],
        invalid_choice_message=_l("Diese Auswahl gibt es nicht (mehr)."),
        **kwargs,
    )


def optional_date(label: str, **kwargs) -> DateField:
    return DateField(
        label,
        [Optional(), _in_plausible_years],
        invalid_value_message=_l("Bitte geben Sie ein Datum im Format TT.MM.JJJJ an."),
        **kwargs,
    )


class HubForm(BaseForm):
    """An entry form: shows the services' refusals beside their fields."""

    def add_service_error(self, error: ContentError, aliases: dict[str, str] | None = None) -> None:
        """Show a service's refusal beside the field it concerns, or above the form."""
        name = (aliases or {}).get(error.field, error.field)
        field = self._fields.get(name) if name else None
        if field is None or isinstance(field, HiddenField | SubmitField):
            self.form_errors.append(str(error))
        else:
            field.errors = [*field.errors, str(error)]

    def fields_with_errors(self) -> list:
        return [field for field in self if field.errors]

    def expected_version(self) -> int:
        """The version the person read, as their browser sent it in the hidden ``version`` field.

        A missing or mangled value counts as stale (-1), never as "do not check".
        """
        raw = self["version"].raw_data
        try:
            return int(raw[0]) if raw else -1
        except ValueError:
            return -1


# -- entries -------------------------------------------------------------------------------------


class EntryForm(HubForm):
    """What every kind of entry has."""

    title = line(_l("Titel"), 300, required=_l("Bitte geben Sie einen Titel an."))
    summary = text(
        _l("Kurzbeschreibung"),
        2000,
        rows=3,
        markdown=False,
        description=_l("Ein bis zwei Sätze. Sie erscheinen in Listen und Suchergebnissen."),
    )
    body = text(
        _l("Beschreibung"),
        description=_l(
            "Mit Markdown formatierbar: **fett**, *kursiv*, Listen mit „- “ am Zeilenanfang, "
            "Zwischenüberschriften mit „## “, Links als [Text](https://…)."
        ),
        rows=12,
    )
    topics = choose_many(_l("Handlungsfelder"))
    tags = line(
        _l("Schlagworte"),
        2000,
        CommaList(max_items=30, max_length=60),
        description=_l("Durch Kommas getrennt, z. B. Sensorik, LoRaWAN, Ausschreibung."),
    )
    visibility = RadioField(
        _l("Wer soll den Eintrag sehen?"),
        [InputRequired(_l("Bitte wählen Sie, wer den Eintrag sehen soll."))],
        choices=options(VISIBILITIES),
        default=Visibility.NETWORK.value,
        invalid_choice_message=_l("Bitte wählen Sie eine der drei Möglichkeiten."),
    )
    language = RadioField(
        _l("Sprache des Eintrags"),
        [InputRequired(_l("Bitte wählen Sie die Sprache."))],
        choices=options(LANGUAGES),
        default="de",
        invalid_choice_message=_l("Bitte wählen Sie Deutsch oder Englisch."),
    )
    licence = choose_one(
        _l("Lizenz der Inhalte"),
        required=_l("Bitte wählen Sie eine Lizenz."),
        default="CC-BY-4.0",
        description=_l("Unter welchen Bedingungen andere Städte Texte und Bilder weiterverwenden."),
    )
    review_by = optional_date(
        _l("Nächste Prüfung am"),
        description=_l(
            "Bis wann sollte jemand prüfen, ob der Eintrag noch stimmt? Die Redaktion "
            "wird dann daran erinnert."
        ),
    )
    participants = choose_many(
        _l("Gemeinsames Projekt mit"),
        description=_l(
            "Organisationen, die an diesem Projekt beteiligt sind. Ihre "
            "Mitarbeiter*innen sehen auch interne Einträge dazu."
        ),
    )
    minor = BooleanField(
        _l("Kleine Änderung"),
        description=_l(
            "Nur ein Tippfehler oder eine Formulierung: wer dem Eintrag folgt, wird nicht "
            "benachrichtigt."
        ),
    )
    version = HiddenField()
    save = SubmitField(_l("Speichern"))
    preview = SubmitField(_l("Vorschau"))
    # Save and publish in one step (shown to those who may publish a draft).
    publish = SubmitField(_l("Veröffentlichen"))
    # The people picker of forms with a people field (``people_field``): search, then choose.
    people_query = StringField(
        _l("Person suchen"),
        filters=[clean_line],
        validators=[Optional(), _length(100)],
        render_kw={"autocomplete": "off"},
        description=_l("Name, Thema oder Organisationseinheit; Personen Ihrer Stadt zuerst."),
    )
    find_people = SubmitField(_l("Personen suchen"))
    # The kind's fields, laid out from the kind registry when a kind's form class is defined
    # (``_lay_out``): each field's registry declaration, its form field's name, the field that
    # gets the people picker (the first link to contacts).
    kind: EntryKind | None = None
    kind_specs: tuple[kinds.Field, ...] = ()
    kind_field_names: tuple[str, ...] = ()
    people_field: str | None = None
    # Errors of the service on these names belong to these fields.
    error_aliases: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            _lay_out(cls, kinds.REGISTRY)

    def kind_fields(self) -> list:
        return [self[name] for name in self.kind_field_names]

    def markdown_fields(self) -> list:
        """The fields rendered as Markdown on the entry page (for the preview)."""
        return [
            field
            for field in (self.body, *self.kind_fields())
            if isinstance(field, TextAreaField) and (field.render_kw or {}).get("data-markdown")
        ]

    def service_data(self) -> dict[str, Any]:
        """The form's input as the content services take it."""
        data = {
            "title": self.title.data,
            "summary": self.summary.data or "",
            "body": self.body.data or "",
            "topics": list(self.topics.data or []),
            "tags": split_list(self.tags.data),
            "visibility": self.visibility.data,
            "language": self.language.data,
            "licence": self.licence.data,
            "review_by": self.review_by.data,
            "participants": list(self.participants.data or []),
        }
        data.update(self.kind_data())
        return data

    def kind_data(self) -> dict[str, Any]:
        """The kind's fields as the content services take them (by their input names)."""
        return {
            spec.input_name: _service_value(spec, self[spec.input_name].data)
            for spec in self.kind_specs
        }

    @classmethod
    def initial_data(cls, entry: Entry) -> dict[str, Any]:
        """The form's values for an existing entry."""
        data = {
            "title": entry.title,
            "summary": entry.summary,
            "body": entry.body,
            "topics": [topic.slug for topic in entry.topics],
            "tags": ", ".join(entry.tags),
            "visibility": entry.visibility.value,
            "language": entry.language,
            "licence": entry.licence,
            "review_by": entry.review_by,
            "participants": [tenant.slug for tenant in entry.participants],
            "version": str(entry.version),
        }
        for spec in cls.kind_specs:
            data[spec.input_name] = _form_value(spec, getattr(entry, spec.name, None))
        return data


# -- the kind's fields, from the kind registry ---------------------------------------------------

WEB_ADDRESS_MESSAGE = _l("Bitte geben Sie eine Adresse mit https:// an.")
# All comma-separated items together, as typed (each item's limit is the registry's).
MAX_LIST_INPUT = 4000


def _web_address(form, field) -> None:
    """Runs before the URL check and stops the chain, so a wrong scheme is said once."""
    if field.data and not field.data.lower().startswith(("https://", "http://")):
        raise StopValidation(WEB_ADDRESS_MESSAGE)


def _local_datetime(label: str, message: str, **kwargs) -> DateTimeLocalField:
    return DateTimeLocalField(
        label,
        [InputRequired(message), _in_plausible_years],
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        invalid_value_message=_l("Bitte geben Sie Datum und Uhrzeit an, z. B. 12.05.2026, 09:00."),
        description=_l("Ortszeit (Berlin)."),
        **kwargs,
    )


def _choice_label(spec: kinds.Field, value: enum.Enum) -> str:
    if spec.choice_labels is not None:
        return spec.choice_labels[value]
    # Values of a standard (publiccode.yml) are shown as the standard writes them.
    return _l("nicht angegeben") if value.value == "unspecified" else value.value


def _form_field(spec: kinds.Field):
    """The form field of one registry field: its widget follows from the type, its wording
    and size from the field's ``form`` hints. Link fields get their choices per request
    (``entry_form``)."""
    hints = spec.form
    label = hints.label or spec.label
    maximum = hints.max_length or spec.max_length or MAX_TEXT
    extra = {"description": hints.help} if hints.help else {}
    required = hints.required or (_l("Bitte ausfüllen.") if spec.min_length else None)
    match spec.type:
        case kinds.FieldType.TEXT if hints.one_line:
            return line(label, maximum, required=required, **extra)
        case kinds.FieldType.TEXT:
            return text(label, maximum, rows=hints.rows, markdown=hints.markdown, **extra)
        case kinds.FieldType.LINE:
            return line(label, maximum, required=required, **extra)
        case kinds.FieldType.URL:
            address = URL(require_tld=False, message=WEB_ADDRESS_MESSAGE)
            return line(label, maximum, _web_address, address, required=required, **extra)
        case kinds.FieldType.LIST:
            items = CommaList(max_items=spec.max_items or 50, max_length=spec.item_max_length or 80)
            return line(label, hints.max_length or MAX_LIST_INPUT, items, **extra)
        case kinds.FieldType.CHOICE:
            return choose_one(
                label,
                required=hints.required,
                choices=options((c.value, _choice_label(spec, c)) for c in spec.choices),
                default=next(iter(spec.choices)).value,
                **extra,
            )
        case kinds.FieldType.DATE:
            return optional_date(label, **extra)
        case kinds.FieldType.DATETIME:
            return _local_datetime(label, required or _l("Bitte ausfüllen."), **extra)
        case kinds.FieldType.LINK:
            return choose_one(label, **extra)
        case kinds.FieldType.LINKS:
            return choose_many(label, **extra)
    raise ValueError(f"no form field for {spec.type} ({spec.name})")


def _ids(values: Iterable[str] | None) -> list[int]:
    return [int(value) for value in values or [] if value]


def _id(value: str | None) -> int | None:
    return int(value) if value else None


def _service_value(spec: kinds.Field, value: Any) -> Any:
    """What the content services take for a registry field, from its form field's data."""
    match spec.type:
        case kinds.FieldType.TEXT | kinds.FieldType.LINE | kinds.FieldType.URL:
            return value or (None if spec.nullable else "")
        case kinds.FieldType.LIST:
            return split_list(value)
        case kinds.FieldType.DATETIME:
            return berlin_to_utc(value)
        case kinds.FieldType.LINK:
            return _id(value)
        case kinds.FieldType.LINKS:
            return _ids(value)
    return value  # CHOICE, DATE


def _form_value(spec: kinds.Field, value: Any) -> Any:
    """A registry field's stored value as its form field shows it."""
    match spec.type:
        case kinds.FieldType.TEXT | kinds.FieldType.LINE | kinds.FieldType.URL:
            return value or ""
        case kinds.FieldType.LIST:
            return ", ".join(value or [])
        case kinds.FieldType.CHOICE:
            return value.value if isinstance(value, enum.Enum) else (value or "")
        case kinds.FieldType.DATETIME:
            return utc_to_berlin(value)
        case kinds.FieldType.LINK:
            return str(value) if value else ""
        case kinds.FieldType.LINKS:
            return [str(linked.id) for linked in value or []]
    return value  # DATE


def _lay_out(form_class: type[EntryForm], registry: kinds.Registry) -> None:
    """Give ``form_class`` a field for each of its kind's registry fields, in their order."""
    specs = registry.of(form_class.kind).fields
    for spec in specs:
        setattr(form_class, spec.input_name, _form_field(spec))
    form_class.kind_specs = specs
    form_class.kind_field_names = tuple(spec.input_name for spec in specs)
    form_class.people_field = next(
        (
            spec.input_name
            for spec in specs
            if spec.type == kinds.FieldType.LINKS and spec.target == EntryKind.CONTACT
        ),
        None,
    )


# The forms of the kinds: their fields come from the registry; what is written here is what the
# registry cannot declare – checks of one kind's input, the consent of contacts.


class SolutionForm(EntryForm):
    kind = EntryKind.SOLUTION


class LessonForm(EntryForm):
    kind = EntryKind.LESSON


class ContactForm(EntryForm):
    kind = EntryKind.CONTACT
    consent = BooleanField(
        _l("Die Person hat der Veröffentlichung zugestimmt"),
        description=_l(
            "Ohne Zustimmung bleibt der Kontakt ein Entwurf (DSGVO). Wird das Häkchen "
            "entfernt, geht ein veröffentlichter Kontakt sofort zurück in den Entwurf."
        ),
    )
    # The services refuse a published contact without consent on "status".
    error_aliases = {"status": "consent"}

    def validate_email(self, field) -> None:
        Email(_l("Bitte geben Sie eine gültige E-Mail-Adresse an."), check_deliverability=False)(
            self, field
        )

    def validate_phone(self, field) -> None:
        allowed = set("0123456789+-/() .")
        if field.data and not set(field.data) <= allowed:
            raise ValidationError(_l("Bitte nur Ziffern, Leerzeichen und + - / ( ) verwenden."))

    @classmethod
    def initial_data(cls, entry) -> dict[str, Any]:
        return {**super().initial_data(entry), "consent": entry.has_consent}


class EventForm(EntryForm):
    kind = EntryKind.EVENT


class MaterialForm(EntryForm):
    kind = EntryKind.MATERIAL


ENTRY_FORMS: dict[EntryKind, type[EntryForm]] = {
    EntryKind.SOLUTION: SolutionForm,
    EntryKind.LESSON: LessonForm,
    EntryKind.CONTACT: ContactForm,
    EntryKind.EVENT: EventForm,
    EntryKind.MATERIAL: MaterialForm,
}


def _entry_choices(actor: Actor, kind: EntryKind, *, own_tenant_id: int | None = None):
    """The entries of ``kind`` the actor may link to (those they can see), their own first."""
    entries = list(db.session.scalars(visible_entries(actor, kind=kind)))
    entries.sort(
        key=lambda entry: (
            entry.tenant_id != own_tenant_id,
            entry.tenant.short_name,
            entry.title.casefold(),
        )
    )
    return [(str(entry.id), f"{entry.title} ({entry.tenant.short_name})") for entry in entries]


def form_class_for(kind: EntryKind, registry: kinds.Registry = kinds.REGISTRY) -> type[EntryForm]:
    """The form of ``kind`` with a field for each of the kind's fields in ``registry`` (a test
    can pass a registry with a field added and sees it in the form)."""
    base = ENTRY_FORMS[kind]
    if registry is kinds.REGISTRY:
        return base
    derived = type(base.__name__, (base,), {"__module__": __name__})
    _lay_out(derived, registry)
    return derived


def entry_form(
    kind: EntryKind,
    actor: Actor,
    tenant: Tenant,
    *,
    entry: Entry | None = None,
    formdata: Any = "request",
    registry: kinds.Registry = kinds.REGISTRY,
) -> EntryForm:
    """The form for an entry of ``kind`` owned by ``tenant``, with the choices ``actor`` has.

    ``formdata``: ``"request"`` binds the submitted form (on POST), ``None`` shows the entry
    as stored. ``registry``: the kinds' fields (a test passes one with a field added).
    """
    form_class = form_class_for(kind, registry)
    data = form_class.initial_data(entry) if entry is not None else None
    if formdata == "request":
        form = form_class(data=data)
    else:
        form = form_class(formdata=formdata, data=data)
    language = interface_language()
    form.topics.choices = options((topic.slug, topic.name(language)) for topic in list_topics())
    form.participants.choices = options(
        (other.slug, other.short_name) for other in list_tenants() if other.id != tenant.id
    )
    licences = list(LICENCES)
    if entry is not None and entry.licence not in dict(licences):
        licences.append((entry.licence, entry.licence))  # keep what the entry has
    form.licence.choices = options(licences)
    if form.people_field:
        _offer_people(form, actor, tenant)
    for spec in form.kind_specs:  # links: the entries of the target kind the actor may see
        if spec.input_name == form.people_field or not spec.is_link:
            continue
        choices = _entry_choices(actor, spec.target, own_tenant_id=tenant.id)
        if spec.type == kinds.FieldType.LINK:
            choices = [NONE_CHOICE, *choices]
        form[spec.input_name].choices = options(choices)
    return form


def person_label(contact) -> str:
    name = contact.person_name if contact.person_name != contact.title else ""
    return " – ".join(part for part in (name, contact.title) if part) + (
        f" ({contact.tenant.short_name})"
    )


def _offer_people(form: EntryForm, actor: Actor, tenant: Tenant) -> None:
    """The choices of the form's people field: the people chosen (as stored or as sent) and
    those the picker's search found – never every person of every city."""
    field = getattr(form, form.people_field)
    sent = field.data if isinstance(field.data, list) else []
    ids = [
        int(v) for v in sent if isinstance(v, str) and v.isascii() and v.isdigit() and len(v) < 10
    ]
    chosen = contacts_by_ids(actor, ids)
    found = []
    if form.find_people.data and form.people_query.data:
        found = find_contacts(actor, form.people_query.data, own_tenant_id=tenant.id)
    form.found_people = found
    offered = {contact.id: contact for contact in [*chosen, *found]}
    field.choices = options((str(cid), person_label(c)) for cid, c in offered.items())


def wants_consent(form: EntryForm, entry: Entry | None = None) -> bool | None:
    """For contacts: whether consent is to be recorded (True), withdrawn (False) or left (None)."""
    if not isinstance(form, ContactForm):
        return None
    given = bool(form.consent.data)
    if entry is None:
        return True if given else None
    assert isinstance(entry, Contact)
    if given and not entry.has_consent:
        return True
    if not given and entry.has_consent:
        return False
    return None


# -- files ---------------------------------------------------------------------------------------


class UploadForm(HubForm):
    file = FileField(_l("Datei"), id="upload-file")
    description = text(
        _l("Beschreibung der Datei"),
        2000,
        rows=2,
        markdown=False,
        id="upload-description",
        description=_l("Was steht in der Datei? z. B. „Folien des Vortrags, 12 Seiten“."),
    )
    alt_text = text(
        _l("Textalternative"),
        2000,
        rows=2,
        markdown=False,
        id="upload-alt-text",
        description=_l(
            "Für Bilder und Grafiken: was darauf zu sehen ist, für Menschen, die es "
            "nicht sehen können."
        ),
    )
    language = RadioField(
        _l("Sprache der Datei"),
        [InputRequired(_l("Bitte wählen Sie die Sprache."))],
        choices=options(LANGUAGES),
        default="de",
        id="upload-language",
        invalid_choice_message=_l("Bitte wählen Sie Deutsch oder Englisch."),
    )
    upload = SubmitField(_l("Datei hochladen"), id="upload-submit")

    def validate_file(self, field) -> None:
        if not field.data or not getattr(field.data, "filename", None):
            raise ValidationError(_l("Bitte wählen Sie eine Datei aus."))


class ActionForm(HubForm):
    """A state change (publish, archive, …): only the CSRF token and the version read."""

    version = HiddenField()


# -- adoptions -----------------------------------------------------------------------------------


class AdoptionForm(HubForm):
    tenant = choose_one(
        _l("Für welche Organisation?"), required=_l("Bitte wählen Sie die Organisation.")
    )
    status = RadioField(
        _l("Stand"),
        [InputRequired(_l("Bitte wählen Sie den Stand."))],
        choices=options(ADOPTION_STATUSES),
        default=AdoptionStatus.EVALUATING.value,
        invalid_choice_message=_l("Bitte wählen Sie einen der angebotenen Stände."),
    )
    changes = text(
        _l("Was haben Sie geändert oder angepasst?"),
        MAX_SHORT_TEXT,
        rows=4,
        markdown=False,
        description=_l("z. B. „Andere Sensorhersteller, eigene Datenplattform statt Cloud“."),
    )
    started_on = optional_date(_l("Beginn der Prüfung oder Einführung"))
    decided_on = optional_date(_l("Entschieden am"))
    visibility = RadioField(
        _l("Wer soll diese Angabe sehen?"),
        [InputRequired(_l("Bitte wählen Sie, wer die Angabe sehen soll."))],
        choices=options(VISIBILITIES),
        default=Visibility.NETWORK.value,
        invalid_choice_message=_l("Bitte wählen Sie eine der drei Möglichkeiten."),
    )
    contact_id = choose_one(
        _l("Ansprechperson"), description=_l("Wen können andere Städte dazu fragen?")
    )
    save = SubmitField(_l("Speichern"))

    def service_data(self) -> dict[str, Any]:
        return {
            "status": self.status.data,
            "changes": self.changes.data or "",
            "started_on": self.started_on.data,
            "decided_on": self.decided_on.data,
            "visibility": self.visibility.data,
            "contact_id": _id(self.contact_id.data),
        }


def adoption_form(
    actor: Actor, tenants: list[Tenant], *, adoption=None, formdata: Any = "request"
) -> AdoptionForm:
    """The adoption form; ``tenants`` are those it may be recorded for (one when editing)."""
    data = None
    if adoption is not None:
        data = {
            "tenant": adoption.tenant.slug,
            "status": adoption.status.value,
            "changes": adoption.changes,
            "started_on": adoption.started_on,
            "decided_on": adoption.decided_on,
            "visibility": adoption.visibility.value,
            "contact_id": str(adoption.contact_id) if adoption.contact_id else "",
        }
    elif len(tenants) == 1:
        data = {"tenant": tenants[0].slug}
    form = AdoptionForm(data=data) if formdata == "request" else AdoptionForm(None, data=data)
    form.tenant.choices = options((tenant.slug, tenant.short_name) for tenant in tenants)
    # The adopting organisation's own people (another city's people cannot speak for it), and
    # whoever is named already.
    tenant_ids = {tenant.id for tenant in tenants}
    contacts = [
        contact
        for contact in db.session.scalars(
            visible_entries(actor, kind=EntryKind.CONTACT).where(Contact.tenant_id.in_(tenant_ids))
        )
    ]
    if adoption is not None and adoption.contact_id:
        contacts += contacts_by_ids(actor, [adoption.contact_id])
    offered = {contact.id: contact for contact in contacts}
    ordered = sorted(offered.values(), key=lambda c: (c.tenant.short_name, c.title.casefold()))
    form.contact_id.choices = options(
        [NONE_CHOICE, *((str(contact.id), person_label(contact)) for contact in ordered)]
    )
    return form
