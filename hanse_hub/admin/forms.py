"""HTML forms of the administration (validated at the edge, CSRF-protected)."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from hanse_hub.accounts.forms import email_validators
from hanse_hub.accounts.models import Role
from hanse_hub.labels import ROLE_LABELS, TENANT_KIND_LABELS
from hanse_hub.tenants.services import (
    COLOUR_PATTERN,
    SLUG_PATTERN,
    WEBSITE_PATTERN,
    TenantError,
    check_colour,
)
from hanse_hub.web.forms import BaseForm

ROLE_CHOICES = [SelectChoice(value, label) for value, label in ROLE_LABELS.items()]
KIND_CHOICES = [SelectChoice(value, label) for value, label in TENANT_KIND_LABELS.items()]
ROLE_HINT = _l(
    "Lesen: sieht die Inhalte des Netzwerks und die internen Inhalte der Organisation. "
    "Redaktion: schreibt und veröffentlicht außerdem Einträge. Administration: verwaltet "
    "außerdem Mitglieder und Einstellungen."
)


class InviteForm(BaseForm):
    email = EmailField(
        _l("E-Mail-Adresse"),
        validators=email_validators(_l("Bitte geben Sie die E-Mail-Adresse der Person an.")),
    )
    role = SelectField(
        _l("Rolle"),
        choices=ROLE_CHOICES,
        default=Role.READER.value,
        description=ROLE_HINT,
        validate_choice=True,
    )


class RoleForm(BaseForm):
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES, validate_choice=True)


class ConfirmForm(BaseForm):
    """Only the CSRF token: for buttons that change state (remove, revoke, deactivate)."""


def _validate_colour(form, field) -> None:
    if field.data and COLOUR_PATTERN.match(field.data):
        try:
            field.data = check_colour(field.data)
        except TenantError as error:
            raise ValidationError(str(error)) from error


class TenantSettingsForm(BaseForm):
    """A tenant's settings; hub admins also see the official name and the kind."""

    official_name = StringField(
        _l("Offizieller Name"),
        validators=[
            DataRequired(_l("Bitte geben Sie den offiziellen Namen an.")),
            Length(max=200, message=_l("Höchstens 200 Zeichen.")),
        ],
    )
    kind = SelectField(_l("Art"), choices=KIND_CHOICES, validate_choice=True)
    short_name = StringField(
        _l("Kurzname"),
        description=_l("Erscheint in Listen und auf Schlagwörtern, z. B. „Rostock“."),
        validators=[
            DataRequired(_l("Bitte geben Sie einen Kurznamen an.")),
            Length(max=80, message=_l("Höchstens 80 Zeichen.")),
        ],
    )
    colour = StringField(
        _l("Farbe"),
        description=_l(
            "Im Format #rrggbb, z. B. #1d4e89. Weiße Schrift darauf muss gut lesbar sein "
            "(Kontrastverhältnis mindestens 4,5:1)."
        ),
        validators=[
            DataRequired(_l("Bitte geben Sie eine Farbe an.")),
            Regexp(COLOUR_PATTERN.pattern, message=_l("Bitte im Format #rrggbb, z. B. #1d4e89.")),
            _validate_colour,
        ],
    )
    website = StringField(
        _l("Website"),
        description=_l("Vollständige Adresse, beginnend mit https://"),
        validators=[
            Optional(),
            Length(max=300, message=_l("Höchstens 300 Zeichen.")),
            Regexp(
                WEBSITE_PATTERN.pattern,
                message=_l(
                    "Bitte geben Sie eine vollständige Adresse an, die mit https:// beginnt."
                ),
            ),
        ],
    )
    contact_address = TextAreaField(
        _l("Kontaktadresse"),
        validators=[Optional(), Length(max=2000, message=_l("Höchstens 2000 Zeichen."))],
    )


