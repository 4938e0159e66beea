"""A name cut into pieces is one name: the longer name the article writes elsewhere, and two pieces that stand
side by side.

The tagger and the rules read a name word by word, and a name of foreign words they half know comes out cut: "بوكا"
alone before "جونيورز" (the article writes "بوكا جونيورز" three times), or "سان" and "اتيان" as two bodies side by
side (نادي سان اتيان). The random audits of ANT v2.1 judged these cut (bench/quality/audits/entities_ant2_seed26.tsv,
entities_ant2_seed27.tsv: 14 of their 61 wrong rows are a name cut where the next or previous word is its own).

- A mention whose words are the first words of a longer name of the same type in the article, followed in the text
  by that name's other words, is a mention of the longer name.
- Two mentions of the same type with nothing between them but spaces, a hashtag's mark or a bare hyphen (a hyphen
  between spaces joins two places: عقربا - كفر شمس) are one name when at least one of them is a name no list knows
  (two listed names side by side stay two). A second piece that starts with a proclitic (وياغو after a
  conjunction, بمديرية after a preposition: clitic_stem, by the corpus counts) stays apart.
- A name no list knows takes on a word next to it that the corpus writes with the name's edge word in most of
  either's occurrences (flows/data/gazetteer/bound_words.tsv, counted by bench/quality/build_bound_words.py): بصرى is
  followed by الشام in 22 of its 36 occurrences in ANT v2.1, نيجني by نوفغورود in 22 of its 27.
"""

from __future__ import annotations

from functools import cache

from flows.nlp.entities.base import Candidate, made_up, stable_id
from flows.nlp.entities.span_words import place_nisba, run_on_word
from flows.nlp.entities.tagger import clitic_stem
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import ARTICLE, normalize
from flows.nlp.types import Entity
from flows.resources import read_tsv

# The kinds joined. Every kind the audits found cut: people (ريفيتال دانينو), bodies (سان اتيان), places (بصرى الشام).
KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
# How many bound words a name may take on (نيجني -> نيجني نوفغورود; جونز -> جونز لانج لاسال).
MAX_BOUND_WORDS = 2
# Spaces and a hashtag's mark: a surname written as a hashtag goes on the name (فيدريكا #موغيريني).
HASHTAG_GAP = " \t#"
# A hyphen with no space around it joins the words of one name (شتونغ-تشينغ، جونغ-أون).
HYPHENS = frozenset({"-", "‐", "‑"})


