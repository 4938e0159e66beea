"""Statements and reports as speakers: "بيان صادر عن الأسطول الروسي", "تقرير أعده منتدى النقل الدولي", "قال
البيان إن" (the issuer of the statement named before), or the document itself when nobody issues it."""

from __future__ import annotations

from flows.nlp.quotes.context import CLAUSE_COMMAS, Context, Speaker
from flows.nlp.quotes.lexicon import cue_for, speaker_word
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, LAM, RELATIVE_PRONOUNS, np_end, np_surface

# The issuer of a statement follows it closely: "بيان صادر عن الأسطول الروسي", "تقرير أعده منتدى النقل".
MAX_ISSUER_WORDS = 5


def names_an_issuer(ctx: Context, n: int) -> bool:
    """After a statement word, a ل-phrase, a definite noun or a name is its issuer ("بلاغ لوزارة الدفاع", "بيان
    التحالف"); an indefinite adjective describes the statement ("بيان حكومي", "بيان صادر عن …")."""
    tok = ctx.tokens[n]
    named = ctx.mentions_in(tok.start, len(ctx.body))
    return tok.norm.startswith((LAM, DEFINITE_ARTICLE)) or (bool(named) and named[0].char_start < tok.end)


def document_source(ctx: Context, lo: int, limit: int) -> Speaker:
    """A statement or report no mention issues, named by its own words up to a comma or the complementizer, at
    most MAX_ISSUER_WORDS of them: "بيان حكومي", "تقارير صحفية إسبانية", "بيان صادر عن الأسطول الروسي"."""
    hi = lo + 1
    while hi < min(limit, lo + MAX_ISSUER_WORDS) and not any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(hi)):
        if cue_for(ctx.tokens[hi].norm) is not None or ctx.tokens[hi].norm in RELATIVE_PRONOUNS:
            break
        hi += 1
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    return Speaker(None, np_surface(ctx, start, end), start, np_end(ctx, end))


def issuer_named(ctx: Context, lo: int, hi: int) -> Speaker | None:
    """The body or person a statement phrase names: "تقرير أعده منتدى النقل الدولي", "بيان صادر عن الأسطول"."""
    named = [
        m for m in ctx.mentions_in(ctx.tokens[lo].start, ctx.tokens[hi - 1].end)
        if m.entity_type in ("ORG", "PERSON") and not m.is_adjectival
    ]  # fmt: skip
    return ctx.speaker_from(named[0]) if named else None


def statement_issuer(ctx: Context, cue_start: int) -> Speaker | None:
    """ "وقال البيان إن": who issued the last statement named before ("وفق بيان صادر عن الأسطول الروسي")."""
    for n in reversed(ctx.token_range(0, cue_start)):
        word = speaker_word(ctx.tokens[n].norm)
        if word is not None and word.kind == "statement":
            issuer = issuer_named(ctx, n, min(n + MAX_ISSUER_WORDS, len(ctx.tokens)))
            if issuer is not None:
                return issuer
    return None


def names_a_statement(word: str) -> bool:
    """البيان، التقرير: a statement word with the article refers back to a statement named before."""
    entry = speaker_word(word[len(DEFINITE_ARTICLE) :]) if word.startswith(DEFINITE_ARTICLE) else None
    return entry is not None and entry.kind == "statement"
