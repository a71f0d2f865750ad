"""A realistic benchmark hub: entries and queries in real German municipal language.

The text is drawn at run time from the German documents in ``../shared/data/german-corpus/``
(Rostock's open-data descriptions and Datenwerft.HRO help, opensource.muenchen.de, the
Smart-Village-App documentation, the DCAT-AP.de specification; sources and licences in
``../shared/data/MANIFEST.md`` §3 and ``german-corpus/corpus_index.jsonl``). Nothing of it is
stored in this project: the benchmark reads it, builds entries in a throw-away database and
forgets it. Without the corpus the benchmark says so and stops (``CorpusMissing``).

How an entry is made (seeded, so every run builds the same hub):

- it takes one corpus document as its *theme* and draws most of its sentences from it, the
  rest from the whole corpus – entries about the same theme share words, as real ones do;
- real sentences keep real German word frequencies (Zipf-like, with a long tail of rare
  words); on top, some nouns are replaced by compounds of two corpus nouns (*Parkraum* +
  *Sensoren* → *Parkraumsensoren*), most of them rare: the long tail of compounds that grows
  with the hub, as in real municipal writing;
- lengths vary log-normally (a few long entries, many short ones); four cities of different
  size, all five kinds with their own searched fields, all three visibilities, a few drafts and
  archived entries, tags from the corpus' keywords, and some entries with files whose text is
  indexed (written to the extraction cache, so no PDF parsing is measured).

Queries are drawn the same way: 1–4 corpus words (keywords, nouns, words of one sentence),
10 % phrases, 10 % compounds, 10 % typos, 10 % words no entry holds (zero hits).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "german-corpus"

# The four cities and their share of the entries (larger cities write more).
CITIES = {"rostock": 0.35, "luebeck": 0.30, "stralsund": 0.20, "wismar": 0.15}
KINDS = {"solution": 0.35, "lesson": 0.20, "contact": 0.15, "event": 0.10, "material": 0.20}
VISIBILITIES = {"public": 0.5, "network": 0.3, "internal": 0.2}
STATUSES = {"published": 0.9, "draft": 0.05, "archived": 0.05}
FILE_SHARE = {"material": 0.6, "solution": 0.1, "lesson": 0.05, "event": 0.2, "contact": 0.0}

# Frequent German words: a sentence without any of them is most likely not German prose.
GERMAN_MARKERS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "mit",
        "für",
        "von",
        "zu",
        "den",
        "im",
        "auf",
        "des",
        "eine",
        "ein",
        "werden",
        "wird",
        "sind",
        "nicht",
        "sich",
        "auch",
        "als",
        "bei",
        "oder",
        "kann",
        "können",
        "einer",
        "dem",
        "zur",
        "zum",
        "über",
        "nach",
        "aus",
    ]
)
FIRST_NAMES = "Anna Jonas Katrin Lukas Maria Felix Sabine Tim Ulrike Jan Petra Ole Heike Malte"
LAST_NAMES = "Schulz Möller Krüger Hansen Peters Jürgensen Voß Brandt Lange Thiessen Koch Wulf"
POSITIONS = (
    "Sachgebietsleitung",
    "Referentin",
    "Referent",
    "Projektleitung",
    "Digitalisierungsbeauftragte",
    "Sachbearbeiter",
    "Amtsleitung",
)


class CorpusMissing(RuntimeError):
    """The German corpus is not where the benchmark expects it."""


WORD = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]*[A-Za-zÄÖÜäöüß]")


def _plain(markdown: str) -> str:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*(#+|[-*+]|\d+\.|\|)\s*", "", text, flags=re.M)
    return re.sub(r"[*_|]+", " ", text)


def _sentences(text: str) -> list[str]:
    found = []
    for line in re.split(r"\n\s*\n|\n(?=[A-ZÄÖÜ])", text):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", " ".join(line.split())):
            words = sentence.split()
            if not 5 <= len(words) <= 60:
                continue
            lowered = {w.lower().strip(".,;:!?()") for w in words}
            alphabetic = sum(bool(WORD.fullmatch(w.strip(".,;:!?()\"'"))) for w in words)
            if lowered & GERMAN_MARKERS and alphabetic >= 0.7 * len(words):
                found.append(sentence)
    return found


@dataclass
class Theme:
    title: str
    keywords: list[str]
    sentences: list[str]
    nouns: list[str]


@dataclass
class Corpus:
    themes: list[Theme]
    sentences: list[str]
    nouns: list[str]  # every noun occurrence: drawing from it follows the corpus' frequencies
    words: list[str]  # every word occurrence (for queries)
    keywords: list[str]
    stats: dict = field(default_factory=dict)


def load_corpus(root: Path = CORPUS) -> Corpus:
    index = root / "corpus_index.jsonl"
    if not index.exists():
        raise CorpusMissing(
            f"the German corpus is missing ({index} not found); the realistic benchmark needs "
            "../shared/data/german-corpus (see ../shared/data/MANIFEST.md §3)"
        )
    themes = []
    for line in index.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        path = root / record["file"]
        if not path.exists():
            continue
        sentences = _sentences(_plain(path.read_text(encoding="utf-8")))
        if not sentences:
            continue
        nouns = [
            w
            for s in sentences
            for w in WORD.findall(s)[1:]
            if w[0].isupper() and len(w) >= 4 and not w.isupper() and "-" not in w
        ]
        themes.append(
            Theme(record.get("title") or "", record.get("keywords") or [], sentences, nouns)
        )
    if not themes:
        raise CorpusMissing(f"no German sentences found under {root}")
    sentences = [s for t in themes for s in t.sentences]
    return Corpus(
        themes=themes,
        sentences=sentences,
        nouns=[n for t in themes for n in t.nouns],
        words=[w for s in sentences for w in WORD.findall(s) if len(w) >= 4],
        keywords=[k for t in themes for k in t.keywords if WORD.fullmatch(k)],
    )


def _weighted(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


class Generator:
    """Builds entries' texts from the corpus; ``seen`` counts the words written (statistics)."""

    def __init__(self, corpus: Corpus, seed: int = 7):
        self.corpus = corpus
        self.rng = random.Random(seed)
        self.seen: Counter[str] = Counter()

    def compound(self, theme: Theme | None = None) -> str:
        rng = self.rng
        head = rng.choice(theme.nouns if theme and theme.nouns else self.corpus.nouns)
        tail = rng.choice(self.corpus.nouns)
        joint = "s" if rng.random() < 0.15 and not head.endswith(("s", "e")) else ""
        return f"{head}{joint}{tail.lower()}"

    def sentence(self, theme: Theme) -> str:
        rng = self.rng
        source = theme.sentences if rng.random() < 0.7 else self.corpus.sentences
        sentence = rng.choice(source)
        if rng.random() < 0.3:  # one noun becomes a compound (mostly a rare one)
            nouns = [w for w in WORD.findall(sentence)[1:] if w[0].isupper() and len(w) >= 4]
            if nouns:
                sentence = sentence.replace(rng.choice(nouns), self.compound(theme), 1)
        return sentence

    def text(self, theme: Theme, median_sentences: float, sigma: float = 0.8) -> str:
        count = max(1, min(120, round(self.rng.lognormvariate(math.log(median_sentences), sigma))))
        text = " ".join(self.sentence(theme) for _ in range(count))
        self.seen.update(w.lower() for w in WORD.findall(text))
        return text

    def title(self, theme: Theme) -> str:
        rng = self.rng
        if theme.title and rng.random() < 0.5:
            title = theme.title
        else:
            words = self.sentence(theme).rstrip(".!?").split()
            start = rng.randrange(max(1, len(words) - 4))
            title = " ".join(words[start : start + rng.randint(3, 8)])
        if rng.random() < 0.3:
            title = f"{title}: {self.compound(theme)}"
        title = title[:1].upper() + title[1:]
        self.seen.update(w.lower() for w in WORD.findall(title))
        return title[:300]


