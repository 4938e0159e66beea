"""The name tagger: a linear-chain CRF that reads every sentence and tags PERS, ORG, GPE and LOC (BIO).

Trained by bench/ner/train.py on NewsFANE, AQMAR and the Wojood sample (see flows/data/tagger/LICENCE.md). Its
features are the word and its normalised form, affixes, the clitic-stripped stem, the text layer's light stem and
pronoun enclitic (flows.nlp.text.analyse: حكومتها -> حكوم + ها; added in this round: ANT v2.1 dev F1 0.710 -> 0.743,
Wojood validation 0.837 -> 0.839), word clusters learned from the
ANT v2.1 corpus (bench/ner/clusters.py), membership in the gazetteers (as evidence, never as a gate), and the
same for the two words either side. The model and the clusters are data files; nothing is downloaded at run time.

Text is normalised the way the training data is (flows.nlp.text.normalize drops the hamza on alef, as
NewsFANE's text already does), so the same word gets the same features at training and at tagging time.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from flows.nlp.entities.gazetteer import (
    GAZETTEER_FILES,
    given_names,
    name_stopwords,
    nisba_heads,
    org_heads,
    place_heads,
    split_alias,
    titles,
)
from flows.nlp.text import analyse
from flows.nlp.text.arabic import normalize, proclitic_readings, without_article
from flows.resources import data_path, read_tsv

MODEL_NAME = "names_crf.crfsuite"
CLUSTERS_NAME = "clusters.tsv"
TYPES = ("PERS", "ORG", "GPE", "LOC")
OUTSIDE = "O"
# A tagger token: a run of letters and digits, or one mark of punctuation (marks are context: a comma before a
# name, quotes around an organisation). The underscore of a hashtag (#بشار_الأسد) separates words.
TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)
# Words either side whose features a word sees (±2: the title before a name, the role after it).
WINDOW = (-2, -1, 1, 2)
# How many of a word's own features its neighbours see (the first ones of word_features: form, stem, clusters,
# word lists, shape, article share, proclitics, frequency).
SHARED_FEATURES = 9


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    kind: str  # PERS | ORG | GPE | LOC
    first: int  # token index, inclusive
    last: int  # token index, exclusive


def model_path() -> Path:
    return Path(str(data_path("tagger", MODEL_NAME)))


@cache
def load_model():
    """The trained tagger, or None when the model file is not there (a checkout before bench/ner/train.py)."""
    path = model_path()
    if not path.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag_words(words: list[str]) -> list[str]:
    """BIO labels for one sentence of raw word strings (all O without a model)."""
    model = load_model()
    if model is None or not words:
        return [OUTSIDE] * len(words)
    return model.tag(encoded_features(words))


def tag_with_confidence(words: list[str], asked: Sequence[int] = ()) -> tuple[list[str], list[float], list[float]]:
    """BIO labels for one sentence; for each word in a name, the model's marginal probability of its label (how
    sure the tagger is of that word's part in the name; 1.0 outside names and without a model); and for each word at
    an ``asked`` position, in that order, the probability that it is in some name (1 - the marginal of O; 1.0
    without a model, which is no evidence against a rule's name)."""
    model = load_model()
    if model is None or not words:
        return [OUTSIDE] * len(words), [1.0] * len(words), [1.0] * len(asked)
    labels = model.tag(encoded_features(words))
    confidence = [1.0 if label == OUTSIDE else model.marginal(label, i) for i, label in enumerate(labels)]
    return labels, confidence, [1.0 - model.marginal(OUTSIDE, i) for i in asked]


def sentence_features(words: list[str]) -> list[list[str]]:
    """Each word's own features and its neighbours' (WINDOW)."""
    return _windowed([_word_views(w) for w in words], _EDGES)


def _windowed(views: list, edges: tuple, known: dict[str, bytes] | None = None) -> list[list]:
    """Each word's features followed by what its neighbours at WINDOW show (``edges`` past the sentence) and the
    bigram with the word before (of the words' ``w=`` features): one loop for the str features training reads and the
    bytes the tagger reads. A view is (own features, what each WINDOW offset sees, the ``w=`` feature as str); with
    ``known`` (model_attributes), the bigram goes in as its bytes, and not at all when the model has no weight for it
    (as the views leave out the words' own unknown features). Two views of the sentence's edge either side stand for
    the words past it, so a row is one list display, with no bounds test."""
    edge = ((), edges, "")
    padded = [edge, edge, *views, edge, edge]  # padded[i + 2] is views[i]
    out = []
    previous = None
    for i, (feats, _, first) in enumerate(views):
        # WINDOW is (-2, -1, 1, 2): the views at i - 2, i - 1, i + 1, i + 2, each as seen from its offset
        row = [*feats, *padded[i][1][0], *padded[i + 1][1][1], *padded[i + 3][1][2], *padded[i + 4][1][3]]
        if previous is not None:
            gram = f"bigram={previous}|{first}"
            if known is None:
                row.append(gram)
            elif (encoded := known.get(gram)) is not None:
                row.append(encoded)
        previous = first
        out.append(row)
    return out


# What a word at each WINDOW offset shows past the sentence's edge.
_EDGES = tuple((f"{offset}:edge",) for offset in WINDOW)
# What a neighbour at each WINDOW offset writes before the features it shows ("-2:").
_OFFSETS = tuple(f"{offset}:" for offset in WINDOW)


def encoded_features(words: list[str]) -> list[list[bytes]]:
    """sentence_features as UTF-8 bytes, which the model reads as they are (given str, python-crfsuite encodes every
    feature string at every call), without the features the model has no weight for. crfsuite looks every feature
    it is given up in the model's attribute dictionary and skips those not in it (crfsuite_api Tagger::set), so
    leaving them out here gives it the same attributes in the same order: the same labels and marginals, bit for
    bit (tests/test_entities.py), for 14 % fewer look-ups. Each word's views are kept like its features, so a word
    is looked up once per process."""
    known = model_attributes()
    return _windowed([_encoded_views(w) for w in words], _known_edges(), known)


@cache
def _known_edges() -> tuple[tuple[bytes, ...], ...]:
    known = model_attributes()
    return tuple(tuple(known[f] for f in edge if f in known) for edge in _EDGES)


@lru_cache(maxsize=262144)
def _encoded_views(word: str) -> tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...], str]:
    """_word_views as the model's UTF-8 bytes, each feature it has no weight for left out: one dict look-up a
    feature, from its string to its bytes, and none of the encoding or hashing of the bytes of features that go."""
    known = model_attributes()
    feats = word_features(word)
    shared = feats[:SHARED_FEATURES]
    return (
        tuple([encoded for f in feats if (encoded := known.get(f)) is not None]),
        tuple(
            tuple([encoded for f in shared if (encoded := known.get(prefix + f)) is not None]) for prefix in _OFFSETS
        ),
        feats[0],
    )


