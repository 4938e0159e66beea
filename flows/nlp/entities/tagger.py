"""A small CRF tagger for the names the rules miss, trained on Wojood's train split (flows/data/tagger/).

It tags the same tokens the rules read (flows.nlp.entities.tokens) with BIO labels over PERSON, ORG, GPE, LOC, from
word shape, clitic-stripped stems, the word lists and the rules' own output as features. At run time it only adds
mentions where no rule mention stands, and only of the types listed in TAGGER_TYPES (chosen on the val split).
When the model file is absent (it is built by flows/data/tagger/train_tagger.py) the stage runs on rules alone.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from flows.nlp.entities.base import NAME_LINKS, Candidate, non_name_words, proclitic_prefix, stable_id, title_firsts
from flows.nlp.entities.gazetteer import (
    generic_adjectives,
    given_names,
    name_stopwords,
    nisba_heads,
    org_heads,
    place_heads,
)
from flows.nlp.entities.tokens import EntityText, token_info
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Entity
from flows.resources import data_path

MODEL_NAME = "wojood_crf.crfsuite"
# Types the tagger may add at run time. Chosen on Wojood val (all-type F1): PERSON only 0.681, all four 0.730;
# GPE and LOC added 0.006 and would need the whole article tagged, so they stay with the rules.
TAGGER_TYPES = frozenset({"PERSON", "ORG"})
# Tokens tagged around each trigger word (tagger_windows): one before it (a title), the name after it.
WINDOW_BEFORE = 2
WINDOW_AFTER = 6
# Rule tags, as features: what the rules said about each token (B-/I- + type, or O).
OUTSIDE = "O"
# How many of a word's features its neighbours see (word, rule tag, affixes, given name, article).
NEIGHBOUR_FEATURES = 6
# Which neighbours a word sees. One either side: as good on Wojood val as two (all-type F1 0.737 vs 0.733) at
# about half the tagging time.
NEIGHBOUR_OFFSETS = (-1, 1)
# Longest organisation name the tagger may propose; longer ones were run-on phrases on ANT news.
MAX_TAGGED_ORG_WORDS = 4


def model_path() -> Path:
    return Path(str(data_path("tagger", MODEL_NAME)))


@cache
def load_tagger():
    """The trained tagger, or None when the model file is not there."""
    path = model_path()
    if not path.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def rule_tags(text: EntityText, candidates: list[Candidate]) -> list[str]:
    tags = [OUTSIDE] * len(text.toks)
    for c in candidates:
        for k in range(c.tok_start, c.tok_end):
            if tags[k] == OUTSIDE:
                tags[k] = ("B-" if k == c.tok_start else "I-") + c.entity.entity_type
    return tags


def sequence_features(
    text: EntityText, tags: list[str], known: frozenset[str] | None = None, window: tuple[int, int] | None = None
) -> list[list[str]]:
    """Features of every token (of ``window`` only, when given): its own and its neighbours' (NEIGHBOUR_OFFSETS).

    Every piece depends on the word and its rule tag only, so it is computed once per (word, tag) and cached;
    ``known`` (the attributes the model has weights for) drops the rest before they reach crfsuite.
    """
    words = [t.norm for t in text.toks]
    out = []
    first, last = window or (0, len(words))
    for i in range(first, last):
        word = words[i]
        feats = list(_own(word, tags[i], known))
        for offset in NEIGHBOUR_OFFSETS:
            j = i + offset
            feats += _neighbour(words[j], tags[j], offset, known) if 0 <= j < len(words) else _edge(offset, known)
        if i > 0 and not text.joined(i):
            feats.append("break_before")
        if i + 1 < len(words) and not text.joined(i + 1):
            feats.append("break_after")
        out.append(feats)
    return out


@lru_cache(maxsize=131072)
def _own(word: str, tag: str, known: frozenset[str] | None) -> tuple[str, ...]:
    feats = _token_features(word, tag)
    return tuple(f for f in feats if known is None or f in known)


@lru_cache(maxsize=131072)
def _neighbour(word: str, tag: str, offset: int, known: frozenset[str] | None) -> tuple[str, ...]:
    feats = [f"{offset}:{f}" for f in _token_features(word, tag)[:NEIGHBOUR_FEATURES]]
    return tuple(f for f in feats if known is None or f in known)


@lru_cache(maxsize=8)
def _edge(offset: int, known: frozenset[str] | None) -> tuple[str, ...]:
    return tuple(f for f in (f"{offset}:edge",) if known is None or f in known)


def _token_features(norm: str, tag: str) -> list[str]:
    info = token_info(norm)
    stems = info.stems
    # the first NEIGHBOUR_FEATURES are shared with the neighbours
    feats = [
        f"w={norm}",
        f"rule={tag}",
        f"suf2={norm[-2:]}",
        f"pre2={norm[:2]}",
        f"given={bool(stems & given_names())}",
        f"art={info.has_article}",
    ]
    feats += [f"suf3={norm[-3:]}", f"pre3={norm[:3]}", f"len={min(len(norm), 8)}"]
    feats += [f"stem={s}" for s in sorted(stems) if s != norm][:3]
    if stems & name_stopwords():
        feats.append("stop")
    if stems & title_firsts():
        feats.append("title")
    if stems & frozenset(org_heads()):
        feats.append("orghead")
    if stems & place_heads():
        feats.append("placehead")
    if stems & non_name_words():
        feats.append("nonname")
    if norm.isdigit():
        feats.append("digit")
    return feats


@cache
def known_attributes() -> frozenset[str]:
    """The attributes the model has a weight for; features outside it cannot change a label."""
    tagger = load_tagger()
    return frozenset(attr for attr, _label in tagger.info().state_features) if tagger is not None else frozenset()


# Given names that are also a preposition phrase: باسم (Bassem / "in the name of").
PREPOSITION_NAMES = frozenset(normalize(w) for w in ("باسم",))


def tagger_candidates(text: EntityText, chosen: list[Candidate]) -> list[Candidate]:
    """Tagger spans of TAGGER_TYPES that overlap no chosen rule mention."""
    tagger = load_tagger()
    if tagger is None or not text.toks:
        return []
    taken = {k for c in chosen for k in range(c.tok_start, c.tok_end)}
    tags = rule_tags(text, chosen)
    spans = []
    for first, last in tagger_windows(text, taken):
        labels = tagger.tag(sequence_features(text, tags, known_attributes(), (first, last)))
        spans += [(kind, first + a, first + b) for kind, a, b in bio_spans(labels)]
    out = []
    for kind, a, b in spans:
        if kind not in TAGGER_TYPES or any(k in taken for k in range(a, b)) or _only_common_words(text, a, b):
            continue
        a, b = _trimmed(text, a, b)
        if (
            b - a < 1
            or (kind == "PERSON" and not _person_like(text, a, b))
            or (kind == "ORG" and not _org_like(text, a, b))
        ):
            continue
        start, end = text.char_start(a, _proclitics(text, a, kind)), text.toks[b - 1].char_end
        name = " ".join(text.body[start:end].split())
        out.append(
            Candidate(start, end, a, b, Entity(stable_id(kind.lower(), name), kind, name, None, None), 5, "tagger")
        )
    return out


def tagger_windows(text: EntityText, taken: set[int]) -> list[tuple[int, int]]:
    """Stretches of tokens around words that can start a name the tagger may add, merged when they touch.

    The tagger keeps only persons with a given name or a title and organisations that start with a head word
    (see _person_like, _org_like), so tagging the rest of the article would only cost time.
    """
    triggers = trigger_words()
    windows: list[list[int]] = []
    for i in range(len(text.toks)):
        if i in taken or not text.bare_stems(i) & triggers:
            continue
        first, last = max(i - WINDOW_BEFORE, 0), min(i + WINDOW_AFTER, len(text.toks))
        if windows and first <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], last)
        else:
            windows.append([first, last])
    return [(a, b) for a, b in windows]


@cache
def trigger_words() -> frozenset[str]:
    return given_names() | title_firsts() | frozenset(org_heads()) | nisba_heads()


def _only_common_words(text: EntityText, a: int, b: int) -> bool:
    """A span of heads and function words only (الوزارة، حكومة، القضاء) is a description, not a name."""
    common = non_name_words() | nisba_heads()
    return all(text.bare_stems(k) & common for k in range(a, b))


def _proclitics(text: EntityText, a: int, kind: str) -> int:
    """Letters of proclitics to leave out of a tagged span: "للجيش" -> "الجيش"-less ل, "ومعتصم" -> و."""
    if kind == "ORG":
        return proclitic_prefix(text, a)
    word = text.toks[a].norm
    return 1 if word[:1] in "ول" and _is_given_name(word) and word not in given_names() else 0


def _trimmed(text: EntityText, a: int, b: int) -> tuple[int, int]:
    """The span without stop words and name particles at its edges ("ولد في" keeps nothing)."""
    edge = name_stopwords() | NAME_LINKS
    while a < b and text.bare_stems(a) & edge:
        a += 1
    while b > a and text.bare_stems(b - 1) & edge:
        b -= 1
    return a, b


def _person_like(text: EntityText, a: int, b: int) -> bool:
    """No stop word inside, and a known given name among the words (or a title just before)."""
    if any(text.bare_stems(k) & name_stopwords() for k in range(a, b)):
        return False
    if (
        text.toks[a].norm in PREPOSITION_NAMES
        and b - a > 1
        and text.bare_stems(a + 1) & (non_name_words() | frozenset(org_heads()))
    ):
        return False  # "الناطق الرسمي باسم الحزب": "in the name of" the party, not a man called Bassem
    if a > 0 and text.joined(a) and text.bare_stems(a - 1) & title_firsts():
        return True
    return any(_is_given_name(text.toks[k].norm) for k in range(a, b))


def _is_given_name(word: str) -> bool:
    return word in given_names() or (word[:1] in "ول" and word[1:] in given_names())


def _org_like(text: EntityText, a: int, b: int) -> bool:
    """A tagged organisation starts with an organisation word (جريدة فلسطين، الشرطة البيئية) and is short."""
    if any(text.bare_stems(k) & name_stopwords() for k in range(a, b)):
        return False  # المنظمة أن المقاتلين: a clause, not a name
    if all(text.toks[k].norm in generic_adjectives() for k in range(a + 1, b)):
        return False  # الجيش المحلي: a description
    return b - a <= MAX_TAGGED_ORG_WORDS and bool(text.bare_stems(a) & (frozenset(org_heads()) | nisba_heads()))


def bio_spans(labels: list[str]) -> list[tuple[str, int, int]]:
    spans, start, kind = [], None, None
    for i, label in enumerate([*labels, OUTSIDE]):
        if start is not None and kind is not None and (label == OUTSIDE or label.startswith("B-") or label[2:] != kind):
            spans.append((kind, start, i))
            start = kind = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = i, label[2:]
    return spans
