"""Quotes in the title: the headline form "ترامب: إيران تشهد أعمال شغب", "مسؤولان بأمريكا: «…»", "X لـCNN: …".

A headline puts the speaker before a colon and what was said after it, with no cue word. The speaker phrase is read
by the same rules as the phrase after a cue in the body (speakers.np_speaker), on the title's own mentions (the
entity stage's ``part == "title"``), so a surname in the title takes the body's full name. Offsets index the title;
the quote's ``part`` says so.

Not quotes: a label before the colon that names nobody ("مونديال 2018:", "بالفيديو:", "تقرير:", "لأول مرة …:"), and a
state standing alone before it ("العراق: قتلى في تفجير"): in a census of 3,000 ANT v2.1 titles outside the gold, 612
hold a colon, and a bare country before it opens a news line ("نيجيريا: 18 قتيلاً", "مصر: حكم نهائي") about as
often as that state's words ("إيران: لا يمكن لأحد إجبارنا"), so it is left out. A state with a verb ("روسيا تطرد
… : أشخاص غير مرغوب بهم") speaks.
"""

from __future__ import annotations

from dataclasses import replace

from flows.nlp.quotes.context import Context
from flows.nlp.quotes.phrase import is_word
from flows.nlp.quotes.speakers import np_speaker
from flows.nlp.types import Document, Entity, Mention, Quote

TITLE = "title"
# A headline's speaker phrase, cut at the last of these before the colon: "الحوثي يهدد … .. وقرقاش: كلمات فارغة".
SEGMENT_BREAKS = frozenset(".،,|؛;-–—")
# The longest speaker phrase before a headline colon in the census: a name with its verb and object ("سلطان بن سحيم
# ينتقد موقف قطر حول انسحاب أمريكا من «النووي الإيراني»") has 11 words; longer ones are whole sentences.
MAX_HEADLINE_SPEAKER_WORDS = 12
# What was said has at least two words: "رئيس الفلبين …: «اذهب للجحيم»".
MIN_HEADLINE_WORDS = 2
CONJUNCTION = "و"
TITLE_SENTENCE = -1


def title_quotes(doc: Document, mentions: tuple[Mention, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """The headline quote of ``doc``'s title, if it has one (offsets into ``doc.title``, ``part == "title"``)."""
    title = doc.title or ""
    colon = headline_colon(title)
    if colon is None:
        return ()
    # The title read as a body of its own, with the title's mentions.
    on_title = tuple(replace(m, part="body") for m in mentions if m.part == TITLE)
    ctx = Context(Document(doc.article_id, title), on_title, entities)
    before = ctx.token_range(0, colon)
    lo = before.start
    for n in before:
        if n > before.start and any(ch in SEGMENT_BREAKS for ch in ctx.gap_before(n)):
            lo = n
    hi = before.stop
    if lo < hi and ctx.tokens[lo].norm == CONJUNCTION:
        lo += 1
    if not 0 < hi - lo <= MAX_HEADLINE_SPEAKER_WORDS or is_word(ctx, lo, ("statement",)):
        return ()  # "تقرير: هكذا …" is a genre label, not a speaker
    content = _content(ctx, colon)
    if content is None:
        return ()
    speaker = np_speaker(ctx, lo, hi, colon, [], verb=True)
    if speaker is None or speaker.surface is None:
        return ()
    alone = speaker.start == ctx.tokens[lo].start and speaker.end == ctx.tokens[hi - 1].end
    if speaker.entity_type == "GPE" and alone:
        return ()  # "العراق: قتلى في تفجير": a dateline, as often as the state's words
    start, end, kind = content
    return (
        Quote(
            quote_id=f"{doc.article_id}:t{start}-{end}",
            speaker_id=speaker.entity_id,
            speaker_surface=speaker.surface,
            quote_text=title[start:end],
            quote_kind=kind,
            cue=":",
            char_start=start,
            char_end=end,
            sentence_index=TITLE_SENTENCE,  # as a title mention: no body sentence
            cue_start=colon,
            cue_end=colon + 1,
            speaker_start=speaker.start,
            speaker_end=speaker.end,
            part=TITLE,
        ),
    )


def headline_colon(title: str) -> int | None:
    """The first colon of the title outside quotation marks, with words on both sides."""
    depth = 0
    for at, ch in enumerate(title):
        if ch in "«“":
            depth += 1
        elif ch in "»”" and depth:
            depth -= 1
        elif ch == ":" and depth == 0:
            return at if title[:at].strip() and title[at + 1 :].strip() else None
    return None


def _content(ctx: Context, colon: int) -> tuple[int, int, str] | None:
    """What was said: the text inside marks right after the colon when they hold all of it, else the rest of the
    title up to its closing punctuation."""
    words = ctx.token_range(colon, len(ctx.body))
    if len(words) < MIN_HEADLINE_WORDS:
        return None
    start = ctx.tokens[words.start].start
    end = ctx.strip_end(start, len(ctx.body))
    mark = ctx.mark_opening_in(colon, start)
    if mark is not None:
        if mark.close_at + 1 >= end:
            return mark.inner_start, mark.inner_end, "direct"
        start = mark.open_at
    return start, end, "direct"
