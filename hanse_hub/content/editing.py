"""Editing in the web interface: forms for every kind, files, workflow, adoptions, history.

Each handler loads what it needs, checks access (404 where existence must not
leak, 403 otherwise), and calls the content services inside one
``write_transaction()``. Everything works without JavaScript; ``editing.js``
only adds a live Markdown preview.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from hanse_hub.clock import berlin_today
from hanse_hub.content import adoptions as adoption_services
from hanse_hub.content import services
from hanse_hub.content.attachments import (
    AttachmentMetadata,
    AttachmentRejected,
    add_attachment,
    get_attachment,
    remove_attachment,
    too_large_message,
)
from hanse_hub.content.forms import (
    MAX_TEXT,
    ActionForm,
    AdoptionForm,
    EntryForm,
    UploadForm,
    adoption_form,
    entry_form,
    person_label,
    visibility_descriptions,
    wants_consent,
)
from hanse_hub.content.kinds import field_labels
from hanse_hub.content.models import (
    Adoption,
    AdoptionStatus,
    Entry,
    EntryKind,
    EntryStatus,
    Solution,
)
from hanse_hub.content.services import ContentError, EntryNotFound, StaleEntry
from hanse_hub.content.storage import storage_for
from hanse_hub.content.views import entry_url
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.policy import Action, PermissionDenied, can, can_create_in, can_edit_adoption
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import get_tenant, list_tenants
from hanse_hub.web.context import current_actor
from hanse_hub.web.errors import error_response
from hanse_hub.web.i18n import format_date
from hanse_hub.web.markdown import render_markdown

blueprint = Blueprint("editing", __name__)

# German words in the address of the create form: /t/rostock/neu/loesung
KIND_SLUGS = {
    "loesung": EntryKind.SOLUTION,
    "erfahrung": EntryKind.LESSON,
    "kontakt": EntryKind.CONTACT,
    "veranstaltung": EntryKind.EVENT,
    "material": EntryKind.MATERIAL,
}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}
KIND_DESCRIPTIONS = {
    EntryKind.SOLUTION: _l("Ein Vorhaben oder Produkt Ihrer Stadt, das andere übernehmen können."),
    EntryKind.LESSON: _l("Was gut lief, was nicht – und was Sie anderen raten."),
    EntryKind.CONTACT: _l(
        "Eine Person, die zu einem Thema Auskunft gibt (nur mit ihrer Zustimmung)."
    ),
    EntryKind.EVENT: _l("Eine Konferenz, ein Workshop oder ein Austauschtreffen."),
    EntryKind.MATERIAL: _l(
        "Folien, Papiere oder Aufzeichnungen zu einer Veranstaltung oder Lösung."
    ),
}
REVISION_ACTIONS = {
    "created": _l("angelegt"),
    "updated": _l("geändert"),
    "published": _l("veröffentlicht"),
    "archived": _l("archiviert"),
    "unpublished": _l("zurück zum Entwurf"),
    "deleted": _l("gelöscht"),
    "restored": _l("wiederhergestellt"),
    "consent_recorded": _l("Einwilligung erfasst"),
    "consent_withdrawn": _l("Einwilligung widerrufen"),
}
# How the history names each of ``revisions.HISTORY_FIELDS`` (from the kind registry).
FIELD_LABELS = field_labels()

CONFLICT_TEXT_LENGTH = 400


def _shown(value) -> str:
    if value in (None, "", []):
        return "–"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= CONFLICT_TEXT_LENGTH else text[:CONFLICT_TEXT_LENGTH] + " …"


def conflict_rows(changes: list[services.FieldChange]) -> list[dict]:
    """The other person's changes as the stale-edit message lists them."""
    return [
        {"label": FIELD_LABELS[c.field], "before": _shown(c.before), "after": _shown(c.after)}
        for c in changes
    ]


