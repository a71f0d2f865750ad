"""What the interface calls the domain's values, in German (the catalogue has English).

One home for each label: templates, forms, mails, search facets and the API's documentation
read them from here. Also the interface language itself, which services need to pick a
topic's name without knowing about requests or templates.
"""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import AdoptionStatus, EntryKind, EntryStatus, Maturity, Visibility
from hanse_hub.tenants.models import TenantKind

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"

# Entry kinds: (singular, plural).
KIND_LABELS = {
    EntryKind.SOLUTION: (_l("Lösung"), _l("Lösungen")),
    EntryKind.LESSON: (_l("Erfahrung"), _l("Erfahrungen")),
    EntryKind.CONTACT: (_l("Kontakt"), _l("Kontakte")),
    EntryKind.EVENT: (_l("Veranstaltung"), _l("Veranstaltungen")),
    EntryKind.MATERIAL: (_l("Material"), _l("Materialien")),
}
VISIBILITY_LABELS = {
    Visibility.PUBLIC: _l("Öffentlich"),
    Visibility.NETWORK: _l("Im Netzwerk"),
    Visibility.INTERNAL: _l("Intern"),
}
STATUS_LABELS = {
    EntryStatus.DRAFT: _l("Entwurf"),
    EntryStatus.PUBLISHED: _l("Veröffentlicht"),
    EntryStatus.ARCHIVED: _l("Archiviert"),
}
MATURITY_LABELS = {
    Maturity.IDEA: _l("Idee"),
    Maturity.PILOT: _l("Pilotphase"),
    Maturity.IN_OPERATION: _l("Im Betrieb"),
    Maturity.DISCONTINUED: _l("Eingestellt"),
}
ADOPTION_LABELS = {
    AdoptionStatus.EVALUATING.value: _l("prüft"),
    AdoptionStatus.ADOPTED.value: _l("übernommen"),
    AdoptionStatus.ADAPTED.value: _l("angepasst übernommen"),
    AdoptionStatus.DROPPED.value: _l("verworfen"),
}
# Kinds of file, by media type, as people call them ("PDF", "Präsentation"), not "PLAIN".
FILE_TYPE_LABELS = {
    "application/pdf": _l("PDF"),
    "image/png": _l("Bild (PNG)"),
    "image/jpeg": _l("Bild (JPEG)"),
    "image/webp": _l("Bild (WebP)"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _l("Word-Dokument"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _l("Präsentation"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _l("Tabelle"),
    "application/vnd.oasis.opendocument.text": _l("Textdokument (ODT)"),
    "application/vnd.oasis.opendocument.presentation": _l("Präsentation (ODP)"),
    "application/vnd.oasis.opendocument.spreadsheet": _l("Tabelle (ODS)"),
    "text/plain": _l("Text"),
}


def file_type_label(media_type: str) -> str:
    """What people call a file of ``media_type``; an unknown one by its short form ("ZIP")."""
    label = FILE_TYPE_LABELS.get(media_type)
    if label is not None:
        return str(label)
    return media_type.split("/")[-1].split(".")[-1].split("+")[0].upper()


# Roles in a tenant, by their stored value.
ROLE_LABELS = {
    Role.READER.value: _l("Lesen"),
    Role.EDITOR.value: _l("Redaktion"),
    Role.ADMIN.value: _l("Administration"),
}
# Kinds of tenant (organisation), by their stored value.
TENANT_KIND_LABELS = {
    TenantKind.CITY.value: _l("Stadt"),
    TenantKind.ALLIANCE.value: _l("Geschäftsstelle"),
    TenantKind.PARTNER.value: _l("Partner"),
}

# Every action the audit log records, with its label for the audit page.
AUDIT_ACTION_LABELS = {
    "login": _l("Anmeldung"),
    "login_failed": _l("Fehlgeschlagene Anmeldung"),
    "password_changed": _l("Passwort geändert"),
    "password_reset_requested": _l("Zurücksetzen des Passworts angefordert"),
    "password_reset": _l("Passwort zurückgesetzt"),
    "invitation_created": _l("Einladung verschickt"),
    "invitation_revoked": _l("Einladung zurückgezogen"),
    "invitation_accepted": _l("Einladung angenommen"),
    "role_changed": _l("Rolle geändert"),
    "role_revoked": _l("Mitgliedschaft beendet"),
    "account_deactivated": _l("Konto deaktiviert"),
    "tenant_created": _l("Organisation angelegt"),
    "tenant_updated": _l("Organisation geändert"),
    "topic_added": _l("Handlungsfeld angelegt"),
    "topic_renamed": _l("Handlungsfeld umbenannt"),
    "topic_removed": _l("Handlungsfeld entfernt"),
    "entry_published": _l("Eintrag veröffentlicht"),
    "entry_archived": _l("Eintrag archiviert"),
    "entry_deleted": _l("Eintrag gelöscht"),
    "entry_restored": _l("Eintrag wiederhergestellt"),
    "mfa_enrolled": _l("Zweiter Faktor eingerichtet"),
    "mfa_failed": _l("Falscher Code des zweiten Faktors"),
    "mfa_recovery_code_used": _l("Wiederherstellungscode benutzt"),
    "mfa_recovery_codes_renewed": _l("Neue Wiederherstellungscodes erzeugt"),
    "mfa_reset": _l("Zweiter Faktor zurückgesetzt"),
    "sso_login_failed": _l("Fehlgeschlagene Anmeldung über Single Sign-on"),
    "sso_provider_configured": _l("Single Sign-on eingerichtet"),
    "sso_provider_removed": _l("Single Sign-on entfernt"),
}


def interface_language() -> str:
    """The language the current response is rendered in (respects ``force_locale``)."""
    locale = get_locale()
    return locale.language if locale is not None else DEFAULT_LANGUAGE
