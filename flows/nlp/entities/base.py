"""What the entity rules share: the candidate record, stable ids for unknown entities, and what a name word is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.nlp.entities.canonical import person_key
from flows.nlp.entities.gazetteer import (
    given_names,
    name_key,
    name_stopwords,
    org_heads,
    place_heads,
    titles,
    unlisted_id,
)
from flows.nlp.entities.match import GazetteerMatch
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text import analyse
from flows.nlp.text.arabic import ARTICLE, normalize
from flows.nlp.types import Entity

# Name particles that keep a name going even though they look like words (عبد الرحمن، ولد الغزواني، أغ غالي).
NAME_LINKS = frozenset(normalize(w) for w in ("عبد", "ابو", "أبو", "بن", "ولد", "اغ", "آغ", "دي", "ديل"))
TANWEEN = "\u064b"
# Particles that may start a name (عبد الحميد، أبو مازن); ولد، بن، دي only continue one.
START_LINKS = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو"))
ARABIC_WORD = re.compile(r"^[\u0621-\u064A]+$")
# The conjunction and the pronoun enclitics "his", "her", "their" as the text layer splits a word written in the body
# (ta marbuta kept apart from ه): و + a noun + a pronoun (وشقيقه "and his brother", وزوجته "and his wife") joins a
# second person to the first, it is never a word of a name.
AND = "و"
POSSESSIVES = frozenset(("ه", "ها", "هم", "هما"))


@dataclass(frozen=True, slots=True)
class Candidate:
    char_start: int
    char_end: int
    tok_start: int
    tok_end: int
    entity: Entity
    priority: int  # lower wins between overlapping candidates of the same length
    source: str
    is_adjectival: bool = False


def made_up(entity: Entity) -> bool:
    """An entity named by the words read (its id is its type's and name's: stable_id), not a listed one."""
    return entity.entity_id == stable_id(entity.entity_type.lower(), entity.name_ar)


def stable_id(kind: str, name: str) -> str:
    """An id for an entity no list knows: stable across runs and machines (sha1 of the normalised name; of a person's
    person_key, so that the spellings of one person's name are one entity)."""
    return unlisted_id(kind, person_key(name) if kind == "person" else name_key(name))


def covered(matches: list[GazetteerMatch]) -> dict[int, GazetteerMatch]:
    """token index -> the gazetteer match covering it."""
    return {i: m for m in matches for i in range(m.tok_start, m.tok_end)}


@cache
def non_name_words() -> frozenset[str]:
    """Words that are never part of a person's name: stop words, titles, organisation heads and place words."""
    return name_stopwords() | frozenset(org_heads()) | place_heads() | frozenset(titles())


@cache
def title_firsts() -> frozenset[str]:
    return frozenset(titles())


def proclitic_prefix(text: EntityText, i: int) -> int:
    """Proclitic letters before the word at token i (و، ب، ل … but not the article).

    A word that is itself a head keeps every letter: "وكالة" (agency) is not و + ك + "الة".
    """
    if any(not reading.prefix and reading.stem in org_heads() for reading in text.readings[i]):
        return 0
    for reading in text.readings[i]:
        if reading.prefix and (reading.stem in org_heads() or reading.stem.startswith(ARTICLE)):
            return reading.prefix
    return 0


def is_name_token(text: EntityText, i: int, by_token: dict[int, GazetteerMatch]) -> bool:
    token = text.toks[i].norm
    if not ARABIC_WORD.match(token) or len(token) < 2 or i in by_token:
        return False
    if TANWEEN in text.body[text.toks[i].char_start : text.toks[i].char_end + 1]:
        return False  # قائلاً، رسمياً: adverbs and indefinite accusatives, never names
    if text.bare_stems(i) & non_name_words() or token in titles():
        return False
    if text.has_article(i) or and_with_a_possessive(text, i):
        return False
    return not _verbal_noun(token)


def and_with_a_possessive(text: EntityText, i: int) -> bool:
    """Token i is و + a noun + a pronoun as written (وشقيقه، وزوجته), not a listed given name (وجيه)."""
    tok = text.toks[i]
    word = analyse(text.body[tok.char_start : tok.char_end])
    return word.proclitics == AND and word.enclitic in POSSESSIVES and tok.norm not in given_names()


def _verbal_noun(token: str) -> bool:
    """A verbal noun, bare (استغلال، استقبال) or after ب/ل (بمواصلة، لمكافحة، بتسليم): never part of a name."""
    if token.startswith("است") and len(token) >= 6:
        return True
    if token[:1] not in "بل" or len(token) < 5:
        return False
    rest = token[1:]
    return rest.endswith("ه") or rest[:1] in "تم" and len(rest) >= 5


def link_before(text: EntityText, j: int) -> bool:
    """Token j follows a name particle (عبد الرحمن، ولد الغزواني) and is not a stop word itself."""
    return (
        j > 0 and text.toks[j - 1].norm in NAME_LINKS and text.joined(j) and not text.bare_stems(j) & name_stopwords()
    )


# Endings of indefinite relational adjectives as written: feminine ية (with its ta marbuta), plural يين، يون
# (تلفزيونية، لوجستية، أمريكيين). Not the bare ي, which ends many foreign names (صحيفة يني شفق).
ADJECTIVE_ENDINGS_WRITTEN = ("ية", "يين", "يون")


def indefinite_adjective(text: EntityText, k: int) -> bool:
    """Token k is a relational adjective without the article (قناة تلفزيونية "a TV channel"): a description."""
    tok = text.toks[k]
    written = "".join(ch for ch in text.body[tok.char_start : tok.char_end] if ch.isalpha())
    return not text.has_article(k) and written.endswith(ADJECTIVE_ENDINGS_WRITTEN)
