"""The subject phrase after a cue: where it starts and ends (adverbs, a clause comma, a relative pronoun, whom the
verb addresses), and what its words are (a listed speaker word, a title, an adverb)."""

from __future__ import annotations

from flows.nlp.quotes.context import CLAUSE_COMMAS, Context
from flows.nlp.quotes.lexicon import cue_for, person_titles, speaker_word, speaker_word_split
from flows.nlp.quotes.roles import role_head
from flows.nlp.types import Mention

SOURCE_PREPOSITION = "عن"  # نقل الكرملين عن غويتا: the speaker is who is quoted, after عن
LAM = "ل"
LAM_ARTICLE = "لل"  # ل + the article: "للصحفيين" (to the journalists)
DEFINITE_ARTICLE = "ال"
TANWEEN_FATH = "\u064b"
# The particle of a verb's perfect ("قد قالوا", "لقد قالوا"), which stands between a subject and its verb (normalised).
AUXILIARIES = frozenset({"قد", "لقد"})
WORD_KINDS = ("unnamed", "head", "ref", "skip", "stop", "statement")
# A relative pronoun ends a subject phrase: "وتابع الرئيس الأميركي الذي كان يتحدث بعد قمة … مع بوتين" is Trump.
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي"})


def is_word(ctx: Context, n: int, kinds: tuple[str, ...]) -> bool:
    word = speaker_word(ctx.tokens[n].norm)
    return word is not None and word.kind in kinds


def is_skip(norm: str) -> bool:
    word = speaker_word(norm)
    return word is not None and word.kind == "skip"


def is_title(ctx: Context, n: int) -> bool:
    return role_head(ctx.tokens[n].norm) in person_titles()


def is_person_title(ctx: Context, n: int) -> bool:
    word = speaker_word(ctx.tokens[n].norm)
    return (word is not None and word.kind in ("head", "ref") and word.resolve == "person") or is_title(ctx, n)


def trim_np(ctx: Context, lo: int, hi: int, quoting: bool = False, verb: bool = False) -> tuple[int, int]:
    """Drop adverbs at either end, keep only what follows عن (نقل … عن X), stop at a clause comma or a preposition;
    after a verb, a ل-phrase ("لرويترز", "لقناة سكاي نيوز") is who was told, and ends the subject."""
    for i in range(lo, hi if quoting else lo):
        if ctx.tokens[i].norm == SOURCE_PREPOSITION:
            lo = i + 1
    while lo < hi and is_skip(ctx.tokens[lo].norm):
        lo += 1
    if lo < hi and cue_for(ctx.tokens[lo].norm) is not None:
        return lo, lo  # "وختم بالقول إن", "وأضاف موضحا أن": the verb's own subject is dropped
    if lo < hi and (is_word(ctx, lo, ("stop",)) or (verb and is_addressee(ctx, lo))):
        return lo, lo  # "أعرب عن أمله", "أشار إلى أن", "وأضاف لهيئة الإذاعة": no subject after the verb
    for i in range(lo + 1, hi):
        word = speaker_word(ctx.tokens[i].norm)
        # A relative pronoun or a cue ("نقلت عن مونتيلا قوله") ends the subject phrase too.
        ends = ctx.tokens[i].norm in RELATIVE_PRONOUNS or cue_for(ctx.tokens[i].norm) is not None
        # "وقال نيل لبي بي سي": who was told; "الأمين العام للحركة": a title's genitive, after a definite word.
        told = verb and is_addressee(ctx, i) and not ctx.tokens[i - 1].norm.startswith(DEFINITE_ARTICLE)
        # "صرحت شركة TSMC قد", "وأصدرت غوغل بياناً": the verb's particle or its object follows the subject.
        ends = ends or (told and not is_person_title(ctx, i - 1)) or ctx.tokens[i].norm in AUXILIARIES
        ends = ends or accusative(ctx, i)
        if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(i)) or ends or (word is not None and word.kind == "stop"):
            hi = i
            break
    while hi > lo and is_skip(ctx.tokens[hi - 1].norm):
        hi -= 1
    return lo, hi


def accusative(ctx: Context, n: int) -> bool:
    """A word written with the indefinite accusative ending (tanween fath: "بياناً", "مجدداً") is the verb's object
    or an adverb, never part of its nominative subject: "وأصدرت غوغل بياناً … قائلة" is Google's."""
    tok = ctx.tokens[n]
    return TANWEEN_FATH in ctx.body[tok.end - 2 : tok.end]


def is_addressee(ctx: Context, n: int) -> bool:
    """A ل-prefixed speaker word or name, or any ل with the article: "لوكالة", "لرويترز", "لبي بي سي",
    "للصحفيين"."""
    tok = ctx.tokens[n]
    if not tok.norm.startswith(LAM) or len(tok.norm) <= len(LAM) + 1:
        return False
    if tok.norm.startswith(LAM_ARTICLE) and len(tok.norm) > len(LAM_ARTICLE) + 2:
        return True
    split = speaker_word_split(tok.norm)
    if split is not None and split[1]:
        return True
    return any(tok.start < m.char_start < tok.end for m in ctx.mentions_in(tok.start, ctx.tokens[-1].end))


def after_comma(ctx: Context, hi: int, tok_hi: int) -> tuple[int, int] | None:
    """The token range after the first comma at or after the end of a subject phrase, up to the next comma or
    speaker word ("الأمين العام للحزب، عصام الشابي لوكالة …" -> "عصام الشابي";
    "القيادي في حزب نداء تونس، رؤوف الخماسي" -> "رؤوف الخماسي")."""
    comma = next((n for n in range(hi, tok_hi) if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n))), None)
    if comma is None:
        return None
    hi = comma
    end = hi + 1
    while end < tok_hi and not is_word(ctx, end, WORD_KINDS):
        if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(end)):
            break
        end += 1
    return hi, end


def quoted_name(ctx: Context, mention: Mention) -> bool:
    """A name inside marks (وكالة "أكتونيجر") still names a speaker when the marks hold nothing else."""
    span = ctx.in_mark(mention.char_start)
    return span is not None and span.inner_start == mention.char_start and span.inner_end == mention.char_end


def np_end(ctx: Context, end: int) -> int:
    """Extend a phrase over a closing mark right after it: وكالة "أكتونيجر" keeps its closing quote."""
    span = ctx.in_mark(end - 1)
    return span.close_at + 1 if span is not None and span.close_at == end else end


def np_surface(ctx: Context, start: int, end: int) -> str:
    return ctx.body[start : np_end(ctx, end)]
