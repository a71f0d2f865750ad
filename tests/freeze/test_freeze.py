"""A frozen hub reads and searches as before and refuses every write: each write route of the
OpenAPI document, each form of the web interface, each writing command."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import sqlalchemy as sa

from hanse_hub.accounts.tokens import create_token
from hanse_hub.config import ConfigurationError, load_settings
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.freeze.services import freeze_state, set_frozen
from hanse_hub.mail_outbox import deliver_pending, pending_count, queue_mail
from hanse_hub.portability.catalogue import importable_tables
from hanse_hub.search.indexing import apply_all_pending_jobs
from tests.factories import PASSWORD, csrf_token

WRITE_METHODS = ("post", "put", "patch", "delete")


def _everything(session) -> dict:
    """Every record of every table of the hub's knowledge (what "nothing changed" compares)."""
    session.expire_all()
    return {
        table.name: sorted(map(repr, session.execute(sa.select(table)).all()))
        for table in importable_tables()
    }


@pytest.fixture
def hub(factory, rostock, wismar, editor, admin, hub_admin, published_solution):
    draft = factory.entry(rostock, author=editor, status="draft", title="Entwurf im Eis")
    return {"solution": published_solution, "draft": draft}


def test_frozen_api_refuses_every_write_route_of_the_openapi_document(
    client, session, hub, hub_admin, rostock, editor
):
    document = client.get("/api/openapi.json").get_json()
    secret = create_token(hub_admin, "Test").secret
    session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    values = {
        "entry_id": hub["solution"].id,
        "slug": rostock.slug,
        "user_id": editor.id,
        "id": 1,
        "attachment_id": 1,
        "adoption_id": 1,
        "token_id": 1,
        "session_id": 1,
        "invitation_id": 1,
    }
    set_frozen(True)
    before = _everything(session)
    refused = 0
    for path, operations in document["paths"].items():
        for method in operations:
            if method not in WRITE_METHODS:
                continue
            url = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), 1)), path)
            response = getattr(client, method)(url, headers=headers, json={"title": "Neu"})
            assert response.status_code == 503, (method, path, response.status_code)
            assert response.mimetype == "application/problem+json"
            assert "Retry-After" not in response.headers
            assert "eingefroren" in response.get_json()["detail"]
            refused += 1
    assert refused >= 20
    assert _everything(session) == before


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict]] = []
        self.links: list[str] = []
        self._form: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = (attrs.get("action") or "", {})
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and attrs.get("name"):
            self._form[1][attrs["name"]] = attrs.get("value") or "x"
        elif tag == "a" and (href := attrs.get("href", "")).startswith("/"):
            self.links.append(href.split("#")[0])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _crawl(client, start: list[str], limit: int = 60) -> tuple[list, list[str]]:
    """The POST forms of the pages reachable from ``start`` (read before the freeze)."""
    seen, queue, forms = set(), list(start), {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or "abmelden" in path or "lang=" in path:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        parser = _Forms()
        parser.feed(response.get_data(as_text=True))
        for action, fields in parser.forms:
            forms.setdefault(action or path, fields)
        skip = ("/static", "/api", "/assets", "//")
        queue.extend(
            link for link in parser.links if link not in seen and not link.startswith(skip)
        )
    return forms, sorted(seen)


def test_frozen_web_refuses_every_form_and_changes_nothing(client, session, factory, hub, admin):
    factory.login(client, admin)
    start = ["/", "/konto", "/verwaltung", "/entwuerfe", "/neu", f"/eintrag/{hub['draft'].id}"]
    forms, pages = _crawl(client, [*start, f"/t/rostock/{hub['solution'].slug}"])
    assert len(forms) >= 10, (forms.keys(), pages)
    set_frozen(True)
    before = _everything(session)
    token = csrf_token(client, "/konto")
    tried = 0
    for action, fields in forms.items():
        if action.endswith(("/anmelden", "/abmelden")):
            continue
        response = client.post(action, data={**fields, "csrf_token": token})
        assert response.status_code == 503, (action, response.status_code)
        page = response.get_data(as_text=True)
        assert "Nur Lesebetrieb" in page and "eingefroren" in page
        tried += 1
    assert tried >= 10
    assert _everything(session) == before


def test_frozen_pages_show_the_banner_and_no_edit_buttons(client, factory, hub, editor):
    factory.login(client, editor)
    url = f"/t/rostock/{hub['solution'].slug}"
    page = client.get(url).get_data(as_text=True)
    assert "Bearbeiten" in page and "Nur Lesebetrieb" not in page
    set_frozen(True)
    for path in ("/", url, "/suche?q=Eintrag", "/themen"):
        page = client.get(path).get_data(as_text=True)
        assert "Nur Lesebetrieb" in page, path
        assert "Neuer Eintrag" not in page, path
    page = client.get(url).get_data(as_text=True)
    assert "Bearbeiten" not in page and "Archivieren" not in page
    assert hub["solution"].title in page


def test_reading_and_search_are_unchanged_when_frozen(client, hub):
    def hits():
        # The solution's own title (with its number): documents of other tests' entries left in
        # a shared index must not crowd it off the first page.
        query = {"q": hub["solution"].title}
        page = client.get("/suche", query_string=query).get_data(as_text=True)
        return re.findall(r'<h3><a href="([^"]+)"', page)

    apply_all_pending_jobs()  # the factory's entries, as after any committed write
    before = hits()
    assert before
    set_frozen(True)
    assert hits() == before


def test_login_and_logout_still_work_when_frozen(client, factory, editor):
    set_frozen(True)
    assert factory.login(client, editor, password=PASSWORD).status_code == 302
    assert "Nur Lesebetrieb" in client.get("/").get_data(as_text=True)
    assert client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")}).status_code == 302


def test_no_mail_goes_out_when_frozen(app, session):
    with write_transaction():
        queue_mail("person@example.org", "Betreff", "Text")
    set_frozen(True)
    assert deliver_pending().sent == 0
    assert pending_count() == 1


def test_environment_freeze_wins_and_freeze_off_says_so(app, session):
    app.config["HANSE_READ_ONLY"] = True
    try:
        runner = app.test_cli_runner()
        result = runner.invoke(args=["hub", "freeze", "off"])
        assert result.exit_code != 0 and "HANSE_READ_ONLY=true" in result.output
        assert freeze_state().frozen and freeze_state().by_environment
        result = runner.invoke(args=["hub", "tenant", "add", "x", "--name", "X"])
        assert result.exit_code != 0 and "frozen" in result.output
    finally:
        app.config["HANSE_READ_ONLY"] = False
    assert not freeze_state().frozen


def test_frozen_cli_refuses_writes_but_exports(app, session, tmp_path, rostock):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["hub", "freeze", "on"]).exit_code == 0
    for args in (
        ["hub", "tenant", "add", "x", "--name", "X"],
        ["hub", "user", "add", "neu@example.org"],
        ["hub", "topic", "add", "neu", "--name-de", "Neu", "--name-en", "New"],
        ["hub", "import", str(tmp_path)],
        ["search", "reindex"],
        ["hub", "mail", "send"],
    ):
        result = runner.invoke(args=args)
        assert result.exit_code != 0 and "frozen" in result.output, args
    assert runner.invoke(args=["hub", "tenant", "list"]).exit_code == 0
    assert runner.invoke(args=["hub", "freeze", "status"]).output.startswith("The hub is frozen")
    assert runner.invoke(args=["hub", "freeze", "off"]).exit_code == 0
    assert not freeze_state().frozen


def test_read_only_setting_is_checked_at_start():
    settings = load_settings({"HANSE_ENV": "testing", "HANSE_READ_ONLY": "true"})
    assert settings.read_only is True
    with pytest.raises(ConfigurationError, match="HANSE_READ_ONLY"):
        load_settings({"HANSE_ENV": "testing", "HANSE_READ_ONLY": "vielleicht"})


def test_freeze_flag_is_not_exported():
    assert "hub_flags" not in {table.name for table in importable_tables()}
    assert db.metadata.tables["hub_flags"] is not None
