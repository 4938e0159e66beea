"""What the word before a name says about it: a body's head word makes it a body (شركة تومي هيلفيغر، مؤسسة رولاند
بيرغر: the tagger reads the founder's name as a person), and a work's head word before a quoted title makes it a title
(أغنية "اريرانغ"، لعبة "بلاي ستيشن"), which is no person, body or place (tests/gold/ant2/GUIDELINES.md).

The word before is read through the text layer (flows.nlp.text.analyse): its proclitics and enclitic come off, so
لشركة and أغنيتها are read as شركة and أغنية.
"""

from __future__ import annotations

from functools import cache

from flows.nlp.entities.gazetteer import org_heads, word_set
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text import Word, analyse

# Kinds of flows/data/org_heads.tsv whose head, indefinite and right before a name, makes the name a body's name
# ("شركة تومي هيلفيغر", "مؤسسة رولاند بيرغر", "صحيفة X"): companies, foundations and media carry their founders'
# names. Not the heads of kind org, whose construct with a person is the person's body (حزب فيكتور أوربان: Orbán's
# party, the name is Orbán's), nor a ministry or a government.
BODY_HEAD_KINDS = frozenset({"quoted", "place", "media"})


@cache
def work_heads() -> frozenset[str]:
    return word_set("gazetteer", "work_heads.tsv", column="head")


@cache
def body_heads() -> frozenset[str]:
    return frozenset(head for head, kind in org_heads().items() if kind in BODY_HEAD_KINDS)


def is_work_title(text: EntityText, a: int) -> bool:
    """The name at token ``a`` opens a quote right after a work's head word (أغنية "…", أغنيتها "…")."""
    if a == 0 or not text.is_quoted(text.toks[a].char_start):
        return False
    word = _word_before(text, a)
    return not word.article and word.key in work_heads()


def after_body_head(text: EntityText, a: int) -> bool:
    """The name at token ``a`` follows an indefinite body head with nothing but spaces or a quote between (شركة
    تومي هيلفيغر، لشركة "…"): the head is in construct with the name, so the name is the body's."""
    if a == 0 or not (text.joined(a) or text.is_quoted(text.toks[a].char_start)):
        return False
    word = _word_before(text, a)
    return not word.article and not word.enclitic and word.key in body_heads()


def _word_before(text: EntityText, a: int) -> Word:
    tok = text.toks[a - 1]
    return analyse(text.body[tok.char_start : tok.char_end])