STALE_EDIT = _l(
    "Der Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind unten "
    "erhalten. Bitte vergleichen Sie sie mit der aktuellen Fassung (Link oben) – wenn Sie "
    "dann erneut speichern, ersetzen Ihre Eingaben die andere Änderung."
)
STALE_ACTION = _l(
    "Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie die aktuelle "
    "Fassung und wiederholen Sie die Aktion."
)
NO_CONSENT = _l(
    "Eine Kontaktperson wird erst veröffentlicht, wenn sie zugestimmt hat (DSGVO). Bitte "
    "bearbeiten Sie den Kontakt und setzen Sie das Häkchen „Die Person hat der "
    "Veröffentlichung zugestimmt“, sobald die Zustimmung vorliegt."
)
# Ids beyond this are no ids of ours; refusing them early keeps databases out of overflow errors.
MAX_ID = 2**31 - 1


# -- template helpers ----------------------------------------------------------------------------


@blueprint.app_template_global("kind_slug")
def _kind_slug(kind: EntryKind) -> str:
    return SLUG_OF_KIND[EntryKind(kind)]


@blueprint.app_template_global("review_due")
def review_due(entry: Entry) -> bool:
    """Whether the entry's review date has come (archived entries are no longer looked after)."""
    return (
        entry.review_by is not None
        and entry.status != EntryStatus.ARCHIVED
        and entry.review_by <= berlin_today()
    )


@blueprint.app_template_global("adoption_tenants")
def _adoption_tenants(solution: Solution) -> list[Tenant]:
    """Tenants for which the current user may still record an adoption of ``solution``."""
    actor = current_actor()
    if not actor.editable_tenant_ids or not isinstance(solution, Solution):
        return []
    recorded = {a.tenant_id for a in services.adoptions_of(actor, solution)}
    return [
        tenant
        for tenant in adoption_services.adopting_tenants(actor, solution)
        if tenant.id not in recorded
    ]


@blueprint.app_template_global("may_edit_adoption")
def _may_edit_adoption(adoption: Adoption) -> bool:
    return can_edit_adoption(current_actor(), adoption)


@blueprint.app_template_global("field_aria")
def field_aria(field) -> dict[str, str]:
    """``aria-describedby`` (hint and error) and ``aria-invalid`` for a form field."""
    ids = []
    if field.description:
        ids.append(f"{field.id}-hint")
    if field.errors:
        ids.append(f"{field.id}-error")
    attributes = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attributes["aria-invalid"] = "true"
    return attributes


# -- loading and access --------------------------------------------------------------------------


def _visible_entry(entry_id: int) -> Entry:
    if entry_id > MAX_ID:
        abort(404)
    try:
        return services.get_entry(current_actor(), entry_id)
    except EntryNotFound:
        abort(404)


def _editable_entry(entry_id: int) -> Entry:
    """An entry the current user may edit: 404 if they cannot see it, 403 if only see it."""
    entry = _visible_entry(entry_id)
    if not can(current_actor(), Action.EDIT, entry):
        abort(403)
    return entry


def _render_entry_form(
    form: EntryForm,
    *,
    tenant: Tenant,
    kind: EntryKind,
    entry: Entry | None = None,
    upload_form: UploadForm | None = None,
    preview: bool = False,
    status: int = 200,
    conflict: list[dict] | None = None,
):
    if entry is not None and upload_form is None:
        upload_form = UploadForm(formdata=None)
    if form.people_field:  # the picker's suggestions as one types (combobox.js)
        form.people_query.render_kw = {
            "autocomplete": "off",
            "data-autocomplete": url_for("editing.people_suggestions", stadt=tenant.slug),
            "data-autocomplete-status": _(
                "%(count)s Personen; mit den Pfeiltasten auswählen", count="%(count)s"
            ),
            "data-autocomplete-choose": form.people_field,
        }
    return render_template(
        "content/edit.html",
        form=form,
        tenant=tenant,
        kind=kind,
        entry=entry,
        upload_form=upload_form,
        preview=preview,
        visibility_help=visibility_descriptions(tenant.short_name),
        action_form=ActionForm(formdata=None),
        conflict=conflict or [],
    ), status


