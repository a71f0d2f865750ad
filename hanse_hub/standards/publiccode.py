"""publiccode.yml (v0): a validator that decides as the reference parser
(italia/publiccode-parser-go) decides, without its network checks.

``validate(text)`` reads the file as YAML 1.2 (``yes``/``no``/``on``/``off`` are strings, as
in the reference; ``true``/``false`` booleans) with the line of every key, and returns the
document (plain Python data) and its issues – errors and warnings with the key path the
reference names (``description.en.features``, ``maintenance.contacts[0].email``) and a line.

Checks the reference makes over the network are skipped and named in ``SKIPPED_CHECKS``:
whether a URL answers, whether ``url`` is a code repository, remote logos and screenshots,
oEmbed videos. Relative logo/screenshot/authors paths are checked only when the caller gives the
folder the file came from (``base_dir``); an uploaded file has none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import langcodes
import pycountry
import regex
import yaml
from email_validator import EmailNotValidError, validate_email
from license_expression import get_spdx_licensing

from hanse_hub.standards import publiccode_schema as vocab

SKIPPED_CHECKS = (
    "URL reachability (HTTP HEAD/GET of url, landingURL, roadmap, documentation, …)",
    "url is a code repository (remote git check)",
    "remote logo and screenshot images (HTTP GET)",
    "videos are oEmbed URLs (oEmbed provider lookup)",
)
# Message parts of the reference's network checks (the tests leave them out when comparing).
NETWORK_MESSAGES = ("not reachable", "not a valid code repository", "HTTP GET failed", "oEmbed")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WRONG_TYPE = "wrong type for this field"
DEPRECATED = "This key is DEPRECATED and will be removed in the future. It's safe to drop it"
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIME_PATTERN = re.compile(r"^[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*$")
URI_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
IPA_PATTERN = re.compile(r"^(?:[a-z0-9]+|[a-z]_[a-z0-9]+)$")
BCP47_CHARACTERS = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
PLAIN_KEY = re.compile(r"^\w+$")

# YAML 1.2 core schema for plain scalars (the reference uses a YAML 1.2 library).
NULLS = ("", "~", "null", "Null", "NULL")
TRUES = ("true", "True", "TRUE")
FALSES = ("false", "False", "FALSE")
INT_PATTERN = re.compile(r"^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
FLOAT_PATTERN = re.compile(
    r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$"
    r"|^\.(?:nan|NaN|NAN)$"
)


@dataclass(frozen=True)
class Issue:
    severity: str  # "error" | "warning"
    key: str
    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        key = f"{self.key}: " if self.key else ""
        return f"publiccode.yml:{self.line}:{self.column}: {self.severity}: {key}{self.message}"


@dataclass
class Result:
    document: dict | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def verdict(self) -> str:
        if self.errors:
            return "invalid"
        return "valid_with_warnings" if self.warnings else "valid"


# -- YAML with lines ------------------------------------------------------------------------------


class _Reader:
    """Node tree → plain data (YAML 1.2 scalars), and each key path's line, in document order."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.order: list[tuple[str, int]] = []

    def value(self, node: yaml.Node, path: str) -> Any:
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = str(self.value(key_node, ""))
                child = f"{path}.{key}" if path else key
                self._mark(child, key_node)
                result[key] = self.value(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                child = f"{path}[{index}]"
                self._mark(child, item)
                items.append(self.value(item, child))
            return items
        return scalar(node)

    def _mark(self, path: str, node: yaml.Node) -> None:
        line = node.start_mark.line + 1
        self.lines.setdefault(path, line)
        self.order.append((path, line))

    def key_at(self, line: int, fallback: str) -> str:
        """The first key path (in document order) that starts on ``line``."""
        return next((path for path, at in self.order if at == line), fallback)


def scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style is not None or node.tag not in (
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
    ):
        return text  # quoted or block scalars are strings
    if text in NULLS:
        return None
    if text in TRUES:
        return True
    if text in FALSES:
        return False
    if INT_PATTERN.match(text):
        return int(text, 0) if not text.lstrip("+-").startswith("0") or text in ("0",) else text
    if FLOAT_PATTERN.match(text):
        return float(text)
    return text


def read_yaml(text: str) -> tuple[Any, _Reader]:
    reader = _Reader()
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return (reader.value(node, "") if node is not None else None), reader


# -- the validator --------------------------------------------------------------------------------


def _count(text: str) -> int:
    """Length in grapheme clusters (what a reader counts as characters)."""
    return len(regex.findall(r"\X", text))


def _is_url(value: Any) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path))


