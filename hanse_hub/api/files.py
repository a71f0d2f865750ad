"""``/api/v1``: an entry's files – list, upload, metadata, download and removal.

Uploads are checked by content and size in ``content.attachments``, as for the web form.
"""

from __future__ import annotations

from flask import current_app, request, send_file
from flask.views import MethodView
from flask_babel import gettext as _
from marshmallow import ValidationError

from hanse_hub.api import schemas
from hanse_hub.api.common import (
    ACTION_PROBLEMS,
    ID,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    attachment_payload,
    blueprint,
    problems,
    require_writer,
    visible_attachment,
    visible_entry,
)
from hanse_hub.api.errors import problem
from hanse_hub.api.schemas import MAX_ID
from hanse_hub.content.attachments import (
    ALLOWED_MEDIA_TYPES,
    AttachmentMetadata,
    AttachmentRejected,
    add_attachment,
    remove_attachment,
)
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.policy import PermissionDenied


def upload_form() -> dict:
    """The form fields of an upload, checked as documented (webargs reads only the file)."""
    repeated = sorted(
        name
        for name in {*request.form, *request.files}
        if len(request.form.getlist(name)) + len(request.files.getlist(name)) > 1
    )
    try:
        if repeated:
            message = _("Bitte nur einen Wert senden.")
            raise ValidationError({name: [message] for name in repeated})
        return schemas.AttachmentFormSchema().load(request.form.to_dict())
    except ValidationError as error:
        names = ", ".join(sorted(map(str, error.messages)))
        raise problem(
            422, _("Bitte prüfen Sie die Angaben: %(fields)s.", fields=names), errors=error.messages
        ) from None


@blueprint.route(f"/entries/<{ID}:entry_id>/attachments")
class Attachments(MethodView):
    @blueprint.response(200, schemas.AttachmentSchema(many=True))
    @problems(*READ_PROBLEMS, 404)
    def get(self, entry_id: int):
        """The files of an entry."""
        return [attachment_payload(a) for a in visible_entry(entry_id).attachments]

    @blueprint.arguments(
        schemas.AttachmentUploadSchema, location="files", content_type="multipart/form-data"
    )
    @blueprint.response(201, schemas.AttachmentSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, files, entry_id: int):
        """Upload a file (multipart field `file`; optional form fields `description`,
        `alt_text`, `language`). The type is decided by the content."""
        actor = require_writer()
        entry = visible_entry(entry_id)
        upload = files["file"]
        form = upload_form()
        try:
            with write_transaction():
                attachment = add_attachment(
                    actor,
                    entry,
                    upload.stream,
                    AttachmentMetadata(
                        filename=upload.filename or "datei",
                        description=form["description"],
                        alt_text=form["alt_text"],
                        language=form["language"],
                    ),
                    storage=storage_for(current_app),
                    max_bytes=current_app.config["HANSE_MAX_UPLOAD_BYTES"],
                )
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diesem Eintrag keine Dateien hinzufügen.")) from None
        except AttachmentRejected as error:
            raise problem(error.status, str(error)) from None
        return attachment_payload(attachment), 201


@blueprint.route(f"/attachments/<{ID}:attachment_id>")
@blueprint.response(200, schemas.AttachmentSchema)
@problems(*READ_PROBLEMS, 404)
def attachment(attachment_id: int):
    """A file's metadata."""
    return attachment_payload(visible_attachment(attachment_id))


@blueprint.route(f"/attachments/<{ID}:attachment_id>/content")
@blueprint.doc(
    responses={
        "200": {
            "description": "The file, with Content-Disposition, as one of the accepted types",
            "content": {
                media_type: {"schema": {"type": "string", "format": "binary"}}
                for media_type in sorted(ALLOWED_MEDIA_TYPES)
            },
        }
    }
)
@problems(*READ_PROBLEMS, 404)
def attachment_content(attachment_id: int):
    """Download a file."""
    found = visible_attachment(attachment_id)
    storage = storage_for(current_app)
    if not storage.exists(found.content_hash):
        raise problem(404, _("Die Datei fehlt im Speicher."))
    response = send_file(
        storage.open(found.content_hash),
        mimetype=found.media_type,
        as_attachment=True,
        download_name=found.original_filename,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# The path of ``GET /attachments/{id}`` (above), a second rule for another method. Its id
# converter has no limits: with them, werkzeug would answer a DELETE of an id out of range with
# 405 (the GET rule's method matched the path) instead of 404. The view checks the range; the
# document states it as for every id.
@blueprint.route(
    "/attachments/<int:attachment_id>",
    methods=["DELETE"],
    parameters=[
        {
            "in": "path",
            "name": "attachment_id",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        }
    ],
)
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def delete_attachment(attachment_id: int):
    """Remove a file from its entry (the file's bytes go when no entry uses them any more)."""
    actor = require_writer()
    if not 1 <= attachment_id <= MAX_ID:  # no id of ours; the database must not see it
        raise problem(404, _("Diese Datei gibt es nicht, oder sie ist für Sie nicht sichtbar."))
    attachment = visible_attachment(attachment_id)
    try:
        with write_transaction():
            remove_attachment(actor, attachment, storage=storage_for(current_app))
    except PermissionDenied:
        raise problem(403, _("Sie dürfen die Dateien dieses Eintrags nicht entfernen.")) from None
    return "", 204
