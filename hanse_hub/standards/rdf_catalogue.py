"""The hub as an RDF catalogue (docs/standards.md): DCAT-AP, ADMS-AP and DCAT-AP.de.

- the hub is a ``dcat:Catalog``;
- every public, published solution is an ADMS-AP *asset* (``dcat:Dataset``, as ADMS-AP for
  Joinup models it), its properties following Joinup's publiccode.yml → ADMS-AP mapping;
- every open-data set an entry links to (a Markdown link in its text to a dataset page of an
  open-data portal, ``…/dataset/<name>`` as CKAN, DKAN and GovData address them) is a
  DCAT-AP.de ``dcat:Dataset`` that points to that page.

Only what an anonymous visitor may see appears, whoever asks: the entries are read through the
visibility policy as ``ANONYMOUS`` (public and published; never network-only, internal, drafts,
archived or deleted entries). Contacts are named only when they are public and published too.

Controlled-vocabulary values (languages, licences, statuses, publisher types) carry their
``skos:inScheme`` and class, so that SHACL validators that do not load the remote vocabularies
(GovData's composition, offline) can check them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from markdown_it import MarkdownIt
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hanse_hub.clock import BERLIN
from hanse_hub.content.models import Entry, EntryKind, EntryStatus, Solution
from hanse_hub.content.models.kinds import Maturity
from hanse_hub.content.services import visible_entries
from hanse_hub.extensions import db
from hanse_hub.policy import ANONYMOUS, visible
from hanse_hub.tenants.models import Tenant, TenantKind

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")

LANGUAGE_SCHEME = URIRef("http://publications.europa.eu/resource/authority/language")
LANGUAGES = {"de": "DEU", "en": "ENG"}
STATUS_SCHEME = URIRef("http://purl.org/adms/status/1.0")
STATUS = {
    Maturity.IDEA: "UnderDevelopment",
    Maturity.PILOT: "UnderDevelopment",
    Maturity.IN_OPERATION: "Completed",
    Maturity.DISCONTINUED: "Deprecated",
}
# The English labels the ADMS vocabularies give their concepts (DCAT-AP: skos:prefLabel).
CONCEPT_LABELS = {
    "UnderDevelopment": "Under development",
    "Completed": "Completed",
    "Deprecated": "Deprecated",
    "LocalAuthority": "Local Authority",
    "NonProfitOrganisation": "Non-Profit Organisation",
}
PUBLISHER_TYPE_SCHEME = URIRef("http://purl.org/adms/publishertype/1.0")
PUBLISHER_TYPES = {
    TenantKind.CITY: "LocalAuthority",
    TenantKind.ALLIANCE: "NonProfitOrganisation",
    TenantKind.PARTNER: "NonProfitOrganisation",
}
SPDX_LICENCES = "http://spdx.org/licenses/"
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SPDX_ID = re.compile(r"^[A-Za-z0-9.+-]{1,80}$")
# Joinup requires every solution to name the EIRA building block "Digital Solution".
DIGITAL_SOLUTION = URIRef("http://data.europa.eu/dr8/DigitalSolution")
# A dataset page of an open-data portal: CKAN, DKAN and GovData address them so.
DATASET_PAGE = re.compile(r"^https?://[^/\s]+(?:/[^\s?#]*)?/dataset/[^/\s?#]+/?$")

CATALOGUE_TITLE = {"de": "Wissensplattform der Smarten Hanse", "en": "Smarte Hanse knowledge hub"}
CATALOGUE_DESCRIPTION = {
    "de": "Öffentliche Lösungen der Städte Rostock, Lübeck, Stralsund und Wismar und ihrer "
    "Partner (ADMS-AP) und die offenen Daten, auf die ihre Einträge verweisen (DCAT-AP.de).",
    "en": "Public solutions of the cities of Rostock, Lübeck, Stralsund and Wismar and their "
    "partners (ADMS-AP), and the open data their entries link to (DCAT-AP.de).",
}

FORMATS = {
    # extension: (rdflib format, media type)
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
    "rdf": ("pretty-xml", "application/rdf+xml"),
}
PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "adms": ADMS,
    "skos": SKOS,
    "owl": OWL,
    "dcatde": DCATDE,
    "xsd": XSD,
}


@dataclass(frozen=True)
class Links:
    """The hub's addresses (the edges know the routes): they become the IRIs of the graph."""

    catalogue: str
    home: str
    entry: Callable[[Entry], str]
    tenant: Callable[[Tenant], str]


