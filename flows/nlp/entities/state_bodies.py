"""A state's institution named by a definite head and the state's nisba (الحكومة اليمنية، النظام السوري، الجيش
اليمني، الدفاعات الجوية السورية): an ORG linked to the state, one entity per institution and state whatever the
spelling ("الجيش الأمريكي" and "الجيش الأميركي" are both "الجيش (الولايات المتحدة)").

The heads are flows/data/gazetteer/state_bodies.tsv. The mention covers the head and the nisba (the nisba is no
mention of its own there: the institution is linked to the state through its country code).
"""

from __future__ import annotations

from functools import cache

from flows.nlp.entities.base import Candidate, proclitic_prefix
from flows.nlp.entities.gazetteer import Gazetteer
from flows.nlp.entities.match import GazetteerMatch
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import ARTICLE, normalize
from flows.nlp.types import Entity
from flows.resources import read_tsv

# The priority of an institution between overlapping candidates of the same length: that of a ministry.
PRIORITY = 1


@cache
def state_body_heads() -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """first normalised head word -> (the head's normalised words, the head as written in the file, its English
    name) for each head starting with it."""
    heads: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for row in read_tsv("gazetteer", "state_bodies.tsv"):
        words = tuple(normalize(row["head"]).split())
        heads.setdefault(words[0], []).append((words, row["head"], row["name_en"]))
    return {first: tuple(found) for first, found in heads.items()}


def find_state_bodies(text: EntityText, gazetteer: Gazetteer, by_token: dict[int, GazetteerMatch]) -> list[Candidate]:
    out = []
    heads = state_body_heads()
    for i in range(len(text.toks)):
        starting = [head for stem in text.bare_stems(i) for head in heads.get(stem, ())]
        if not starting or i in by_token or not text.has_article(i):
            continue
        for words, head_ar, head_en in starting:
            end = _head_end(text, i, words)
            if end is None or end >= len(text.toks) or not text.joined(end):
                continue
            nisba = by_token.get(end)
            if nisba is None or nisba.tok_start != end or nisba.info.kind != "nisba":
                continue
            state = gazetteer.entities[nisba.info.entity_id]
            if state.entity_type != "GPE" or state.country_code is None:
                continue
            start = text.char_start(i, proclitic_prefix(text, i))
            entity = _institution(head_ar, head_en, state)
            out.append(Candidate(start, nisba.char_end, i, nisba.tok_end, entity, PRIORITY, "state-body"))
            break
    return out


def _head_end(text: EntityText, i: int, words: tuple[str, ...]) -> int | None:
    """The token after the head when the head's words start at token i, each with the article."""
    for k, word in enumerate(words):
        j = i + k
        if j >= len(text.toks) or (k and not text.joined(j)) or not text.has_article(j):
            return None
        if word not in text.bare_stems(j):
            return None
    return i + len(words)


def _institution(head_ar: str, head_en: str, state: Entity) -> Entity:
    slug = head_en.lower().replace(" ", "-")
    code = state.country_code or ""
    name_ar = " ".join(ARTICLE + w for w in head_ar.split())
    return Entity(
        f"org:{slug}-{code.lower()}", "ORG", f"{name_ar} ({state.name_ar})", f"{head_en} ({state.name_en})", code
    )