def joined_names(text: EntityText, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with cut names made whole (sorted by char_start)."""
    ordered = sorted(chosen, key=lambda c: c.char_start)
    longer = _longer_names(text, ordered)
    out: list[Candidate] = []
    i = 0
    while i < len(ordered):
        c = ordered[i]
        if c.is_adjectival or c.entity.entity_type not in KINDS:
            out.append(c)
            i += 1
            continue
        grown = _grown_to_longer(text, c, longer)
        if grown is not None:
            swallowed = _inside(ordered, i + 1, grown.tok_end)
            if swallowed is not None:
                out.append(grown)
                i = swallowed
                continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and _side_by_side(text, c, nxt):
            out.append(_joined(text, c, nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    used = {k for c in out for k in range(c.tok_start, c.tok_end)}
    return [_with_bound_words(text, c, used) for c in out]


def _with_bound_words(text: EntityText, c: Candidate, used: set[int]) -> Candidate:
    """A name no list knows, carried on over a word next to it that the corpus writes with its edge word in most of
        either's occurrences (bound_words.tsv): بصرى -> بصرى الشام. The word after may carry the article (الشام), not a
        place's nisba (بيل الويلزي), nor a word a person's name stops at (span_words.run_on_word: سيسيز التحقيق "Sessions
    [to] investigate", 6 of سيسيز's 6 occurrences); the word before carries neither, nor a proclitic; no mention holds either."""
    if c.is_adjectival or c.entity.entity_type not in KINDS or not made_up(c.entity):
        return c
    bound = bound_words()
    a, b = c.tok_start, c.tok_end
    for _ in range(MAX_BOUND_WORDS):
        ends_person = c.entity.entity_type == "PERSON" and b < len(text.toks) and run_on_word(text, b)
        if b < len(text.toks) and b not in used and _bare_gap(text, b) and not place_nisba(text, b) and not ends_person:
            prefix = clitic_stem(text.toks[b].norm)[1]
            if prefix in ("", ARTICLE) and (text.toks[b - 1].norm, text.toks[b].norm) in bound:
                b += 1
                continue
        first_whole = c.char_start == text.toks[a].char_start or a < c.tok_start
        if a > 0 and first_whole and a - 1 not in used and _bare_gap(text, a):
            if not clitic_stem(text.toks[a - 1].norm)[1] and (text.toks[a - 1].norm, text.toks[a].norm) in bound:
                a -= 1
                continue
        break
    if (a, b) == (c.tok_start, c.tok_end):
        return c
    start = c.char_start if a == c.tok_start else text.toks[a].char_start
    kind = c.entity.entity_type
    name = " ".join(text.body[start : text.toks[b - 1].char_end].split())
    entity = Entity(stable_id(kind.lower(), name), kind, name, None, None)
    return Candidate(start, text.toks[b - 1].char_end, a, b, entity, c.priority, c.source)


def _bare_gap(text: EntityText, k: int) -> bool:
    """Only spaces between token k-1 and token k."""
    return not text.gap(k).strip()


@cache
def bound_words() -> frozenset[tuple[str, str]]:
    """(first, second) normalised: the pairs of bench/quality/build_bound_words.py."""
    return frozenset((row["first"], row["second"]) for row in read_tsv("gazetteer", "bound_words.tsv"))


def _written(text: EntityText, c: Candidate) -> tuple[str, ...]:
    """The mention's words as written, normalised; the first without the proclitics the mention left out."""
    first = normalize(text.body[c.char_start : text.toks[c.tok_start].char_end])
    return (first, *(text.toks[k].norm for k in range(c.tok_start + 1, c.tok_end)))


def _longer_names(text: EntityText, chosen: list[Candidate]) -> dict[str, list[tuple[tuple[str, ...], Candidate]]]:
    """Type -> the article's names of two words or more, longest first."""
    names: dict[str, dict[tuple[str, ...], Candidate]] = {}
    for c in chosen:
        if not c.is_adjectival and c.entity.entity_type in KINDS and c.tok_end - c.tok_start >= 2:
            names.setdefault(c.entity.entity_type, {}).setdefault(_written(text, c), c)
    return {kind: sorted(found.items(), key=lambda item: len(item[0]), reverse=True) for kind, found in names.items()}


def _grown_to_longer(
    text: EntityText, c: Candidate, longer: dict[str, list[tuple[tuple[str, ...], Candidate]]]
) -> Candidate | None:
    """The mention carried on over the words that make it a longer name of the article, or None."""
    words = _written(text, c)
    for name, source in longer.get(c.entity.entity_type, ()):
        end = c.tok_start + len(name)
        if len(name) <= len(words) or name[: len(words)] != words or end > len(text.toks):
            continue
        if all(text.toks[k].norm == name[k - c.tok_start] and text.joined(k) for k in range(c.tok_end, end)):
            return Candidate(
                c.char_start, text.toks[end - 1].char_end, c.tok_start, end, source.entity, c.priority, c.source
            )
    return None


def _inside(ordered: list[Candidate], i: int, tok_end: int) -> int | None:
    """The index of the first candidate from i on that starts at or after ``tok_end``; None when one of them runs
    past ``tok_end`` (the longer name would cut it)."""
    while i < len(ordered) and ordered[i].tok_start < tok_end:
        if ordered[i].tok_end > tok_end:
            return None
        i += 1
    return i


def _side_by_side(text: EntityText, c: Candidate, nxt: Candidate) -> bool:
    return (
        nxt.tok_start == c.tok_end
        and not nxt.is_adjectival
        and nxt.entity.entity_type == c.entity.entity_type
        and (made_up(c.entity) or made_up(nxt.entity))
        and (not text.gap(nxt.tok_start).strip(HASHTAG_GAP) or text.gap(nxt.tok_start) in HYPHENS)
        and nxt.char_start == text.toks[nxt.tok_start].char_start
        and not clitic_stem(text.toks[nxt.tok_start].norm)[1]
    )


def _joined(text: EntityText, c: Candidate, nxt: Candidate) -> Candidate:
    kind = c.entity.entity_type
    name = " ".join(text.body[c.char_start : nxt.char_end].replace("_", " ").split())
    entity = Entity(stable_id(kind.lower(), name), kind, name, None, None)
    return Candidate(c.char_start, nxt.char_end, c.tok_start, nxt.tok_end, entity, c.priority, c.source)