def hub_links(url: Callable[..., str]) -> Links:
    """The hub's addresses from ``url(endpoint, **values)`` – absolute, and the same for the
    web and the API (``mail.external_url``: ``HANSE_BASE_URL`` when set, so that the IRIs do
    not depend on the address a request came in by)."""
    return Links(
        catalogue=url("exports.catalogue"),
        home=url("web.home"),
        entry=lambda entry: url(
            "content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug
        ),
        tenant=lambda tenant: url("web.tenant_page", slug=tenant.slug),
    )


@dataclass(frozen=True)
class LinkedDataset:
    url: str
    title: str
    language: str
    entries: tuple[Entry, ...]


# -- what appears ---------------------------------------------------------------------------------


def catalogue_entries(kind: EntryKind | None = None) -> list[Entry]:
    """The entries of the catalogue: what an anonymous visitor sees, published only."""
    query = (
        visible_entries(ANONYMOUS, kind=kind, status=EntryStatus.PUBLISHED)
        .options(
            selectinload(Entry.tenant), selectinload(Entry.topics), selectinload(Entry.tag_links)
        )
        .order_by(None)
        .order_by(Entry.id)
    )
    return list(db.session.scalars(query))


def in_catalogue(entry: Entry) -> bool:
    """Whether a loaded entry belongs to the catalogue's entries (the policy's rule for an
    anonymous visitor, evaluated on the entry: no query)."""
    return entry.status == EntryStatus.PUBLISHED and bool(visible(ANONYMOUS, [entry]))


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})


def dataset_links(text: str | None) -> list[tuple[str, str]]:
    """(address, link text) of the links in Markdown ``text`` that point to a dataset page."""
    found: list[tuple[str, str]] = []
    for block in _markdown.parse(text or ""):
        children = block.children or []
        for index, token in enumerate(children):
            if token.type != "link_open":
                continue
            href = str(token.attrGet("href") or "")
            if not DATASET_PAGE.match(href) or len(href) > 500:
                continue
            words = []
            for inner in children[index + 1 :]:
                if inner.type == "link_close":
                    break
                words.append(inner.content)
            title = " ".join("".join(words).split()) or href
            found.append((href, title[:300]))
    return found


def linked_datasets(entries: Iterable[Entry]) -> list[LinkedDataset]:
    """The open-data sets the entries link to, one per address (the first link names it)."""
    by_url: dict[str, LinkedDataset] = {}
    for entry in entries:
        for url, title in dataset_links(entry.body):
            known = by_url.get(url)
            if known is None:
                by_url[url] = LinkedDataset(url, title, entry.language, (entry,))
            elif entry not in known.entries:
                by_url[url] = LinkedDataset(
                    known.url, known.title, known.language, (*known.entries, entry)
                )
    return list(by_url.values())


# -- the graph ------------------------------------------------------------------------------------


def _graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _text(value: str, lang: str | None = None) -> Literal:
    """A literal of people's text without the control characters XML cannot hold."""
    return Literal(XML_UNSAFE.sub("", value), lang=lang)


def _moment(value: datetime) -> Literal:
    return Literal(value.astimezone(BERLIN).replace(microsecond=0), datatype=XSD.dateTime)


def _concept(graph: Graph, scheme: URIRef, base: str, name: str) -> URIRef:
    iri = URIRef(base + name)
    graph.add((iri, RDF.type, SKOS.Concept))
    graph.add((iri, SKOS.prefLabel, Literal(CONCEPT_LABELS[name], lang="en")))
    graph.add((iri, SKOS.inScheme, scheme))
    return iri


def _language(graph: Graph, code: str) -> URIRef:
    iri = URIRef(f"{LANGUAGE_SCHEME}/{LANGUAGES.get(code, 'DEU')}")
    graph.add((iri, RDF.type, DCTERMS.LinguisticSystem))
    graph.add((iri, SKOS.inScheme, LANGUAGE_SCHEME))
    return iri


def _agent(graph: Graph, tenant: Tenant, links: Links) -> URIRef:
    iri = URIRef(links.tenant(tenant))
    graph.add((iri, RDF.type, FOAF.Agent))
    graph.add((iri, FOAF.name, _text(tenant.official_name, lang="de")))
    kind = _concept(
        graph,
        PUBLISHER_TYPE_SCHEME,
        "http://purl.org/adms/publishertype/",
        PUBLISHER_TYPES[tenant.kind],
    )
    graph.add((iri, DCTERMS.type, kind))
    return iri


