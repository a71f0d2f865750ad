"""Derive the English ↔ German pairs of the search thesaurus from FreeDict's German–English
dictionary (Debian package ``dict-freedict-deu-eng``), for the hub's own vocabulary only.

    .venv/bin/python tools/derive_translations.py [--dictionary /usr/share/dictd/freedict-deu-eng]

writes ``hanse_hub/search/data/translations_freedict.txt``. Needed only to renew that file: the
hub reads the file and never the dictionary. Reproducible: the same dictionary edition and the
same hub vocabulary give the same file (sorted, no time stamp).

Which German words: the compound parts of ``word_parts.txt``, the one-word German terms of
``synonyms.txt`` and the nouns that occur at least ``MIN_DEMO_COUNT`` times in the demo hub's
content. Which English words (the review, written down as rules and lists below so that it is
repeated on every run):

- only noun senses whose headword is the word itself (no phrases, no prefixes "Wärme…");
- no sense marked with a special domain (``SKIPPED_DOMAINS``: botany, nautical, history …);
- from the first such sense only (FreeDict lists the common sense first), at most
  ``MAX_PER_WORD`` translations of one or two words, each word common in English
  (``wordfreq`` Zipf frequency ≥ ``MIN_ZIPF``: drops "advocation", "burgher");
- no pair whose English side is spelled like the German word (Sensor = sensor: the index
  finds those already), and none listed in ``REJECTED`` (senses wrong for a municipal hub,
  found by reading the output).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import re
import sys
import tomllib
from pathlib import Path

from wordfreq import zipf_frequency

from hanse_hub.search.analysis import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "hanse_hub" / "search" / "data"
DEMO = ROOT / "hanse_hub" / "demo" / "data"
OUTPUT = DATA / "translations_freedict.txt"
DEFAULT_DICTIONARY = Path("/usr/share/dictd/freedict-deu-eng")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/dict-freedict-deu-eng/copyright")

MIN_DEMO_COUNT = 3
MAX_PER_WORD = 2
MIN_ZIPF = 3.0
SKIPPED_DOMAINS = frozenset(
    {
        "anat.",
        "archaic",
        "astron.",
        "biochem.",
        "biol.",
        "bot.",
        "chem.",
        "coll.",
        "cook.",
        "fig.",
        "geol.",
        "hist.",
        "humor.",
        "hunt.",
        "ling.",
        "mach.",
        "math.",
        "med.",
        "mil.",
        "min.",
        "mus.",
        "naut.",
        "obs.",
        "pej.",
        "phil.",
        "poet.",
        "print",
        "relig.",
        "slang",
        "sport",
        "textil.",
        "vulg.",
        "zool.",
        "agr.",
        "art",
        "phys.",
        "psych.",
        "rare",
        "slang.",
        "Sc.",
        "Austr.",
        "Ös.",
        "Schw.",
        "Dt.",
        "Süddt.",
        "cook",
        "ornith.",
        "ichth.",
        "pharm.",
        "photo.",
        "geogr.",
        "aviat.",
        "mining",
    }
)
# (German, English) pairs read and found wrong for this hub: a sense the municipal texts
# never mean, or an English word that would find unrelated entries.
REJECTED: dict[str, set[str]] = {
    "Abfall": {"refuse"},
    "Abfalleimer": {"container bin"},
    "Abgabe": {"tax"},
    "Abteilung": {"detachment"},
    "Allee": {"alley"},
    "Ampel": {"hanging lamp"},
    "Anbindung": {"linkage", "linking"},
    "Anpassung": {"alignment"},
    "Anwendungsfall": {"application"},
    "Anzeige": {"notice"},
    "Aufgabe": {"job"},
    "Ausbau": {"improvement"},
    "Ausleihe": {"issue"},
    "Ausschreibung": {"solicitation"},
    "Ausstellung": {"issuance", "issue"},
    "Austausch": {"relocation", "swapping"},
    "Bad": {"swim"},
    "Bahn": {"path", "pathway"},
    "Basis": {"footing"},
    "Bau": {"fabric"},
    "Baukasten": {"building block", "building set"},
    "Baumkataster": {"orchard register"},
    "Bebauungsplan": {"proposals map"},
    "Befragung": {"interview"},
    "Beitrag": {"portion"},
    "Belegung": {"configuration"},
    "Bereich": {"department", "domain"},
    "Beteiligung": {"exposure"},
    "Betrieb": {"commission"},
    "Betriebshof": {"building yard"},
    "Bilder": {"visuals"},
    "Bildung": {"formal education"},
    "Bund": {"bunch"},
    "Bürger": {"bourgeois"},
    "Cockpit": {"flight compartment"},
    "Code": {"cipher"},
    "Dienst": {"commission"},
    "Dokument": {"writing"},
    "Drei": {"three"},
    "Ehrenamt": {"honorary post"},
    "Einbau": {"fitting"},
    "Einer": {"unit", "unit place"},
    "Einführung": {"advent"},
    "Einrichtung": {"constitution"},
    "Einsatz": {"onset"},
    "Einwilligung": {"adhesion"},
    "Emission": {"issuance", "issue"},
    "Ende": {"termination"},
    "Erbe": {"heir"},
    "Ergebnis": {"discovery"},
    "Erstellung": {"compilation"},
    "Fach": {"panel"},
    "Fahrer": {"chauffeur"},
    "Familie": {"family circle"},
    "Faser": {"grain"},
    "Flotte": {"bath", "liquor"},
    "Fluss": {"flux", "outflow"},
    "Flut": {"flow"},
    "Format": {"size"},
    "Forum": {"panel"},
    "Funk": {"funk music"},
    "Fuß": {"base"},
    "Förderung": {"mining", "winning extraction"},
    "Füllstand": {"level"},
    "Garten": {"yard"},
    "Gebühr": {"duty"},
    "Geräte": {"computer components", "computer hardware"},
    "Gespräch": {"interview"},
    "Glas": {"lens", "spectacles glass"},
    "Grund": {"motivation", "motive"},
    "Grundlage": {"justification", "warrant"},
    "Gruppe": {"bank"},
    "Halle": {"lobby", "reception lobby"},
    "Haltepunkt": {"hold point"},
    "Handel": {"deal"},
    "Handreichung": {"helping hand"},
    "Hardware": {"computer components", "computer hardware"},
    "Haus": {"establishment", "institution"},
    "Haushalt": {"household"},
    "Herbst": {"fall"},
    "Hinweis": {"indication", "sign"},
    "Hoch": {"high"},
    "Hochschule": {"academy"},
    "Hochwasser": {"flow"},
    "Hub": {"stroke"},
    "Idee": {"notion"},
    "Integration": {"assimilation"},
    "Kalkulation": {"computation"},
    "Kamera": {"still camera"},
    "Karte": {"pass"},
    "Kind": {"infant"},
    "Knoten": {"bun"},
    "Kommune": {"commune"},
    "Konzert": {"gig"},
    "Koordinator": {"anchor", "moderator"},
    "Kraft": {"clout"},
    "Kreuzung": {"bastard"},
    "Kunst": {"craft"},
    "Lade": {"chest"},
    "Lenkung": {"leadership"},
    "Lenkungsgruppe": {"management board"},
    "Linie": {"rail line"},
    "Lizenz": {"franchise"},
    "Luft": {"elbow room"},
    "Lärm": {"uproar"},
    "Lösung": {"separation"},
    "Management": {"front office"},
    "Messstelle": {"station"},
    "Messung": {"reading"},
    "Mitarbeiter": {"staffer"},
    "Mittel": {"remedy"},
    "Modell": {"style", "version"},
    "Mühle": {"grinder", "grinding apparatus"},
    "Mülleimer": {"container bin"},
    "Mülltonne": {"bin container"},
    "Netz": {"apron"},
    "Netzbetreiber": {"common carrier"},
    "Netzwerk": {"net"},
    "Neubau": {"new house"},
    "Nutzen": {"blank", "punching"},
    "Nutzung": {"uptake"},
    "Ordnung": {"adjustment"},
    "Partizipation": {"exposure"},
    "Pegel": {"level"},
    "Pilot": {"driver"},
    "Plan": {"layout"},
    "Planer": {"designer"},
    "Planung": {"design"},
    "Platz": {"room", "space"},
    "Praxis": {"experience"},
    "Preis": {"award"},
    "Problem": {"problem pb"},
    "Projekt": {"plan"},
    "Promenade": {"walk"},
    "Protokoll": {"record"},
    "Prozess": {"court proceedings", "legal proceedings"},
    "Prüfung": {"proving"},
    "Punkt": {"full stop", "period"},
    "Quelle": {"well"},
    "Rad": {"caster", "castor"},
    "Rand": {"trim"},
    "Rat": {"advice", "counsel"},
    "Raum": {"room"},
    "Rechen": {"bar screen"},
    "Reinigung": {"cleansing"},
    "Rettung": {"deliverance"},
    "Routing": {"line routing", "traffic routing"},
    "Ruf": {"reputation"},
    "Rückmeldung": {"answer"},
    "Schatten": {"tail"},
    "Schild": {"tag"},
    "Schnitt": {"pruning"},
    "Schüler": {"disciple"},
    "Scooter": {"bumper car", "dashing car"},
    "Sensor": {"measuring element", "sensing element"},
    "Signal": {"message"},
    "Simulation": {"emulation"},
    "Sirene": {"alarm horn"},
    "Sitzung": {"working session"},
    "Speicher": {"reservoir"},
    "Spiel": {"bearing play", "free play"},
    "Stadtreinigung": {"cleansing department"},
    "Stand": {"profession", "trade"},
    "Start": {"launching"},
    "Staub": {"powder"},
    "Stelle": {"position", "post"},
    "Stellen": {"placement"},
    "Stellplatz": {"pitch"},
    "Steuerung": {"controller", "controller module"},
    "Stoff": {"material"},
    "Strategie": {"game plan"},
    "Straße": {"alley"},
    "Strom": {"current"},
    "Studie": {"sketch"},
    "Stufe": {"relief", "shoulder"},
    "Stunden": {"lessons"},
    "System": {"scheme"},
    "Säule": {"column"},
    "Takt": {"grace"},
    "Team": {"panel"},
    "Teil": {"portion"},
    "Telefon": {"customer hotline"},
    "Termin": {"deadline", "time limit"},
    "Terminal": {"data terminal"},
    "Ticket": {"admission ticket"},
    "Tonne": {"barrel"},
    "Transfer": {"transmission"},
    "Ufer": {"strand"},
    "Umsetzung": {"advancement", "promotion"},
    "Unternehmen": {"concern"},
    "Unterricht": {"lessons"},
    "Veranstaltung": {"activity session", "event session"},
    "Verbindung": {"connectivity"},
    "Verfügung": {"arrangement", "disposition"},
    "Vergabe": {"placing"},
    "Vergabestelle": {"dispenser"},
    "Verkehr": {"commerce"},
    "Vertrag": {"treaty"},
    "Verwaltung": {"management"},
    "Vielfalt": {"diversification"},
    "Vorhaben": {"intention"},
    "Vorlauf": {"approach"},
    "Vorsorge": {"provision", "provisions"},
    "Wald": {"wood"},
    "Weg": {"alley"},
    "Wende": {"change"},
    "Werkstatt": {"shop"},
    "Wert": {"worth"},
    "Wind": {"blast"},
    "Wirkung": {"appeal"},
    "Wirtschaft": {"economic system"},
    "Wissen": {"sg only"},
    "Wärme": {"warmth"},
    "Zeit": {"spell"},
    "Zentrum": {"nexus", "pivot"},
    "Ziel": {"aspiration"},
    "Zug": {"strain"},
    "Zugang": {"approach", "basic approach"},
    "Zusammenarbeit": {"association"},
    "Zwölf": {"twelve"},
    "Übernahme": {"acquisition"},
    "Überwachung": {"control", "controls"},
}

HEADWORD = re.compile(r"^(?P<word>[^/<]+?)\s*(?:/[^/]*/)?\s*(?:<(?P<pos>[^>]*)>)?\s*$")
TAG = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)")
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + B64.index(char)
    return value


def read_dictionary(base: Path) -> tuple[dict[str, list[tuple[int, int]]], bytes, str]:
    """The index (lower-case headword → places), the dictionary text and its edition."""
    index: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for line in base.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            index[parts[0]].append((_number(parts[1]), _number(parts[2])))
    with gzip.open(base.with_suffix(".dict.dz")) as compressed:
        data = compressed.read()
    header = data[:4000].decode("utf-8", "replace")
    edition = re.search(r"Edition:\s*(\S+)", header)
    published = re.search(r"Publication date:\s*(\S+)", header)
    version = " ".join(
        part for part in (edition and edition.group(1), published and published.group(1)) if part
    ).rstrip(".")
    return index, data, version or "unknown"


def senses(word: str, index, data: bytes) -> list[tuple[set[str], list[str]]]:
    """The noun senses of ``word``: (domain tags, translations), in the dictionary's order."""
    found = []
    for offset, length in index.get(word.lower(), []):
        lines = data[offset : offset + length].decode("utf-8").splitlines()
        if len(lines) < 2:
            continue
        head = HEADWORD.match(lines[0].strip())
        if (
            not head
            or head.group("word") != word
            or "n" not in (head.group("pos") or "").split(", ")
        ):
            continue
        line = lines[1]
        domains = set(re.findall(r"\[([^\]]*)\]", line))
        translations = [TAG.sub("", item).strip() for item in line.split(",")]
        found.append((domains, [t for t in translations if t]))
    return found


