"""Text extraction from attachments: the formats, hostile archives and XML, the child's bounds."""

from __future__ import annotations

import struct
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from fpdf import FPDF

from hanse_hub.search import extraction
from hanse_hub.search.extraction import (
    DOCX,
    ODP,
    ODT,
    PDF,
    PLAIN_TEXT,
    PPTX,
    ExtractionError,
    extract_in_process,
    extract_text,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n'
    "<!DOCTYPE lolz [\n"
    ' <!ENTITY lol "lol">\n'
    ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n'
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
    "]>\n"
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE doc [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


# --- sample files ------------------------------------------------------------------------------


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def word_document(*paragraphs: str | list[str]) -> str:
    """A ``word/document.xml``; a list stands for one paragraph split into several runs."""
    body = ""
    for paragraph in paragraphs:
        runs = paragraph if isinstance(paragraph, list) else [paragraph]
        body += "<w:p>" + "".join(f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>"
    return f'{XML_DECLARATION}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def make_docx(path: Path, document_xml: str, **extra_members: str | bytes) -> Path:
    return write_zip(
        path,
        {
            "[Content_Types].xml": (
                f"{XML_DECLARATION}<Types xmlns="
                '"http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/word/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                "</Types>"
            ),
            "_rels/.rels": (
                f"{XML_DECLARATION}<Relationships xmlns="
                '"http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/officeDocument" Target="word/document.xml"/>'
                "</Relationships>"
            ),
            "word/document.xml": document_xml,
            **extra_members,
        },
    )


def slide(*paragraphs: str) -> str:
    body = "".join(f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p>" for text in paragraphs)
    return (
        f'{XML_DECLARATION}<p:sld xmlns:a="{A}" xmlns:p="{P}"><p:cSld><p:spTree><p:sp>'
        f"<p:txBody><a:bodyPr/>{body}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )


def make_pptx(path: Path, slides: dict[int, str]) -> Path:
    overrides = "".join(
        f'<Override PartName="/ppt/slides/slide{number}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.presentationml.slide+xml"/>'
        for number in slides
    )
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            f"{XML_DECLARATION}<Types xmlns="
            '"http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>"
        ),
        "ppt/presentation.xml": f'{XML_DECLARATION}<p:presentation xmlns:p="{P}"/>',
    }
    # Written in scrambled order: the archive's order must not decide the slide order.
    for number in sorted(slides, reverse=True):
        members[f"ppt/slides/slide{number}.xml"] = slides[number]
    return write_zip(path, members)


def make_opendocument(path: Path, media_type: str, body: str) -> Path:
    content = (
        f'{XML_DECLARATION}<office:document-content xmlns:office="{OFFICE}" '
        f'xmlns:text="{TEXT}" xmlns:draw="{DRAW}"><office:body>{body}</office:body>'
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        # ODF wants the media type first and uncompressed.
        archive.writestr("mimetype", media_type, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def make_pdf(path: Path, text: str) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(w=0, text=text)
    pdf.output(str(path))
    return path


def understate_sizes(data: bytes, name: str, declared_size: int) -> bytes:
    """The ZIP ``data`` with the uncompressed size of ``name`` rewritten to ``declared_size``."""
    patched = bytearray(data)
    encoded_name = name.encode()
    # (signature, offset of the name length, offset of the name, offset of the size)
    headers = [(b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)]
    for signature, name_length_at, name_at, size_at in headers:
        start = patched.find(signature)
        while start != -1:
            (name_length,) = struct.unpack_from("<H", patched, start + name_length_at)
            if patched[start + name_at : start + name_at + name_length] == encoded_name:
                struct.pack_into("<I", patched, start + size_at, declared_size)
            start = patched.find(signature, start + 4)
    return bytes(patched)


# --- the formats -------------------------------------------------------------------------------


def test_pdf_text_is_extracted(tmp_path):
    pdf = make_pdf(
        tmp_path / "folien.pdf", "Pegelsensoren an der Trave - Hochwasserwarnung für Lübeck"
    )

    text = extract_in_process(pdf, PDF)

    assert "Pegelsensoren" in text
    assert "Hochwasserwarnung" in text


def test_docx_paragraphs_become_lines_with_umlauts_intact(tmp_path):
    docx = make_docx(
        tmp_path / "bericht.docx",
        word_document(
            "Pegelsensoren an der Trave – Hochwasserwarnung für Lübeck",
            ["Hochwasser", "warnung ", "in Wismar"],
            "Grüße aus Stralsund",
        ),
    )

    text = extract_in_process(docx, DOCX)

    assert text.splitlines() == [
        "Pegelsensoren an der Trave – Hochwasserwarnung für Lübeck",
        "Hochwasserwarnung in Wismar",
        "Grüße aus Stralsund",
    ]


def test_docx_text_box_paragraph_is_not_repeated_in_its_outer_paragraph(tmp_path):
    document = word_document("placeholder").replace(
        "<w:p><w:r><w:t>placeholder</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>Außen</w:t></w:r><w:r><w:txbxContent>"
        "<w:p><w:r><w:t>Im Textfeld</w:t></w:r></w:p>"
        "</w:txbxContent></w:r></w:p>",
    )
    docx = make_docx(tmp_path / "textfeld.docx", document)

    lines = extract_in_process(docx, DOCX).splitlines()

    assert sorted(lines) == ["Außen", "Im Textfeld"]


def test_docx_without_document_part_is_rejected(tmp_path):
    archive = write_zip(tmp_path / "leer.docx", {"[Content_Types].xml": "<Types/>"})

    with pytest.raises(ExtractionError, match="not a valid DOCX"):
        extract_in_process(archive, DOCX)


def test_pptx_slides_are_read_in_number_order_separated_by_blank_lines(tmp_path):
    pptx = make_pptx(
        tmp_path / "vortrag.pptx",
        {
            1: slide("Smarte Hanse", "Rostock · Lübeck"),
            2: slide("Grüne Welle für Busse"),
            10: slide("Fragen? Schöne Grüße"),
        },
    )

    text = extract_in_process(pptx, PPTX)

    assert text == (
        "Smarte Hanse\nRostock · Lübeck\n\nGrüne Welle für Busse\n\nFragen? Schöne Grüße"
    )


def test_odt_headings_and_paragraphs_with_spans_and_spaces(tmp_path):
    odt = make_opendocument(
        tmp_path / "protokoll.odt",
        ODT,
        "<office:text>"
        '<text:h text:outline-level="1">Hochwasserschutz in Lübeck</text:h>'
        "<text:p>Pegel an der <text:span>Trave</text:span><text:s/>und Wakenitz"
        '<text:s text:c="2"/>gemessen</text:p>'
        "<text:p/>"
        "</office:text>",
    )

    text = extract_in_process(odt, ODT)

    assert text.splitlines() == [
        "Hochwasserschutz in Lübeck",
        "Pegel an der Trave und Wakenitz  gemessen",
    ]


def test_odp_text_frames_are_extracted(tmp_path):
    odp = make_opendocument(
        tmp_path / "folien.odp",
        ODP,
        "<office:presentation><draw:page><draw:frame><draw:text-box>"
        "<text:p>Bürgerbeteiligung in Wismar</text:p>"
        "</draw:text-box></draw:frame></draw:page></office:presentation>",
    )

    assert extract_in_process(odp, ODP) == "Bürgerbeteiligung in Wismar"


def test_plain_text_is_decoded_as_utf8_replacing_invalid_bytes(tmp_path):
    note = tmp_path / "notiz.txt"
    note.write_bytes("Grüße aus Rostock ".encode() + b"\xff")

    assert extract_in_process(note, PLAIN_TEXT) == "Grüße aus Rostock \ufffd"


def test_types_without_text_yield_nothing(tmp_path):
    image = tmp_path / "karte.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")

    assert extract_in_process(image, "image/png") == ""


def test_text_is_cut_at_the_character_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_EXTRACTED_CHARS", 50)
    docx = make_docx(tmp_path / "lang.docx", word_document(*["Hochwasserwarnung"] * 100))
    note = tmp_path / "lang.txt"
    note.write_text("ä" * 500, encoding="utf-8")

    assert len(extract_in_process(docx, DOCX)) == 50
    assert extract_in_process(note, PLAIN_TEXT) == "ä" * 50


# --- hostile archives and XML ------------------------------------------------------------------


def test_zip_bomb_is_rejected_before_unpacking(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "ARCHIVE_MAX_UNCOMPRESSED", 1024 * 1024)
    bomb = make_docx(
        tmp_path / "bombe.docx",
        word_document("harmlos"),
        **{"word/media/zeros.bin": bytes(2 * 1024 * 1024)},
    )
    assert bomb.stat().st_size < 10 * 1024  # highly compressible: small on disk
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)

    with pytest.raises(ExtractionError, match="archive too large"):
        extract_in_process(bomb, DOCX)
    assert opened == []


def test_archive_with_too_many_entries_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "ARCHIVE_MAX_ENTRIES", 10)
    padding = {f"word/media/bild{number}.png": b"" for number in range(10)}
    crowded = make_docx(tmp_path / "voll.docx", word_document("Text"), **padding)

    with pytest.raises(ExtractionError, match="too many entries"):
        extract_in_process(crowded, DOCX)


def test_archive_that_understates_its_sizes_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "ARCHIVE_MAX_UNCOMPRESSED", 64 * 1024)
    honest = make_docx(tmp_path / "ehrlich.docx", word_document(*["Pegel"] * 20_000))
    liar = tmp_path / "luegt.docx"
    liar.write_bytes(understate_sizes(honest.read_bytes(), "word/document.xml", 100))
    with zipfile.ZipFile(liar) as archive:
        assert archive.getinfo("word/document.xml").file_size == 100

    with pytest.raises(ExtractionError):
        extract_in_process(liar, DOCX)


def test_reading_stops_once_inflated_bytes_exceed_the_budget():
    budget = extraction._Budget(remaining=100_000)
    member = extraction._MeteredMember(BytesIO(bytes(1024 * 1024)), budget)

    read = 0
    with pytest.raises(ExtractionError, match="archive too large"):
        while chunk := member.read():
            read += len(chunk)
    assert read <= 100_000


@pytest.mark.parametrize(
    "document", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"]
)
def test_xml_with_entity_declarations_is_rejected(tmp_path, document):
    docx = make_docx(tmp_path / "entitaeten.docx", document)

    with pytest.raises(ExtractionError, match="forbidden XML construct"):
        extract_in_process(docx, DOCX)


def test_malformed_xml_is_rejected(tmp_path):
    docx = make_docx(tmp_path / "kaputt.docx", f'<w:document xmlns:w="{W}"><w:body>')

    with pytest.raises(ExtractionError, match="not valid XML"):
        extract_in_process(docx, DOCX)


def test_file_that_is_not_a_zip_is_rejected(tmp_path):
    fake = tmp_path / "falsch.docx"
    fake.write_bytes(b"PK\x03\x04 nur der Anfang")

    with pytest.raises(ExtractionError, match="not a valid archive"):
        extract_in_process(fake, PPTX)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\nnonsense\n", b"kein PDF", b""],
    ids=["header-only", "not-a-pdf", "empty"],
)
def test_corrupt_pdf_is_rejected(tmp_path, content):
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(content)

    with pytest.raises(ExtractionError, match="not a valid PDF"):
        extract_in_process(broken, PDF)


