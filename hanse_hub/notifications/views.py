"""Pages: "Mein Bereich", notifications, follows ("Gefolgt"), settings, unsubscribing.

Everything works without JavaScript: following is a small form with one button on the page
of the thing followed; it returns to that page.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from hanse_hub.clock import berlin_today
from hanse_hub.content import adoptions as adoption_services
from hanse_hub.content import services as content
from hanse_hub.content.models import Topic
from hanse_hub.content.services import EntryNotFound
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, csrf, db, limiter
from hanse_hub.labels import interface_language
from hanse_hub.notifications import feed_tokens
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.home import HomeSection, home_sections, register_home_section
from hanse_hub.notifications.models import EmailChannel, FollowTarget
from hanse_hub.tenants.models import Tenant
from hanse_hub.web.context import current_actor
from hanse_hub.web.errors import error_response
from hanse_hub.web.redirects import same_origin_path

blueprint = Blueprint("notifications", __name__)

PER_PAGE = 25
HOME_ITEMS = 8

EMAIL_LABELS = {
    EmailChannel.OFF: _l("Keine E-Mails"),
    EmailChannel.IMMEDIATE: _l("Sofort eine E-Mail je Benachrichtigung"),
    EmailChannel.DAILY: _l("Täglich eine Zusammenfassung"),
    EmailChannel.WEEKLY: _l("Wöchentlich eine Zusammenfassung"),
}


def _user():
    return current_user._get_current_object()


def _back(default: str) -> str:
    return same_origin_path(request.form.get("next")) or default


# -- in every page: the header's count, and what a follow button needs -------------------------


@blueprint.app_context_processor
def _notification_helpers():
    def unread() -> int:
        if not current_user.is_authenticated:
            return 0
        return notifications.unread_count(_user())

    def following(target: str, value) -> object | None:
        """The person's follow of this thing (for the button), or None."""
        if not current_user.is_authenticated:
            return None
        key = notifications.follow_key(
            FollowTarget(target),
            entry_id=value if target == "entry" else None,
            topic_id=value if target == "topic" else None,
            tenant_id=value if target == "tenant" else None,
            query=value if target == "search" else "",
        )
        return notifications.find_follow(_user(), key)

    return {"unread_notifications": unread, "following": following}


# -- Mein Bereich --------------------------------------------------------------------------------


def _followed_news(actor, user):
    return [
        notifications.describe(row)
        for row in notifications.visible_notifications(user, limit=HOME_ITEMS)
    ]


register_home_section(
    HomeSection(
        key="entwuerfe",
        title=_l("Meine Entwürfe"),
        loader=lambda actor, user: content.drafts_for(actor)[:HOME_ITEMS],
        template="notifications/home/_entries.html",
        order=10,
        empty=_l("Keine Entwürfe."),
    )
)
register_home_section(
    HomeSection(
        key="pruefung",
        title=_l("Prüfung fällig"),
        loader=lambda actor, user: content.entries_due_for_review(actor, today=berlin_today())[
            :HOME_ITEMS
        ],
        template="notifications/home/_entries.html",
        order=20,
        empty=_l("Keine Prüfungen fällig."),
    )
)
register_home_section(
    HomeSection(
        key="neu-gefolgt",
        title=_l("Neu in dem, was ich verfolge"),
        loader=_followed_news,
        template="notifications/home/_news.html",
        order=30,
        empty=_l("Nichts Neues. Folgen Sie Einträgen, Handlungsfeldern, Städten oder Suchen."),
    )
)
register_home_section(
    HomeSection(
        key="uebernahmen",
        title=_l("Übernahmen unserer Lösungen durch andere"),
        loader=lambda actor, user: adoption_services.adoptions_by_others(actor, limit=HOME_ITEMS),
        template="notifications/home/_adoptions.html",
        order=40,
        empty=_l("Noch keine Übernahmen durch andere Organisationen."),
    )
)


@blueprint.route("/mein-bereich")
@login_required
def home():
    actor = current_actor()
    user = _user()
    sections = [(section, section.loader(actor, user)) for section in home_sections()]
    return render_template("notifications/home.html", sections=sections)


# -- notifications -------------------------------------------------------------------------------


@blueprint.route("/benachrichtigungen")
@login_required
def index():
    page = request.args.get("seite", 1, type=int) or 1
    page = max(1, min(page, 10_000))
    user = _user()
    rows = notifications.visible_notifications(
        user, limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE
    )
    return render_template(
        "notifications/list.html",
        items=[notifications.describe(row) for row in rows[:PER_PAGE]],
        page=page,
        has_next=len(rows) > PER_PAGE,
        in_app=notifications.settings_of(user).in_app,
    )


@blueprint.route("/benachrichtigungen/<db_id:notification_id>", endpoint="open")
@login_required
def open_notification(notification_id: int):
    """Follow a notification's link: it is read now; then to what it is about."""
    user = _user()
    row = notifications.get_notification(user, notification_id)
    if row is None:
        return error_response(404)
    with write_transaction():
        notifications.mark_read(user, [row.id])
    return redirect(notifications.describe(row).path or url_for("notifications.index"))


