"""publiccode.yml in and out: the 22 real files of ../shared/data import with nothing dropped
and export → import → export identically; a solution made in the hub is offered as a valid
publiccode.yml once it has what the standard requires; import from the web form, the API and
the CLI; export only of what the viewer may see."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import Solution
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.standards import publiccode
from hanse_hub.standards.publiccode_mapping import export_problems, export_text, import_solution
from tests.factories import csrf_token

MINIMAL = Path(__file__).with_name("publiccode_minimal.yml").read_bytes()


@pytest.fixture
def real_files(shared_data) -> list[Path]:
    files = sorted((shared_data / "publiccode-real").glob("*.yml"))
    assert len(files) == 22
    return files


def _import(editor, tenant, content: bytes):
    solution, issues = import_solution(Actor.of(editor), tenant, content)
    db.session.flush()
    return solution, issues


def test_all_real_files_import_keep_everything_and_round_trip(real_files, rostock, editor):
    unreadable = []
    for path in real_files:
        original = path.read_bytes()
        solution, _issues = _import(editor, rostock, original)
        assert solution.title and solution.status == "draft"
        first = export_text(Actor.of(editor), solution)
        if first is None:  # not YAML at all: the whole file is kept as it was
            assert solution.publiccode_extra == {"unparsed": original.decode("utf-8")}
            assert export_problems(Actor.of(editor), solution)
            unreadable.append(path.name)
            continue
        # Nothing dropped: the export holds exactly the data of the file.
        assert publiccode.validate(first).document == publiccode.validate(original).document, path
        again, _ = _import(editor, rostock, first.encode())
        assert export_text(Actor.of(editor), again) == first, path
    assert unreadable == ["Azienda-USL-di-Bologna__DAE-RespondER.publiccode.yml"]


def test_imported_values_land_in_the_hubs_fields(rostock, editor):
    solution, issues = _import(editor, rostock, MINIMAL)
    assert issues == []
    assert solution.title == "Parksensorik Rostock"
    assert solution.repository_url == "https://example.org/rostock/parksensorik.git"
    assert solution.software_licence == "EUPL-1.2" and solution.maturity == "in_operation"
    assert solution.summary == "Freie Parkplätze in Echtzeit anzeigen."
    assert solution.features == ["Karte freier Parkplätze"] and solution.platforms == ["web"]
    assert solution.software_type == "standalone/web" and solution.maintenance_type == "internal"
    kept = solution.publiccode_extra["document"]
    assert kept["maintenance"]["contacts"][0]["name"] == "Jana Kruse" and "name" not in kept
    # A change in the hub is what the export writes.
    solution.title = "Parksensorik"
    exported = yaml.safe_load(export_text(Actor.of(editor), solution))
    assert exported["name"] == "Parksensorik"
    assert publiccode.validate(export_text(Actor.of(editor), solution)).verdict == "valid"


def test_a_solution_made_in_the_hub_is_exported_once_it_has_what_publiccode_requires(
    client, factory, rostock, editor
):
    contact = factory.entry(rostock, kind="contact", author=editor, person_name="Jana Kruse")
    solution = factory.entry(rostock, author=editor, title="Baumkataster", summary="Bäume.")
    page = client.get(f"/t/rostock/{solution.slug}").get_data(True)
    assert "publiccode.yml" not in page  # not yet: no address of the code, no features, …
    assert client.get(f"/t/rostock/{solution.slug}/publiccode.yml").status_code == 404
    factory.login(client, editor)
    assert "Was für eine publiccode.yml noch fehlt" in client.get(
        f"/t/rostock/{solution.slug}"
    ).get_data(True)
    client.get("/abmelden")

    solution.repository_url = "https://example.org/baumkataster.git"
    solution.software_licence = "MIT"
    solution.maturity = "pilot"
    solution.software_type = "standalone/web"
    solution.platforms = ["web"]
    solution.features = ["Karte aller Straßenbäume"]
    solution.maintenance_type = "internal"
    solution.body = "Das Baumkataster zeigt jeden Straßenbaum der Stadt. " * 4
    solution.contacts = [contact]
    db.session.flush()
    page = client.get(f"/t/rostock/{solution.slug}").get_data(True)
    assert f'href="/t/rostock/{solution.slug}/publiccode.yml"' in page
    text = client.get(f"/t/rostock/{solution.slug}/publiccode.yml").get_data(True)
    result = publiccode.validate(text)
    assert result.verdict == "valid", result.issues
    assert result.document["maintenance"]["contacts"] == [
        {"name": "Jana Kruse", "email": "j.kruse@example.org"}
    ]
    again, _ = _import(editor, rostock, text.encode())
    assert export_text(Actor.of(editor), again) == text


def test_an_internal_solution_is_not_exported_to_strangers(client, factory, rostock, editor):
    solution, _ = _import(editor, rostock, MINIMAL)
    solution.visibility = "internal"
    db.session.flush()
    assert client.get(f"/t/rostock/{solution.slug}/publiccode.yml").status_code == 404
    factory.login(client, editor)
    assert client.get(f"/t/rostock/{solution.slug}/publiccode.yml").status_code == 200


def test_the_new_entry_page_imports_an_uploaded_file(client, factory, rostock, editor):
    factory.login(client, editor)
    page = client.get("/neu").get_data(True)
    assert 'action="/t/rostock/neu/publiccode"' in page and 'type="file"' in page
    token = csrf_token(client, "/neu")
    response = client.post(
        "/t/rostock/neu/publiccode",
        data={"csrf_token": token, "datei": (io.BytesIO(MINIMAL), "publiccode.yml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert db.session.query(Solution).filter_by(title="Parksensorik Rostock").count() == 1
    broken = client.post(
        "/t/rostock/neu/publiccode",
        data={"csrf_token": token, "datei": (io.BytesIO(b"- nur\n- eine Liste\n"), "x.yml")},
        content_type="multipart/form-data",
    )
    assert broken.status_code == 422 and "keine lesbare publiccode.yml" in broken.get_data(True)


def test_the_api_imports_and_exports_publiccode(api, factory, rostock, editor):
    writer = api(editor)
    response = writer.post(
        "/api/v1/entries/import/publiccode",
        data={"file": (io.BytesIO(MINIMAL), "publiccode.yml"), "tenant": "rostock"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json
    entry = response.json["entry"]
    assert entry["status"] == "draft" and entry["features"] == ["Karte freier Parkplätze"]
    assert response.json["issues"] == []
    exported = writer.get(f"/api/v1/entries/{entry['id']}/publiccode")
    assert exported.status_code == 200 and exported.mimetype == "application/yaml"
    assert publiccode.validate(exported.data).document == publiccode.validate(MINIMAL).document
    assert api().get(f"/api/v1/entries/{entry['id']}/publiccode").status_code == 404  # a draft
    plain = factory.entry(rostock, author=editor, title="Ohne Code")
    missing = writer.get(f"/api/v1/entries/{plain.id}/publiccode")
    assert missing.status_code == 409 and "url" in missing.json["detail"]
    refused = api(factory.user(rostock, Role.EDITOR), read_only=True).post(
        "/api/v1/entries/import/publiccode",
        data={"file": (io.BytesIO(MINIMAL), "publiccode.yml")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 403
    unreadable = writer.post(
        "/api/v1/entries/import/publiccode",
        data={"file": (io.BytesIO(b"\xff\xfe"), "x.yml"), "tenant": "rostock"},
        content_type="multipart/form-data",
    )
    assert unreadable.status_code == 422
    assert unreadable.mimetype == "application/problem+json"


def test_the_cli_imports_a_file(app, session, rostock, editor, tmp_path):
    path = tmp_path / "publiccode.yml"
    path.write_bytes(MINIMAL)
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["hub", "entry", "import-publiccode", str(path), "--tenant", "rostock",
              "--author", editor.email]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Imported 'Parksensorik Rostock' as draft" in result.output
    failed = runner.invoke(
        args=["hub", "entry", "import-publiccode", str(path), "--tenant", "nirgendwo",
              "--author", editor.email]
    )  # fmt: skip
    assert failed.exit_code != 0 and "No tenant" in failed.output