def entry_texts(gen: Generator, kind: str) -> dict:
    """The texts of one entry of ``kind`` (its theme chosen at random)."""
    rng = gen.rng
    theme = rng.choice(gen.corpus.themes)
    values = {
        "title": gen.title(theme),
        "summary": gen.text(theme, 2, 0.5),
        "body": gen.text(theme, 8),
        "tags": sorted({k[:60] for k in rng.sample(theme.keywords, min(len(theme.keywords), 3))}),
    }
    if kind == "solution":
        values |= {
            "problem": gen.text(theme, 3),
            "approach": gen.text(theme, 4),
            "costs": gen.text(theme, 1, 0.3) if rng.random() < 0.3 else "",
            "partners": "",
            "transferability": "",
            "technologies": [gen.compound(theme)] if rng.random() < 0.3 else [],
        }
    elif kind == "lesson":
        values |= {
            "context": gen.text(theme, 3),
            "what_worked": gen.text(theme, 2),
            "what_did_not_work": gen.text(theme, 2),
            "recommendations": gen.text(theme, 2),
        }
    elif kind == "contact":
        name = f"{rng.choice(FIRST_NAMES.split())} {rng.choice(LAST_NAMES.split())}"
        values |= {
            "title": name,
            "person_name": name,
            "position": rng.choice(POSITIONS),
            "org_unit": gen.compound(theme),
            "expertise": sorted({gen.compound(theme), *values["tags"]})[:4],
            "body": gen.text(theme, 2),
        }
    elif kind == "event":
        values |= {
            "place": rng.choice(["Rathaus", "Stadthalle", "online", "Bürgerhaus"]),
            "organiser": gen.compound(theme),
            "programme": gen.text(theme, 5),
        }
    return values


