"""Quotes set as a sentence of their own in the body: "NAME: «…»", the headline form (titles.py) used as a crosshead,
a caption or a tweet's attribution ("مراد: «المستحيل ليس تونسياً»").

Only a sentence whose colon is followed by quotation marks holding the rest of it: without marks "X: …" in the body
is as often a label ("ملاحظة:", "المصدر:") or a list item as someone's words. The phrase before the colon must name a
speaker by the rules of the phrase after a cue (speakers.np_speaker), in at most MAX_SPEAKER_WORDS words, and not be a
state alone (titles.py: "العراق: …" is a news line as often as the state's words).
"""

from __future__ import annotations

from flows.nlp.quotes.context import Context, Found
from flows.nlp.quotes.lexicon import Cue
from flows.nlp.quotes.phrase import is_word
from flows.nlp.quotes.speakers import np_speaker
from flows.nlp.quotes.titles import CONJUNCTION, headline_colon

# A crosshead names its speaker in a few words ("جيمس أوتيرو", "وزير الخارجية الروسي سيرغي لافروف"); a longer
# phrase before a colon is a sentence of its own (seed 61 and 62 misses of bench/quality/quote_recall_audit.py: 2 and
# 3 words).
MAX_SPEAKER_WORDS = 6
COLON_CUE = Cue(":", ":", "colon")
# What may follow the closing mark in the sentence: its full stop.
LINE_END = ".!؟?…"


def crosshead_quotes(ctx: Context, found: list[Found]) -> list[Found]:
    """The "NAME: «…»" sentences of the body that no quotation found so far overlaps."""
    taken = [(f.cue_start, f.content_end or f.content_start) for f in found]
    extra: list[Found] = []
    for sentence in ctx.sentences:
        start, end = sentence.char_start, sentence.char_end
        if not any(s < end and e > start for s, e in taken):
            item = _crosshead(ctx, start, end)
            if item is not None:
                extra.append(item)
    return extra


def _crosshead(ctx: Context, start: int, end: int) -> Found | None:
    at = headline_colon(ctx.body[start:end])
    if at is None:
        return None
    colon = start + at
    words = ctx.token_range(colon, end)
    if not words:
        return None
    mark = ctx.mark_opening_in(colon, ctx.tokens[words.start].start + 1)
    if mark is None or ctx.body[mark.close_at + 1 : end].strip(LINE_END + " "):
        return None  # the marks must hold all that follows the colon
    before = ctx.token_range(start, colon)
    lo, hi = before.start, before.stop
    if lo < hi and ctx.tokens[lo].norm == CONJUNCTION:
        lo += 1
    if not 0 < hi - lo <= MAX_SPEAKER_WORDS or is_word(ctx, lo, ("statement",)):
        return None
    speaker = np_speaker(ctx, lo, hi, colon, [], verb=True)
    if speaker is None or speaker.surface is None:
        return None
    if speaker.entity_type == "GPE" and speaker.start == ctx.tokens[lo].start and speaker.end == ctx.tokens[hi - 1].end:
        return None
    item = Found(COLON_CUE, colon, colon + 1, "direct", mark.inner_start, mark.inner_end, ctx.sentence_index(colon),
                 (lo, hi), mark=mark)  # fmt: skip
    item.speaker = speaker
    return item