@blueprint.route("/benachrichtigungen/gelesen", methods=["POST"])
@login_required
def mark_read():
    ids = [value for value in request.form.getlist("id") if value.isdigit() and len(value) < 10]
    with write_transaction():
        count = notifications.mark_read(_user(), [int(v) for v in ids] if ids else None)
    if count:
        flash(_("Als gelesen markiert."), "success")
    return redirect(_back(url_for("notifications.index")))


# -- settings, feed tokens -----------------------------------------------------------------------


@blueprint.route("/benachrichtigungen/einstellungen", methods=["GET", "POST"])
@login_required
def settings():
    user = _user()
    status = 200
    if request.method == "POST":
        email = request.form.get("email", "")
        language = request.form.get("language", "")
        if email not in set(EmailChannel) or language not in ("de", "en"):
            flash(_("Bitte wählen Sie eine der angebotenen Möglichkeiten."), "error")
            status = 422
        else:
            with write_transaction():
                notifications.change_settings(
                    user, in_app=request.form.get("in_app") == "y", email=email, language=language
                )
            flash(_("Ihre Einstellungen sind gespeichert."), "success")
            return redirect(url_for("notifications.settings"))
    current = notifications.settings_of(user)
    return (
        render_template(
            "notifications/settings.html",
            current=current,
            email_labels=EMAIL_LABELS,
            default_language=current.language
            if db.session.get(type(current), user.id)
            else interface_language(),
            tokens=feed_tokens.tokens_of(user),
        ),
        status,
    )


@blueprint.route("/benachrichtigungen/feed-tokens", methods=["POST"])
@login_required
@limiter.limit(configured_limit("write"))
def create_feed_token():
    user = _user()
    try:
        with write_transaction():
            created = feed_tokens.create_feed_token(user, request.form.get("name", ""))
    except feed_tokens.FeedTokenError as error:
        flash(str(error), "error")
        return redirect(url_for("notifications.settings"))
    link = url_for("feeds.personal", token=created.secret, _external=True)
    flash(
        _(
            "Ihr persönlicher Feed: %(link)s – die Adresse wird nur jetzt angezeigt. "
            "Behandeln Sie sie wie ein Passwort.",
            link=link,
        ),
        "success",
    )
    return redirect(url_for("notifications.settings"))


@blueprint.route("/benachrichtigungen/feed-tokens/<db_id:token_id>/widerrufen", methods=["POST"])
@login_required
def revoke_feed_token(token_id: int):
    user = _user()
    with write_transaction():
        revoked = feed_tokens.revoke_feed_token(user, token_id)
    if not revoked:
        return error_response(404)
    flash(_("Der Feed-Link ist widerrufen."), "success")
    return redirect(url_for("notifications.settings"))


# -- unsubscribing without login -----------------------------------------------------------------


@blueprint.route("/abbestellen/<token>", methods=["GET", "POST"])
@csrf.exempt  # one-click unsubscribing (RFC 8058) posts without a form; the token is the secret
@limiter.limit(configured_limit("write"), methods=["POST"])
def unsubscribe(token: str):
    user = notifications.user_for_unsubscribe_token(token) if len(token) < 200 else None
    if user is None:
        return error_response(404, _("Dieser Abmeldelink ist ungültig."))
    if request.method == "POST":
        with write_transaction():
            notifications.unsubscribe(user)
        return render_template("notifications/unsubscribed.html", done=True)
    return render_template("notifications/unsubscribed.html", done=False, token=token)


# -- follows -------------------------------------------------------------------------------------


def _target_from_form():
    """What the follow form names: (target, keyword arguments for ``follow``); 404 if unknown."""
    target = request.form.get("target", "")
    raw = request.form.get("id", "")
    number = int(raw) if raw.isdigit() and len(raw) < 10 else None
    actor = current_actor()
    if target == FollowTarget.ENTRY and number:
        try:
            return target, {"entry": content.get_entry(actor, number)}
        except EntryNotFound:
            abort(404)
    if target == FollowTarget.TOPIC and number and db.session.get(Topic, number):
        return target, {"topic_id": number}
    if target == FollowTarget.TENANT and number and db.session.get(Tenant, number):
        return target, {"tenant_id": number}
    if target == FollowTarget.SEARCH:
        return target, {"query": request.form.get("q", "")[:200]}
    abort(404)


@blueprint.route("/folgen", methods=["POST"])
@login_required
@limiter.limit(configured_limit("write"))
def follow():
    target, values = _target_from_form()
    try:
        with write_transaction():
            notifications.follow(current_actor(), _user(), target, **values)
    except notifications.FollowError as error:
        flash(str(error), "error")
    else:
        flash(_("Sie folgen jetzt – Neues finden Sie unter „Benachrichtigungen“."), "success")
    return redirect(_back(url_for("notifications.followed")))


@blueprint.route("/gefolgt")
@login_required
def followed():
    return render_template("notifications/followed.html", follows=notifications.follows_of(_user()))


@blueprint.route("/gefolgt/<db_id:follow_id>/entfernen", methods=["POST"])
@login_required
def unfollow(follow_id: int):
    user = _user()
    row = notifications.get_follow(user, follow_id)
    if row is None:
        return error_response(404)
    with write_transaction():
        notifications.unfollow(current_actor(), row)
    flash(_("Sie folgen nicht mehr."), "success")
    return redirect(_back(url_for("notifications.followed")))
