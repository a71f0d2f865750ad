"""Text of uploaded files for the search index, extracted in a bounded subprocess.

Attachments are untrusted: a PDF or an office document can make a parser hang, recurse or
inflate to gigabytes. ``extract_text`` therefore runs the parsers (``extract_in_process``) in a
child process with a wall-clock timeout and limits on memory and CPU time, so the worst a file can
do is fail its own extraction with an ``ExtractionError``.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import re
import signal
import subprocess
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

try:
    import resource
except ImportError:  # Windows: no rlimits, the timeout alone bounds the child.
    resource = None

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_EXTRACTED_CHARS = 200_000
ARCHIVE_MAX_ENTRIES = 2_000
ARCHIVE_MAX_UNCOMPRESSED = 100 * 1024 * 1024
TIMEOUT_SECONDS = 20
MEMORY_LIMIT_BYTES = 512 * 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODP = "application/vnd.oasis.opendocument.presentation"
PLAIN_TEXT = "text/plain"

EXIT_EXTRACTION_ERROR = 2
EXIT_PARSER_CRASH = 3

_READ_CHUNK_BYTES = 64 * 1024
_MAX_REASON_CHARS = 200


class ExtractionError(Exception):
    """The text of a file could not be extracted; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- the parent: run the parsers in a bounded child -------------------------------------------


def extract_text(path: Path, media_type: str) -> str:
    """The plain text of a stored file, extracted in a bounded subprocess.

    At most ``MAX_EXTRACTED_CHARS`` characters; ``""`` for types without text. Raises
    ``ExtractionError`` if the file is damaged, too large, or its parser runs out of time or
    memory; the caller's process is never at risk.
    """
    command = [*_child_command(), media_type, str(path)]
    limits = _child_limits()
    try:
        completed = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=_child_environment(),
            preexec_fn=functools.partial(_apply_limits, limits) if limits else None,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionError("timeout") from error
    except (OSError, subprocess.SubprocessError) as error:
        raise ExtractionError("extractor did not start") from error
    if completed.returncode != 0:
        raise ExtractionError(_failure_reason(completed.returncode, completed.stderr))
    return completed.stdout.decode("utf-8", errors="replace")[:MAX_EXTRACTED_CHARS]


def _child_command() -> list[str]:
    """The command that starts the child; the media type and the path are appended.

    Tests replace this function to run a misbehaving child.
    """
    # The file runs as a script rather than with ``-m hanse_hub.search.extraction``: ``-m``
    # imports the ``hanse_hub`` package first (Flask, SQLAlchemy, …), which made every extraction
    # about four times slower (measured: 1.0 s instead of 0.25 s) and spends memory the parsers
    # should have. ``-P`` keeps this file's directory off ``sys.path``.
    return [sys.executable, "-P", str(Path(__file__).resolve())]


