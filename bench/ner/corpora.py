"""The three training corpora of the name tagger, read into one form: sentences of (words, BIO labels) over
PERS, ORG, GPE, LOC, each word split into tagger tokens (flows.nlp.entities.tagger.TOKEN) so that training sees the
tokens tagging will see.

- NewsFANE (../shared/gold/newsfane/train.txt; Alotaibi & Lee, COLING 2014; CC BY-SA 3.0): 50 fine classes mapped
  to the coarse ones of its README, with two changes for akhbar's conventions (and Wojood's): Continent and
  GPE-Cluster (أفريقيا، الشرق الأوسط، الشام) are LOC, as in flows/data/gazetteer/places.tsv; Group (العرب،
  المسلمين، الفلسطينيون) is not a person but a people (NORP in Wojood, a nisba in akhbar), so it is O. FAC and the
  product classes are O. Proclitics NewsFANE writes apart (و الصادرات، ب المانيا) are joined to their word, as
  news text writes them.
- AQMAR (../shared/gold/aqmar/{train,dev}.txt; Mohit et al., EACL 2012; CC BY-SA 3.0): PER, ORG; MIS is O; LOC
  has no GPE/LOC split there, so it is split by its first word (see aqmar_location_type).
- Wojood sample (../shared/gold/wojood-sample/train.txt; Jarrar et al., LREC 2022; MIT): nested; the outermost
  PERS/ORG/GPE/LOC span at each token.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.quality.ant2 import SPLITS
from bench.quality.entities import wojood_spans
from flows.nlp.entities.tagger import OUTSIDE, TOKEN, clitic_stem
from flows.nlp.text.arabic import normalize

REPO = Path(__file__).resolve().parents[2]
# The ANT v2.1 corpus untarred (bench/ner/clusters.py reads it) and the gold's article lists. They live here, with no
# numpy or scipy, so that bench.ner.evaluate imports without the `ner` extra.
CORPUS = Path("/tmp/ant2/ant-v2.1")
SELECTION = REPO / "tests" / "gold" / "ant2" / "selection.json"
FIELD = re.compile(r"<(DOCNO|TITLE|TEXT)>(.*?)</\1>", re.DOTALL)


def held_out(selection: Path = SELECTION) -> set[str]:
    """The docnos of every gold split (dev, dev2 and the blind test, test2, test3: bench.quality.ant2.SPLITS): no
    tagger tool reads them (the clusters were first built when only dev and test existed)."""
    data = json.loads(selection.read_text(encoding="utf-8"))
    return {docno for split in SPLITS if split in data for docno in data[split]}


GOLD = REPO.parent / "shared" / "gold"
NEWSFANE = GOLD / "newsfane" / "train.txt"
AQMAR = GOLD / "aqmar"
WOJOOD = GOLD / "wojood-sample"
# NewsFANE's held-out tenth: its last HELD_OUT_SHARE of sentences, one contiguous block (articles stay whole, so
# no name is seen in training through another sentence of the same article).
HELD_OUT_SHARE = 0.1

NEWSFANE_TYPES = {
    **dict.fromkeys(
        (
            "Politician",
            "Businessperson",
            "Artist",
            "Athlete",
            "Scientist",
            "Engineer",
            "Lawyer",
            "Police",
            "Religious_PER",
            "Other_PER",
        ),
        "PERS",
    ),
    **dict.fromkeys(
        (
            "Government",
            "Commercial",
            "Educational",
            "Media",
            "Non-Governmental",
            "Religious_ORG",
            "Sports",
            "Entertainment",
            "Medical-Science",
        ),
        "ORG",
    ),
    **dict.fromkeys(("Nation", "Population-Center", "State-or-Province", "County-or-District"), "GPE"),
    **dict.fromkeys(("Land-Region-Natural", "Water-Body", "Continent", "GPE-Cluster"), "LOC"),
}
CLITIC_TOKENS = frozenset("وفبلك")
# Pronoun and verb-ending suffixes NewsFANE writes apart (صديقة ها، ان ه، كن ت): joined to the word before.
ENCLITIC_TOKENS = frozenset(("ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ني", "ي", "ك", "ت", "ن"))
WOJOOD_TYPES = {"PERSON": "PERS", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}
# AQMAR's LOC, by its first word (clitics and article stripped): natural features and regions (ACE's
# Land-Region-Natural and Water-Body, and the compass regions شمال أفريقيا) are LOC; buildings (ACE FAC) are O;
# a university is an ORG (NewsFANE's Educational); the rest (countries, cities) is GPE, continents and regions named
# whole (أوروبا، الشام) are LOC too. Heads written by hand from the ACE guidelines.
NATURAL_HEADS = frozenset(
    normalize(w)
    for w in (
        "نهر",
        "بحر",
        "جبل",
        "جبال",
        "خليج",
        "محيط",
        "بحيرة",
        "وادي",
        "صحراء",
        "جزيرة",
        "جزر",
        "شبه",
        "مضيق",
        "قناة",
        "سهل",
        "هضبة",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "وسط",
        "أوروبا",
        "آسيا",
        "أفريقيا",
        "إفريقيا",
        "الشام",
        "المغرب العربي",
    )
)
BUILDING_HEADS = frozenset(
    normalize(w)
    for w in (
        "جامع",
        "مسجد",
        "متحف",
        "بيت",
        "قصر",
        "كنيسة",
        "كاتدرائية",
        "مطار",
        "ميناء",
        "سجن",
        "مستشفى",
        "جسر",
        "شارع",
        "ساحة",
        "برج",
        "قلعة",
        "معبد",
        "دير",
        "ملعب",
        "فندق",
        "سور",
        "باب",
        "قبة",
    )
)
ORG_HEADS = frozenset(normalize(w) for w in ("جامعة", "كلية", "معهد", "مدرسة", "أكاديمية"))


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]
    labels: tuple[str, ...]


def newsfane(path: Path = NEWSFANE) -> list[Sentence]:
    return [
        _retokenised(*_joined_clitics(words, [_newsfane_label(t) for t in tags]))
        for words, tags in _columns(path, "\t")
    ]


def split_newsfane(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held out): the held-out tenth is the last contiguous block."""
    cut = len(sentences) - round(len(sentences) * HELD_OUT_SHARE)
    return sentences[:cut], sentences[cut:]


