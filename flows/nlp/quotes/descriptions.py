"""The person a description stands for when no title list and no role in the article resolves it: "وأضاف المدرب
البرتغالي" after Mourinho's quote, "وقال المسؤول اليمني" after "وزير الخارجية اليمني، خالد اليماني".

A description is a definite noun that describes a person (a title, or a noun of flows/data/quote_person_heads.tsv,
counted from the corpus by bench/quality/build_person_heads.py, or its feminine in ة: "المخرجة" for مخرج, "المسؤولة"
for the unnamed source's مسؤول) with its definite modifiers, and no name in it. It stands for
1. the person named last before it, within the continuation window, whose nationality agrees with its nisba (the
   person's country, else the countries of the roles the article gives them); else
2. the previous quotation's speaker, a person, when the description agrees with them: its nisba names the country
   the article gives them, or the article gives them none (nothing to disagree with).
Never the nearest person by default: without a nisba only the previous speaker is taken, and only by a continuation
cue (وأضاف، وتابع), which says the same person goes on.
"""

from __future__ import annotations

import functools

from flows.nlp.quotes.context import Context, Found, Speaker
from flows.nlp.quotes.lexicon import speaker_word
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, is_person_title
from flows.nlp.quotes.roles import role_countries, role_head
from flows.nlp.text.arabic import normalize
from flows.resources import read_tsv

# How far back (in sentences) the person a description stands for may be named: as for a continuation
# (antecedents.MAX_SENTENCES_BACK).
MAX_SENTENCES_BACK = 3
# The cues that say the same speaker goes on ("وأضاف", "وتابع", "واستطرد", "وأردف", "وواصل"): the lemmas of
# speech_cues.tsv that mean "added, went on", as the lexicon spells them (diacritics are ignored).
CONTINUATION_LEMMAS = frozenset(normalize(w) for w in ("أضاف", "تابع", "استطرد", "أردف", "واصل"))


@functools.cache
def person_heads() -> frozenset[str]:
    """Nouns that describe a person (normalised, without the article): quote_person_heads.tsv."""
    return frozenset(normalize(row["head"]) for row in read_tsv("quote_person_heads.tsv"))


# The feminine ending ة as normalisation writes it: "المخرجة" is the مخرج a woman is.
FEMININE_ENDING = "ه"


def masculine(head: str) -> str:
    """The masculine a feminine noun in ة is formed from ("مخرجه" -> "مخرج"); any other word unchanged."""
    return head[: -len(FEMININE_ENDING)] if head.endswith(FEMININE_ENDING) and len(head) > 3 else head


def is_person_head(head: str) -> bool:
    """A noun of quote_person_heads.tsv (normalised, no article), or the feminine of one: the census counts the
    forms met before a name, and a woman's "المخرجة" is met there less often than her colleague's "المخرج"."""
    return head in person_heads() or masculine(head) in person_heads()


def described_person(
    ctx: Context, lo: int, hi: int, cue_start: int, previous: list[Found], continuation: bool
) -> Speaker | None:
    """The person the description in tokens ``lo:hi`` stands for, with the description's words as the surface."""
    if lo >= hi or not ctx.tokens[lo].norm.startswith(DEFINITE_ARTICLE):
        return None
    head = role_head(ctx.tokens[lo].norm)
    listed = speaker_word(head) or speaker_word(masculine(head))
    # "المسؤول الإيراني": a listed unnamed source's word with the article is one named before.
    unnamed = listed is not None and listed.kind == "unnamed"
    if not is_person_head(head) and not is_person_title(ctx, lo) and not unnamed:
        return None
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    inside = ctx.mentions_in(start, end)
    if any(not m.is_adjectival for m in inside):
        return None  # a name or a body in the phrase is read by the speaker rules
    countries = role_countries(ctx, start, end)
    sentence = ctx.sentence_index(cue_start)
    chosen = _named_before(ctx, start, sentence, countries) if countries else None
    if chosen is None and (countries or continuation):
        chosen = _previous_speaker(ctx, sentence, countries, previous)
    if chosen is None:
        return None
    return Speaker(chosen.entity_id, ctx.body[start:end], start, end, chosen.entity_type)


def _named_before(ctx: Context, start: int, sentence: int, countries: set[str]) -> Speaker | None:
    """The person named last before ``start``, within the window, whose nationality is one of ``countries``."""
    floor = ctx.sentences[max(0, sentence - MAX_SENTENCES_BACK)].char_start if ctx.sentences else 0
    for mention in ctx.mentions_before(start):
        if mention.char_start < floor:
            break
        person = mention.entity_type == "PERSON" and not mention.is_adjectival
        if person and ctx.in_mark(mention.char_start) is None and nationality(ctx, mention.entity_id) & countries:
            return ctx.speaker_from(mention)
    return None


def _previous_speaker(ctx: Context, sentence: int, countries: set[str], previous: list[Found]) -> Speaker | None:
    """The last quotation's speaker, a linked person quoted within the window whose nationality agrees or is
    unknown."""
    last = next((q for q in reversed(previous) if q.speaker.surface is not None), None)
    if last is None or last.speaker.entity_type != "PERSON" or last.speaker.entity_id is None:
        return None
    if sentence - last.sentence > MAX_SENTENCES_BACK + _sentences_in(ctx, last):
        return None
    own = nationality(ctx, last.speaker.entity_id)
    return last.speaker if not own or not countries or own & countries else None


def nationality(ctx: Context, entity_id: str) -> set[str]:
    """The person's country, else the countries the roles the article gives them name."""
    entity = ctx.entities.get(entity_id)
    if entity is not None and entity.country_code:
        return {entity.country_code}
    return {c for role in ctx.roles.attached if role.name.entity_id == entity_id for c in role.countries}


def _sentences_in(ctx: Context, quote: Found) -> int:
    """How many sentences after its cue's a quotation runs on."""
    end = quote.content_end if quote.content_end is not None else quote.content_start
    return max(0, ctx.sentence_index(max(quote.content_start, end - 1)) - quote.sentence)


def is_continuation(lemma: str) -> bool:
    return normalize(lemma) in CONTINUATION_LEMMAS