def _is_http_url(value: Any) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _is_language(tag: Any) -> bool:
    return (
        isinstance(tag, str) and bool(BCP47_CHARACTERS.match(tag)) and langcodes.tag_is_valid(tag)
    )


def _is_country(code: str) -> bool:
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


@functools.cache
def _licensing():
    return get_spdx_licensing()  # builds its index of SPDX identifiers once (~1 s)


@functools.cache
def _licence_errors(expression: str) -> tuple[str, ...]:
    return tuple(_licensing().validate(expression).errors)


# Type shapes: "str", "bool", "list", "map", "strlist", "str_or_list", or a dict of fields.
STR, BOOL, LIST, MAP = "str", "bool", "list", "map"
PARTY = {"name": STR, "uri": STR}
CONTACT = {"name": STR, "email": STR, "phone": STR, "affiliation": STR}
CONTRACTOR = {"name": STR, "email": STR, "website": STR, "until": STR}
DEPENDENCY = {"name": STR, "versionMin": STR, "versionMax": STR, "version": STR, "optional": BOOL}
DESCRIPTION = {
    "localisedName": STR,
    "genericName": STR,
    "shortDescription": STR,
    "longDescription": STR,
    "documentation": STR,
    "apiDocumentation": STR,
    "features": [STR],
    "screenshots": [STR],
    "videos": [STR],
    "awards": [STR],
}
ITALY = {
    "countryExtensionVersion": STR,
    "conforme": {
        "lineeGuidaDesign": BOOL,
        "modelloInteroperabilita": BOOL,
        "misureMinimeSicurezza": BOOL,
        "gdpr": BOOL,
    },
    "riuso": {"codiceIPA": STR},
    "piattaforme": {"spid": BOOL, "pagopa": BOOL, "cie": BOOL, "anpr": BOOL, "io": BOOL},
}
TOP = {
    "publiccodeYmlVersion": STR,
    "name": STR,
    "applicationSuite": STR,
    "url": STR,
    "landingURL": STR,
    "isBasedOn": "str_or_list",
    "softwareVersion": STR,
    "releaseDate": STR,
    "logo": STR,
    "monochromeLogo": STR,
    "inputTypes": [STR],
    "outputTypes": [STR],
    "platforms": [STR],
    "categories": [STR],
    "usedBy": [STR],
    "roadmap": STR,
    "developmentStatus": STR,
    "softwareType": STR,
    "intendedAudience": {"countries": [STR], "unsupportedCountries": [STR], "scope": [STR]},
    "description": ("dict", DESCRIPTION),
    "legal": {
        "license": STR,
        "mainCopyrightOwner": STR,
        "repoOwner": STR,
        "authorsFile": STR,
    },
    "maintenance": {"type": STR, "contractors": [CONTRACTOR], "contacts": [CONTACT]},
    "localisation": {"localisationReady": BOOL, "availableLanguages": [STR]},
    "dependsOn": {"open": [DEPENDENCY], "proprietary": [DEPENDENCY], "hardware": [DEPENDENCY]},
    "IT": ITALY,
    "organisation": PARTY,
    "fundedBy": [PARTY],
    "supports": [{"id": STR}],
}


