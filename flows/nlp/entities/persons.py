"""Persons no list knows: a name after a title or before a role, and a given name followed by more name words."""

from __future__ import annotations

import re
from functools import cache

from flows.nlp.entities.base import (
    NAME_LINKS,
    START_LINKS,
    Candidate,
    is_name_token,
    link_before,
    non_name_words,
    stable_id,
    title_firsts,
)
from flows.nlp.entities.gazetteer import Gazetteer, given_names, name_stopwords, titles
from flows.nlp.entities.match import GazetteerMatch
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Entity

# Longest run of name tokens taken after a title ("باكاري ياو سانجاري"); four swallowed nouns on ANT news
# (الممثلة التونسية فاطمة ناصر بطلة مسلسل), and the four-word names of the beat are in the gazetteer.
MAX_NAME_TOKENS = 3
# A one-word name after a title is too often a common noun; unknown persons need two words.
MIN_NAME_TOKENS = 2
# How many words may stand between a title and the name (وزير الخارجية الروسي -, مندوب روسيا الدائم لدى الأمم المتحدة -).
MAX_QUALIFIER_TOKENS = 7
# Indefinite words that may stand inside a title's qualifier (وزير خارجية مالي، رئيس الفترة الانتقالية لجمهورية …).
QUALIFIER_WORDS = frozenset(
    normalize(w) for w in ("خارجية", "دفاع", "داخلية", "جمهورية", "حكومة", "باسم", "لدى", "ديوان", "مجلس", "وزراء")
)


# --- Persons by title ---------------------------------------------------------------------------------------
def find_titled_persons(text: EntityText, by_token: dict[int, GazetteerMatch], gazetteer: Gazetteer) -> list[Candidate]:
    out = []
    for i in range(len(text.toks)):
        if not text.bare_stems(i) & title_firsts():
            continue
        title = _title_at(text, i)
        if title is None:
            continue
        if title.position == "before":
            span = _name_after(text, i + len(title.tokens), by_token)
        else:
            span = _name_before(text, i, by_token)
        if span is None:
            continue
        a, b = span
        char_start, char_end = text.toks[a].char_start, text.toks[b - 1].char_end
        name = text.body[char_start:char_end]
        entity = Entity(stable_id("person", name), "PERSON", " ".join(name.split()), None, None)
        out.append(Candidate(char_start, char_end, a, b, entity, 2, "title"))
    return out


# The longest title phrase titles.tsv lists, in words (المتحدث الرسمي باسم).
MAX_TITLE_WORDS = 3


def completes_title(text: EntityText, i: int) -> bool:
    """Token i is the last word of a title phrase that starts before it (المتحدث | باسم، الناطق | باسم): a listed
    given name spelled like the title's word (باسم "in the name of", also a given name) is the title's there, and
    the name, if any, starts after it ("المتحدث باسم روحاني": the spokesman for Rouhani)."""
    for k in range(max(0, i - MAX_TITLE_WORDS + 1), i):
        title = _title_at(text, k)
        if title is not None and k + len(title.tokens) - 1 == i:
            return True
    return False


def _title_at(text: EntityText, i: int):
    for stem in dict.fromkeys(r.stem for r in text.readings[i]):
        for title in titles().get(stem, ()):
            n = len(title.tokens)
            if i + n <= len(text.toks) and all(
                text.toks[i + k].norm == title.tokens[k] and text.joined(i + k) for k in range(1, n)
            ):
                return title
    return None


def _name_after(text: EntityText, j: int, by_token: dict[int, GazetteerMatch]) -> tuple[int, int] | None:
    """Skip the title's qualifier, then take the run of name tokens."""
    skipped = 0
    while j < len(text.toks) and skipped <= MAX_QUALIFIER_TOKENS and text.joined(j):
        if j in by_token:
            match = by_token[j]
            if match.info.entity_id.startswith("person:"):
                return None  # a known person: the gazetteer has them
            skipped += match.tok_end - j
            j = match.tok_end
            continue
        if text.bare_stems(j) & name_stopwords() and not text.bare_stems(j) & QUALIFIER_WORDS:
            return None  # الفريق اليوم …: a time word or a particle, no name follows the title here
        if (text.has_article(j) and not link_before(text, j)) or text.bare_stems(j) & QUALIFIER_WORDS:
            j += 1
            skipped += 1
            continue
        break
    if j >= len(text.toks) or not text.joined(j):
        return None
    start = j
    while j < len(text.toks) and j - start < MAX_NAME_TOKENS and (j == start or text.joined(j)):
        if is_name_token(text, j, by_token) or (j > start and link_before(text, j) and j not in by_token):
            j += 1
            continue
        break
    return (start, j) if j - start >= MIN_NAME_TOKENS else None


