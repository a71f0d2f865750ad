"""The derived English pairs are reproducible: the script gives the file the hub ships.

Needs the Debian package dict-freedict-deu-eng (skipped without it) and reads its 95 MB
dictionary: ``make test-long``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DICTIONARY = Path("/usr/share/dictd/freedict-deu-eng")


@pytest.mark.slow
def test_the_derivation_script_gives_the_shipped_pairs_file(tmp_path):
    if not DICTIONARY.with_suffix(".index").exists():
        pytest.skip("dict-freedict-deu-eng is not installed")
    pytest.importorskip("wordfreq")
    spec = importlib.util.spec_from_file_location(
        "derive_translations", ROOT / "tools" / "derive_translations.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    output = tmp_path / "pairs.txt"
    assert script.main(["--dictionary", str(DICTIONARY), "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == script.OUTPUT.read_text(encoding="utf-8")