class NewTenantForm(TenantSettingsForm):
    slug = StringField(
        _l("Kürzel"),
        description=_l(
            "Für Adressen wie /t/rostock: Kleinbuchstaben, Ziffern und Bindestriche. Kann "
            "später nicht geändert werden."
        ),
        validators=[
            DataRequired(_l("Bitte geben Sie ein Kürzel an.")),
            Length(max=60, message=_l("Höchstens 60 Zeichen.")),
            Regexp(
                SLUG_PATTERN.pattern,
                message=_l("Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche."),
            ),
        ],
    )


class TopicForm(BaseForm):
    slug = StringField(
        _l("Kürzel"),
        description=_l("Für Adressen und Filter: Kleinbuchstaben, Ziffern und Bindestriche."),
        validators=[
            DataRequired(_l("Bitte geben Sie ein Kürzel an.")),
            Length(max=80, message=_l("Höchstens 80 Zeichen.")),
            Regexp(
                SLUG_PATTERN.pattern,
                message=_l("Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche."),
            ),
        ],
    )
    name_de = StringField(
        _l("Name (deutsch)"),
        validators=[
            DataRequired(_l("Bitte geben Sie einen deutschen Namen an.")),
            Length(max=120, message=_l("Höchstens 120 Zeichen.")),
        ],
    )
    name_en = StringField(
        _l("Name (englisch)"),
        description=_l("Leer lassen, um den deutschen Namen zu übernehmen."),
        validators=[Optional(), Length(max=120, message=_l("Höchstens 120 Zeichen."))],
    )


class TopicRenameForm(BaseForm):
    name_de = TopicForm.name_de
    name_en = TopicForm.name_en


class SsoProviderForm(BaseForm):
    """A tenant's single sign-on provider (hub admins). Checked in ``accounts.sso``."""

    issuer = StringField(
        _l("Adresse des Anbieters (Issuer)"),
        description=_l(
            "Die Issuer-Adresse des OpenID-Connect-Anbieters, z. B. "
            "https://sso.luebeck.de/realms/hl (Keycloak) oder "
            "https://login.microsoftonline.com/<Mandant>/v2.0 (Entra ID)."
        ),
        validators=[
            DataRequired(_l("Bitte geben Sie die Adresse des Anbieters an.")),
            Length(max=300, message=_l("Höchstens 300 Zeichen.")),
        ],
    )
    client_id = StringField(
        _l("Client-ID"),
        validators=[
            DataRequired(_l("Bitte geben Sie die Client-ID an.")),
            Length(max=200, message=_l("Höchstens 200 Zeichen.")),
        ],
    )
    allowed_domains = TextAreaField(
        _l("Erlaubte E-Mail-Domains"),
        description=_l(
            "Eine pro Zeile, z. B. luebeck.de. Nur Adressen dieser Domains melden sich über "
            "den Anbieter an."
        ),
        validators=[
            DataRequired(_l("Bitte geben Sie mindestens eine E-Mail-Domain an.")),
            Length(max=2000, message=_l("Höchstens 2000 Zeichen.")),
        ],
    )
    default_role = SelectField(
        _l("Rolle neuer Mitglieder"),
        choices=ROLE_CHOICES,
        default=Role.READER.value,
        description=ROLE_HINT,
        validate_choice=True,
    )
    role_claim = StringField(
        _l("Claim mit Rollen (optional)"),
        description=_l("Der Name eines Claims im ID-Token, z. B. groups oder roles."),
        validators=[Optional(), Length(max=100, message=_l("Höchstens 100 Zeichen."))],
    )
    role_mapping = TextAreaField(
        _l("Zuordnung der Claim-Werte zu Rollen (optional)"),
        description=_l(
            "Eine Zeile je Wert: „Wert = Rolle“ mit der Rolle reader, editor oder admin, "
            "z. B. „hub-editors = editor“."
        ),
        validators=[Optional(), Length(max=4000, message=_l("Höchstens 4000 Zeichen."))],
    )
    local_passwords = BooleanField(
        _l("Anmeldung mit Passwort für Adressen dieser Domains erlauben"), default=True
    )
    enabled = BooleanField(_l("Auf der Anmeldeseite anbieten"), default=True)