@cache
def model_attributes() -> dict[str, bytes]:
    """Every attribute (feature string) the model has weights for, with its UTF-8 bytes, read from the model file's
    attribute dictionary without python-crfsuite, whose ``info()`` dumps the whole model as text to learn it (0.18 s
    a process against 0.01). The file (crfsuite's crf1d format, little-endian): a header whose 7th word counts the
    attributes and 10th gives the offset of their CQDB; in it, the backward array (id -> offset) at the offset its
    header's 6th word gives, and at each offset a record (id, size with the final NUL, the bytes). Empty without a
    model file."""
    path = model_path()
    if not path.exists():
        return {}
    data = path.read_bytes()
    if data[:4] != b"lCRF":
        raise ValueError(f"{path} is not a crfsuite model")
    (count,) = struct.unpack_from("<I", data, 24)
    (base,) = struct.unpack_from("<I", data, 36)
    magic, _, _, _, size, backward = struct.unpack_from("<4sIIIII", data, base)
    if magic != b"CQDB" or size != count:
        raise ValueError(f"{path}: no attribute dictionary where its header says")
    attributes = {}
    for record in struct.unpack_from(f"<{size}I", data, base + backward):
        _, length = struct.unpack_from("<II", data, base + record)
        encoded = data[base + record + 8 : base + record + 7 + length]
        attributes[encoded.decode()] = encoded
    return attributes


@lru_cache(maxsize=262144)
def _word_views(word: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]:
    """A word's own features, what its neighbours see of it from each WINDOW offset (one cached look-up a word
    instead of one per neighbour: the features of a sentence are most of the tagger's cost), and its first feature
    (the bigram's)."""
    feats = word_features(word)
    return feats, tuple(_shifted(feats, offset) for offset in WINDOW), feats[0]


def _shifted(feats: tuple[str, ...], offset: int) -> tuple[str, ...]:
    return tuple(f"{offset}:{f}" for f in feats[:SHARED_FEATURES])


@lru_cache(maxsize=262144)
def word_features(word: str) -> tuple[str, ...]:
    """Features of one word, independent of its context (so computed once per distinct word)."""
    norm = normalize(word)
    stem, prefix = clitic_stem(norm)
    word_stem = analyse(word)  # the text layer's light stem and enclitic: حكومتها -> حكوم + ها, اتهامات -> اتهام
    coarse, fine = clusters().get(stem, ("none", "none"))
    classes = gazetteer_classes(norm, stem)
    shared = [
        f"w={norm}",
        f"stem={stem}",
        f"c1={coarse}",
        f"c2={fine}",
        f"gaz={'|'.join(classes) or 'none'}",
        f"shape={_shape(word)}",
        f"art={_article_share(stem)}",
        f"pre={prefix}",
        f"freq={_frequency(stem)}",
    ]
    feats = [
        *shared,
        f"suf2={norm[-2:]}",
        f"suf1={norm[-1:]}",
        f"suf3={norm[-3:]}",
        f"pre2={norm[:2]}",
        f"pre3={norm[:3]}",
        f"ssuf2={stem[-2:]}",
        f"spre2={stem[:2]}",
        f"len={min(len(stem), 9)}",
        f"lemma={word_stem.stem}",
        f"enc={word_stem.enclitic or 'none'}",
    ]
    feats += [f"g:{c}" for c in classes]
    return tuple(feats)


