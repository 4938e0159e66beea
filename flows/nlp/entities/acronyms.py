"""A body's acronym in brackets right after its name is a mention of the same body.

"شبكة مراقبة الفضاء (SSN)", "منظمة حظر الأسلحة الكيميائية (OPCW)", "وكالة الأنباء السورية (سانا)": the ANT v2.1
guidelines make the bracketed acronym a mention of its own, of the same entity; flows.nlp.entities.repeated then finds
its other occurrences in the text. An acronym is one word in Latin capitals (OPCW, EIB) or one Arabic word with no
article, no other mention in it, and nothing else between the brackets.
"""

from __future__ import annotations

import re

from flows.nlp.entities.base import Candidate
from flows.nlp.entities.tokens import EntityText

OPENING = "("
CLOSING = ")"
# Latin capitals, a digit or an ampersand after the first (OPCW, G20, S&P); at least two letters.
LATIN_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+$")
ARABIC_ACRONYM = re.compile(r"^[\u0621-\u064a]{3,}$")
ARTICLE = "ال"
# The priority of an acronym's mention: after the rules' and the tagger's, before a repeated name's.
ACRONYM_PRIORITY = 5


def bracketed_acronyms(text: EntityText, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` and the acronym in brackets right after each body's name, sorted by char_start."""
    used = {i for c in chosen for i in range(c.tok_start, c.tok_end)}
    extra = []
    for c in chosen:
        k = c.tok_end
        if c.entity.entity_type != "ORG" or c.is_adjectival or k in used or not _bracketed_word(text, k):
            continue
        tok = text.toks[k]
        extra.append(Candidate(tok.char_start, tok.char_end, k, k + 1, c.entity, ACRONYM_PRIORITY, "acronym"))
        used.add(k)
    return sorted(chosen + extra, key=lambda c: c.char_start)


def _bracketed_word(text: EntityText, k: int) -> bool:
    """Token k stands alone between brackets right after the token before it, and reads as an acronym."""
    if k >= len(text.toks) or text.gap(k).strip() != OPENING:
        return False
    if (text.gap(k + 1) if k + 1 < len(text.toks) else text.norm[text.toks[k].norm_end :]).strip()[:1] != CLOSING:
        return False
    word = text.body[text.toks[k].char_start : text.toks[k].char_end]
    return bool(LATIN_ACRONYM.match(word)) or (
        bool(ARABIC_ACRONYM.match(text.toks[k].norm)) and not text.toks[k].norm.startswith(ARTICLE)
    )