def _name_before(text: EntityText, i: int, by_token: dict[int, GazetteerMatch]) -> tuple[int, int] | None:
    """The two name tokens right before a role that follows its name (X Y الخبير في …)."""
    a = i - MIN_NAME_TOKENS
    if a < 0 or not all(is_name_token(text, k, by_token) for k in range(a, i)):
        return None
    if not all(text.joined(k) for k in range(a + 1, i)) or HARD_BREAK_BEFORE_ROLE.search(text.gap(i)):
        return None
    return a, i


HARD_BREAK_BEFORE_ROLE = re.compile(r"[.!?؟:«»\"()]")


# --- Persons by given name ---------------------------------------------------------------------------------
# Longest name a given name starts: "خليل السكاكيني", "نمر محمد الرياحي"; longer runs swallowed verbs on ANT news.
MAX_GIVEN_NAME_TOKENS = 3
# A word this short after و is a name letter, not a conjunction (ود).
MIN_NAME_LEN = 3
# Proclitics a name may carry in the text: "ومعتصم جيوسي", "لزهدي باكير" (not ك: "كريم" is not ك + ريم).
NAME_PROCLITICS = frozenset({"", "و", "ل"})
# A word spelled with final ى is a particle (على), never the name علي.
ALEF_MAQSURA = "ى"


def find_named_persons(text: EntityText, by_token: dict[int, GazetteerMatch]) -> list[Candidate]:
    """A given name followed by more name words (خليل السكاكيني، عبد الحميد عبد العاطي) is a PERSON."""
    out = []
    names = given_names()
    i = 0
    while i < len(text.toks) - 1:
        reading = _given_name_reading(text, i, names, by_token)
        if reading is None:
            i += 1
            continue
        j, words = i + 1, 1  # a particle and the word after it (عبد الحميد) count as one word
        while j < len(text.toks) and text.joined(j) and (words < MAX_GIVEN_NAME_TOKENS or link_before(text, j)):
            if _coordinated(text, j):
                break  # محمد وسمير: two people
            if is_name_token(text, j, by_token) or (link_before(text, j) and j not in by_token):
                words += 0 if link_before(text, j) or text.toks[j].norm in NAME_LINKS else 1
                j += 1
            elif text.starts_with_article(j) and j not in by_token and not text.bare_stems(j) & non_name_words():
                j += 1  # a family name with the article ends the name: ماهر المصري
                break
            else:
                break
        if j - i >= MIN_NAME_TOKENS:
            char_start, char_end = text.char_start(i, reading), text.toks[j - 1].char_end
            name = " ".join(text.body[char_start:char_end].split())
            out.append(
                Candidate(
                    char_start,
                    char_end,
                    i,
                    j,
                    Entity(stable_id("person", name), "PERSON", name, None, None),
                    2,
                    "given-name",
                )
            )
            i = j
        else:
            i += 1
    return out


@cache
def name_starts() -> frozenset[str]:
    """Words a name can start with: the given names and the particles عبد، أبو."""
    return given_names() | START_LINKS


def _coordinated(text: EntityText, j: int) -> bool:
    """Token j starts with the conjunction و and is not itself a given name (وليد)."""
    word = text.toks[j].norm
    return word.startswith("و") and word not in given_names() and len(word) > MIN_NAME_LEN


def _given_name_reading(
    text: EntityText, i: int, names: frozenset[str], by_token: dict[int, GazetteerMatch]
) -> int | None:
    """The proclitic length before a given name at token i, or None when token i does not start a name."""
    if i in by_token or not text.bare_stems(i) & name_starts() or text.body[text.toks[i].char_end - 1] == ALEF_MAQSURA:
        return None
    if completes_title(text, i):
        return None
    for reading in text.readings[i]:
        if text.toks[i].norm[: reading.prefix] in NAME_PROCLITICS and (
            reading.stem in names or (reading.stem in NAME_LINKS and not reading.has_article)
        ):
            if reading.stem in NAME_LINKS and (reading.stem not in START_LINKS or not link_before(text, i + 1)):
                return None
            return reading.prefix
    return None
