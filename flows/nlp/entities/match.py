"""Gazetteer matching: one pass over the tokens, one dict lookup per proclitic reading of each token.

The index (flows.nlp.entities.gazetteer) maps an alias's first token to its continuations, longest first; a match may
start inside a token (after و، ب، ل، ك، ال) and spans whole tokens after that, with the alias's own hard gaps
("." in أ.ف.ب) and any soft gap (spaces, hyphens) between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flows.nlp.entities.gazetteer import AliasInfo, Gazetteer, ambiguous_names
from flows.nlp.entities.tokens import EntityText, token_info
from flows.nlp.text.arabic import CONJUNCTIONS, MIN_STEM, PREPOSITIONS, Reading

# A first word this short after a proclitic is read only before the rest of a multi-word alias (_short_readings).
MIN_SHORT_STEM = 2
SHORT_STEM_PREFIXES = (*PREPOSITIONS, *CONJUNCTIONS, *(c + p for c in CONJUNCTIONS for p in PREPOSITIONS))


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    tok_start: int
    tok_end: int  # exclusive
    char_start: int
    char_end: int
    info: AliasInfo


def match_gazetteer(text: EntityText, gazetteer: Gazetteer) -> list[GazetteerMatch]:
    """Longest gazetteer matches, left to right, not overlapping."""
    out: list[GazetteerMatch] = []
    toks = text.toks
    i = 0
    while i < len(toks):
        hits = _index_hits(toks[i].norm, gazetteer)
        if not hits:
            i += 1
            continue
        best: tuple[int, int, AliasInfo] | None = None  # (tokens after the first, prefix, info)
        for reading, candidates in hits:
            for rest, infos in candidates:
                n = len(rest)
                if best is not None and n < best[0]:
                    break
                if not _continues(text, i, rest, infos[0].gaps):
                    continue
                info = _choose(text, text.char_start(i, reading.prefix), infos)
                if info is None or (
                    info.kind == "name" and reading.has_article and not _alias_has_article(reading.stem)
                ):
                    continue
                if best is None or n > best[0] or (n == best[0] and reading.prefix < best[1]):
                    best = (n, reading.prefix, info)
                break
        if best is None:
            i += 1
            continue
        n, prefix, info = best
        start = text.char_start(i, prefix)
        if info.kind == "name" and _is_adverbial(text, toks[i + n].char_end):
            info = AliasInfo(info.entity_id, "nisba", info.quoted_only, info.gaps)  # روسياً: "Russian", not Russia
        if not _is_common_word(text, i, info):
            out.append(GazetteerMatch(i, i + n + 1, start, toks[i + n].char_end, info))
        i += n + 1
    return out


@lru_cache(maxsize=65536)
def _index_hits(norm: str, gazetteer: Gazetteer) -> tuple:
    """The readings of a word that start some alias, with those aliases (most words: none).

    A proclitic before a first word shorter than a stem may be (لبي بي سي is ل + بي بي سي; a lone "لبي" is a word of
    its own) is read only where a longer alias follows: its next words are the evidence, so only multi-word aliases
    are offered for such a reading."""
    hits = [(r, gazetteer.index[r.stem]) for r in token_info(norm).readings if r.stem in gazetteer.index]
    for reading in _short_readings(norm):
        longer = tuple(candidate for candidate in gazetteer.index.get(reading.stem, ()) if candidate[0])
        if longer:
            hits.append((reading, longer))
    return tuple(hits)


def _short_readings(norm: str) -> tuple[Reading, ...]:
    """Proclitic + a first word of MIN_SHORT_STEM letters up to a stem's minimum, which proclitic_readings leaves out."""
    out = []
    for prefix in SHORT_STEM_PREFIXES:
        rest = norm[len(prefix) :]
        if norm.startswith(prefix) and MIN_SHORT_STEM <= len(rest) < MIN_STEM:
            out.append(Reading(len(prefix), rest, False))
    return tuple(out)


def _alias_has_article(stem: str) -> bool:
    return stem.startswith("ال")


def _continues(text: EntityText, i: int, rest: tuple[str, ...], gaps: tuple[str, ...]) -> bool:
    toks = text.toks
    if i + len(rest) >= len(toks):
        return False
    for k, word in enumerate(rest, start=1):
        if toks[i + k].norm != word or text.gap_key(i + k) != gaps[k - 1]:
            return False
    return True


def _choose(text: EntityText, char_start: int, infos: tuple[AliasInfo, ...]) -> AliasInfo | None:
    """The quoted-only reading when the surface is quoted, else the first ordinary one."""
    quoted = [info for info in infos if info.quoted_only]
    if quoted and text.is_quoted(char_start):
        return quoted[0]
    return next((info for info in infos if not info.quoted_only), None)


def _is_common_word(text: EntityText, i: int, info: AliasInfo) -> bool:
    """A name that is also a common word (مالي "financial") after a word that calls for that sense."""
    if info.kind != "name":
        return False
    blockers = ambiguous_names().get(text.toks[i].norm) or next(
        (ambiguous_names()[r.stem] for r in text.readings[i] if r.stem in ambiguous_names()), None
    )
    if not blockers or i == 0 or not text.joined(i):
        return False
    return bool(text.bare_stems(i - 1) & blockers)


TANWEEN_FATH = "\u064b"


def _is_adverbial(text: EntityText, char_end: int) -> bool:
    """A name written with tanween (روسياً، مالياً) is an adjective: no country takes tanween in Arabic prose."""
    return char_end > 0 and TANWEEN_FATH in text.body[max(char_end - 2, 0) : char_end + 1]
