"""The arabic-name-romanizer boundary: Arabic names written in Latin letters, offline.

arabic-name-romanizer (MIT, UNICEF) ships everything it reads inside its wheel: an index of ~60k attested
spellings of name parts (Wikidata, CC0, and Algerian civil-registry corpora) and a 1.7M-parameter character
model as ONNX graphs for the parts nobody spelled; nothing is downloaded at run time. It was chosen over
arabnamer (a 40 MB XGBoost model that goes English -> Arabic and scores variants, not Arabic -> English) and
over character rules of our own (the package's own rule fallback reaches 0.10 exact on unseen name parts, its
model 0.42). Its data is Arab-world people; foreign names written in Arabic (بوتين، ماكرون) come out in Arabic
spelling habits, which is why the gazetteer's pairs go in as a user dictionary: whole names and, aligned by the
package, their parts ("فلاديمير" -> "Vladimir"), which it ranks before its own data, and why the parts its model
spells are rewritten by rules learned from those pairs (flows.nlp.entities.spelling_rules).

Only this module imports arabic_name_romanizer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Sequence

import arabic_name_romanizer
from arabic_name_romanizer import Transliterator, UserDictionary
from arabic_name_romanizer import api as romanizer_api
from arabic_name_romanizer.api import default_resources_dir
from arabic_name_romanizer.inference import OnnxModel, encode_source_ids
from arabic_name_romanizer.ranking import Combined, Scored
from arabic_name_romanizer.types import Candidate
from rapidfuzz import fuzz

from flows.nlp.entities.spelling_rules import Rewrite, respell
from flows.resources import data_path, read_tsv


@dataclass(frozen=True, eq=False)
class Romanizer:
    """The package's transliterator and the rewrites its model's spellings get (flows.nlp.entities.spelling_rules)."""

    transliterator: Transliterator
    rules: tuple[Rewrite, ...]


# The countries whose spelling habits the package has data for (its README's coverage table: the 22 Arab
# League states, Iran, Pakistan and Afghanistan), ISO 3166 alpha-3 -> the alpha-2 code it takes as a hint
# ("Gamal" in Egypt, "Jamal" in the Gulf; "Abdelkader" in the Maghreb). Other countries get no hint.
HINT_COUNTRIES = {
    "DZA": "DZ",
    "BHR": "BH",
    "COM": "KM",
    "DJI": "DJ",
    "EGY": "EG",
    "IRQ": "IQ",
    "JOR": "JO",
    "KWT": "KW",
    "LBN": "LB",
    "LBY": "LY",
    "MRT": "MR",
    "MAR": "MA",
    "OMN": "OM",
    "PSE": "PS",
    "QAT": "QA",
    "SAU": "SA",
    "SOM": "SO",
    "SDN": "SD",
    "SYR": "SY",
    "TUN": "TN",
    "ARE": "AE",
    "YEM": "YE",
    "IRN": "IR",
    "PAK": "PK",
    "AFG": "AF",
}


# The package's index also holds whole-name labels, and some are not spellings of the name's words ("رانيا العبد
# الله" -> "Rania de Jordanie", "إبراهيم العساف" -> "Ibrahim Abdulaziz Al-Assaf": a label with a middle name). A
# whole-name label is taken only when it has as many words as the spelling built from the parts and spells much
# the same letters; 0.7 keeps "Saad Hariri" for "Saad Al-Hariri" (0.88) and drops "Rania de Jordanie" (0.47).
SAME_NAME_AT = 70
MODEL = "model"  # a part's source when the package's model spelled it (no list attests it)
CANDIDATES = 4  # the whole-name label and three spellings from the parts (the package ranks them)


def romanizer(pairs: Iterable[tuple[str, str, str | None]], rules: tuple[Rewrite, ...] = ()) -> Romanizer:
    """A transliterator that knows these (Arabic, English, country alpha-3) pairs before its own data, and rewrites
    the spellings of the parts its model spells with ``rules``.

    The package learns name parts by pairing words in order, so only pairs whose words pair up teach it parts:
    "جان إيف لودريان" / "Jean-Yves Le Drian" has three words a side but would pair إيف with "Le".
    """
    rows = [
        (arabic, english, 1, HINT_COUNTRIES.get(country or "", ""))
        for arabic, english, country in pairs
        if len(arabic.split()) == len(english.split()) == len(latin_words(english))
    ]
    resources = default_resources_dir()
    transliterator = Transliterator(
        user_dictionary=UserDictionary.from_pairs(rows),
        model=UnitSpellings(resources),
        persian_model=UnitSpellings(resources / "persian"),
    )
    return Romanizer(transliterator, rules)


# Rows a model call decodes at once at most: 64 parts of one length cost 1.85 ms of CPU a part, one part alone 11 ms
# (name parts of a 10k-article ANT v2.1 warehouse).
ROWS_PER_CALL = 64
# Spellings a process keeps (of name parts, and of whole names): a bound on memory, some tens of MB; past it the
# cache starts again, which changes no spelling, only its cost.
CACHED_SPELLINGS = 200_000
# One thread per model call: with the package's default of two, naming 1,500 person names of a 10k-article
# warehouse in batches of 100 cost 3.05 ms of CPU a name, with one 0.94 ms, the same spellings (small batches leave
# the second thread spinning).
MODEL_THREADS = 1


# The model's spellings of the name parts that recur in news, decoded once by bench/names/build_unit_spellings.py
# (from the entities of ANT v2.1 articles) instead of once in every process: a part's spellings depend on nothing
# but the part, its role, the country hint and how many are asked, so the table gives what the model would. Used only
# when its header names the installed model (the sha256 of the package's CHECKSUMS.txt).
SHIPPED_SPELLINGS = "unit_spellings.tsv"
USE_SHIPPED = True  # the build script switches it off to hear the model itself
UnitKey = tuple[str, str, str | None, str | None, int]  # model, part, role, country hint, spellings asked


def model_fingerprint() -> str:
    return hashlib.sha256((default_resources_dir() / "CHECKSUMS.txt").read_bytes()).hexdigest()


@cache
def shipped_spellings() -> dict[UnitKey, list[tuple[str, float]]]:
    """The shipped table, keyed as UnitSpellings asks; empty when it is missing or was built with another model."""
    path = data_path(SHIPPED_SPELLINGS)
    if not USE_SHIPPED or not path.is_file():
        return {}
    header = [line for line in path.read_text(encoding="utf-8").splitlines()[:8] if line.startswith("# model: ")]
    if not header or header[0].removeprefix("# model: ").strip() != model_fingerprint():
        return {}
    return {
        (row["model"], row["unit"], row["role"] or None, row["country"] or None, int(row["top_k"])): [
            (text, score) for text, score in json.loads(row["spellings"])
        ]
        for row in read_tsv(SHIPPED_SPELLINGS)
    }


class UnitSpellings:
    """The package's character model, asked so that a name part's spellings never depend on the parts beside it,
    and each part once per process.

    The model's encoder reads padding: in a batch, a part shorter than the longest is encoded with padding after it,
    and its spellings change ("المجلس" came out "Al-Majlas" alone and "Al-Megallas" beside "الانتقالي"). So parts are
    decoded only beside parts of the same encoded length, which need no padding. One row alone also takes another
    arithmetic path (its scores differ in the 7th digit from the same row in any batch of two or more), so a part
    alone is decoded twice over, as a batch of two. Measured: the same part gives bit-identical scores in batches of
    2, 5, 37 and 64 of any companions.
    """

    def __init__(self, model_dir: Path) -> None:
        self.model = OnnxModel(model_dir, batch_size=ROWS_PER_CALL, dedupe=False, intra_op_threads=MODEL_THREADS)
        self.uses_roles = self.model.uses_roles
        self.name = "" if model_dir == default_resources_dir() else model_dir.name  # "" or "persian"
        self.spellings: dict[tuple[str, str | None, str | None, int], list[tuple[str, float]]] = {}

    def transliterate_units(
        self, units: list[str], country: str | None, top_k: int, roles: list[str | None] | None = None
    ) -> list[list[tuple[str, float]]]:
        keys = [(unit, role, country, top_k) for unit, role in zip(units, roles or [None] * len(units))]
        if len(self.spellings) + len(keys) > CACHED_SPELLINGS:
            self.spellings.clear()
        shipped = shipped_spellings()
        for key in keys:
            if key not in self.spellings and (found := shipped.get((self.name, *key))) is not None:
                self.spellings[key] = found
        missing = sorted({key for key in keys if key not in self.spellings}, key=lambda k: (k[0], k[1] or ""))
        by_length: dict[int, list[tuple[str, str | None]]] = {}
        for unit, role, _, _ in missing:
            length = len(encode_source_ids(self.model.vocab, unit, country, role if self.uses_roles else None))
            by_length.setdefault(length, []).append((unit, role))
        for same_length in by_length.values():
            for start in range(0, len(same_length), ROWS_PER_CALL):
                chunk = same_length[start : start + ROWS_PER_CALL]
                rows = chunk if len(chunk) > 1 else chunk * 2
                spelled = self.model.transliterate_units(
                    [unit for unit, _ in rows], country, top_k, roles=[role for _, role in rows]
                )
                for (unit, role), hypotheses in zip(chunk, spelled):
                    self.spellings[(unit, role, country, top_k)] = hypotheses
        return [self.spellings[key] for key in keys]


# The package (0.2.0) spells a name of several parts by combining its parts' spellings: ranking.combine_units builds
# every combination (up to 5 spellings a part: 625 for a name of four parts), each with its text, its set of sources
# and a dataclass, sorts them all and keeps the first 50. combine_units below scores every combination the same way,
# then builds only the 50 kept: the same list, in the same order (ties in the product's order, as the stable sort
# leaves them), each score the same float (the same products, multiplied left to right from 1 as math.prod does).
# Naming the 2,010 entities of 1,000 bench pages 1.12 -> 0.8 s of CPU. Used only on the version it was written
# against (tests/test_english_names.py compares it with the package's function).
COMBINE_UNITS_ON = "0.2.0"
PACKAGE_COMBINE_UNITS = romanizer_api.combine_units


def combine_units(per_unit: list[list[Scored]], max_per_unit: int = 5, max_combinations: int = 50) -> list[Combined]:
    """arabic_name_romanizer.ranking.combine_units (0.2.0), building only the combinations it keeps."""
    if not per_unit or any(not spellings for spellings in per_unit):
        return []
    trimmed = [sorted(spellings, key=lambda s: -s.score)[:max_per_unit] for spellings in per_unit]
    part_scores = [[s.score for s in spellings] for spellings in trimmed]
    if not all(type(score) is float for scores in part_scores for score in scores):
        return PACKAGE_COMBINE_UNITS(per_unit, max_per_unit, max_combinations)
    scores = [1.0]  # math.prod of floats: 1.0 times each factor in turn
    for factors in part_scores:
        scores = [score * factor for score in scores for factor in factors]
    kept = sorted(range(len(scores)), key=lambda i: -scores[i])[:max_combinations]
    sizes = [len(spellings) for spellings in trimmed]
    out = []
    for i in kept:
        parts = _product_item(trimmed, sizes, i)
        sources = {p.source for p in parts}
        source = sources.pop() if len(sources) == 1 else "mixed"
        out.append(Combined(" ".join(p.text for p in parts), scores[i], source, parts))
    return out


def _product_item(lists: list[list[Scored]], sizes: list[int], index: int) -> tuple[Scored, ...]:
    """The ``index``-th item of itertools.product(*lists) (the last list varies fastest)."""
    picked = []
    for spellings, size in zip(reversed(lists), reversed(sizes)):
        index, at = divmod(index, size)
        picked.append(spellings[at])
    return tuple(reversed(picked))


if arabic_name_romanizer.__version__ == COMBINE_UNITS_ON:
    romanizer_api.combine_units = combine_units  # type: ignore[attr-defined]


# A hyphen after one of these joins the Arabic article to its word (Al-Sabah): one Arabic word, not two.
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ed", "er", "es", "et", "ez"})


def latin_words(name: str) -> list[str]:
    """The words of a Latin name as Arabic writes them apart: "Jean-Yves" is two, "Al-Sabah" one."""
    words = []
    for token in name.split():
        parts = token.split("-")
        merged = [parts[0]]
        for part in parts[1:]:
            if merged[-1].casefold() in ARTICLES:
                merged[-1] += "-" + part
            else:
                merged.append(part)
        words.extend(merged)
    return words


def best_candidate(candidates: Sequence[Candidate]) -> Candidate:
    """The package's best candidate, unless it is a whole-name label that does not spell the name's parts."""
    first = candidates[0]
    if first.units or first.source == "user":
        return first
    built = next((c for c in candidates if c.units), None)
    if built is None:
        return first
    same_words = len(first.text.split()) == len(built.text.split())
    same_letters = fuzz.ratio(first.text.casefold(), built.text.casefold()) >= SAME_NAME_AT
    return first if same_words and same_letters else built


def best_spelling(candidates: Sequence[Candidate], rules: tuple[Rewrite, ...] = ()) -> str:
    """The best candidate's text, with the parts the model spelled (no list attests them) rewritten by ``rules``."""
    best = best_candidate(candidates)
    if not rules or not any(part.source == MODEL for part in best.units):
        return str(best.text)
    return " ".join(respell(part.latin, rules) if part.source == MODEL else part.latin for part in best.units)