# -- creating and editing entries ----------------------------------------------------------------


@blueprint.route("/neu")
@login_required
def new_entry():
    """Choose what to write, and for which organisation."""
    actor = current_actor()
    tenants = [tenant for tenant in list_tenants() if actor.may_edit_in(tenant.id)]
    if not tenants:
        abort(403)
    return render_template(
        "content/new.html", tenants=tenants, kinds=list(EntryKind), descriptions=KIND_DESCRIPTIONS
    )


@blueprint.route("/t/<tenant_slug>/neu/<kind_slug>", methods=["GET", "POST"])
@login_required
def create_entry(tenant_slug: str, kind_slug: str):
    tenant = get_tenant(tenant_slug)
    kind = KIND_SLUGS.get(kind_slug)
    if tenant is None or kind is None:
        abort(404)
    actor = current_actor()
    if not can_create_in(actor, tenant.id):
        abort(403)
    form = entry_form(kind, actor, tenant)
    if form.is_submitted() and (form.preview.data or form.find_people.data):
        return _render_entry_form(form, tenant=tenant, kind=kind, preview=form.preview.data)
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                entry = services.save_entry(
                    actor,
                    tenant,
                    form.service_data(),
                    kind=kind,
                    consent=wants_consent(form),
                    status=_wanted_status(form),
                )
        except ContentError as error:
            form.add_service_error(error, form.error_aliases)
            status = 422
        except PermissionDenied:
            abort(403)
        else:
            if entry.status == EntryStatus.PUBLISHED:
                flash(_("„%(title)s“ ist veröffentlicht.", title=entry.title), "success")
            else:
                flash(
                    _(
                        "„%(title)s“ ist als Entwurf gespeichert. Nur die Redaktion von "
                        "%(name)s sieht ihn, bis Sie ihn veröffentlichen.",
                        title=entry.title,
                        name=tenant.short_name,
                    ),
                    "success",
                )
            return redirect(entry_url(entry))
    elif form.is_submitted():
        status = 422
    return _render_entry_form(form, tenant=tenant, kind=kind, status=status)


def _wanted_status(form: EntryForm) -> EntryStatus | None:
    """Published when "Veröffentlichen" was pressed (``services.save_entry`` publishes through
    ``publish_entry``, in the same transaction as the save); otherwise the status stays."""
    return EntryStatus.PUBLISHED if form.publish.data else None


