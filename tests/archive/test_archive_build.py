"""``hub archive build``: the static archive holds what its reader may see, linked relatively.

Built from a small factory hub; the browser checks (search, axe-core, a crawl over HTTP) are in
``tests/browser/test_static_archive.py``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from flask import current_app

from hanse_hub.accounts.models import Role
from hanse_hub.archive.build import HOST, build_archive, compound_parts
from hanse_hub.archive.services import ArchiveVisibility, archive_reader, readable_entries
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
from hanse_hub.content.storage import storage_for
from hanse_hub.freeze.services import set_frozen
from hanse_hub.policy import NETWORK_READER, Actor, scope_for

ADDRESS = re.compile(r'\s(?:href|src|action)="([^"]*)"')
EXPORT = "https://daten.example/smarte-hanse-export-2027.zip"
CANARIES = {
    "public": "Ostseewellenbrecher",
    "network": "Netzwerkgeheimnis",
    "internal": "Rathausinterna",
    "draft": "Entwurfsgedanke",
}


def _upload(user, entry, name: str, text: bytes):
    return add_attachment(
        Actor.of(user),
        entry,
        io.BytesIO(text),
        AttachmentMetadata(filename=name, description="Folien"),
        storage=storage_for(current_app),
        max_bytes=1024 * 1024,
    )


@pytest.fixture
def small_hub(factory, rostock, wismar):
    """One entry per visibility and a draft, each with its canary word; two files."""
    editor = factory.user(rostock, Role.EDITOR)
    entries = {
        name: factory.entry(
            rostock,
            author=editor,
            title=f"{word} am Stadthafen",
            summary=f"Die Parkraumbewirtschaftung im Hafen: {word}.",
            visibility="internal"
            if name == "internal"
            else ("network" if name == "network" else "public"),
            status="draft" if name == "draft" else "published",
        )
        for name, word in CANARIES.items()
    }
    _upload(editor, entries["public"], "oeffentliche-folien.txt", b"Folien fuer alle.\n")
    _upload(editor, entries["internal"], "interne-folien.txt", b"Nur fuer Rostock.\n")
    return entries


def _html_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*.html") if "pagefind" not in p.relative_to(out).parts]


def _all_text(out: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in out.rglob("*") if p.is_file()
                     and "pagefind" not in p.relative_to(out).parts)  # fmt: skip


def test_network_reader_sees_public_and_network_entries_but_never_internal_or_drafts():
    scope = scope_for(NETWORK_READER)
    assert scope.network
    assert not scope.member_tenant_ids and not scope.draft_tenant_ids and scope.author_id is None
    assert archive_reader(ArchiveVisibility.PUBLIC).is_anonymous
    assert not scope_for(archive_reader(ArchiveVisibility.PUBLIC)).network


def test_readable_entries_refuses_a_member_as_reader(factory, rostock):
    member = Actor.of(factory.user(rostock, Role.READER))
    with pytest.raises(ValueError, match="anonymous visitor or the network reader"):
        list(readable_entries(member))


def test_public_archive_holds_public_entries_and_files_only_linked_relatively(
    app, small_hub, tmp_path
):
    out = tmp_path / "archiv"
    report = build_archive(app, out, ArchiveVisibility.PUBLIC, export_location=EXPORT)
    text = _all_text(out)
    assert CANARIES["public"] in text
    for name in ("network", "internal", "draft"):
        assert CANARIES[name] not in text, f"the public archive shows a {name} entry"
    assert (out / "t" / "rostock" / small_hub["public"].slug / "index.html").is_file()
    assert list(out.rglob("oeffentliche-folien.txt"))
    assert not list(out.rglob("interne-folien.txt"))
    # No file names the address the pages were rendered at (downloads in open formats would).
    assert HOST not in text
    assert report.pages == len(_html_files(out))
    assert report.missing == []
    # Every page says what it is and where the data are; every link stays in the archive.
    checked = 0
    for page in _html_files(out):
        html = page.read_text("utf-8")
        assert "Dies ist ein statisches Archiv der Wissensplattform, erstellt am" in html, page
        assert EXPORT in html, page
        assert HOST not in html, f"{page}: the address the pages were rendered at is shown"
        for address in ADDRESS.findall(html):
            parts = urlsplit(address)
            if parts.scheme in ("http", "https", "mailto", "tel") or not parts.path:
                continue
            assert not address.startswith("/"), f"{page}: {address} is not relative"
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(out)}: {address} leads nowhere"
            assert out.resolve() in target.parents
            checked += 1
    assert checked > 50


def test_archive_build_refuses_a_folder_that_is_not_empty(app, session, tmp_path):
    (tmp_path / "etwas.txt").write_text("schon da")
    result = app.test_cli_runner().invoke(args=["hub", "archive", "build", str(tmp_path)])
    assert result.exit_code != 0
    assert "is not empty" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["etwas.txt"]


def test_network_archive_of_a_frozen_hub_adds_network_entries_but_no_internal_or_draft(
    app, small_hub, tmp_path
):
    set_frozen(True)  # building only reads: the frozen hub builds its archive
    out = tmp_path / "intranet"
    result = app.test_cli_runner().invoke(
        args=["hub", "archive", "build", str(out), "--visibility", "network"]
    )
    assert result.exit_code == 0, result.output
    assert "(network)" in result.output
    text = _all_text(out)
    assert CANARIES["public"] in text and CANARIES["network"] in text
    assert CANARIES["internal"] not in text and CANARIES["draft"] not in text
    assert not list(out.rglob("interne-folien.txt"))
    home = (out / "index.html").read_text("utf-8")
    assert "keine internen Einträge und keine Entwürfe" in home
    assert "Die Plattform ist seit" in home and "eingefroren" in home
    assert (out / "suche" / "index.html").is_file()


def test_compound_parts_are_cut_from_the_words_as_written():
    parts = compound_parts("Fachtag Hochwasservorsorge und Straßenbeleuchtung")
    assert "vorsorge" in parts and "hoch" in parts
    assert "straßen" in parts and "beleuchtung" in parts  # ß kept, not folded to "ss"
    assert "fachtag" not in parts  # not a compound of known parts


def test_hub_admins_find_the_three_paths_after_the_funding_on_the_administration_page(
    client, factory, hub_admin, admin
):
    factory.login(client, hub_admin)
    page = client.get("/verwaltung/").get_data(as_text=True)
    assert "hub archive build archiv/" in page and "hub freeze on" in page
    assert "hub export hub.zip" in page
    city_admin = client.application.test_client()
    factory.login(city_admin, admin)
    page = city_admin.get("/verwaltung/").get_data(as_text=True)
    assert "Mitglieder und Einladungen" in page and "hub archive build" not in page
