"""The RDF catalogue (docs/standards.md): DCAT-AP 3.0.1 and DCAT-AP.de 3.0 without violations,
ADMS-AP assets in ADMS-AP's terms, content negotiation, per-entry RDF, the API – and only public,
published entries."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, Namespace, URIRef

from hanse_hub.accounts.models import Role
from hanse_hub.demo.seed import seed_demo
from hanse_hub.standards import rdf_catalogue
from tests.standards import shacl

# Plain namespaces: rdflib's closed ones warn when pytest looks at the module's names.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PARKING_DATA = "https://daten.rostock.example/dataset/parkraum"
# The warnings docs/standards.md lists with their reasons; any other warning fails the test.
DOCUMENTED_WARNINGS = {
    (
        "http://www.w3.org/2004/02/skos/core#inScheme",
        "dcat:Distribution: dcterms:license SOLL folgendes Vokabular benutzen: "
        "https://www.dcat-ap.de/def/dcatde/3.0/spec/#kv-licenses",
    ),
    (
        "http://www.w3.org/ns/adms#status",
        "Deprecated: Die Codeliste 'http://purl.org/adms/status/' soll nicht mehr "
        "verwendet werden.",
    ),
}
FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml"}


@pytest.fixture
def varied(factory, rostock, wismar, editor):
    """A hub with the demo's variety: cities, the alliance and a partner; solutions of every
    maturity, with and without source code (one licence, an SPDX expression), German and
    English, with a public contact, a contact who left and a network-only one; a lesson and a
    solution linking open data; and entries the catalogue must leave out."""
    alliance = factory.tenant("smarte-hanse", short_name="Smarte Hanse", kind="alliance")
    partner = factory.tenant("institut", short_name="Institut", kind="partner")
    contact = factory.entry(rostock, kind="contact", author=editor, phone="+49 381 381-0")
    left = factory.entry(rostock, kind="contact", author=editor, person_name="Gegangen")
    left.left_at = date(2026, 1, 1)
    hidden_contact = factory.entry(
        rostock, kind="contact", author=editor, visibility="network", person_name="Netzwerkerin"
    )
    entries = {
        "parking": factory.entry(
            rostock,
            author=editor,
            title="Parkraummanagement",
            summary="Sensoren melden freie Plätze.",
            body=f"Die Daten stehen im [Parkraum-Datensatz]({PARKING_DATA}) bereit.",
            maturity="in_operation",
            repository_url="https://code.rostock.example/parken",
            software_licence="EUPL-1.2",
            contact_ids=[contact.id, left.id, hidden_contact.id],
            tags=["parken", "sensorik"],
        ),
        "english": factory.entry(
            wismar,
            title="Digital twin",
            language="en",
            body="A model\x0bof the harbour (a control character XML cannot hold).",
            maturity="pilot",
            repository_url="https://code.wismar.example/twin",
            software_licence="MIT OR Apache-2.0",
        ),
        "idea": factory.entry(alliance, title="Gemeinsame Idee", maturity="idea"),
        "gone": factory.entry(partner, title="Altes Verfahren", maturity="discontinued"),
        "lesson": factory.entry(
            rostock,
            kind="lesson",
            author=editor,
            title="Datenpatinnen",
            body=f"Siehe [Parkdaten]({PARKING_DATA}) und [Portal](https://daten.rostock.example).",
        ),
        "network": factory.entry(rostock, author=editor, visibility="network", title="Netz"),
        "internal": factory.entry(rostock, author=editor, visibility="internal", title="Intern"),
        "draft": factory.entry(rostock, author=editor, status="draft", title="Entwurf"),
        "archived": factory.entry(rostock, author=editor, status="archived", title="Archiv"),
        "contact": contact,
    }
    return entries


def catalogue(client, extension: str = "ttl") -> Graph:
    response = client.get(f"/katalog.{extension}")
    assert response.status_code == 200
    return Graph().parse(data=response.get_data(True), format=FORMATS[extension])


def assets(graph: Graph) -> set[str]:
    return {
        str(title)
        for s in graph.subjects(DCAT.contactPoint)
        for title in graph.objects(s, DCTERMS.title)
    }


def test_catalogue_of_a_varied_hub_has_no_violations_in_dcat_ap_3_0_1_and_dcat_ap_de_3_0(
    client, varied, shared_data
):
    folder = shacl.shapes_folder(shared_data)
    graph = catalogue(client)
    part = client.get("/t/rostock/parkraummanagement/katalog.ttl").get_data(True)
    for files in (shacl.SEMIC_3_0_1, shacl.DCAT_AP_DE_3_0):
        for data in (graph, Graph().parse(data=part, format="turtle")):
            found = shacl.validate(data, folder, files)
            assert shacl.violations(found) == [], files[0]
            assert shacl.warnings(found) <= DOCUMENTED_WARNINGS, files[0]


def test_the_shapes_find_a_violation_in_a_catalogue_missing_a_mandatory_title(
    client, varied, shared_data
):
    folder = shacl.shapes_folder(shared_data)
    graph = catalogue(client)
    asset = next(graph.subjects(DCAT.contactPoint))
    graph.remove((asset, DCTERMS.title, None))
    assert shacl.violations(shacl.validate(graph, folder, shacl.SEMIC_3_0_1))


def test_assets_use_only_classes_and_properties_the_adms_ap_schema_defines(
    client, varied, shared_data
):
    """ADMS-AP output = each asset and what it points to (distributions, licences, contact
    points, publishers, concepts). One exception: skos:prefLabel of a concept, which DCAT-AP
    requires and SKOS defines – the schema names the concept's label ``skos:label``, a term
    SKOS does not have."""
    classes, properties = shacl.adms_ap_terms(shacl.shapes_folder(shared_data))
    graph = catalogue(client)
    seen, todo = set(), [s for s in graph.subjects(RDF.type, DCAT.Dataset) if "#loesung" in s]
    assert len(todo) == 4
    used_classes, used_properties = set(), set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for predicate, value in graph.predicate_objects(node):
            if predicate == RDF.type:
                used_classes.add(value)
                continue
            used_properties.add(predicate)
            if not isinstance(value, URIRef) or (value, None, None) in graph:
                todo.append(value)
    assert used_classes - classes == set()
    assert used_properties - properties - {SKOS.prefLabel} == set()
    assert {DCAT.Dataset, DCAT.Distribution, DCTERMS.LicenseDocument} <= used_classes


def test_catalogue_lists_public_published_solutions_and_the_open_data_they_link(client, varied):
    graph = catalogue(client)
    assert assets(graph) == {
        "Parkraummanagement",
        "Digital twin",
        "Gemeinsame Idee",
        "Altes Verfahren",
    }
    datasets = [s for s in graph.subjects(DCAT.landingPage, URIRef(PARKING_DATA))]
    assert len(datasets) == 1  # linked twice (solution and lesson), described once
    referenced_by = set(graph.objects(datasets[0], DCTERMS.isReferencedBy))
    assert len(referenced_by) == 2
    text = client.get("/katalog.ttl").get_data(True)
    for hidden in ('Netz"', "Intern", "Entwurf", "Archiv", "Gegangen", "Netzwerkerin"):
        assert hidden not in text
    assert "mailto:j.kruse@example.org" in text and "tel:+493813810" in text


def test_asset_follows_joinups_publiccode_mapping(client, varied):
    graph = catalogue(client)
    asset = next(
        s
        for s in graph.subjects(DCTERMS.title)
        if str(graph.value(s, DCTERMS.title)) == "Parkraummanagement"
    )
    assert str(asset).endswith("/t/rostock/parkraummanagement#loesung")
    distribution = graph.value(asset, DCAT.distribution)
    assert graph.value(distribution, DCAT.accessURL) == URIRef(
        "https://code.rostock.example/parken"
    )
    assert graph.value(distribution, DCTERMS.license) == URIRef("http://spdx.org/licenses/EUPL-1.2")
    assert graph.value(asset, DCTERMS.relation) == rdf_catalogue.DIGITAL_SOLUTION
    assert str(graph.value(asset, URIRef("http://www.w3.org/ns/adms#status"))).endswith(
        "/Completed"
    )
    assert {str(k) for k in graph.objects(asset, DCAT.keyword)} >= {"parken", "sensorik"}
    english = next(
        s
        for s in graph.subjects(DCTERMS.title)
        if str(graph.value(s, DCTERMS.title)) == "Digital twin"
    )
    assert graph.value(english, DCTERMS.title).language == "en"
    assert str(graph.value(english, DCTERMS.language)).endswith("/ENG")


def test_the_three_formats_hold_the_same_graph(client, varied):
    sizes = {extension: len(catalogue(client, extension)) for extension in FORMATS}
    assert len(set(sizes.values())) == 1 and sizes["ttl"] > 50, sizes


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml;q=0.9, text/plain;q=0.1", "application/rdf+xml"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "text/html"),
        ("*/*", "text/html"),
        (None, "text/html"),
    ],
)
def test_katalog_answers_the_format_the_client_asks_for(
    client, published_solution, accept, media_type
):
    response = client.get("/katalog", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]
    if media_type == "text/html":
        assert 'href="/katalog.ttl"' in response.get_data(True)


def test_katalog_refuses_an_unsupported_accept_with_406_naming_the_formats(client):
    response = client.get("/katalog", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.get_data(True) and "image/png" in response.get_data(True)


def test_per_entry_rdf_only_for_public_entries_in_the_catalogue(client, varied, editor, factory):
    parking = varied["parking"]
    response = client.get("/t/rostock/parkraummanagement/katalog.ttl")
    assert response.status_code == 200
    graph = Graph().parse(data=response.get_data(True), format="turtle")
    assert assets(graph) == {"Parkraummanagement"}
    assert (None, DCAT.landingPage, URIRef(PARKING_DATA)) in graph
    assert client.get(f"/t/rostock/{varied['lesson'].slug}/katalog.jsonld").status_code == 200
    assert client.get(f"/t/rostock/{varied['contact'].slug}/katalog.ttl").status_code == 404
    factory.login(client, editor)  # its editor may see the network entry: still not in it
    for name in ("network", "internal", "draft", "archived"):
        assert client.get(f"/t/rostock/{varied[name].slug}/katalog.ttl").status_code == 404, name
    for entry in (parking, varied["lesson"]):
        page = client.get(f"/t/rostock/{entry.slug}").get_data(True)
        assert f"/t/rostock/{entry.slug}/katalog.ttl" in page
    page = client.get(f"/t/rostock/{varied['network'].slug}").get_data(True)
    assert "katalog.ttl" not in page


def test_a_logged_in_member_gets_the_same_public_catalogue(client, varied, factory, rostock):
    anonymous = client.get("/katalog.ttl").get_data(True)
    factory.login(client, factory.user(rostock, Role.ADMIN))
    assert "Intern" not in client.get("/katalog.ttl").get_data(True)
    assert len(client.get("/katalog.ttl").get_data(True)) == len(anonymous)


def test_api_serves_the_catalogue_and_entry_parts_in_every_format(api, varied, editor):
    for extension, media_type in (
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("rdf", "application/rdf+xml"),
    ):
        response = api().get(f"/api/v1/catalogue?format={extension}")
        assert response.status_code == 200 and response.mimetype == media_type
    assert api().get("/api/v1/catalogue").mimetype == "text/turtle"
    wrong = api().get("/api/v1/catalogue?format=n3")
    assert wrong.status_code == 422 and wrong.mimetype == "application/problem+json"
    parking = api().get(f"/api/v1/entries/{varied['parking'].id}/catalogue?format=jsonld")
    assert parking.status_code == 200 and "Parkraummanagement" in parking.get_data(True)
    network = api(editor).get(f"/api/v1/entries/{varied['network'].id}/catalogue")
    assert network.status_code == 404 and network.mimetype == "application/problem+json"
    assert 'Netz"' not in api(editor).get("/api/v1/catalogue").get_data(True)


def test_dataset_links_are_links_to_dataset_pages_of_a_portal():
    text = (
        "[A](https://daten.rostock.example/dataset/parkraum) [B](https://daten.rostock.example) "
        "[C](https://www.govdata.de/web/guest/suchen/-/details/x) "
        "[D](https://opendata.example/de/dataset/baeume/) `[E](https://x.example/dataset/e)`"
    )
    assert rdf_catalogue.dataset_links(text) == [
        ("https://daten.rostock.example/dataset/parkraum", "A"),
        ("https://opendata.example/de/dataset/baeume/", "D"),
    ]


@pytest.mark.slow
def test_catalogue_of_the_demo_hub_has_no_violations(client, session, shared_data):
    folder = shacl.shapes_folder(shared_data)
    seed_demo(fixed_password="demo-password-for-tests")
    graph = catalogue(client)
    assert len(assets(graph)) >= 15
    for files in (shacl.SEMIC_3_0_1, shacl.DCAT_AP_DE_3_0):
        found = shacl.validate(graph, folder, files)
        assert shacl.violations(found) == [], files[0]
        assert shacl.warnings(found) <= DOCUMENTED_WARNINGS, files[0]


def test_iris_use_the_public_base_address_when_one_is_set(app, client, api, varied, monkeypatch):
    monkeypatch.setitem(app.config, "HANSE_BASE_URL", "https://wissen.smarte-hanse.example")
    for response in (
        client.get("/katalog.ttl", headers={"Host": "evil.example"}),
        api().get("/api/v1/catalogue", headers={"Host": "evil.example"}),
    ):
        graph = Graph().parse(data=response.get_data(True), format="turtle")
        catalogue_iri = next(graph.subjects(RDF.type, DCAT.Catalog))
        assert str(catalogue_iri) == "https://wissen.smarte-hanse.example/katalog"
        assert "evil.example" not in response.get_data(True)
