"""HTML forms for editing entries, their files and adoptions (validated at the edge, CSRF).

The forms turn what people type into the clean data the content services expect
(``service_data``); the services still decide what is allowed. Field names are
the services' field names, so that a ``ContentError(field=…)`` lands on its field.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask_wtf import FlaskForm
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
from wtforms.i18n import get_translations
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from hanse_hub.content.models import (
    AdoptionStatus,
    Contact,
    Entry,
    EntryKind,
    Maturity,
    Visibility,
)
from hanse_hub.content.services import ContentError, visible_entries
from hanse_hub.content.topics import list_topics
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import list_tenants

BERLIN = ZoneInfo("Europe/Berlin")
# Dates people may mean: anything else is a typo (and would overflow time-zone arithmetic).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200

LICENCES = [
    ("CC-BY-4.0", "CC BY 4.0 – Namensnennung"),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0 – Namensnennung, Weitergabe unter gleichen Bedingungen"),
    ("CC0-1.0", "CC0 1.0 – gemeinfrei, ohne Bedingungen"),
    ("dl-de/by-2-0", "Datenlizenz Deutschland – Namensnennung – Version 2.0"),
    ("dl-de/zero-2-0", "Datenlizenz Deutschland – Zero – Version 2.0"),
]
LANGUAGES = [("de", "Deutsch"), ("en", "Englisch")]
MATURITIES = [
    (Maturity.IDEA.value, "Idee"),
    (Maturity.PILOT.value, "Pilotphase"),
    (Maturity.IN_OPERATION.value, "Im Betrieb"),
    (Maturity.DISCONTINUED.value, "Eingestellt"),
]
VISIBILITIES = [
    (Visibility.PUBLIC.value, "Öffentlich"),
    (Visibility.NETWORK.value, "Im Netzwerk"),
    (Visibility.INTERNAL.value, "Intern"),
]
ADOPTION_STATUSES = [
    (AdoptionStatus.EVALUATING.value, "Wir prüfen die Lösung"),
    (AdoptionStatus.ADOPTED.value, "Übernommen"),
    (AdoptionStatus.ADAPTED.value, "Angepasst übernommen"),
    (AdoptionStatus.DROPPED.value, "Geprüft und verworfen"),
]
NONE_CHOICE = ("", "– keine –")


def options(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """Choices for a select, radio or checkbox field, from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


MAX_TEXT = 200_000
MAX_SHORT_TEXT = 20_000


def visibility_descriptions(tenant_name: str, *, joint_projects: bool = True) -> dict[str, str]:
    """Who will see something of ``tenant_name`` at each visibility, in words for people."""
    internal = f"Nur Ihre Organisation {tenant_name}"
    internal += " und die Partner gemeinsamer Projekte." if joint_projects else "."
    return {
        Visibility.PUBLIC.value: "Alle, auch ohne Anmeldung: frei lesbar im Internet.",
        Visibility.NETWORK.value: (
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
            raise ValidationError(f"Höchstens {self.max_items} Einträge, durch Kommas getrennt.")
        too_long = [item for item in items if len(item) > self.max_length]
        if too_long:
            raise ValidationError(
                f"Jeder Eintrag darf höchstens {self.max_length} Zeichen lang sein "
                f"(zu lang: „{too_long[0][:40]}…“)."
            )


def _in_plausible_years(form, field) -> None:
    value = field.data
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            f"Bitte geben Sie ein Datum zwischen {EARLIEST_YEAR} und {LATEST_YEAR} an."
        )


def _length(maximum: int) -> Length:
    return Length(max=maximum, message=f"Höchstens {maximum:,} Zeichen.".replace(",", "."))


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
        invalid_value_message="Ungültige Auswahl.",
        invalid_choice_message="Diese Auswahl gibt es nicht (mehr): %(value)s.",
        **kwargs,
    )


def choose_one(label: str, *, required: str | None = None, **kwargs) -> SelectField:
    kwargs.setdefault("default", "")
    return SelectField(
        label,
        [InputRequired(required)] if required else [],
        choices=[],
        invalid_choice_message="Diese Auswahl gibt es nicht (mehr).",
        **kwargs,
    )


