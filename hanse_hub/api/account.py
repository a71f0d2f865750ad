"""``/api/v1/account``: the caller's own logins and data – what "Mein Konto" offers, except
changing the password and deleting the account (an API token should not be able to lock out
or delete the person it acts for)."""

from __future__ import annotations

from flask import current_app, g
from flask.views import MethodView
from marshmallow import Schema, fields

from hanse_hub.accounts import mfa, privacy, self_service, services
from hanse_hub.api.common import (
    ACTION_PROBLEMS,
    ID,
    READ_PROBLEMS,
    blueprint,
    problems,
    require_caller,
    require_writer,
)
from hanse_hub.api.errors import problem
from hanse_hub.database import write_transaction


class LoginSessionSchema(Schema):
    id = fields.Integer()
    created_at = fields.DateTime()
    last_seen_at = fields.DateTime(allow_none=True)
    expires_at = fields.DateTime()
    browser = fields.String(allow_none=True, metadata={"description": "From the user agent"})
    system = fields.String(allow_none=True, metadata={"description": "Operating system"})


class AccountExportSchema(Schema):
    class Meta:
        # The export's sections are documented in the README (DSGVO); passed through as they are.
        unknown = "include"

    account = fields.Dict()
    memberships = fields.List(fields.Dict())
    login_sessions = fields.List(fields.Dict())
    personal_access_tokens = fields.List(fields.Dict())
    audit_events = fields.List(fields.Dict())
    authored_entries = fields.List(fields.Dict())
    revisions = fields.List(fields.Dict())
    contact_entries = fields.List(fields.Dict())
    adoptions_recorded = fields.List(fields.Dict())
    invitations_received = fields.List(fields.Dict())
    invitations_sent = fields.List(fields.Dict())
    password_resets = fields.List(fields.Dict())
    attachments_uploaded = fields.List(fields.Dict())


def _session_payload(session: self_service.OwnSession) -> dict:
    return {
        "id": session.id,
        "created_at": session.created_at,
        "last_seen_at": session.last_seen_at,
        "expires_at": session.expires_at,
        "browser": session.browser,
        "system": session.system,
    }


@blueprint.route("/account/sessions")
class AccountSessions(MethodView):
    @blueprint.response(200, LoginSessionSchema(many=True))
    @problems(*READ_PROBLEMS)
    def get(self):
        """The caller's live web logins (browser sessions), most recently used first."""
        require_caller()
        return [_session_payload(s) for s in self_service.own_sessions(g.api_token.user, None)]


@blueprint.route(f"/account/sessions/<{ID}:session_id>", methods=["DELETE"])
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def end_account_session(session_id: int):
    """End one of the caller's web logins: its cookie stops working at once."""
    require_writer()
    try:
        with write_transaction():
            self_service.end_own_session(g.api_token.user, session_id)
    except services.AccountError as error:
        raise problem(404, str(error)) from None
    return "", 204


class SecondFactorSchema(Schema):
    enrolled = fields.Boolean(metadata={"description": "An authenticator app is set up"})
    required = fields.Boolean(
        metadata={"description": "The caller must pass it for administration and new tokens"}
    )
    recovery_codes_left = fields.Integer()
    token_from_second_factor = fields.Boolean(
        metadata={"description": "This token was created from a login that passed it"}
    )


@blueprint.route("/account/second-factor")
@blueprint.response(200, SecondFactorSchema)
@problems(*READ_PROBLEMS)
def second_factor_status():
    """The caller's second factor. Setting it up needs the app and a browser: "Mein Konto"."""
    require_caller()
    user = g.api_token.user
    required = current_app.config["HANSE_MFA_REQUIRED_FOR_ADMINS"]
    return {
        "enrolled": mfa.is_enrolled(user),
        "required": mfa.is_required(user, required_for_admins=required),
        "recovery_codes_left": mfa.recovery_codes_left(user),
        "token_from_second_factor": g.api_token.mfa_session,
    }


@blueprint.route("/account/export")
@blueprint.response(200, AccountExportSchema)
@problems(*READ_PROBLEMS)
def export_account():
    """Everything the hub stores about the caller (DSGVO Art. 15), as `hub user export` writes
    it; personal access tokens by name and dates, never their secrets."""
    require_caller()
    return privacy.export_user_data(g.api_token.user)
