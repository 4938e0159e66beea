"""Who is speaking: the subject phrase after a cue, a role word resolved in context, or the previous speaker.

The mentions stage names entities; this module only chooses among its mentions. Where nobody is named
("مصدر دبلوماسي") the speaker keeps its surface and a null entity id.
"""

from __future__ import annotations

from flows.nlp.quotes.context import CLAUSE_COMMAS, Context, Speaker
from flows.nlp.quotes.lexicon import speaker_word, speaker_word_split
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Mention

# Entity types that can speak, best first: "وزير خارجية مالي عبد الله ديوب" is Diop, not Mali.
SPEAKER_TYPES = ("PERSON", "ORG", "GPE")
# How far back (in sentences) a subjectless cue looks for the previous speaker: a continuation ("وأضاف") follows
# its speaker's quote closely; further back the antecedent is too uncertain. Set from the seeds, where the longest
# gap between a speaker's quote and its continuation is two sentences.
MAX_SENTENCES_BACK = 3
# How many tokens before a subjectless cue a preposed subject ("لافروف قال") may sit.
MAX_PREPOSED_TOKENS = 12
SOURCE_PREPOSITION = "عن"  # نقل الكرملين عن غويتا: the speaker is who is quoted, after عن
# A role word before a subjectless verb takes its definite modifiers along: "المجلس العسكري الحاكم ينفي".
DEFINITE_ARTICLE = "ال"
MAX_DEFINITE_MODIFIERS = 3
# A name in apposition ("عصام الشابي" after "الناطق باسم الحزب،") is at most this many words.
MAX_NAME_TOKENS = 3
# A subject no list knows ("المحطة", "لو دريان") standing alone before the complementizer: at most this many words.
MAX_BARE_SUBJECT = 2
# Conjunctions after which a noun starts a new clause as its subject.
CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "و", "ثم", "بينما", "فيما"})
WORD_KINDS = ("unnamed", "head", "ref", "skip", "stop", "statement")


def np_speaker(
    ctx: Context,
    tok_lo: int,
    tok_hi: int,
    cue_start: int,
    previous: list,
    quoting: bool = False,
    object_first: bool = False,
    bare_ok: bool = False,
) -> Speaker | None:
    """The speaker named by tokens ``tok_lo:tok_hi`` (the phrase after a cue), or None when it names nobody.

    ``quoting`` is for "نقل X عن Y": the speaker is Y, after عن. ``object_first`` is for "وصف X بأنه": a short
    phrase before the complementizer is the object, not a subject. ``bare_ok`` lets a short phrase no list knows
    be the subject of a verb (never the source of "وفق تعبيره", which is a pronoun).
    """
    lo, hi = _trim_np(ctx, tok_lo, tok_hi, quoting)
    if hi - lo > 1 and _is_word(ctx, lo, ("statement",)):
        lo += 1  # "بلاغ لوزارة الدفاع": the ministry speaks through its statement
    if lo >= hi:
        return None
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    mentions = [m for m in ctx.mentions_in(start, end) if not ctx.in_mark(m.char_start) or _quoted_name(ctx, m)]
    first_word = speaker_word(ctx.tokens[lo].norm)
    opens_subject = first_word is not None or any(m.char_start < ctx.tokens[lo].end for m in mentions)
    after = _after_comma(ctx, hi, tok_hi)
    if not opens_subject:
        bare = bare_ok and not object_first
        return _unlisted_subject(ctx, lo, hi, tok_hi, after, previous, bare)
    persons = [m for m in mentions if m.entity_type == "PERSON" and not m.is_adjectival]
    if persons:
        return ctx.speaker_from(persons[0])
    if first_word is not None and first_word.kind == "head" and first_word.resolve == "person" and after is not None:
        named = _name_after_title(ctx, after)
        if named is not None:
            return named
    split = speaker_word_split(ctx.tokens[lo].norm)
    if split is not None and split[1]:
        start += split[1]  # "لوزارة الخارجية": the speaker is the ministry, not the preposition
    surface_speaker = Speaker(None, _np_surface(ctx, start, end), start, _np_end(ctx, end))
    if first_word is not None and first_word.kind == "unnamed":
        return surface_speaker
    orgs = [m for m in mentions if m.entity_type == "ORG" and not m.is_adjectival]
    if orgs:
        return ctx.speaker_from(orgs[0])
    for i in range(lo, hi):
        word = speaker_word(ctx.tokens[i].norm)
        if word is not None and word.kind == "ref":
            resolved = _resolve_ref(ctx, word.resolve, word.name_contains, mentions, cue_start, previous)
            if resolved is not None and resolved.entity_id is None:
                return resolved  # an earlier speaker nobody could link: keep the words that named it
            if resolved is not None:
                surface = surface_speaker.surface
                return Speaker(resolved.entity_id, surface, start, surface_speaker.end, resolved.entity_type)
    places = [m for m in mentions if m.entity_type in SPEAKER_TYPES and not m.is_adjectival]
    if places and places[0].char_start < ctx.tokens[lo].end:
        return ctx.speaker_from(places[0])
    if first_word is not None and first_word.kind in ("head", "ref"):
        return surface_speaker
    return None