def spelled_parts(spelling: Romanizer, name: str, country: str | None) -> list[tuple[str, str]]:
    """(Latin spelling, where it came from: user, dictionary, model or rules) of each part of the name's best
    candidate, before any rewrite: what bench/names/learn_spelling_rules.py learns from."""
    [candidates] = spelling.transliterator.transliterate_many(
        [name], top_k=CANDIDATES, country=HINT_COUNTRIES.get(country or "")
    )
    return [(part.latin, part.source) for part in best_candidate(candidates).units] if candidates else []


def romanize(spelling: Romanizer, names: Sequence[str], countries: Sequence[str | None]) -> list[str]:
    """The most likely Latin spelling of each name, with its country's habits where the package knows them.

    A name's spelling depends on nothing but the name and its country: the package builds it from its parts'
    spellings (its lists, then UnitSpellings, which no batch changes), so the names are asked together, one call
    per country hint, and each name's spelling is kept for the process.
    """
    hints = [HINT_COUNTRIES.get(country or "") for country in countries]
    if len(_SPELLED) + len(names) > CACHED_SPELLINGS:
        _SPELLED.clear()
    missing: dict[str | None, dict[str, None]] = {}  # hint -> the names not yet spelled, in order
    for name, hint in zip(names, hints):
        if (spelling, name, hint) not in _SPELLED:
            missing.setdefault(hint, {})[name] = None
    for hint, group in missing.items():
        spelled = spelling.transliterator.transliterate_many(list(group), top_k=CANDIDATES, country=hint)
        for name, candidates in zip(group, spelled):
            _SPELLED[(spelling, name, hint)] = best_spelling(candidates, spelling.rules) if candidates else name
    return [_SPELLED[(spelling, name, hint)] for name, hint in zip(names, hints)]


_SPELLED: dict[tuple[Romanizer, str, str | None], str] = {}  # (romanizer, name, hint) -> spelling


def romanize_words(spelling: Romanizer, names: Sequence[str], countries: Sequence[str | None]) -> list[str]:
    """Names spelled word by word, each word as a name of its own: for names of bodies and places, whose words recur
    across names (المجلس، وزارة، الوطني) and are not a person's given name and surname."""
    words = [name.split() for name in names]
    spelled = iter(
        romanize(spelling, [w for ws in words for w in ws], [c for ws, c in zip(words, countries) for _ in ws])
    )
    return [" ".join(next(spelled) for _ in ws) for ws in words]
