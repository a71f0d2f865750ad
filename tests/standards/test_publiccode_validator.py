"""The publiccode.yml validator decides as the reference parser (italia/publiccode-parser-go)
on each of its test vectors in ../shared/data: the same verdict, and for files with findings
the same keys – except where the reference's verdict rests on a network check, which the hub
does not make; those vectors are listed in docs/standards.md."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from hanse_hub.standards.publiccode import NETWORK_MESSAGES, validate

DOCS = Path(__file__).resolve().parents[2] / "docs" / "standards.md"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
# Assets the upstream tests keep beside some vectors (not copied into shared/data).
STUB_ASSETS = {
    "v0/valid/no-network/assets/img/logo.png": PNG,
    "v0/valid/no-network/assets/img/sshot1.png": PNG,
    "v0/valid/no-network/assets/img/sshot2.png": PNG,
    "v0/valid/no-network/assets/img/sshot3.png": PNG,
    "v0/valid_with_warnings/no-network/assets/AUTHORS": b"Jane Doe\n",
    "v0/invalid/no-network/assets/img/not-an-image.png": b"this is not a PNG",
}


@pytest.fixture(scope="module")
def vectors(tmp_path_factory) -> tuple[Path, dict]:
    from tests.conftest import SHARED_DATA

    source = SHARED_DATA / "publiccode-parser-testdata"
    if not source.is_dir():
        pytest.skip(f"shared test data not found at {source}")
    root = tmp_path_factory.mktemp("publiccode") / "testdata"
    shutil.copytree(source, root)
    for name, content in STUB_ASSETS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root, json.loads((source / "EXPECTED_RESULTS.json").read_text())["cases"]


def _offline(results: list[dict]) -> list[dict]:
    return [r for r in results if not any(part in r["message"] for part in NETWORK_MESSAGES)]


def _expected_verdict(case: dict) -> str:
    if case["expect"] == "valid_in_future_v1":
        return "invalid"  # the current reference rejects version '1' (see its note)
    return case["expect"]


def test_every_reference_vector_gets_the_references_verdict_and_keys(vectors):
    root, cases = vectors
    assert len(cases) == 333
    disagreements, agreed = [], 0
    for name, case in sorted(cases.items()):
        path = root / name
        result = validate(path.read_bytes(), base_dir=path.parent)
        expected = _offline(case["results"])
        keys = Counter((r["severity"], r["key"]) for r in expected)
        if case["expect"] == "valid_in_future_v1":
            keys = Counter({("error", "publiccodeYmlVersion"): 1})
        found = Counter((issue.severity, issue.key) for issue in result.issues)
        if result.verdict == _expected_verdict(case) and found == keys:
            agreed += 1
        else:
            disagreements.append(name)
    # Each disagreement is a vector whose reference verdict rests on a network check alone.
    network_only = [
        name
        for name, case in cases.items()
        if case["expect"] == "invalid"
        and not [r for r in _offline(case["results"]) if r["severity"] == "error"]
    ]
    assert sorted(disagreements) == sorted(network_only)
    assert agreed == 333 - len(network_only) and len(network_only) <= 2
    documented = DOCS.read_text(encoding="utf-8")
    for name in disagreements:
        assert name in documented, f"{name} disagrees and is not listed in docs/standards.md"


def test_an_invalid_file_names_the_fields_with_lines_and_the_messages_of_the_reference():
    text = Path(__file__).with_name("publiccode_minimal.yml").read_text(encoding="utf-8")
    assert validate(text).verdict == "valid"
    broken = text.replace("developmentStatus: stable", "developmentStatus: fertig").replace(
        "localisationReady: true", "localisationReady: yes"
    )
    issues = {(i.key, i.message, i.line) for i in validate(broken).errors}
    assert (
        "developmentStatus",
        'developmentStatus must be one of the following: "concept", "development", "beta", '
        '"stable" or "obsolete"',
        7,
    ) in issues
    assert ("localisation.localisationReady", "wrong type for this field", 25) in issues


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe name: x", "Invalid UTF-8"),
        ("name: [unclosed", None),
        ("- a list\n- not a mapping\n", "publiccode.yml must be a YAML mapping"),
        ('publiccodeYmlVersion: "1"\n', "unsupported version: '1'."),
    ],
)
def test_unreadable_files_get_one_clear_error(content, message):
    result = validate(content)
    assert result.verdict == "invalid" and len(result.errors) == 1
    if message:
        assert result.errors[0].message.startswith(message)