def _unlisted_subject(
    ctx: Context, lo: int, hi: int, tok_hi: int, after: tuple[int, int] | None, previous: list, bare: bool
) -> Speaker | None:
    """A subject phrase that opens with neither a mention nor a listed word: a name no list knows, or nobody."""
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    # "التوهامي العبدولي، كاتب الدولة …": a name the mentions stage does not know, then its title.
    if after is not None and hi - lo <= MAX_NAME_TOKENS and _is_person_title(ctx, after[0]):
        return Speaker(None, ctx.body[start:end], start, end)
    # "أفاد الصديق": the last name of someone named (or speaking) before.
    earlier = _earlier_unlinked_speaker(ctx, lo, previous)
    if earlier is not None:
        return earlier
    # "وأضافت المحطة أن", "وأوضح لو دريان أنه": a short subject right before the complementizer (or before
    # "في تصريح …") is who speaks, even when no list knows it; "وصف X بأنه" puts its object there instead.
    if bare and hi - lo <= MAX_BARE_SUBJECT and (hi == tok_hi or _is_word(ctx, hi, ("stop",))):
        return Speaker(None, ctx.body[start:end], start, end)
    return None


def _name_after_title(ctx: Context, after: tuple[int, int]) -> Speaker | None:
    """ "الناطق الرسمي باسم الحزب الجمهوري، عصام الشابي": the title, a comma, then the name."""
    a_start, a_end = ctx.tokens[after[0]].start, ctx.tokens[after[1] - 1].end
    named = [m for m in ctx.mentions_in(a_start, a_end) if m.entity_type == "PERSON" and not m.is_adjectival]
    if named:
        return ctx.speaker_from(named[0])
    if after[1] - after[0] <= MAX_NAME_TOKENS and not any(_is_word(ctx, n, WORD_KINDS) for n in range(*after)):
        return Speaker(None, ctx.body[a_start:a_end], a_start, a_end)
    return None


def antecedent_speaker(ctx: Context, cue_start: int, previous: list) -> Speaker:
    """The speaker of a cue with no subject of its own: a continuation ("وأضاف") or a dropped pronoun."""
    sentence = ctx.sentence_index(cue_start)
    same_sentence = [q for q in previous if q.sentence == sentence]
    if same_sentence and same_sentence[-1].speaker.surface is not None:
        return same_sentence[-1].speaker
    preposed = _preposed_subject(ctx, cue_start, previous)
    if preposed is not None:
        return preposed
    for quote in reversed(previous):
        if sentence - quote.sentence > MAX_SENTENCES_BACK:
            break
        if quote.speaker.surface is not None:
            return quote.speaker
    return _topic_person(ctx, cue_start, sentence) or Speaker(None, None)


def _topic_person(ctx: Context, cue_start: int, sentence: int) -> Speaker | None:
    """ "وصف الرئيس الأميركي دونالد ترامب … . وقال إن …": with no quote before it, a subjectless verb at the head of
    its sentence speaks for the first person named in the nearest sentence before that names one."""
    current = ctx.sentence_of(cue_start)
    if current is None or ctx.body[current.char_start : cue_start].strip(" و"):
        return None
    for back in range(1, MAX_SENTENCES_BACK + 1):
        if sentence - back < 0:
            break
        earlier = ctx.sentences[sentence - back]
        named = ctx.mentions_in(earlier.char_start, earlier.char_end)
        persons = [m for m in named if m.entity_type == "PERSON" and not m.is_adjectival]
        if persons:
            return ctx.speaker_from(persons[0])
    return None