# --- the bounded child process -----------------------------------------------------------------


def test_extract_text_returns_the_childs_text_with_umlauts(tmp_path):
    docx = make_docx(tmp_path / "bericht.docx", word_document("Hochwasserwarnung für Lübeck"))

    assert extract_text(docx, DOCX) == "Hochwasserwarnung für Lübeck"


def test_extract_text_reads_a_pdf_in_the_child(tmp_path):
    pdf = make_pdf(tmp_path / "folien.pdf", "Pegelsensoren an der Trave - Hochwasserwarnung")

    assert "Hochwasserwarnung" in extract_text(pdf, PDF)


def test_corrupt_pdf_fails_with_the_childs_reason_not_a_crash(tmp_path):
    truncated = make_pdf(tmp_path / "ganz.pdf", "Pegelsensoren").read_bytes()[:200]
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(truncated)

    with pytest.raises(ExtractionError) as failure:
        extract_text(broken, PDF)

    assert failure.value.reason == "not a valid PDF"


def test_child_that_runs_too_long_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "TIMEOUT_SECONDS", 0.5)
    monkeypatch.setattr(
        extraction, "_child_command", lambda: [sys.executable, "-c", "import time; time.sleep(5)"]
    )

    started = time.monotonic()
    with pytest.raises(ExtractionError) as failure:
        extract_text(tmp_path / "egal.pdf", PDF)

    assert failure.value.reason == "timeout"
    assert time.monotonic() - started < 4


