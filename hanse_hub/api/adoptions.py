"""``/api/v1/adoptions``: which city evaluates, adopted, adapted or dropped which solution."""

from __future__ import annotations

from flask import g
from flask.views import MethodView
from flask_babel import gettext as _

from hanse_hub.api import schemas
from hanse_hub.api.common import (
    ID,
    LIST_HEADERS,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    adoption_payload,
    blueprint,
    callers_tenant,
    content_error,
    list_of,
    problems,
    require_json_body,
    require_writer,
    visible_adoption,
)
from hanse_hub.api.errors import problem
from hanse_hub.content import adoptions as adoption_services
from hanse_hub.content import services as content
from hanse_hub.database import write_transaction
from hanse_hub.policy import PermissionDenied
from hanse_hub.tenants.services import get_tenant


@blueprint.route("/adoptions")
class Adoptions(MethodView):
    @blueprint.arguments(schemas.AdoptionListArgs, location="query")
    @blueprint.response(200, schemas.AdoptionListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """Adoptions the caller may see."""
        tenant = get_tenant(args["tenant"]) if "tenant" in args else None
        found = (
            []
            if "tenant" in args and tenant is None
            else (adoption_services.visible_adoptions(g.actor, tenant=tenant))
        )
        if "solution_id" in args:
            found = [a for a in found if a.solution_id == args["solution_id"]]
        return list_of(found, args, adoption_payload)

    @blueprint.arguments(schemas.AdoptionCreateSchema)
    @blueprint.response(201, schemas.AdoptionSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data):
        """Record that a city evaluates, adopted, adapted or dropped a solution."""
        actor = require_writer()
        tenant = callers_tenant(
            data.pop("tenant", None),
            _("Bitte geben Sie an, für welche Organisation die Übernahme gilt."),
        )
        solution_id = data.pop("solution_id")
        try:
            with write_transaction():
                adoption = adoption_services.record_adoption(actor, tenant, solution_id, data)
        except PermissionDenied:
            raise problem(
                403,
                _("Sie dürfen für %(tenant)s keine Übernahmen erfassen.", tenant=tenant.short_name),
            ) from None
        except content.ContentError as error:
            raise content_error(error) from None
        return adoption_payload(adoption), 201


@blueprint.route(f"/adoptions/<{ID}:adoption_id>")
class AdoptionResource(MethodView):
    @blueprint.response(200, schemas.AdoptionSchema)
    @problems(*READ_PROBLEMS, 404)
    def get(self, adoption_id: int):
        """One adoption."""
        return adoption_payload(visible_adoption(adoption_id))

    @blueprint.arguments(schemas.AdoptionUpdateSchema)
    @blueprint.response(200, schemas.AdoptionSchema)
    @problems(*WRITE_PROBLEMS)
    def patch(self, data, adoption_id: int):
        """Change an adoption."""
        actor = require_writer()
        require_json_body()
        adoption = visible_adoption(adoption_id)
        try:
            with write_transaction():
                adoption_services.update_adoption(actor, adoption, data)
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diese Übernahme nicht ändern.")) from None
        except content.ContentError as error:
            raise content_error(error) from None
        return adoption_payload(adoption)

    @blueprint.response(204)
    @problems(400, 401, 403, 404, 429)
    def delete(self, adoption_id: int):
        """Delete an adoption."""
        actor = require_writer()
        adoption = visible_adoption(adoption_id)
        try:
            with write_transaction():
                adoption_services.delete_adoption(actor, adoption)
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diese Übernahme nicht löschen.")) from None
        return "", 204