def _preposed_subject(ctx: Context, cue_start: int, previous: list) -> Speaker | None:
    """A person or body named just before the cue in its sentence ("المجلس العسكري ينفي ذلك، ويقول")."""
    sentence = ctx.sentence_of(cue_start)
    floor = sentence.char_start if sentence else 0
    near = list(ctx.token_range(floor, cue_start))[-MAX_PREPOSED_TOKENS:]
    quoted = [(q.content_start, q.content_end) for q in previous]

    def outside_quotes(index: int) -> bool:
        return ctx.in_mark(index) is None and not any(s <= index < e for s, e in quoted)

    candidates = [
        m for m in ctx.mentions_before(cue_start)
        if near and m.char_start >= ctx.tokens[near[0]].start and not m.is_adjectival
        and m.entity_type in ("PERSON", "ORG") and outside_quotes(m.char_start)
    ]  # fmt: skip
    for n in reversed(near):
        tok = ctx.tokens[n]
        for mention in candidates:
            if tok.start < mention.char_end <= tok.end:
                return ctx.speaker_from(mention)
        word = speaker_word(tok.norm)
        role = word is not None and word.kind in ("ref", "unnamed")
        if role and outside_quotes(tok.start) and _subject_position(ctx, n, floor):
            hi = n + 1
            while hi < len(ctx.tokens) and hi - n <= MAX_DEFINITE_MODIFIERS and ctx.tokens[hi].start < cue_start:
                if not ctx.tokens[hi].norm.startswith(DEFINITE_ARTICLE) or ctx.gap_before(hi).strip():
                    break
                hi += 1
            start, end = tok.start, ctx.tokens[hi - 1].end
            resolved = None
            assert word is not None  # the loop above stopped on a speaker word
            if word.kind == "ref":
                inside = ctx.mentions_in(start, end)
                resolved = _resolve_ref(ctx, word.resolve, word.name_contains, inside, cue_start, previous)
            return Speaker(resolved.entity_id if resolved else None, ctx.body[start:end], start, end,
                           resolved.entity_type if resolved else None)  # fmt: skip
    return None


def _subject_position(ctx: Context, n: int, floor: int) -> bool:
    """A role word opens a clause (sentence start, after a comma or "لكن"), not a genitive ("نواب المجلس")."""
    if n == 0 or ctx.tokens[n - 1].start < floor:
        return True
    return any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n)) or ctx.tokens[n - 1].norm in CLAUSE_OPENERS


def _resolve_ref(
    ctx: Context, resolve: str | None, contains: str | None, np_mentions: list[Mention], cue_start: int, previous: list
) -> Speaker | None:
    if resolve == "nisba_gpe":
        gpes = [m for m in np_mentions if m.entity_type == "GPE"]
        return ctx.speaker_from(gpes[0]) if gpes else None
    if resolve == "person":
        for quote in reversed(previous):
            if quote.speaker.entity_type == "PERSON":
                return quote.speaker
        persons = [m for m in ctx.mentions_before(cue_start) if m.entity_type == "PERSON"]
        return ctx.speaker_from(persons[0]) if persons else None
    if resolve == "org":
        # "الخارجية الروسية": the ministry must belong to the country of the nisba, when one is given.
        countries = {
            ctx.entities[m.entity_id].country_code for m in np_mentions
            if m.entity_type == "GPE" and m.entity_id in ctx.entities
        }  # fmt: skip
        quoted = [(q.content_start, q.content_end) for q in previous]
        # A body that has been speaking is the likeliest referent ("وأشارت الوزارة"); then bodies named outside
        # earlier quotations ("وزارة الداخلية" inside a quoted clause is not who speaks next).
        spoken = [
            q.speaker for q in reversed(previous)
            if q.speaker.start is not None and (q.speaker.entity_type == "ORG" or q.speaker.entity_id is None)
        ]  # fmt: skip
        named = [
            ctx.speaker_from(m) for m in ctx.mentions_before(cue_start)
            if m.entity_type == "ORG" and not m.is_adjectival and not any(s <= m.char_start < e for s, e in quoted)
        ]  # fmt: skip
        for candidate in spoken + named:
            entity = ctx.entities.get(candidate.entity_id or "")
            name = normalize(entity.name_ar if entity else candidate.surface or "")
            if contains and contains not in name and contains not in normalize(candidate.surface or ""):
                continue
            if countries and (entity is None or entity.country_code not in countries):
                continue
            return candidate
    return None