def optional_date(label: str, **kwargs) -> DateField:
    return DateField(
        label,
        [Optional(), _in_plausible_years],
        invalid_value_message="Bitte geben Sie ein Datum im Format TT.MM.JJJJ an.",
        **kwargs,
    )


def berlin_to_utc(value: datetime | None) -> datetime | None:
    """A local date-time typed in Rostock (Europe/Berlin) as the UTC moment it means."""
    if value is None:
        return None
    return value.replace(tzinfo=BERLIN).astimezone(UTC)


def utc_to_berlin(value: datetime | None) -> datetime | None:
    """A stored UTC moment as the local date-time for a ``datetime-local`` input."""
    if value is None:
        return None
    return value.astimezone(BERLIN).replace(tzinfo=None, second=0, microsecond=0)


class HubForm(FlaskForm):
    """Flask-WTF form whose built-in messages are German."""

    class Meta:
        def get_translations(self, form):
            return get_translations(["de_DE", "de"])

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

    title = line("Titel", 300, required="Bitte geben Sie einen Titel an.")
    summary = text(
        "Kurzbeschreibung",
        2000,
        rows=3,
        markdown=False,
        description="Ein bis zwei Sätze. Sie erscheinen in Listen und Suchergebnissen.",
    )
    body = text(
        "Beschreibung",
        description=(
            "Mit Markdown formatierbar: **fett**, *kursiv*, Listen mit „- “ am Zeilenanfang, "
            "Zwischenüberschriften mit „## “, Links als [Text](https://…)."
        ),
        rows=12,
    )
    topics = choose_many("Handlungsfelder")
    tags = line(
        "Schlagworte",
        2000,
        CommaList(max_items=30, max_length=60),
        description="Durch Kommas getrennt, z. B. Sensorik, LoRaWAN, Ausschreibung.",
    )
    visibility = RadioField(
        "Wer soll den Eintrag sehen?",
        [InputRequired("Bitte wählen Sie, wer den Eintrag sehen soll.")],
        choices=options(VISIBILITIES),
        default=Visibility.NETWORK.value,
        invalid_choice_message="Bitte wählen Sie eine der drei Möglichkeiten.",
    )
    language = RadioField(
        "Sprache des Eintrags",
        [InputRequired("Bitte wählen Sie die Sprache.")],
        choices=options(LANGUAGES),
        default="de",
        invalid_choice_message="Bitte wählen Sie Deutsch oder Englisch.",
    )
    licence = choose_one(
        "Lizenz der Inhalte",
        required="Bitte wählen Sie eine Lizenz.",
        default="CC-BY-4.0",
        description="Unter welchen Bedingungen andere Städte Texte und Bilder weiterverwenden.",
    )
    review_by = optional_date(
        "Nächste Prüfung am",
        description="Bis wann sollte jemand prüfen, ob der Eintrag noch stimmt? Die Redaktion "
        "wird dann daran erinnert.",
    )
    participants = choose_many(
        "Gemeinsames Projekt mit",
        description="Organisationen, die an diesem Projekt beteiligt sind. Ihre "
        "Mitarbeiter*innen sehen auch interne Einträge dazu.",
    )
    version = HiddenField()
    save = SubmitField("Speichern")
    preview = SubmitField("Vorschau")

    # Which fields a kind adds, in the order of the form (see ``kind_fields``).
    kind_field_names: tuple[str, ...] = ()
    # Errors of the service on these names belong to these fields.
    error_aliases: dict[str, str] = {}

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
        return {}

    @classmethod
    def initial_data(cls, entry: Entry) -> dict[str, Any]:
        """The form's values for an existing entry."""
        return {
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


def _ids(values: Iterable[str] | None) -> list[int]:
    return [int(value) for value in values or [] if value]


def _id(value: str | None) -> int | None:
    return int(value) if value else None


class SolutionForm(EntryForm):
    maturity = choose_one(
        "Reifegrad", required="Bitte wählen Sie den Reifegrad.", default=Maturity.IDEA.value
    )
    problem = text("Problem", description="Welches Problem der Stadt löst die Lösung?")
    approach = text("Lösungsansatz", description="Wie funktioniert die Lösung?")
    transferability = text(
        "Übertragbarkeit", description="Was braucht eine andere Stadt, um sie zu übernehmen?"
    )
    costs = text("Kosten", MAX_SHORT_TEXT, rows=3, markdown=False)
    partners = text("Partner", MAX_SHORT_TEXT, rows=3, markdown=False)
    technologies = line(
        "Technologien",
        4000,
        CommaList(max_items=50, max_length=80),
        description="Durch Kommas getrennt, z. B. LoRaWAN, FIWARE.",
    )
    software_licence = line(
        "Lizenz der Software",
        80,
        description="Falls die Lösung Software enthält: die Lizenz als SPDX-Kürzel, "
        "z. B. EUPL-1.2.",
    )
    repository_url = line(
        "Adresse des Quellcodes",
        500,
        URL(require_tld=False, message="Bitte geben Sie eine Adresse mit https:// an."),
        description="z. B. https://gitlab.opencode.de/…",
    )
    contact_ids = choose_many("Ansprechpersonen")

    kind_field_names = (
        "maturity",
        "problem",
        "approach",
        "transferability",
        "costs",
        "partners",
        "technologies",
        "software_licence",
        "repository_url",
        "contact_ids",
    )

    def validate_repository_url(self, field) -> None:
        if field.data and not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError("Bitte geben Sie eine Adresse mit https:// an.")

    def kind_data(self) -> dict[str, Any]:
        return {
            "maturity": self.maturity.data,
            "problem": self.problem.data or "",
            "approach": self.approach.data or "",
            "transferability": self.transferability.data or "",
            "costs": self.costs.data or "",
            "partners": self.partners.data or "",
            "technologies": split_list(self.technologies.data),
            "software_licence": self.software_licence.data or None,
            "repository_url": self.repository_url.data or None,
            "contact_ids": _ids(self.contact_ids.data),
        }

    @classmethod
    def initial_data(cls, entry) -> dict[str, Any]:
        return {
            **super().initial_data(entry),
            "maturity": entry.maturity.value,
            "problem": entry.problem,
            "approach": entry.approach,
            "transferability": entry.transferability,
            "costs": entry.costs,
            "partners": entry.partners,
            "technologies": ", ".join(entry.technologies or []),
            "software_licence": entry.software_licence or "",
            "repository_url": entry.repository_url or "",
            "contact_ids": [str(contact.id) for contact in entry.contacts],
        }


class LessonForm(EntryForm):
    context = text("Ausgangslage")
    what_worked = text("Was funktioniert hat")
    what_did_not_work = text("Was nicht funktioniert hat")
    recommendations = text("Empfehlungen")
    solution_ids = choose_many("Betrifft die Lösungen")

    kind_field_names = (
        "context",
        "what_worked",
        "what_did_not_work",
        "recommendations",
        "solution_ids",
    )

    def kind_data(self) -> dict[str, Any]:
        return {
            "context": self.context.data or "",
            "what_worked": self.what_worked.data or "",
            "what_did_not_work": self.what_did_not_work.data or "",
            "recommendations": self.recommendations.data or "",
            "solution_ids": _ids(self.solution_ids.data),
        }

    @classmethod
    def initial_data(cls, entry) -> dict[str, Any]:
        return {
            **super().initial_data(entry),
            "context": entry.context,
            "what_worked": entry.what_worked,
            "what_did_not_work": entry.what_did_not_work,
            "recommendations": entry.recommendations,
            "solution_ids": [str(solution.id) for solution in entry.solutions],
        }


class ContactForm(EntryForm):
    person_name = line("Name der Person", 200, required="Bitte geben Sie den Namen der Person an.")
    position = line("Funktion", 200)
    org_unit = line("Organisationseinheit", 200, description="z. B. Amt für Verkehrsanlagen")
    email = line(
        "E-Mail-Adresse",
        320,
        Email("Bitte geben Sie eine gültige E-Mail-Adresse an.", check_deliverability=False),
    )
    phone = line("Telefon", 60)
    expertise = line(
        "Fachgebiete",
        4000,
        CommaList(max_items=50, max_length=120),
        description="Durch Kommas getrennt, z. B. Parkraummanagement, Vergabe.",
    )
    consent = BooleanField(
        "Die Person hat der Veröffentlichung zugestimmt",
        description="Ohne Zustimmung bleibt der Kontakt ein Entwurf (DSGVO). Wird das Häkchen "
        "entfernt, geht ein veröffentlichter Kontakt sofort zurück in den Entwurf.",
    )

    kind_field_names = ("person_name", "position", "org_unit", "email", "phone", "expertise")
    # The services refuse a published contact without consent on "status".
    error_aliases = {"status": "consent"}

    def validate_phone(self, field) -> None:
        allowed = set("0123456789+-/() .")
        if field.data and not set(field.data) <= allowed:
            raise ValidationError("Bitte nur Ziffern, Leerzeichen und + - / ( ) verwenden.")

    def kind_data(self) -> dict[str, Any]:
        return {
            "person_name": self.person_name.data,
            "position": self.position.data or "",
            "org_unit": self.org_unit.data or "",
            "email": self.email.data or "",
            "phone": self.phone.data or "",
            "expertise": split_list(self.expertise.data),
        }

    @classmethod
    def initial_data(cls, entry) -> dict[str, Any]:
        return {
            **super().initial_data(entry),
            "person_name": entry.person_name,
            "position": entry.position,
            "org_unit": entry.org_unit,
            "email": entry.email,
            "phone": entry.phone,
            "expertise": ", ".join(entry.expertise or []),
            "consent": entry.has_consent,
        }


def _local_datetime(label: str, message: str) -> DateTimeLocalField:
    return DateTimeLocalField(
        label,
        [InputRequired(message), _in_plausible_years],
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        invalid_value_message="Bitte geben Sie Datum und Uhrzeit an, z. B. 12.05.2026, 09:00.",
        description="Ortszeit (Berlin).",
    )


class EventForm(EntryForm):
    starts_at = _local_datetime("Beginn", "Bitte geben Sie den Beginn an.")
    ends_at = _local_datetime("Ende", "Bitte geben Sie das Ende an.")
    place = line("Ort", 300)
    organiser = line("Veranstalter", 300)
    programme = text("Programm")

    kind_field_names = ("starts_at", "ends_at", "place", "organiser", "programme")

    def kind_data(self) -> dict[str, Any]:
        return {
            "starts_at": berlin_to_utc(self.starts_at.data),
            "ends_at": berlin_to_utc(self.ends_at.data),
            "place": self.place.data or "",
            "organiser": self.organiser.data or "",
            "programme": self.programme.data or "",
        }

    @classmethod
    def initial_data(cls, entry) -> dict[str, Any]:
        return {
            **super().initial_data(entry),
            "starts_at": utc_to_berlin(entry.starts_at),
            "ends_at": utc_to_berlin(entry.ends_at),
            "place": entry.place,
            "organiser": entry.organiser,
            "programme": entry.programme,
        }


class MaterialForm(EntryForm):
    event_id = choose_one(
        "Veranstaltung",
        description="Material gehört zu einer Veranstaltung, einer Lösung oder zu beiden.",
    )
    solution_id = choose_one("Lösung")
    speaker_ids = choose_many("Vortragende")

    kind_field_names = ("event_id", "solution_id", "speaker_ids")

    def kind_data(self) -> dict[str, Any]:
        return {
            "event_id": _id(self.event_id.data),
            "solution_id": _id(self.solution_id.data),
            "speaker_ids": _ids(self.speaker_ids.data),
        }

    @classmethod
    def initial_data(cls, entry) -> dict[str, Any]:
        return {
            **super().initial_data(entry),
            "event_id": str(entry.event_id) if entry.event_id else "",
            "solution_id": str(entry.solution_id) if entry.solution_id else "",
            "speaker_ids": [str(contact.id) for contact in entry.speakers],
        }


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


def entry_form(
    kind: EntryKind,
    actor: Actor,
    tenant: Tenant,
    *,
    entry: Entry | None = None,
    formdata: Any = "request",
) -> EntryForm:
    """The form for an entry of ``kind`` owned by ``tenant``, with the choices ``actor`` has.

    ``formdata``: ``"request"`` binds the submitted form (on POST), ``None`` shows the entry
    as stored.
    """
    form_class = ENTRY_FORMS[kind]
    data = form_class.initial_data(entry) if entry is not None else None
    if formdata == "request":
        form = form_class(data=data)
    else:
        form = form_class(formdata=formdata, data=data)
    form.topics.choices = options((topic.slug, topic.name_de) for topic in list_topics())
    form.participants.choices = options(
        (other.slug, other.short_name) for other in list_tenants() if other.id != tenant.id
    )
    licences = list(LICENCES)
    if entry is not None and entry.licence not in dict(licences):
        licences.append((entry.licence, entry.licence))  # keep what the entry has
    form.licence.choices = options(licences)
    if isinstance(form, SolutionForm):
        form.maturity.choices = options(MATURITIES)
        form.contact_ids.choices = options(
            _entry_choices(actor, EntryKind.CONTACT, own_tenant_id=tenant.id)
        )
    elif isinstance(form, LessonForm):
        form.solution_ids.choices = options(
            _entry_choices(actor, EntryKind.SOLUTION, own_tenant_id=tenant.id)
        )
    elif isinstance(form, MaterialForm):
        form.event_id.choices = options(
            [NONE_CHOICE, *_entry_choices(actor, EntryKind.EVENT, own_tenant_id=tenant.id)]
        )
        form.solution_id.choices = options(
            [NONE_CHOICE, *_entry_choices(actor, EntryKind.SOLUTION, own_tenant_id=tenant.id)]
        )
        form.speaker_ids.choices = options(
            _entry_choices(actor, EntryKind.CONTACT, own_tenant_id=tenant.id)
        )
    return form


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
    file = FileField("Datei", id="upload-file")
    description = text(
        "Beschreibung der Datei",
        2000,
        rows=2,
        markdown=False,
        id="upload-description",
        description="Was steht in der Datei? z. B. „Folien des Vortrags, 12 Seiten“.",
    )
    alt_text = text(
        "Textalternative",
        2000,
        rows=2,
        markdown=False,
        id="upload-alt-text",
        description="Für Bilder und Grafiken: was darauf zu sehen ist, für Menschen, die es "
        "nicht sehen können.",
    )
    language = RadioField(
        "Sprache der Datei",
        [InputRequired("Bitte wählen Sie die Sprache.")],
        choices=options(LANGUAGES),
        default="de",
        id="upload-language",
        invalid_choice_message="Bitte wählen Sie Deutsch oder Englisch.",
    )
    upload = SubmitField("Datei hochladen", id="upload-submit")

    def validate_file(self, field) -> None:
        if not field.data or not getattr(field.data, "filename", None):
            raise ValidationError("Bitte wählen Sie eine Datei aus.")


class ActionForm(HubForm):
    """A state change (publish, archive, …): only the CSRF token and the version read."""

    version = HiddenField()


# -- adoptions -----------------------------------------------------------------------------------


class AdoptionForm(HubForm):
    tenant = choose_one("Für welche Organisation?", required="Bitte wählen Sie die Organisation.")
    status = RadioField(
        "Stand",
        [InputRequired("Bitte wählen Sie den Stand.")],
        choices=options(ADOPTION_STATUSES),
        default=AdoptionStatus.EVALUATING.value,
        invalid_choice_message="Bitte wählen Sie einen der angebotenen Stände.",
    )
    changes = text(
        "Was haben Sie geändert oder angepasst?",
        MAX_SHORT_TEXT,
        rows=4,
        markdown=False,
        description="z. B. „Andere Sensorhersteller, eigene Datenplattform statt Cloud“.",
    )
    started_on = optional_date("Beginn der Prüfung oder Einführung")
    decided_on = optional_date("Entschieden am")
    visibility = RadioField(
        "Wer soll diese Angabe sehen?",
        [InputRequired("Bitte wählen Sie, wer die Angabe sehen soll.")],
        choices=options(VISIBILITIES),
        default=Visibility.NETWORK.value,
        invalid_choice_message="Bitte wählen Sie eine der drei Möglichkeiten.",
    )
    contact_id = choose_one("Ansprechperson", description="Wen können andere Städte dazu fragen?")
    save = SubmitField("Speichern")

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
    own = tenants[0].id if len(tenants) == 1 else None
    contacts = _entry_choices(actor, EntryKind.CONTACT, own_tenant_id=own)
    form.contact_id.choices = options([NONE_CHOICE, *contacts])
    return form
