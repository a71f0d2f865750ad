"""The invitation e-mail, sent alike by the administration pages and the API."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale

from hanse_hub.accounts.invitations import CreatedInvitation
from hanse_hub.labels import ROLE_LABELS
from hanse_hub.mail import MailError, external_url, send_mail


def send_invitation(created: CreatedInvitation, inviter: str) -> bool:
    """Send the link of a just created invitation to the invited address, from ``inviter`` (a
    display name). False when the mail server refused it: the invitation itself stays valid.

    The message is in German, whatever language the inviting admin reads: the invitee's is not
    known yet. The token travels only in this message.
    """
    invitation = created.invitation
    with force_locale("de"):
        body = render_template(
            "accounts/mail/invitation.txt",
            invitation=invitation,
            inviter=inviter,
            role_label=str(ROLE_LABELS[invitation.role.value]),
            link=external_url("accounts.invitation", token=created.token),
        )
    try:
        send_mail(
            invitation.email,
            f"Einladung zu {invitation.tenant.short_name} – Wissensplattform Smarte Hanse",
            body,
        )
    except MailError:
        return False
    return True