def _tenant_contact(graph: Graph, tenant: Tenant, links: Links) -> BNode:
    node = BNode()
    graph.add((node, RDF.type, VCARD.Kind))
    graph.add((node, VCARD.fn, _text(tenant.official_name)))
    website = tenant.website if (tenant.website or "").startswith(("https://", "http://")) else None
    graph.add((node, VCARD.hasURL, URIRef(website or links.tenant(tenant))))
    return node


def _contact_points(graph: Graph, solution: Solution, links: Links) -> list[BNode]:
    points = []
    for contact in visible(ANONYMOUS, solution.contacts):
        if contact.status != EntryStatus.PUBLISHED or contact.left_at is not None:
            continue
        node = BNode()
        graph.add((node, RDF.type, VCARD.Kind))
        graph.add((node, VCARD.fn, _text(contact.person_name)))
        if contact.email:
            graph.add((node, VCARD.hasEmail, URIRef(f"mailto:{contact.email.strip()}")))
        phone = re.sub(r"[^0-9+]", "", contact.phone or "")
        if phone:
            graph.add((node, VCARD.hasTelephone, URIRef(f"tel:{phone}")))
        if not contact.email and not phone:
            graph.add((node, VCARD.hasURL, URIRef(links.entry(contact))))
        points.append(node)
    return points or [_tenant_contact(graph, solution.tenant, links)]


def _licence(graph: Graph, expression: str) -> URIRef | BNode:
    """An SPDX licence (Joinup's mapping: ``http://spdx.org/licenses/{id}``); an SPDX
    expression of several licences as a licence document labelled with it."""
    expression = expression.strip()
    if SPDX_ID.match(expression):
        licence: URIRef | BNode = URIRef(SPDX_LICENCES + expression)
    else:
        licence = BNode()
        graph.add((licence, RDFS.label, _text(expression)))
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    return licence


def asset_iri(solution: Solution, links: Links) -> URIRef:
    """The asset is the solution, not its page: a fragment of the page's address."""
    return URIRef(f"{links.entry(solution)}#loesung")


def add_asset(graph: Graph, solution: Solution, links: Links) -> URIRef:
    """A solution as an ADMS-AP asset (Joinup's publiccode.yml → ADMS-AP mapping)."""
    iri = asset_iri(solution, links)
    lang = solution.language
    graph.add((iri, RDF.type, DCAT.Dataset))
    graph.add((iri, DCTERMS.identifier, Literal(f"urn:uuid:{solution.uuid}")))
    graph.add((iri, DCTERMS.title, _text(solution.title, lang=lang)))
    description = (solution.body or "").strip() or solution.summary.strip() or solution.title
    graph.add((iri, DCTERMS.description, _text(description, lang=lang)))
    if solution.summary.strip() and (solution.body or "").strip():
        graph.add((iri, SKOS.altLabel, _text(solution.summary.strip()[:300], lang=lang)))
    graph.add((iri, DCTERMS.publisher, _agent(graph, solution.tenant, links)))
    for point in _contact_points(graph, solution, links):
        graph.add((iri, DCAT.contactPoint, point))
    graph.add((iri, DCAT.landingPage, URIRef(links.entry(solution))))
    graph.add((URIRef(links.entry(solution)), RDF.type, FOAF.Document))
    graph.add((iri, DCTERMS.language, _language(graph, lang)))
    for keyword in [*solution.tags, *(t.name(lang) for t in solution.topics)]:
        graph.add((iri, DCAT.keyword, _text(keyword, lang=lang)))
    if solution.published_at is not None:
        graph.add((iri, DCTERMS.issued, _moment(solution.published_at)))
    graph.add((iri, DCTERMS.modified, _moment(solution.updated_at)))
    status = STATUS[Maturity(solution.maturity)]
    graph.add(
        (iri, ADMS.status, _concept(graph, STATUS_SCHEME, "http://purl.org/adms/status/", status))
    )
    graph.add((iri, DCTERMS.relation, DIGITAL_SOLUTION))
    if solution.repository_url:
        distribution = URIRef(f"{links.entry(solution)}#quellcode")
        graph.add((iri, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.accessURL, URIRef(solution.repository_url)))
        graph.add((distribution, DCTERMS.title, Literal("Quellcode", lang="de")))
        graph.add((distribution, DCTERMS.title, Literal("Source code", lang="en")))
        graph.add(
            (
                distribution,
                DCTERMS.description,
                _text(f"Quellcode der Lösung „{solution.title}“", lang="de"),
            )
        )
        if solution.software_licence:
            graph.add((distribution, DCTERMS.license, _licence(graph, solution.software_licence)))
    return iri