def test_child_that_crashes_reports_the_exception_type(tmp_path, monkeypatch):
    crash = [sys.executable, "-c", "import sys; print('KeyError', file=sys.stderr); sys.exit(3)"]
    monkeypatch.setattr(extraction, "_child_command", lambda: crash)

    with pytest.raises(ExtractionError, match="parser error: KeyError"):
        extract_text(tmp_path / "egal.pdf", PDF)


@pytest.mark.skipif(sys.platform != "linux", reason="rlimits are enforced as tested on Linux only")
def test_child_that_allocates_too_much_memory_fails(tmp_path, monkeypatch):
    greedy = [sys.executable, "-c", "block = bytearray(2 * 1024**3)"]
    monkeypatch.setattr(extraction, "_child_command", lambda: greedy)

    with pytest.raises(ExtractionError, match="MemoryError"):
        extract_text(tmp_path / "egal.pdf", PDF)


@pytest.mark.skipif(sys.platform != "linux", reason="rlimits are enforced as tested on Linux only")
def test_child_runs_under_memory_and_cpu_limits(tmp_path, monkeypatch):
    report = [
        sys.executable,
        "-c",
        "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0],"
        " resource.getrlimit(resource.RLIMIT_CPU)[0])",
    ]
    monkeypatch.setattr(extraction, "_child_command", lambda: report)

    memory, cpu = extract_text(tmp_path / "egal.pdf", PDF).split()

    assert int(memory) <= extraction.MEMORY_LIMIT_BYTES
    assert int(cpu) <= extraction.TIMEOUT_SECONDS + 1


def test_child_does_not_inherit_the_callers_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HANSE_SECRET_KEY", "geheim")
    snoop = [
        sys.executable,
        "-c",
        "import os, sys; sys.stdout.write(os.environ.get('HANSE_SECRET_KEY', 'nicht da'))",
    ]
    monkeypatch.setattr(extraction, "_child_command", lambda: snoop)

    assert extract_text(tmp_path / "egal.pdf", PDF) == "nicht da"