class _Validation:
    def __init__(self, reader: _Reader, base_dir: Path | None) -> None:
        self.reader = reader
        self.base_dir = base_dir
        self.issues: list[Issue] = []
        self.broken: set[str] = set()  # top-level keys with a type error: read as absent

    # issues
    def error(self, key: str, message: str, line: int | None = None) -> None:
        self.issues.append(Issue("error", key, message, self._line(key, line)))

    def warning(self, key: str, message: str, line: int | None = None) -> None:
        self.issues.append(Issue("warning", key, message, self._line(key, line)))

    def _line(self, key: str, line: int | None) -> int:
        if line is not None:
            return line
        probe = key
        while probe:
            if probe in self.reader.lines:
                return self.reader.lines[probe]
            shorter = re.sub(r"(\.[^.\[\]]+|\[[^\]]*\])$", "", probe)
            if shorter == probe:
                break
            probe = shorter
        return 0

    # types
    def check_type(self, value: Any, shape: Any, path: str) -> bool:
        """True if ``value`` fits ``shape``; else one "wrong type" error (and unknown fields)."""
        if value is None:
            return True
        ok = True
        if shape == STR:
            ok = not isinstance(value, dict | list)
        elif shape == BOOL:
            ok = isinstance(value, bool)
        elif shape == "str_or_list":
            ok = not isinstance(value, dict) and (
                not isinstance(value, list) or all(not isinstance(v, dict | list) for v in value)
            )
        elif isinstance(shape, list):
            ok = isinstance(value, list)
            if ok:
                return all(
                    [self.check_type(v, shape[0], f"{path}[{i}]") for i, v in enumerate(value)]
                )
        elif isinstance(shape, tuple):  # ("dict", value shape): free keys
            ok = isinstance(value, dict)
            if ok:
                return all([self.check_type(v, shape[1], f"{path}.{k}") for k, v in value.items()])
        elif isinstance(shape, dict):
            ok = isinstance(value, dict)
            if ok:
                results = []
                for key, child in value.items():
                    child_path = f"{path}.{key}" if path else key
                    if key not in shape:
                        self.error(child_path, f'unknown field "{key}"')
                        continue
                    results.append(self.check_type(child, shape[key], child_path))
                return all(results)
        if not ok:
            line = self.reader.lines.get(path, 0)
            if isinstance(value, dict | list) and value:
                first = f"{path}.{next(iter(value))}" if isinstance(value, dict) else f"{path}[0]"
                line = self.reader.lines.get(first, line)
            self.error(self.reader.key_at(line, path), WRONG_TYPE, line)
        return ok

    # files
    def check_file(self, key: str, value: str, *, image: bool, name: str) -> None:
        if value.startswith("file://"):
            self.error(key, "is a file:// URL. Only relative paths or HTTP(s) URLs allowed")
            return
        if value.startswith("/"):
            self.error(key, "is an absolute path. Only relative paths or HTTP(s) URLs allowed")
            return
        if _is_http_url(value):
            if image and not value.lower().endswith(vocab.IMAGE_EXTENSIONS):
                self.error(key, f"invalid file extension for: {value}")
            return  # fetching it is a network check
        if self.base_dir is None:
            return  # an upload has no folder to look in
        path = self.base_dir / value
        if image and name != "screenshot" and not value.lower().endswith(vocab.IMAGE_EXTENSIONS):
            self.error(key, f"invalid file extension for: {path}")
            return
        if not path.is_file():
            prefix = f"'{value}' is not an image: " if name == "screenshot" else ""
            self.error(key, f"{prefix}no such file: {path}")
            return
        if image and value.lower().endswith(".png") and path.read_bytes()[:8] != PNG_SIGNATURE:
            self.error(key, "image: unknown format")

    # fields
    def run(self, doc: dict) -> None:
        for key, shape in TOP.items():
            if key in doc and not self.check_type(doc[key], shape, key):
                self.broken.add(key)
        for key in doc:
            if key not in TOP and key != "it":
                self.error(key, f'unknown field "{key}"')
        get = {k: v for k, v in doc.items() if k not in self.broken}.get

        if not get("name"):
            self.error("name", "name is a required field", self._line("name", None) or 1)
        url = get("url")
        if not url:
            self.error("url", "url is a required field", self._line("url", None) or 1)
        elif not _is_url(str(url)):
            self.error("url", "url must be a valid URL")
        for key in ("landingURL", "roadmap"):
            if get(key) is not None and not _is_http_url(get(key)):
                self.error(key, f"{key} must be an HTTP URL")
        based_on = get("isBasedOn")
        for index, item in enumerate([based_on] if isinstance(based_on, str) else based_on or []):
            if not _is_url(str(item)):
                self.error(f"isBasedOn[{index}]", f"isBasedOn[{index}] must be a valid URL")
        released = get("releaseDate")
        if released is not None and not _is_date(str(released)):
            self.error("releaseDate", "releaseDate must be a date with format 'YYYY-MM-DD'")
        if isinstance(get("logo"), str):
            self.check_file("logo", get("logo"), image=True, name="logo")
        if get("monochromeLogo") is not None:
            self.warning(
                "monochromeLogo",
                "This key is DEPRECATED and will be removed in the future. Use 'logo' instead",
            )
            if isinstance(get("monochromeLogo"), str):
                self.check_file("monochromeLogo", get("monochromeLogo"), image=True, name="logo")
        for key in ("inputTypes", "outputTypes"):
            if get(key) is not None:
                for index, item in enumerate(get(key)):
                    if not MIME_PATTERN.match(str(item)):
                        self.error(f"{key}[{index}]", f"{key}[{index}] is not a valid MIME type")
                self.warning(key, DEPRECATED)
        if not get("platforms"):
            self.error(
                "platforms",
                "platforms must contain more than 0 items",
                self._line("platforms", None) or 1,
            )
        for index, item in enumerate(get("categories") or []):
            if item not in vocab.CATEGORIES:
                self.error(
                    f"categories[{index}]",
                    f"categories[{index}] must be a valid category (see https://github.com/"
                    "publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)",
                )
        self._enum(get, "developmentStatus", vocab.DEVELOPMENT_STATUSES)
        self._enum(get, "softwareType", vocab.SOFTWARE_TYPES)
        self._audience(get("intendedAudience") or {})
        self._description(get("description"), "description" in doc)
        self._legal(get("legal") or {})
        self._maintenance(get("maintenance") or {})
        self._localisation(get("localisation") or {})
        self._italy(doc, get)
        self._party(get("organisation"), "organisation")
        for index, funder in enumerate(get("fundedBy") or []):
            self._party(funder, f"fundedBy[{index}]")
        for index, supported in enumerate(get("supports") or []):
            self._supports(supported or {}, f"supports[{index}]")

    def _enum(self, get, key: str, values: tuple[str, ...]) -> None:
        value = get(key)
        if not value:
            self.error(key, f"{key} is a required field", self._line(key, None) or 1)
        elif value not in values:
            listed = ", ".join(f'"{v}"' for v in values[:-1]) + f' or "{values[-1]}"'
            self.error(key, f"{key} must be one of the following: {listed}")

    def _audience(self, audience: dict) -> None:
        for name in ("countries", "unsupportedCountries"):
            for index, code in enumerate(audience.get(name) or []):
                key = f"intendedAudience.{name}[{index}]"
                code = str(code)
                if code.isupper() and _is_country(code):
                    continue
                if code.islower() and _is_country(code):
                    self.warning(
                        key,
                        "Lowercase country codes are DEPRECATED. Use uppercase instead "
                        f"('{code.upper()}')",
                    )
                    continue
                self.error(
                    key,
                    f"{name}[{index}] must be a valid ISO 3166-1 alpha-2 two-letter country code",
                )
        for index, scope in enumerate(audience.get("scope") or []):
            if scope not in vocab.SCOPES:
                self.error(
                    f"intendedAudience.scope[{index}]",
                    f"scope[{index}] must be a valid scope (see https://github.com/publiccodeyml/"
                    "publiccode.yml/blob/main/docs/standard/scope-list.rst)",
                )

    def _description(self, description: Any, present: bool) -> None:
        if not description:
            self.error(
                "description",
                "description must contain more than 0 items",
                self._line("description", None) or (0 if not present else None),
            )
            return
        for language, text in description.items():
            if not _is_language(language):
                self.error("description", "description must be a valid BCP 47 language")
                continue
            base = (
                f"description.{language}"
                if PLAIN_KEY.match(language)
                else f"description[{language}]"
            )
            text = text or {}
            if "genericName" in text:
                if _count(str(text["genericName"] or "")) > 35:
                    self.error(
                        f"{base}.genericName",
                        "genericName must be a maximum of 35 characters in length",
                    )
                self.warning(f"{base}.genericName", DEPRECATED)
            short = text.get("shortDescription")
            if not short:
                self.error(f"{base}.shortDescription", "shortDescription is a required field")
            elif _count(str(short)) > 150:
                self.error(
                    f"{base}.shortDescription",
                    "shortDescription must be a maximum of 150 characters in length",
                )
            long = text.get("longDescription")
            if not long:
                self.error(f"{base}.longDescription", "longDescription is a required field")
            elif _count(str(long)) < 150:
                self.error(
                    f"{base}.longDescription",
                    "longDescription must be at least 150 characters in length",
                )
            elif _count(str(long)) > 10000:
                self.error(
                    f"{base}.longDescription",
                    "longDescription must be a maximum of 10000 characters in length",
                )
            for key in ("documentation", "apiDocumentation"):
                if text.get(key) is not None and not _is_http_url(text[key]):
                    self.error(f"{base}.{key}", f"{key} must be an HTTP URL")
            if not text.get("features"):
                self.error(f"{base}.features", "features must contain more than 0 items")
            for index, shot in enumerate(text.get("screenshots") or []):
                if isinstance(shot, str):
                    self.check_file(
                        f"{base}.screenshots[{index}]", shot, image=True, name="screenshot"
                    )
            for index, video in enumerate(text.get("videos") or []):
                if not _is_http_url(video):
                    self.error(f"{base}.videos[{index}]", f"videos[{index}] must be an HTTP URL")

    def _legal(self, legal: dict) -> None:
        licence = legal.get("license")
        if not licence:
            self.error("legal.license", "license is a required field")
        elif _licence_errors(str(licence)):
            self.error(
                "legal.license", "license must be a valid license (see https://spdx.org/licenses)"
            )
        if "repoOwner" in legal:
            self.warning(
                "legal.repoOwner",
                "This key is DEPRECATED and will be removed in the future. Use "
                "'organisation.name' instead",
            )
        if "authorsFile" in legal:
            self.warning("legal.authorsFile", DEPRECATED)
            authors = legal.get("authorsFile")
            if isinstance(authors, str) and self.base_dir is not None:
                path = self.base_dir / authors
                if not path.is_file():
                    self.error(
                        "legal.authorsFile", f"'{path}' does not exist: no such file: {path}"
                    )

    def _maintenance(self, maintenance: dict) -> None:
        kind = maintenance.get("type")
        if not kind:
            self.error("maintenance.type", "type is a required field")
        elif kind not in vocab.MAINTENANCE_TYPES:
            self.error(
                "maintenance.type",
                'type must be one of the following: "internal", "contract", "community"',
            )
        contractors = maintenance.get("contractors")
        if kind == "contract" and not contractors:
            self.error(
                "maintenance.contractors",
                'contractors is a required field when "type" is "contract"',
            )
        if contractors is not None and kind != "contract":
            self.error(
                "maintenance.contractors",
                'contractors must not be present unless "type" is "contract"',
            )
            contractors = None
        for index, contractor in enumerate(contractors or []):
            key = f"maintenance.contractors[{index}]"
            contractor = contractor or {}
            if not contractor.get("name"):
                self.error(f"{key}.name", "name is a required field")
            until = contractor.get("until")
            if not until:
                self.error(f"{key}.until", "until is a required field")
            elif not _is_date(str(until)):
                self.error(f"{key}.until", "until must be a date with format 'YYYY-MM-DD'")
            self._email(contractor, key)
            if contractor.get("website") is not None and not _is_http_url(contractor["website"]):
                self.error(f"{key}.website", "website must be an HTTP URL")
        contacts = maintenance.get("contacts")
        if kind in ("internal", "community") and not contacts:
            self.error(
                "maintenance.contacts", f'contacts is a required field when "type" is "{kind}"'
            )
        for index, contact in enumerate(contacts or []):
            key = f"maintenance.contacts[{index}]"
            contact = contact or {}
            if not contact.get("name"):
                self.error(f"{key}.name", "name is a required field")
            self._email(contact, key)

    def _email(self, person: dict, key: str) -> None:
        email = person.get("email")
        if email is None:
            return
        try:
            validate_email(str(email), check_deliverability=False)
        except EmailNotValidError:
            self.error(f"{key}.email", "email must be a valid email address")

    def _localisation(self, localisation: dict) -> None:
        if localisation.get("localisationReady") is None:
            self.error("localisation.localisationReady", "localisationReady is a required field")
        languages = localisation.get("availableLanguages")
        if languages is None:
            self.error("localisation.availableLanguages", "availableLanguages is a required field")
        elif not languages:
            self.error(
                "localisation.availableLanguages",
                "availableLanguages must contain more than 0 items",
            )
        for index, language in enumerate(languages or []):
            if not _is_language(language):
                self.error(
                    f"localisation.availableLanguages[{index}]",
                    f"availableLanguages[{index}] must be a valid BCP 47 language",
                )

    def _italy(self, doc: dict, get) -> None:
        italy = get("IT")
        if "it" in doc:
            self.warning(
                "it",
                "Lowercase country codes are DEPRECATED and will be removed in the future. "
                "Use 'IT' instead",
            )
            if "IT" in doc:
                self.error("it", "'IT' key already present. Remove this key")
                return
            if self.check_type(doc["it"], ITALY, "it"):
                italy = doc["it"]
        italy = italy or {}
        version = italy.get("countryExtensionVersion")
        if version is not None and str(version) not in vocab.IT_EXTENSION_VERSIONS:
            self.error(
                "IT.countryExtensionVersion",
                'countryExtensionVersion must be one of the following: "0.2" or "1.0"',
            )
        if "conforme" in italy:
            self.warning("IT.conforme", DEPRECATED)
        code = (italy.get("riuso") or {}).get("codiceIPA")
        if code is not None:
            if IPA_PATTERN.match(str(code)):
                self.warning(
                    "IT.riuso.codiceIPA",
                    "This key is DEPRECATED and will be removed in the future. Use "
                    "'organisation.uri' and set it to 'urn:x-italian-pa:<codiceIPA>' instead",
                )
            else:
                self.error(
                    "IT.riuso.codiceIPA",
                    "codiceIPA must be a valid Italian Public Administration Code (iPA) (see "
                    "https://www.indicepa.gov.it/public-services/opendata-read-service.php?"
                    "dstype=FS&filename=amministrazioni.txt)",
                )

    def _party(self, party: Any, key: str) -> None:
        if not isinstance(party, dict):
            return
        uri = party.get("uri")
        if not uri:
            self.error(f"{key}.uri", "uri is a required field")
        elif not URI_PATTERN.match(str(uri)):
            self.error(f"{key}.uri", "uri is not a valid URI")
        elif str(uri).startswith("urn:x-italian-pa:") and not IPA_PATTERN.match(
            str(uri).removeprefix("urn:x-italian-pa:")
        ):
            self.error(
                f"{key}.uri",
                "uri must be a valid Italian Public Administration Code (iPA) with format "
                "'urn:x-italian-pa:<codiceIPA>'",
            )

    def _supports(self, supported: dict, key: str) -> None:
        ident = str(supported.get("id") or "")
        if ident.startswith("alias:"):
            if ident.removeprefix("alias:") not in vocab.ALIASES:
                self.error(
                    f"{key}.id",
                    "id contains an unknown alias (see https://github.com/publiccodeyml/"
                    "publiccode.yml/blob/main/docs/standard/aliases-list.rst)",
                )
        elif not URI_PATTERN.match(ident):
            self.error(f"{key}.id", "id is not a valid URI")