def file_text(gen: Generator) -> str:
    """The text of a file (slides, a report): longer, from one theme."""
    return gen.text(gen.rng.choice(gen.corpus.themes), 30, 0.7)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- queries ---------------------------------------------------------------------------------------


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word + "e"
    at = rng.randrange(1, len(word) - 2)
    match rng.choice(["drop", "swap", "replace"]):
        case "drop":
            return word[:at] + word[at + 1 :]
        case "swap":
            return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        case _:
            return word[:at] + rng.choice("aeinrst") + word[at + 1 :]


def _nonsense(rng: random.Random) -> str:
    syllables = ["qu", "xa", "vol", "zyr", "pex", "dro", "myk", "tuv", "jor", "wex"]
    return "".join(rng.choice(syllables) for _ in range(4)).capitalize()


def queries(corpus: Corpus, rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` (query, kind of query) pairs."""
    gen = Generator(corpus, seed=rng.randrange(1 << 30))
    made = []
    for number in range(count):
        share = number % 10
        if share == 0:
            kind, text = "zero-hit", " ".join(_nonsense(rng) for _ in range(rng.choice([1, 1, 2])))
        elif share == 1:
            words = WORD.findall(rng.choice(corpus.sentences))
            start = rng.randrange(max(1, len(words) - 2))
            kind, text = "phrase", '"' + " ".join(words[start : start + rng.choice([2, 3])]) + '"'
        elif share == 2:
            kind, text = "compound", gen.compound()
        elif share == 3:
            words = [rng.choice(corpus.nouns) for _ in range(rng.choice([1, 1, 2]))]
            words[0] = _typo(rng, words[0])
            kind, text = "typo", " ".join(words)
        elif share in (4, 5):
            kind, text = "keyword", rng.choice(corpus.keywords or corpus.nouns)
        elif share in (6, 7):
            kind = "words"
            words = [rng.choice(corpus.nouns) for _ in range(rng.choice([1, 2, 2, 3]))]
            text = " ".join(dict.fromkeys(words))
        else:
            kind = "sentence words"
            words = [w for w in WORD.findall(rng.choice(corpus.sentences)) if len(w) >= 5]
            text = " ".join(rng.sample(words, min(len(words), rng.choice([2, 3, 4]))))
        made.append((text, kind))
    rng.shuffle(made)
    return made