@blueprint.route("/eintraege/<db_id:entry_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_entry(entry_id: int):
    entry = _editable_entry(entry_id)
    actor = current_actor()
    form = entry_form(entry.kind, actor, entry.tenant, entry=entry)
    render = {"tenant": entry.tenant, "kind": entry.kind, "entry": entry}
    if form.is_submitted() and (form.preview.data or form.find_people.data):
        return _render_entry_form(form, preview=form.preview.data, **render)
    status = 200
    if form.validate_on_submit():
        consent = wants_consent(form, entry)
        try:
            with write_transaction():
                services.save_entry(
                    actor,
                    entry.tenant,
                    form.service_data(),
                    entry=entry,
                    consent=consent,
                    expected_version=form.expected_version(),
                    minor=bool(form.minor.data),
                    status=_wanted_status(form),
                )
        except StaleEntry as error:
            form.form_errors.append(str(STALE_EDIT))
            render["conflict"] = conflict_rows(
                services.changes_since(actor, entry, form.expected_version())
            )
            form.version.data = str(error.current_version)
            status = 409
        except ContentError as error:
            form.add_service_error(error, form.error_aliases)
            status = 422
        except PermissionDenied:
            abort(403)
        else:
            if form.publish.data and entry.status == EntryStatus.PUBLISHED:
                flash(_("Ihre Änderungen sind gespeichert und veröffentlicht."), "success")
            else:
                flash(_("Ihre Änderungen sind gespeichert."), "success")
            if consent is False:
                flash(
                    _(
                        "Die Einwilligung ist als widerrufen vermerkt; der Kontakt ist wieder ein "
                        "Entwurf und nur für die Redaktion sichtbar."
                    ),
                    "info",
                )
            return redirect(entry_url(entry))
    elif form.is_submitted():
        status = 422
    return _render_entry_form(form, status=status, **render)


@blueprint.route("/vorschau", methods=["POST"])
@login_required
@limiter.limit(configured_limit("write"))
def preview():
    """Markdown as the entry page will show it (sanitised), for the script on the edit form.

    Takes JSON ``{"text": …}`` or a form field ``text``; answers ``{"html": …}``.
    """
    if not current_actor().editable_tenant_ids:
        abort(403)
    payload = request.get_json(silent=True) if request.is_json else None
    source = payload.get("text") if isinstance(payload, dict) else request.form.get("text")
    if not isinstance(source, str):
        return error_response(422, _("Bitte senden Sie den Text als Feld „text“."))
    if len(source) > MAX_TEXT:
        return error_response(413, _("Der Text ist zu lang für eine Vorschau."))
    return jsonify(html=str(render_markdown(source.replace("\x00", ""))))


@blueprint.route("/personen/vorschlaege")
@login_required
@limiter.limit(configured_limit("search"))
def people_suggestions():
    """People for the picker's combobox: ``?q=`` (two letters or more), those of ``?stadt=``
    first; ``{"suggestions": [{"id", "label", "url"}]}`` – at most twenty, for editors."""
    actor = current_actor()
    if not actor.editable_tenant_ids:
        abort(403)
    tenant = get_tenant(request.args.get("stadt", "")[:60])
    found = services.find_contacts(
        actor, request.args.get("q", ""), own_tenant_id=tenant.id if tenant else None
    )
    return jsonify(
        suggestions=[
            {"id": contact.id, "label": person_label(contact), "url": entry_url(contact)}
            for contact in found
        ]
    )


# -- files ---------------------------------------------------------------------------------------


@blueprint.route("/eintraege/<db_id:entry_id>/dateien", methods=["POST"])
@login_required
@limiter.limit(configured_limit("write"))
def upload_file(entry_id: int):
    entry = _editable_entry(entry_id)
    actor = current_actor()
    upload = UploadForm()
    status = 422
    if upload.validate_on_submit():
        file = upload.file.data
        try:
            with write_transaction():
                attachment = add_attachment(
                    actor,
                    entry,
                    file.stream,
                    AttachmentMetadata(
                        filename=file.filename or "datei",
                        description=upload.description.data or "",
                        alt_text=upload.alt_text.data or "",
                        language=upload.language.data,
                    ),
                    storage=storage_for(current_app),
                    max_bytes=current_app.config["HANSE_MAX_UPLOAD_BYTES"],
                )
        except AttachmentRejected as error:
            upload.file.errors = [*upload.file.errors, str(error)]
            status = error.status
        else:
            flash(
                _("Die Datei „%(name)s“ ist hochgeladen.", name=attachment.original_filename),
                "success",
            )
            return redirect(url_for("editing.edit_entry", entry_id=entry.id) + "#dateien")
    form = entry_form(entry.kind, actor, entry.tenant, entry=entry, formdata=None)
    return _render_entry_form(
        form, tenant=entry.tenant, kind=entry.kind, entry=entry, upload_form=upload, status=status
    )


@blueprint.errorhandler(RequestEntityTooLarge)
def _upload_too_large(error):
    """A file beyond the request limit is refused before the view runs: say so at the field."""
    message = too_large_message(current_app.config["HANSE_MAX_UPLOAD_BYTES"])
    entry_id = (request.view_args or {}).get("entry_id", MAX_ID + 1)
    if request.endpoint != "editing.upload_file" or not current_user.is_authenticated:
        return error_response(413)
    try:
        entry = services.get_entry(current_actor(), min(entry_id, MAX_ID))
    except EntryNotFound:
        return error_response(404)
    if not can(current_actor(), Action.EDIT, entry):
        return error_response(403)
    upload = UploadForm(formdata=None)
    upload.file.errors = [message]
    form = entry_form(entry.kind, current_actor(), entry.tenant, entry=entry, formdata=None)
    return _render_entry_form(
        form, tenant=entry.tenant, kind=entry.kind, entry=entry, upload_form=upload, status=413
    )


@blueprint.route("/dateien/<db_id:attachment_id>/entfernen", methods=["POST"])
@login_required
def remove_file(attachment_id: int):
    actor = current_actor()
    attachment = get_attachment(actor, attachment_id) if attachment_id <= MAX_ID else None
    if attachment is None:
        abort(404)
    if not can(actor, Action.EDIT, attachment.entry):
        abort(403)
    if not ActionForm().validate_on_submit():
        abort(400)
    name, entry_id = attachment.original_filename, attachment.entry_id
    with write_transaction():
        remove_attachment(actor, attachment)
    flash(_("Die Datei „%(name)s“ ist entfernt.", name=name), "success")
    return redirect(url_for("editing.edit_entry", entry_id=entry_id) + "#dateien")


# -- workflow: draft, published, archived, deleted ------------------------------------------------


def _change_state(entry_id: int, possible, change, done: str, not_now: str):
    """Apply one state change from a button on the entry page, then go back to the entry.

    ``possible(entry)`` says whether the change makes sense in the entry's state (a second
    click on "Veröffentlichen" only explains that it is published already).
    """
    actor = current_actor()
    entry = _editable_entry(entry_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    if not possible(entry):
        flash(str(not_now), "info")
        return redirect(entry_url(entry))
    try:
        with write_transaction():
            change(actor, entry, expected_version=form.expected_version())
    except StaleEntry:
        flash(str(STALE_ACTION), "error")
    except ContentError as error:
        flash(str(NO_CONSENT) if entry.kind == EntryKind.CONTACT else str(error), "error")
    else:
        flash(str(done), "success")
    return redirect(entry_url(entry))


@blueprint.route("/eintraege/<db_id:entry_id>/veroeffentlichen", methods=["POST"])
@login_required
def publish(entry_id: int):
    return _change_state(
        entry_id,
        lambda entry: can(current_actor(), Action.PUBLISH, entry),
        services.publish_entry,
        _l("Der Eintrag ist veröffentlicht."),
        _l("Der Eintrag ist bereits veröffentlicht."),
    )


@blueprint.route("/eintraege/<db_id:entry_id>/archivieren", methods=["POST"])
@login_required
def archive(entry_id: int):
    return _change_state(
        entry_id,
        lambda entry: can(current_actor(), Action.ARCHIVE, entry),
        services.archive_entry,
        _l(
            "Der Eintrag ist archiviert. Er bleibt lesbar, mit dem Hinweis, dass er nicht mehr "
            "gepflegt wird."
        ),
        _l("Nur veröffentlichte Einträge können archiviert werden."),
    )


@blueprint.route("/eintraege/<db_id:entry_id>/zurueckziehen", methods=["POST"])
@login_required
def unpublish(entry_id: int):
    return _change_state(
        entry_id,
        lambda entry: entry.status != EntryStatus.DRAFT,
        services.unpublish_entry,
        _l("Der Eintrag ist wieder ein Entwurf und nur für die Redaktion sichtbar."),
        _l("Der Eintrag ist bereits ein Entwurf."),
    )


@blueprint.route("/eintraege/<db_id:entry_id>/geprueft", methods=["POST"])
@login_required
def mark_reviewed(entry_id: int):
    """The entry still holds: the next review is due in a year."""
    today = berlin_today()
    next_review = today + services.REVIEW_INTERVAL

    def change(actor, entry, *, expected_version):
        services.mark_reviewed(actor, entry, today=today, expected_version=expected_version)

    return _change_state(
        entry_id,
        lambda entry: True,
        change,
        _l("Danke! Die nächste Prüfung ist am %(date)s fällig.", date=format_date(next_review)),
        "",
    )


@blueprint.route("/eintraege/<db_id:entry_id>/loeschen", methods=["GET", "POST"])
@login_required
def delete(entry_id: int):
    """GET asks for confirmation; POST deletes (the tenant's admins can restore)."""
    actor = current_actor()
    entry = _visible_entry(entry_id)
    if not can(actor, Action.DELETE, entry):
        abort(403)
    form = ActionForm(data={"version": str(entry.version)})
    if request.method == "GET":
        return render_template("content/delete.html", entry=entry, form=form)
    if not form.validate_on_submit():
        abort(400)
    tenant, title = entry.tenant, entry.title
    try:
        with write_transaction():
            services.delete_entry(actor, entry, expected_version=form.expected_version())
    except StaleEntry:
        flash(str(STALE_ACTION), "error")
        return redirect(entry_url(entry))
    flash(
        _(
            "„%(title)s“ ist gelöscht. Die Administration von %(name)s kann den Eintrag "
            "wiederherstellen.",
            title=title,
            name=tenant.short_name,
        ),
        "success",
    )
    return redirect(url_for("web.tenant_page", slug=tenant.slug))


@blueprint.route("/papierkorb/<tenant_slug>")
@login_required
def trash(tenant_slug: str):
    """The tenant's deleted entries, for its admins to restore."""
    tenant = get_tenant(tenant_slug)
    if tenant is None:
        abort(404)
    entries = services.deleted_entries(current_actor(), tenant)  # PermissionDenied → 403
    return render_template(
        "content/trash.html", tenant=tenant, entries=entries, form=ActionForm(formdata=None)
    )


@blueprint.route("/eintraege/<db_id:entry_id>/wiederherstellen", methods=["POST"])
@login_required
def restore(entry_id: int):
    actor = current_actor()
    if entry_id > MAX_ID:
        abort(404)
    try:
        entry = services.get_deleted_entry(actor, entry_id)
    except EntryNotFound:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    with write_transaction():
        services.restore_entry(actor, entry)
    flash(
        _("„%(title)s“ ist wiederhergestellt, im selben Zustand wie vorher.", title=entry.title),
        "success",
    )
    return redirect(entry_url(entry))


# -- history -------------------------------------------------------------------------------------


@blueprint.route("/eintraege/<db_id:entry_id>/verlauf")
def history(entry_id: int):
    """Every change of the entry: version, what happened, who, when – for everyone who reads it."""
    entry = _visible_entry(entry_id)
    rows = [
        {
            "revision": row.revision,
            "action": REVISION_ACTIONS.get(row.revision.action, row.revision.action),
            "changed": [FIELD_LABELS[name] for name in row.changed],
        }
        for row in services.history_of(current_actor(), entry)
    ]
    return render_template("content/history.html", entry=entry, rows=rows)


# -- my drafts and due reviews -------------------------------------------------------------------


@blueprint.route("/meine-entwuerfe")
@login_required
def my_drafts():
    actor = current_actor()
    tenants = list_tenants()
    return render_template(
        "content/drafts.html",
        drafts=services.drafts_for(actor),
        due=services.entries_due_for_review(actor, today=berlin_today()),
        editable_tenants=[tenant for tenant in tenants if actor.may_edit_in(tenant.id)],
        admin_tenants=[tenant for tenant in tenants if actor.is_admin_of(tenant.id)],
    )


# -- adoptions: "Wir nutzen das auch" ------------------------------------------------------------


def _render_adoption(form: AdoptionForm, solution: Solution, *, adoption=None, status=200):
    tenant_names = {choice.value: choice.label for choice in form.tenant.choices}
    owner = tenant_names.get(form.tenant.data) or _("(oben gewählt)")
    return render_template(
        "content/adoption.html",
        form=form,
        solution=solution,
        adoption=adoption,
        visibility_help=visibility_descriptions(owner, joint_projects=False),
        action_form=ActionForm(formdata=None),
    ), status


def _adoption_message(status: str, name: str) -> tuple[str, str]:
    """What recording an adoption says, worded per status, and its flash category: only a
    decision to use the solution is a success (green); evaluating or rejecting it is news."""
    if status == AdoptionStatus.EVALUATING.value:
        return _(
            "Danke! Dass %(name)s die Lösung prüft, steht jetzt bei der Lösung.", name=name
        ), "info"
    if status == AdoptionStatus.DROPPED.value:
        return _(
            "Danke! Dass %(name)s die Lösung verworfen hat, steht jetzt bei der Lösung.", name=name
        ), "info"
    if status == AdoptionStatus.ADAPTED.value:
        return _(
            "Danke! Dass %(name)s die Lösung angepasst übernommen hat, steht jetzt bei der Lösung.",
            name=name,
        ), "success"
    return _(
        "Danke! Dass %(name)s die Lösung übernommen hat, steht jetzt bei der Lösung.", name=name
    ), "success"


@blueprint.route("/eintraege/<db_id:entry_id>/uebernahme", methods=["GET", "POST"])
@login_required
def record_adoption(entry_id: int):
    actor = current_actor()
    solution = _visible_entry(entry_id)
    if not isinstance(solution, Solution):
        abort(404)
    tenants = adoption_services.adopting_tenants(actor, solution)
    if not tenants:
        abort(403)
    form = adoption_form(actor, tenants)
    status = 200
    if form.validate_on_submit():
        tenant = next(tenant for tenant in tenants if tenant.slug == form.tenant.data)
        try:
            with write_transaction():
                adoption_services.record_adoption(actor, tenant, solution.id, form.service_data())
        except ContentError as error:
            form.add_service_error(error)
            status = 422
        else:
            flash(*_adoption_message(form.status.data, tenant.short_name))
            return redirect(entry_url(solution))
    elif form.is_submitted():
        status = 422
    return _render_adoption(form, solution, status=status)


def _editable_adoption(adoption_id: int) -> Adoption:
    actor = current_actor()
    if adoption_id > MAX_ID:
        abort(404)
    try:
        adoption = adoption_services.get_adoption(actor, adoption_id)
    except EntryNotFound:
        abort(404)
    if not can_edit_adoption(actor, adoption):
        abort(403)
    return adoption


@blueprint.route("/uebernahmen/<db_id:adoption_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_adoption(adoption_id: int):
    actor = current_actor()
    adoption = _editable_adoption(adoption_id)
    form = adoption_form(actor, [adoption.tenant], adoption=adoption)
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                adoption_services.update_adoption(actor, adoption, form.service_data())
        except ContentError as error:
            form.add_service_error(error)
            status = 422
        else:
            flash(_("Die Angaben zur Übernahme sind gespeichert."), "success")
            return redirect(entry_url(adoption.solution))
    elif form.is_submitted():
        status = 422
    return _render_adoption(form, adoption.solution, adoption=adoption, status=status)


@blueprint.route("/uebernahmen/<db_id:adoption_id>/loeschen", methods=["POST"])
@login_required
def delete_adoption(adoption_id: int):
    actor = current_actor()
    adoption = _editable_adoption(adoption_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    solution = adoption.solution
    with write_transaction():
        adoption_services.delete_adoption(actor, adoption)
    flash(_("Die Angabe zur Übernahme ist gelöscht."), "success")
    return redirect(entry_url(solution))