def translations(word: str, index, data: bytes) -> list[str]:
    for domains, items in senses(word, index, data):
        if domains & SKIPPED_DOMAINS:
            continue
        kept = []
        for item in items:
            parts = item.split()
            if not 1 <= len(parts) <= 2 or not all(WORD.fullmatch(p) for p in parts):
                continue
            if item.lower() == word.lower() or item != item.lower():
                continue
            if item in REJECTED.get(word, ()):
                continue
            if min(zipf_frequency(p, "en") for p in parts) < MIN_ZIPF:
                continue
            kept.append(item)
        return kept[:MAX_PER_WORD]  # the first sense that is not of a special domain
    return []


def _data_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def _synonym_groups() -> dict[str, int]:
    """Every term of synonyms.txt (folded) → the number of its group."""
    return {
        fold(" ".join(term.split())): number
        for number, line in enumerate(_data_lines("synonyms.txt"))
        for term in line.split(",")
        if term.strip()
    }


def hub_words() -> list[str]:
    """German words of the hub: nouns (capitalised, as FreeDict writes them)."""
    found: set[str] = set()
    for part in _data_lines("word_parts.txt"):
        found.add(part[:1].upper() + part[1:])
    for line in _data_lines("synonyms.txt"):
        for term in line.split(","):
            term = term.strip()
            if WORD.fullmatch(term) and term[:1].isupper():
                found.add(term)
    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(DEMO.glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    counts = collections.Counter(
        word for text in texts for word in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}\b", text)
    )
    found.update(word for word, count in counts.items() if count >= MIN_DEMO_COUNT)
    return sorted(found)