def _child_environment() -> dict[str, str]:
    """The child's environment: nothing of ours (no secrets, no database URL), only the paths
    the interpreter needs to find the parser libraries."""
    environment = {
        "PYTHONPATH": os.pathsep.join(entry for entry in sys.path if entry),
        "PYTHONIOENCODING": "utf-8",
    }
    # Windows cannot initialise its random source without it.
    if "SYSTEMROOT" in os.environ:
        environment["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return environment


def _child_limits() -> list[tuple[int, int, int]]:
    """The rlimits for the child as ``(resource, soft, hard)``; empty where rlimits do not exist."""
    if resource is None:
        return []
    # CPU time is a backstop for the wall-clock timeout: a busy child is stopped by SIGXCPU even
    # if the parent is stuck.
    cpu_seconds = math.ceil(TIMEOUT_SECONDS) + 1
    return [
        (resource.RLIMIT_AS, *_within_hard_limit(resource.RLIMIT_AS, MEMORY_LIMIT_BYTES, 0)),
        (resource.RLIMIT_CPU, *_within_hard_limit(resource.RLIMIT_CPU, cpu_seconds, 1)),
    ]


def _within_hard_limit(resource_id: int, wanted: int, grace: int) -> tuple[int, int]:
    # An unprivileged process cannot raise a hard limit, so never ask for more than it has.
    _, hard = resource.getrlimit(resource_id)
    if hard != resource.RLIM_INFINITY:
        return min(wanted, hard), min(wanted + grace, hard)
    return wanted, wanted + grace


def _apply_limits(limits: list[tuple[int, int, int]]) -> None:
    # Runs between fork and exec: only system calls, nothing that imports or allocates much.
    for resource_id, soft, hard in limits:
        resource.setrlimit(resource_id, (soft, hard))


def _failure_reason(returncode: int, stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    last_line = lines[-1].strip()[:_MAX_REASON_CHARS] if lines else ""
    if returncode == EXIT_EXTRACTION_ERROR and last_line:
        return last_line
    if returncode == EXIT_PARSER_CRASH:
        return f"parser error: {last_line or 'unknown'}"
    if returncode < 0:
        number = -returncode
        if hasattr(signal, "SIGXCPU") and number == signal.SIGXCPU:
            return "cpu time limit"
        try:
            return f"killed by {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    return f"exit status {returncode}" + (f": {last_line}" if last_line else "")


# --- the child: the parsers --------------------------------------------------------------------


def extract_in_process(path: Path, media_type: str) -> str:
    """The plain text of a file, at most ``MAX_EXTRACTED_CHARS`` characters, parsed in this process.

    ``""`` for media types that carry no text we read. Raises ``ExtractionError`` for damaged,
    encrypted or oversized files. Meant for the child of ``extract_text``: unbounded here, a
    hostile file can exhaust this process.
    """
    if media_type == PDF:
        text = _pdf_text(path)
    elif media_type == DOCX:
        text = _archive_text(path, _docx_lines)
    elif media_type == PPTX:
        text = _archive_text(path, _pptx_lines)
    elif media_type in (ODT, ODP):
        text = _archive_text(path, _opendocument_lines)
    elif media_type == PLAIN_TEXT:
        text = _plain_text(path)
    else:
        return ""
    # PostgreSQL text columns reject NUL, and PDFs produce it for unmapped glyphs.
    return text.replace("\x00", "")[:MAX_EXTRACTED_CHARS]


def _plain_text(path: Path) -> str:
    # A UTF-8 character has at most four bytes: this many bytes always fill the character budget.
    with path.open("rb") as file:
        head = file.read(MAX_EXTRACTED_CHARS * 4)
    return head.decode("utf-8", errors="replace")


def _pdf_text(path: Path) -> str:
    # Imported here: only the child parses PDFs, the indexing process need not load pypdf.
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            # Many PDFs are encrypted only against editing, with an empty password for reading.
            # pypdf raises NotImplementedError for encryption methods it cannot read
            # (e.g. "Encryption V=… NOT supported"): that PDF's text stays unindexed.
            try:
                readable = reader.decrypt("")
            except (PyPdfError, DependencyError, NotImplementedError) as error:
                raise ExtractionError("encrypted PDF") from error
            if not readable:
                raise ExtractionError("encrypted PDF")
        return _first_chars(page.extract_text() for page in reader.pages)
    except LimitReachedError as error:
        raise ExtractionError("PDF exceeds parser limits") from error
    except PyPdfError as error:
        raise ExtractionError("not a valid PDF") from error


# --- ZIP-based office formats ------------------------------------------------------------------


def _archive_text(path: Path, read_lines: Callable[[_Archive], Iterator[str]]) -> str:
    """The text of a ZIP-based document, after checking that the archive's size is sane."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check_declared_size(archive)
            return _first_chars(read_lines(_Archive(archive, _Budget(ARCHIVE_MAX_UNCOMPRESSED))))
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ExtractionError("not a valid archive") from error


def _check_declared_size(archive: zipfile.ZipFile) -> None:
    # Checked before any member is read: a ZIP bomb is refused without inflating a byte of it.
    entries = archive.infolist()
    if len(entries) > ARCHIVE_MAX_ENTRIES:
        raise ExtractionError("archive has too many entries")
    if sum(entry.file_size for entry in entries) > ARCHIVE_MAX_UNCOMPRESSED:
        raise ExtractionError("archive too large")


@dataclass
class _Budget:
    """Bytes an archive may still inflate to, counted as they are actually read.

    Declared sizes are only claims of the file; this counts what the decompressor really produced.
    """

    remaining: int

    def charge(self, size: int) -> None:
        self.remaining -= size
        if self.remaining < 0:
            raise ExtractionError("archive too large")


class _MeteredMember:
    """An archive member read in chunks, each charged to the archive's inflation budget."""

    def __init__(self, member: IO[bytes], budget: _Budget) -> None:
        self._member = member
        self._budget = budget

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > _READ_CHUNK_BYTES:
            size = _READ_CHUNK_BYTES
        chunk = self._member.read(size)
        self._budget.charge(len(chunk))
        return chunk


@dataclass
class _Archive:
    """An opened, size-checked document archive whose members are read under one budget."""

    zip_file: zipfile.ZipFile
    budget: _Budget

    def names(self) -> list[str]:
        return self.zip_file.namelist()

    def paragraphs(self, name: str, dialect: _XmlDialect) -> Iterator[str]:
        """The non-empty paragraphs of the XML member ``name``, in document order."""
        info = self.zip_file.getinfo(name)
        # Office formats use only these two; others (bzip2, LZMA) inflate without an output
        # bound inside zipfile and are refused rather than trusted.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExtractionError("unsupported archive compression")
        with self.zip_file.open(info) as member:
            yield from _xml_paragraphs(_MeteredMember(member, self.budget), dialect)


# --- XML documents -----------------------------------------------------------------------------

_WORD = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",)
_DRAWING = ("http://schemas.openxmlformats.org/drawingml/2006/main",)
# "Strict" OOXML (ISO 29500) names the same elements in other namespaces.
_WORD_STRICT = ("http://purl.oclc.org/ooxml/wordprocessingml/main",)
_DRAWING_STRICT = ("http://purl.oclc.org/ooxml/drawingml/main",)
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _tags(namespaces: Iterable[str], *local_names: str) -> frozenset[str]:
    return frozenset(f"{{{ns}}}{name}" for ns in namespaces for name in local_names)


def _markers(namespaces: Iterable[str], **texts: str) -> dict[str, str]:
    return {
        f"{{{ns}}}{name.replace('_', '-')}": text
        for ns in namespaces
        for name, text in texts.items()
    }


@dataclass(frozen=True)
class _XmlDialect:
    """Where a document format keeps its text.

    OOXML puts text only inside dedicated elements (``w:t``, ``a:t``); ODF paragraphs hold mixed
    content, so there all character data inside a paragraph counts (``mixed_content``).
    """

    paragraphs: frozenset[str]
    texts: frozenset[str] = frozenset()
    mixed_content: bool = False
    markers: dict[str, str] = field(default_factory=dict)  # empty elements that stand for text
    space: str | None = None  # ODF's text:s, a run of ``c`` spaces


_WORDPROCESSING = _XmlDialect(
    paragraphs=_tags(_WORD + _WORD_STRICT, "p"),
    texts=_tags(_WORD + _WORD_STRICT, "t"),
    markers=_markers(_WORD + _WORD_STRICT, tab="\t", br="\n", cr="\n"),
)
_PRESENTATION = _XmlDialect(
    paragraphs=_tags(_DRAWING + _DRAWING_STRICT, "p"),
    texts=_tags(_DRAWING + _DRAWING_STRICT, "t"),
    markers=_markers(_DRAWING + _DRAWING_STRICT, br="\n"),
)
_OPENDOCUMENT = _XmlDialect(
    paragraphs=_tags([_ODF_TEXT], "p", "h"),
    mixed_content=True,
    markers=_markers([_ODF_TEXT], tab="\t", line_break="\n"),
    space=f"{{{_ODF_TEXT}}}s",
)


def _docx_lines(archive: _Archive) -> Iterator[str]:
    if "word/document.xml" not in archive.names():
        raise ExtractionError("not a valid DOCX")
    yield from archive.paragraphs("word/document.xml", _WORDPROCESSING)


_SLIDE_NAME = re.compile(r"ppt/slides/slide(\d+)\.xml")


def _pptx_lines(archive: _Archive) -> Iterator[str]:
    # Ordered by the number in the name (slide2 before slide10), which is the order PowerPoint
    # writes; a reordered deck keeps its order only in presentation.xml, which we do not read.
    numbered = [
        (int(match.group(1)), name)
        for name in archive.names()
        if (match := _SLIDE_NAME.fullmatch(name))
    ]
    anything_before = False
    for _, name in sorted(numbered):
        for index, line in enumerate(archive.paragraphs(name, _PRESENTATION)):
            if index == 0 and anything_before:
                yield ""  # a blank line between slides
            yield line
            anything_before = True


def _opendocument_lines(archive: _Archive) -> Iterator[str]:
    if "content.xml" not in archive.names():
        raise ExtractionError("not a valid OpenDocument file")
    yield from archive.paragraphs("content.xml", _OPENDOCUMENT)


def _xml_paragraphs(source: _MeteredMember, dialect: _XmlDialect) -> Iterator[str]:
    """The non-empty paragraphs of an XML stream, parsed incrementally without DTDs or entities."""
    open_paragraphs = 0
    try:
        events = SafeElementTree.iterparse(source, events=("start", "end"), forbid_dtd=True)
        for event, element in events:
            if element.tag not in dialect.paragraphs:
                continue
            if event == "start":
                open_paragraphs += 1
                continue
            open_paragraphs -= 1
            text = _paragraph_text(element, dialect)
            if text.strip():
                yield text
            if open_paragraphs == 0:
                # Done with this subtree; keeps memory flat on long documents. Nested paragraphs
                # stay until their outer one is read, which still needs their tails.
                element.clear()
    except DefusedXmlException as error:
        raise ExtractionError("forbidden XML construct") from error
    except SafeElementTree.ParseError as error:
        raise ExtractionError("not valid XML") from error


def _paragraph_text(paragraph: Element, dialect: _XmlDialect) -> str:
    """The text of one paragraph without its nested paragraphs (text boxes, notes), which are
    reported on their own. Iterative, so deep nesting cannot exhaust the stack."""
    parts: list[str] = []
    if dialect.mixed_content and paragraph.text:
        parts.append(paragraph.text)
    pending = [(child, False) for child in reversed(paragraph)]
    while pending:
        element, finished = pending.pop()
        if finished:
            if dialect.mixed_content and element.tail:
                parts.append(element.tail)
            continue
        pending.append((element, True))
        if element.tag in dialect.paragraphs:
            continue
        if element.tag in dialect.markers:
            parts.append(dialect.markers[element.tag])
        elif element.tag == dialect.space:
            parts.append(" " * _space_count(element))
        if element.text and (dialect.mixed_content or element.tag in dialect.texts):
            parts.append(element.text)
        pending.extend((child, False) for child in reversed(element))
    return "".join(parts)


def _space_count(element: Element) -> int:
    count = element.get(f"{{{_ODF_TEXT}}}c", "1")
    # Bounded: the attribute is the file's claim, not ours to trust with a billion spaces.
    return min(int(count), 100) if count.isdigit() else 1


def _first_chars(chunks: Iterable[str]) -> str:
    """The chunks joined by newlines, cut at ``MAX_EXTRACTED_CHARS``; stops consuming there."""
    kept: list[str] = []
    length = 0
    for chunk in chunks:
        kept.append(chunk)
        length += len(chunk) + 1
        if length >= MAX_EXTRACTED_CHARS:
            break
    return "\n".join(kept)[:MAX_EXTRACTED_CHARS]


# --- the child's entry point -------------------------------------------------------------------


def _run_child(arguments: list[str]) -> int:
    """Extract one file: text to stdout, a one-line reason to stderr, the outcome as exit status."""
    # Parser warnings about damaged files would bury the one-line reason the parent reads.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    if len(arguments) != 2:
        print("usage: extraction.py MEDIA_TYPE PATH", file=sys.stderr)
        return EXIT_EXTRACTION_ERROR
    media_type, path = arguments
    try:
        text = extract_in_process(Path(path), media_type)
    except ExtractionError as error:
        print(error.reason, file=sys.stderr)
        return EXIT_EXTRACTION_ERROR
    except Exception as error:
        print(type(error).__name__, file=sys.stderr)
        return EXIT_PARSER_CRASH
    # PDFs can yield lone surrogates, which a strict UTF-8 stdout would refuse.
    sys.stdout.buffer.write(text.encode("utf-8", errors="replace"))
    return 0


if __name__ == "__main__":
    sys.exit(_run_child(sys.argv[1:]))
