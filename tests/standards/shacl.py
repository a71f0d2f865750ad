"""SHACL validation of the RDF catalogue with pyshacl, offline: local copies of the shapes in
``../shared/data/dcat-shapes`` (MANIFEST.md §4) and ``owl:imports`` switched off."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

SHAPES = "dcat-shapes"
SEMIC_3_0_1 = ("SEMICeu_DCAT-AP/releases/3.0.1/shacl/dcat-ap-SHACL.ttl",)
_V3 = "GovDataOfficial_DCAT-AP.de-SHACL-Validation/validator/resources/v3.0/shapes/"
# GovData's validator composition for DCAT-AP.de 3.0 (its config.properties): SEMIC 3.0.0 and
# the German layers.
DCAT_AP_DE_3_0 = (
    "SEMICeu_DCAT-AP/releases/3.0.0/shacl/dcat-ap-SHACL.ttl",
    *(
        f"{_V3}{name}.ttl"
        for name in (
            "dcat-ap-de-imports",
            "dcat-ap-SHACL-DE",
            "dcat-ap-de-deprecated",
            "dcat-ap-spec-german-additions",
            "dcat-ap-de-controlledvocabularies",
        )
    ),
)
ADMS_AP_SCHEMA = "SEMICeu_ADMS-AP/releases/2.01/adms-ap_v2.0.2_rdf_schema.ttl"


def shapes_folder(shared_data: Path) -> Path:
    folder = shared_data / SHAPES
    if not folder.is_dir():
        pytest.skip(f"DCAT shapes not found at {folder}")
    return folder


@cache
def _shapes(folder: Path, files: tuple[str, ...]) -> Graph:
    graph = Graph()
    for name in files:
        path = folder / name
        if not path.is_file():
            pytest.skip(f"shape file not found: {path}")
        graph.parse(path)
    return graph


def validate(data: Graph, folder: Path, files: tuple[str, ...]) -> Counter:
    """Findings as a Counter of (severity, path, message) – imports off, no inference."""
    import pyshacl

    _conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=_shapes(folder, files),
        do_owl_imports=False,
        inference="none",
        allow_warnings=True,
    )
    found: Counter = Counter()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        focus = report.value(result, SH.focusNode)
        found[
            (severity, str(path), str(message), str(focus) if severity == "Violation" else "")
        ] += 1
    return found


def violations(found: Counter) -> list:
    return sorted(key for key in found if key[0] == "Violation")


def warnings(found: Counter) -> set[tuple[str, str]]:
    """(path, message) of each kind of warning."""
    return {(path, message) for severity, path, message, _ in found if severity != "Violation"}


PREFIX = re.compile(r"^@prefix\s+(\w*):\s*<([^>]+)>", re.MULTILINE)
DEFINITION = re.compile(r"^(\w+):(\w+)\s*\n\s*a\s+(rdfs:Class|rdf:Property)", re.MULTILINE)


def adms_ap_terms(folder: Path) -> tuple[set, set]:
    """(classes, properties) the ADMS-AP for Joinup schema defines.

    The published file is not valid Turtle (a line break inside a "…" literal, an undeclared
    prefix), so its definitions – a term at the start of a line, then ``a rdfs:Class`` or
    ``a rdf:Property`` – are read with a pattern."""
    path = folder / ADMS_AP_SCHEMA
    if not path.is_file():
        pytest.skip(f"ADMS-AP schema not found: {path}")
    text = path.read_text("utf-8")
    prefixes = dict(PREFIX.findall(text))
    classes, properties = set(), set()
    for prefix, name, what in DEFINITION.findall(text):
        term = URIRef(prefixes[prefix] + name)
        (classes if what == "rdfs:Class" else properties).add(term)
    assert len(classes) > 10 and len(properties) > 40  # the pattern still reads the file
    return classes, properties