def _earlier_unlinked_speaker(ctx: Context, lo: int, previous: list) -> Speaker | None:
    """A last name that names a person mentioned (or speaking) earlier under the full name."""
    tok = ctx.tokens[lo]
    token = tok.norm
    for mention in ctx.mentions_before(tok.start):
        person = mention.entity_type == "PERSON" and not mention.is_adjectival
        if person and normalize(mention.surface).split()[-1:] == [token]:
            return Speaker(mention.entity_id, ctx.body[tok.start : tok.end], tok.start, tok.end, "PERSON")
    for quote in reversed(previous):
        speaker = quote.speaker
        if speaker.entity_id is None and speaker.surface and normalize(speaker.surface).split()[-1:] == [token]:
            return speaker
    return None


def _after_comma(ctx: Context, hi: int, tok_hi: int) -> tuple[int, int] | None:
    """The token range after the first comma at or after the end of a subject phrase, up to the next comma or
    speaker word ("الأمين العام للحزب، عصام الشابي لوكالة …" -> "عصام الشابي";
    "القيادي في حزب نداء تونس، رؤوف الخماسي" -> "رؤوف الخماسي")."""
    comma = next((n for n in range(hi, tok_hi) if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n))), None)
    if comma is None:
        return None
    hi = comma
    end = hi + 1
    while end < tok_hi and not _is_word(ctx, end, WORD_KINDS):
        if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(end)):
            break
        end += 1
    return hi, end


def _is_person_title(ctx: Context, n: int) -> bool:
    word = speaker_word(ctx.tokens[n].norm)
    return word is not None and word.kind in ("head", "ref") and word.resolve == "person"


def _is_word(ctx: Context, n: int, kinds: tuple[str, ...]) -> bool:
    word = speaker_word(ctx.tokens[n].norm)
    return word is not None and word.kind in kinds


def _trim_np(ctx: Context, lo: int, hi: int, quoting: bool = False) -> tuple[int, int]:
    """Drop adverbs at either end, keep only what follows عن (نقل … عن X), stop at a clause comma or a preposition."""
    for i in range(lo, hi if quoting else lo):
        if ctx.tokens[i].norm == SOURCE_PREPOSITION:
            lo = i + 1
    while lo < hi and _is_skip(ctx.tokens[lo].norm):
        lo += 1
    if lo < hi and _is_word(ctx, lo, ("stop",)):
        return lo, lo  # "أعرب عن أمله", "أشار إلى أن": no subject after the verb
    for i in range(lo + 1, hi):
        word = speaker_word(ctx.tokens[i].norm)
        if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(i)) or (word is not None and word.kind == "stop"):
            hi = i
            break
    while hi > lo and _is_skip(ctx.tokens[hi - 1].norm):
        hi -= 1
    return lo, hi


def _is_skip(norm: str) -> bool:
    word = speaker_word(norm)
    return word is not None and word.kind == "skip"


def _quoted_name(ctx: Context, mention: Mention) -> bool:
    """A name inside marks (وكالة "أكتونيجر") still names a speaker when the marks hold nothing else."""
    span = ctx.in_mark(mention.char_start)
    return span is not None and span.inner_start == mention.char_start and span.inner_end == mention.char_end


def _np_end(ctx: Context, end: int) -> int:
    """Extend a phrase over a closing mark right after it: وكالة "أكتونيجر" keeps its closing quote."""
    span = ctx.in_mark(end - 1)
    return span.close_at + 1 if span is not None and span.close_at == end else end


def _np_surface(ctx: Context, start: int, end: int) -> str:
    return ctx.body[start : _np_end(ctx, end)]