def add_linked_dataset(graph: Graph, dataset: LinkedDataset, links: Links) -> URIRef:
    """An open-data set an entry links to, as a DCAT-AP.de dataset pointing to its page."""
    digest = hashlib.sha256(dataset.url.encode()).hexdigest()[:16]
    iri = URIRef(f"{links.catalogue}#daten-{digest}")
    first = dataset.entries[0]
    graph.add((iri, RDF.type, DCAT.Dataset))
    graph.add((iri, DCTERMS.title, _text(dataset.title, lang=dataset.language)))
    graph.add(
        (
            iri,
            DCTERMS.description,
            _text(
                f"Offene Daten, verlinkt im Eintrag „{first.title}“ ({first.tenant.short_name}).",
                lang="de",
            ),
        )
    )
    graph.add(
        (
            iri,
            DCTERMS.description,
            _text(
                f"Open data, linked in the entry “{first.title}” ({first.tenant.short_name}).",
                lang="en",
            ),
        )
    )
    graph.add((iri, DCTERMS.publisher, _agent(graph, first.tenant, links)))
    page = URIRef(dataset.url)
    graph.add((iri, DCAT.landingPage, page))
    graph.add((page, RDF.type, FOAF.Document))
    for entry in dataset.entries:
        graph.add((iri, DCTERMS.isReferencedBy, URIRef(links.entry(entry))))
        graph.add((URIRef(links.entry(entry)), RDF.type, FOAF.Document))
    return iri


def _catalogue_publisher(graph: Graph, links: Links) -> URIRef:
    alliance = db.session.scalar(
        select(Tenant).where(Tenant.kind == TenantKind.ALLIANCE).order_by(Tenant.id).limit(1)
    )
    if alliance is not None:
        return _agent(graph, alliance, links)
    iri = URIRef(f"{links.home}#betrieb")
    graph.add((iri, RDF.type, FOAF.Agent))
    graph.add((iri, FOAF.name, Literal("Smarte Hanse", lang="de")))
    return iri


def catalogue_graph(links: Links) -> Graph:
    """The whole catalogue: every public solution and every open-data set public entries link
    to."""
    graph = _graph()
    catalogue = URIRef(links.catalogue)
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    for lang, text in CATALOGUE_TITLE.items():
        graph.add((catalogue, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in CATALOGUE_DESCRIPTION.items():
        graph.add((catalogue, DCTERMS.description, Literal(text, lang=lang)))
    graph.add((catalogue, DCTERMS.publisher, _catalogue_publisher(graph, links)))
    graph.add((catalogue, FOAF.homepage, URIRef(links.home)))
    graph.add((URIRef(links.home), RDF.type, FOAF.Document))
    for code in LANGUAGES:
        graph.add((catalogue, DCTERMS.language, _language(graph, code)))
    entries = catalogue_entries()
    latest = max((entry.updated_at for entry in entries), default=None)
    if latest is not None:
        graph.add((catalogue, DCTERMS.modified, _moment(latest)))
    for entry in entries:
        if isinstance(entry, Solution):
            graph.add((catalogue, DCAT.dataset, add_asset(graph, entry, links)))
    for dataset in linked_datasets(entries):
        graph.add((catalogue, DCAT.dataset, add_linked_dataset(graph, dataset, links)))
    return graph


def has_part(entry: Entry) -> bool:
    """Whether the entry is in the catalogue: a public solution, or one linking open data."""
    return in_catalogue(entry) and (isinstance(entry, Solution) or bool(dataset_links(entry.body)))


def entry_graph(entry: Entry, links: Links) -> Graph | None:
    """One entry's part of the catalogue (its asset, the open data it links to); None when it
    has none or is not in the catalogue."""
    if not in_catalogue(entry):
        return None
    graph = _graph()
    found = False
    if isinstance(entry, Solution):
        asset = add_asset(graph, entry, links)
        graph.add((URIRef(links.catalogue), DCAT.dataset, asset))
        found = True
    for dataset in linked_datasets([entry]):
        add_linked_dataset(graph, dataset, links)
        found = True
    return graph if found else None


def serialise(graph: Graph, extension: str) -> str:
    """The graph as Turtle (``ttl``), JSON-LD (``jsonld``) or RDF/XML (``rdf``)."""
    rdflib_format, _media_type = FORMATS[extension]
    if rdflib_format == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, auto_compact=True)
    return graph.serialize(format=rdflib_format)