def clitic_stem(norm: str) -> tuple[str, str]:
    """The word without its proclitics and article, and the letters taken off ("وبالقاهرة" -> "قاهرة", "وبال").

    A split is taken only where the corpus says so: the reading whose stem is the most frequent word of the ANT
    v2.1 counts in clusters.tsv, the bare word when no split is more frequent ("بوتين" stays whole, "وموسكو" is
    و + "موسكو", "فلاديمير" is not ف + ل + "اديمير").
    """
    return choose_stem(norm, word_counts())


def choose_stem(norm: str, counts: dict[str, int]) -> tuple[str, str]:
    best, best_count = ("", norm), -1
    for reading in proclitic_readings(norm):
        bare = without_article(reading.stem) if reading.has_article else None
        stem, prefix = (
            (bare, norm[: reading.prefix] + "ال") if bare is not None else (reading.stem, norm[: reading.prefix])
        )
        count = counts.get(stem, 0)
        if count > best_count:
            best, best_count = (prefix, stem), count
    return best[1], best[0]


def _article_share(stem: str) -> str:
    """How often ANT v2.1 writes the word with the article, in fifths ("none" when it is not among the words)."""
    count = word_counts().get(stem)
    return "none" if not count else str(round(5 * article_counts()[stem] / count))


def _frequency(stem: str) -> str:
    """The word's ANT v2.1 count as a power of 4 (names are mostly rare words; "none": not among the words)."""
    count = word_counts().get(stem)
    return "none" if not count else str(min(count.bit_length() // 2, 9))


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if not word[:1].isalnum():
        return "punct:" + word[:1]
    if word.isascii():
        return "latin"
    return "arabic"


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """normalised stem -> (coarse cluster, fine cluster), from bench/ner/clusters.py."""
    return {row["word"]: (row["coarse"], row["fine"]) for row in _cluster_rows()}


@cache
def word_counts() -> dict[str, int]:
    """normalised word without the article -> its count in ANT v2.1 (the words of clusters.tsv)."""
    return {row["word"]: int(row["count"]) for row in _cluster_rows()}


@cache
def article_counts() -> dict[str, int]:
    """normalised word without the article -> how many of its ANT v2.1 occurrences had the article."""
    return {row["word"]: int(row["article"]) for row in _cluster_rows()}


@cache
def _cluster_rows() -> list[dict[str, str]]:
    return read_tsv("tagger", CLUSTERS_NAME) if data_path("tagger", CLUSTERS_NAME).is_file() else []


def gazetteer_classes(norm: str, stem: str) -> tuple[str, ...]:
    """The word lists a word (or its clitic-stripped stem) belongs to: evidence for the tagger, not a gate."""
    lists = gazetteer_words()
    return tuple(name for name, words in lists.items() if norm in words or stem in words)


@cache
def gazetteer_words() -> dict[str, frozenset[str]]:
    """List name -> its normalised words; names of several words give each word (the tagger sees neighbours)."""
    typed: dict[str, set[str]] = {"PERSON": set(), "GPE": set(), "LOC": set(), "ORG": set()}
    for file in GAZETTEER_FILES:
        for row in read_tsv("gazetteer", file):
            for alias in [row["name_ar"], *row.get("aliases", "").split("|")]:
                for token in split_alias(alias.strip('"'))[0] if alias else ():
                    typed[row["entity_type"]].add(clitic_stem(token)[0])
    common = name_stopwords()
    return {
        "given": frozenset(given_names()),
        "person": frozenset(typed["PERSON"] - common),
        "place": frozenset((typed["GPE"] | typed["LOC"]) - common),
        "org": frozenset(typed["ORG"] - common),
        "title": frozenset(titles()),
        "nisbahead": frozenset(nisba_heads()),
        "orghead": frozenset(org_heads()),
        "placehead": frozenset(place_heads()),
        "stop": frozenset(common),
    }


def bio_spans(labels: list[str]) -> list[TaggedSpan]:
    """Spans of a BIO sequence; an I- without its B- opens a span (crfsuite rarely emits one)."""
    spans: list[TaggedSpan] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, OUTSIDE]):
        if start >= 0 and (label == OUTSIDE or label.startswith("B-") or label[2:] != kind):
            spans.append(TaggedSpan(kind, start, i))
            start, kind = -1, ""
        if label.startswith("B-") or (label.startswith("I-") and start < 0):
            start, kind = i, label[2:]
    return spans