def _is_date(text: str) -> bool:
    if not DATE_PATTERN.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _yaml_problem(error: yaml.YAMLError) -> Issue:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    return Issue(
        "error", "", problem, (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0
    )


def validate(content: bytes | str, *, base_dir: Path | None = None) -> Result:
    """The document and its issues, as the reference parser would report them (network off)."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError:
            return Result(None, [Issue("error", "", "Invalid UTF-8")])
    try:
        document, reader = read_yaml(content)
    except yaml.YAMLError as error:
        return Result(None, [_yaml_problem(error)])
    if not isinstance(document, dict):
        return Result(None, [Issue("error", "", "publiccode.yml must be a YAML mapping")])
    version = document.get("publiccodeYmlVersion")
    if version is None:
        return Result(
            document,
            [Issue("error", "publiccodeYmlVersion", "publiccodeYmlVersion is a required field")],
        )
    if isinstance(version, dict | list):
        line = reader.lines.get("publiccodeYmlVersion", 0)
        return Result(document, [Issue("error", "publiccodeYmlVersion", WRONG_TYPE, line, 1)])
    version = str(version) if not isinstance(version, float) else repr(version)
    if version not in vocab.SUPPORTED_VERSIONS:
        supported = ", ".join(vocab.SUPPORTED_VERSIONS)
        return Result(
            document,
            [
                Issue(
                    "error",
                    "publiccodeYmlVersion",
                    f"unsupported version: '{version}'. Supported versions: {supported}",
                )
            ],
        )
    validation = _Validation(reader, base_dir)
    if version in vocab.OLD_VERSIONS:
        validation.warning(
            "publiccodeYmlVersion",
            f"v{version} is not the latest version, use '{vocab.LATEST}'. Parsing this file "
            f"as v{vocab.LATEST_NUMBER}.",
        )
    validation.run(document)
    return Result(document, validation.issues)


def iter_vectors(root: Path) -> Iterator[tuple[str, Path]]:
    """The reference's test vectors under ``root`` (``v0/…``, ``v1/…``), as (name, path)."""
    for path in sorted(root.rglob("*.yml")):
        yield path.relative_to(root).as_posix(), path
