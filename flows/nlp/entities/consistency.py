"""One name, one type within an article: the document-level second pass over the tagger's names.

The tagger types a word from its sentence alone, so the same name gets different types in different sentences of one
article ("هجوم الأهواز" a body, "مدينة الأهواز" a city; "مواجهة بخاري" a place, "الرئيس محمد بخاري" a person). Within
an article a name keeps one type: the type a list or a rule gave the same words anywhere in it (title and body), else
the type most of the tagger's readings of those words give. Only the tagger's own names are retyped; a rule's type
stands.
"""

from __future__ import annotations

from collections import Counter

from flows.nlp.entities.base import Candidate, made_up, stable_id
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Entity

# The sources whose type is a reading of the tagger's (its own names, and the repeats of a name found once).
TAGGER_SOURCES = frozenset({"tagger", "repeated"})
# How much a rule's or a list's type weighs against one of the tagger's readings: it decides.
RULE_WEIGHT = 100

Votes = dict[str, Counter[str]]


def name_key(text: EntityText, c: Candidate) -> str:
    """The mention's words as written, normalised, without the proclitics the mention left out."""
    return " ".join(normalize(text.body[c.char_start : c.char_end]).split())


def type_votes(text: EntityText, chosen: list[Candidate], votes: Votes | None = None) -> Votes:
    """Per name, the weight of each type the article gives it (added to ``votes``, e.g. the body's for a title)."""
    out: Votes = {k: Counter(v) for k, v in (votes or {}).items()}
    for c in chosen:
        if c.is_adjectival:
            continue
        weight = 1 if c.source in TAGGER_SOURCES else RULE_WEIGHT
        out.setdefault(name_key(text, c), Counter())[c.entity.entity_type] += weight
    return out


def consistent_types(text: EntityText, chosen: list[Candidate], votes: Votes) -> list[Candidate]:
    """``chosen`` with each tagger name retyped to the type its words have most weight for in ``votes`` (ties keep
    the tagger's type)."""
    out = []
    for c in chosen:
        if c.source in TAGGER_SOURCES and not c.is_adjectival and made_up(c.entity):
            tally = votes.get(name_key(text, c))
            kind = c.entity.entity_type
            if tally:
                best, weight = tally.most_common(1)[0]
                if best != kind and weight > tally[kind]:
                    name = c.entity.name_ar
                    entity = Entity(stable_id(best.lower(), name), best, name, None, None)
                    c = Candidate(c.char_start, c.char_end, c.tok_start, c.tok_end, entity, c.priority, c.source)
        out.append(c)
    return out