def aqmar(folder: Path = AQMAR, splits: tuple[str, ...] = ("train", "dev")) -> list[Sentence]:
    out = []
    for split in splits:
        for words, tags in _columns(folder / f"{split}.txt", " "):
            labels = [OUTSIDE if t[2:] in ("MIS", "") else t.replace("PER", "PERS") for t in tags]
            out.append(_retokenised(words, _split_locations(words, labels)))
    return out


def wojood(path: Path) -> list[Sentence]:
    out = []
    for words, tags in _columns(path, " ", nested=True):
        labels = [OUTSIDE] * len(words)
        for kind, a, b in sorted(wojood_spans(tags), key=lambda s: (s[1] - s[2], s[1])):
            if all(labels[k] == OUTSIDE for k in range(a, b)):
                for k in range(a, b):
                    labels[k] = ("B-" if k == a else "I-") + WOJOOD_TYPES[kind]
        out.append(_retokenised(words, labels))
    return out


def _columns(path: Path, sep: str, nested: bool = False) -> Iterator[tuple[list[str], list]]:
    words: list[str] = []
    tags: list = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            parts = line.split() if sep == " " else line.split(sep)
            words.append(parts[0])
            tags.append(parts[1:] if nested else (parts[1].strip() if len(parts) > 1 else OUTSIDE))
        elif words:
            yield words, tags
            words, tags = [], []


def _newsfane_label(tag: str) -> str:
    if tag[:2] not in ("B-", "I-") or tag[2:] not in NEWSFANE_TYPES:
        return OUTSIDE
    return tag[:2] + NEWSFANE_TYPES[tag[2:]]


def _joined_clitics(words: list[str], labels: list[str]) -> tuple[list[str], list[str]]:
    """A one-letter proclitic written apart joins the next word and takes its label (one NewsFANE tags as the start
    of the name, "ب جماليون" B- I-, gives the joined word the B-); a pronoun suffix written apart joins the word
    before it when neither is part of a name."""
    out_w: list[str] = []
    out_l: list[str] = []
    pending = ""
    label_of_pending = OUTSIDE
    for n, (word, label) in enumerate(zip(words, labels)):
        if word in CLITIC_TOKENS and (label == OUTSIDE or _opens_its_name(labels, n)):
            pending += word
            label_of_pending = label
            continue
        if pending and label_of_pending != OUTSIDE:
            label = label_of_pending  # "ب جماليون" tagged B- I-: the name starts at the joined word
        label_of_pending = OUTSIDE
        if (
            word in ENCLITIC_TOKENS
            and label == OUTSIDE
            and not pending
            and out_w
            and out_l[-1] == OUTSIDE
            and out_w[-1].isalpha()
        ):
            out_w[-1] += word
            continue
        out_w.append(pending + word)
        out_l.append(label)
        pending = ""
    if pending:
        out_w.append(pending)
        out_l.append(OUTSIDE)
    return out_w, out_l


def _opens_its_name(labels: list[str], n: int) -> bool:
    """Label n is a B- the next word continues (I- of the same type)."""
    return labels[n].startswith("B-") and n + 1 < len(labels) and labels[n + 1] == "I-" + labels[n][2:]


def _split_locations(words: list[str], labels: list[str]) -> list[str]:
    out = list(labels)
    i = 0
    while i < len(labels):
        if labels[i] != "B-LOC":
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I-LOC":
            j += 1
        kind = aqmar_location_type(words[i:j])
        for k in range(i, j):
            out[k] = OUTSIDE if kind == OUTSIDE else ("B-" if k == i else "I-") + kind
        i = j
    return out


def aqmar_location_type(words: list[str]) -> str:
    first = clitic_stem(normalize(words[0]))[0]
    if first in BUILDING_HEADS:
        return OUTSIDE
    if first in ORG_HEADS:
        return "ORG"
    if first in NATURAL_HEADS or normalize(" ".join(words)) in NATURAL_HEADS:
        return "LOC"
    return "GPE"


def _retokenised(words: list[str], labels: list[str]) -> Sentence:
    """Each word as normalised tagger tokens (diacritics dropped first, so that a tanween does not split a word);
    the pieces after the first continue its label."""
    out_w, out_l = [], []
    for word, label in zip(words, labels):
        pieces = TOKEN.findall(normalize(word))
        if not pieces:
            continue
        for n, piece in enumerate(pieces):
            out_w.append(piece)
            out_l.append(label if n == 0 or label == OUTSIDE else "I-" + label[2:])
    return Sentence(tuple(out_w), tuple(out_l))