HEADER = """\
# English ↔ German pairs for the hub's vocabulary, derived from an open dictionary: one pair
# per line, "German = English". Searched like synonyms (a search for either finds both), but a
# term in several pairs has each partner, not the partners' partners.
#
# GENERATED by tools/derive_translations.py – do not edit; change the script's rules or its
# REJECTED list and run it again. Hand-kept pairs belong in synonyms.txt.
#
# Source: FreeDict German-English dictionary (deu-eng), edition {version}, as packaged by
#   Debian (dict-freedict-deu-eng {package}); built from the Ding dictionary by Frank Richter
#   (TU Chemnitz) and Einhard Leichtfuß.
# Licence of the source: GNU GPL version 3 or later (Debian's copyright file for deu-eng;
#   the Ding dictionary itself is GPL-2+). This file, derived from it, is under the same
#   licence; see docs/search.md ("Where the English pairs come from") for how the hub
#   (EUPL-1.2) ships it.
# Selection: {count} pairs for {words} German words of the hub (word_parts.txt, synonyms.txt,
#   nouns of the demo content); rules in the script's docstring.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    parser.add_argument("--package-version", default=None, help="Debian package version")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not args.dictionary.with_suffix(".index").exists():
        print(f"{args.dictionary}.index not found: install dict-freedict-deu-eng", file=sys.stderr)
        return 1
    index, data, version = read_dictionary(args.dictionary)
    package = args.package_version or _package_version()
    words = hub_words()
    group_of = _synonym_groups()
    folded_pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for word in words:
        for english in translations(word, index, data):
            key = (fold(word), fold(english))
            # Spelled alike (Testphase = test phase) or already synonyms of each other: the
            # index or synonyms.txt finds them already (the thesaurus check would say so).
            if key[0] == key[1] or group_of.get(key[0], -1) == group_of.get(key[1], -2):
                continue
            folded_pairs.setdefault(key, (word, english))  # market place = marketplace
    pairs = sorted(folded_pairs.values())
    lines = [f"{german} = {english}" for german, english in pairs]
    header = HEADER.format(version=version, package=package, count=len(pairs), words=len(words))
    args.output.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs for {len(words)} words -> {args.output}")
    return 0


def _package_version() -> str:
    status = Path("/var/lib/dpkg/status")
    if status.exists():
        block = re.search(
            r"Package: dict-freedict-deu-eng\n(?:.+\n)*?Version: (\S+)",
            status.read_text(encoding="utf-8", errors="replace"),
        )
        if block:
            return block.group(1)
    return "unknown version"


if __name__ == "__main__":
    sys.exit(main())
