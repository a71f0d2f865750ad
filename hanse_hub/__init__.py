"""hanse_hub: the knowledge exchange hub of the Smarte Hanse."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from hanse_hub.config import load_settings
from hanse_hub.database import configure_sqlite
from hanse_hub.extensions import csrf, db, limiter, login_manager, migrate

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DatabaseId(IntegerConverter):
    """A positive 32-bit integer, the range every supported database stores as an id."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=2**31 - 1)


def create_app(environ: dict | None = None) -> Flask:
    """Build the application from the environment (``HANSE_*`` variables) or ``environ``."""
    settings = load_settings(environ)
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(Path(__file__).parent / "static"),
    )
    app.config.from_mapping(settings.flask_config())
    app.extensions["hanse_settings"] = settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if settings.env == "testing":
        from hanse_hub.accounts.passwords import use_cheap_hashing_for_tests

        use_cheap_hashing_for_tests()

    if settings.trusted_proxies:
        # Behind a TLS-terminating reverse proxy: trust its X-Forwarded-* headers, no others.
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    # Ids in URLs are database integers: larger numbers are 404, not an overflow error.
    app.url_map.converters["db_id"] = DatabaseId

    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    from hanse_hub.web.assets import register_static_caching
    from hanse_hub.web.context import register_template_helpers
    from hanse_hub.web.errors import register_error_handlers
    from hanse_hub.web.i18n import init_i18n
    from hanse_hub.web.numbers import localise_template_numbers
    from hanse_hub.web.security import register_security_headers

    init_i18n(app)
    localise_template_numbers(app)
    register_template_helpers(app)
    register_error_handlers(app)
    register_security_headers(app)
    from hanse_hub.freeze.guard import register_freeze_guard

    register_freeze_guard(app)
    register_static_caching(app)
    if settings.env != "testing":
        # Mail leaves the request: each process sends the mail outbox in a thread of its own
        # (tests send it explicitly). Started at the first request, so after a server's fork.
        from hanse_hub.mail_outbox import start_background_sender

        app.before_request(lambda: start_background_sender(app))
    from hanse_hub.search.recovery import start_with_first_request

    start_with_first_request(app)
    from hanse_hub.web.page_cache import register_page_cache

    register_page_cache(app)  # last: see its docstring
    if _serving_from_flask_run():
        from hanse_hub.startup import prepare_to_serve

        prepare_to_serve(app)
    return app


def _serving_from_flask_run() -> bool:
    """``flask run`` builds the app inside its command; other commands check for themselves."""
    import click

    context = click.get_current_context(silent=True)
    return context is not None and context.info_name == "run"


def register_extensions(app: Flask) -> None:
    # Imported for their side effects: every table in the metadata (and so in Alembic), the
    # outbox on every session, and inline indexing after each committed use case.
    import hanse_hub.accounts.reset_mail  # its mail composer, for every process that sends
    import hanse_hub.models
    import hanse_hub.notifications.digest
    import hanse_hub.notifications.mail
    import hanse_hub.questions.notices  # its mail composer too
    import hanse_hub.search.indexing
    import hanse_hub.search.outbox  # noqa: F401

    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    from hanse_hub.accounts.login import configure_login

    configure_login(login_manager)


def register_blueprints(app: Flask) -> None:
    from hanse_hub.accounts.mfa_views import blueprint as second_factor
    from hanse_hub.accounts.sso_views import blueprint as sso
    from hanse_hub.accounts.views import blueprint as accounts
    from hanse_hub.admin.views import blueprint as admin
    from hanse_hub.content.editing import blueprint as editing
    from hanse_hub.content.views import blueprint as content
    from hanse_hub.notifications.feeds import blueprint as feeds
    from hanse_hub.notifications.views import blueprint as notifications
    from hanse_hub.questions.views import blueprint as questions
    from hanse_hub.search.views import blueprint as search
    from hanse_hub.web.assets import blueprint as assets
    from hanse_hub.web.exports import blueprint as exports
    from hanse_hub.web.transfer import blueprint as transfer
    from hanse_hub.web.views import blueprint as web

    app.register_blueprint(web)
    app.register_blueprint(accounts)
    app.register_blueprint(second_factor)
    app.register_blueprint(sso)
    app.register_blueprint(admin)
    app.register_blueprint(content)
    app.register_blueprint(editing)
    app.register_blueprint(questions)
    app.register_blueprint(search)
    app.register_blueprint(assets)
    app.register_blueprint(transfer)
    app.register_blueprint(exports)
    app.register_blueprint(notifications)
    app.register_blueprint(feeds)

    from hanse_hub.api.setup import init_api

    init_api(app)


def register_commands(app: Flask) -> None:
    from hanse_hub.cli import hub
    from hanse_hub.mail_cli import mail_group
    from hanse_hub.notifications.cli import digest_group, notifications_group
    from hanse_hub.search.cli import search_group

    hub.add_command(mail_group)
    hub.add_command(notifications_group)
    hub.add_command(digest_group)

    app.cli.add_command(hub)
    app.cli.add_command(search_group)
