"""Quotations attributed with "according to": وفقاً لـ، طبقاً لـ، وفق، بحسب، حسب، نقلاً عن.

The source either opens its sentence ("ووفقاً لوزارة الخارجية، فإن …": the quotation is the clause after the comma)
or closes it ("…، حسب وزارة الخارجية.": the clause before), or sits inside it ("…، حسب وكالة فرانس برس، …": the
whole sentence). Only a phrase that names a speaker is a source: "وفقاً للاتفاق" is not.
"""

from __future__ import annotations

import functools

from flows.nlp.entities.role_words import time_words
from flows.nlp.quotes.context import CLAUSE_COMMAS, Context, Found, Speaker
from flows.nlp.quotes.lexicon import OBJECT_PRONOUNS, Cue, cue_for, is_complementizer, is_lead, speaker_word
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, SOURCE_PREPOSITION, is_person_title
from flows.nlp.quotes.speakers import np_speaker
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Sentence

# A source after "according to" ("الأمين العام للحزب الجمهوري، عصام الشابي لوكالة تونس افريقيا للأنباء") is
# at most this many words; a longer tail means the phrase is not a source but the start of another clause.
MAX_SOURCE_TOKENS = 12
# A source no list knows, at the end of its sentence, is a name of this many words ("بيزنس إنسايدر").
MIN_UNKNOWN_SOURCE = 2
MAX_UNKNOWN_SOURCE = 3
# A quotation attributed after the fact must be a clause, not a name in marks: at least this many words.
MIN_POSTPOSED_WORDS = 3
LAM = "ل"
# How far a cue inside a clause may stand from its complementizer or quotation mark (extract.MAX_CUE_WINDOW).
MAX_INNER_CUE_WINDOW = 16
# The cue classes of a verb of saying after "بحسب ما" (speech_cues.tsv): أفاد، ذكر، قال، أعلن، نقل، جاء في.
SAYING_CLASSES = frozenset({"verb", "statement_verb", "quoting_verb", "located_verb"})
LAM_PREPS = frozenset({"وفقا", "طبقا", "وفق"})  # take their source after لـ …
# "بحسب X، CLAUSE": a fact attributed to a source, not a statement of view; stored as its own quote_kind (the ANT v2.1
# gold guidelines score it apart). Within quotation marks the same cues give direct speech (extract.py, pass 2).
ACCORDING_TO = "according_to"
QUOTING_PREP = "نقلا"  # نقلاً عن X: the source follows عن
NOUN_PREPS = frozenset({"وفق"})  # … or directly: "وفق بلاغ لوزارة الدفاع"
WHAT = "ما"  # بحسب ما أفادت …
# A source referred to by a definite noun ("المصدر", "المصادر الأمنية", "بحسب ما أفادت النيابة العامة") has at most
# this many words: a longer definite phrase is a description of something else ("وفق الأرقام الرسمية الأخيرة …").
MAX_REFERRED_WORDS = 2
# Prepositions of place after a source's noun ("النيابة في مدينة تولون", "الشرطة لدى وصولها"): its name ends there.
PLACE_PREPOSITIONS = frozenset({"في", "لدى"})


def according_to(ctx: Context, i: int, cue: Cue, clitic: int) -> Found | None:
    """وفقاً لـX، CLAUSE / بحسب X، CLAUSE / CLAUSE، حسب X: the quotation an "according to" at token ``i`` opens."""
    tokens = ctx.tokens
    cue_start, cue_end = tokens[i].start + clitic, tokens[i].end
    sentence = ctx.sentence_of(cue_start)
    sentence_end = sentence.char_end if sentence else len(ctx.body)
    j = i + 1
    if j >= len(tokens) or tokens[j].start >= sentence_end:
        return None
    if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(j)) and not cue.form.endswith(WHAT):
        return None  # "لم يقرأ الكتاب، وحسب، بل حققه": وحسب before a comma is "only"; a source follows its preposition
    fused = cue.form.endswith(WHAT)  # "حسبما أفادت الوكالة": ما written onto the preposition
    reported = fused or tokens[j].norm in (WHAT, LAM + WHAT)
    said = False  # ما is followed by a verb of saying ("بحسب ما أفادت"), not "بحسب ما يبدو"
    if reported:
        # "بحسب ما أفادت الوزارة", "وفقا لما ذكرته وسائل إعلام": skip ما and the verb after it.
        j += not fused
        if j < len(tokens) and speaker_word(tokens[j].norm) is None:
            verb = cue_for(tokens[j].norm)
            said = verb is not None and verb[0].cue_class in SAYING_CLASSES
            j += 1
        # "حسب ما جاء في طلب الاستدعاء", "حسب ما نقلت عنه إنترفاكس", "حسب ما أفادت به مصادر": the verb's
        # preposition is not the source.
        while j < len(tokens) and (_is_stop(tokens[j].norm) or tokens[j].norm in _bound_prepositions()):
            j += 1
    elif cue.lemma == QUOTING_PREP:
        if tokens[j].norm != SOURCE_PREPOSITION:
            return None
        j += 1
    elif cue.form in LAM_PREPS:
        if not tokens[j].norm.startswith(LAM) and cue.form not in NOUN_PREPS:
            return None
        j += tokens[j].norm == LAM
    if j >= len(tokens) and not reported:
        return None
    floor = sentence.char_start if sentence else 0
    words_before = sum(1 for t in tokens[max(0, i - MIN_POSTPOSED_WORDS) : i] if t.start >= floor)
    if words_before < MIN_POSTPOSED_WORDS:
        # At the head of its sentence: "ووفقاً لوزارة الخارجية، فإن …" — the source, a comma, then the clause.
        # … or the source, then فإن: "ووفق بيان كوربن فإن «…»".
        k = _phrase_end(ctx, j, sentence_end, stop_at_comma=True)
        rest = [t for t in tokens[k : k + 2] if t.start < sentence_end]
        if not rest and words_before == 0 and sentence is not None:
            return _closes_previous(ctx, i, j, k, cue, clitic, sentence, reported, said)
        if len(rest) < 2 or not (any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(k)) or _opens_clause(ctx, k)):
            return None
        referred = None
        if np_speaker(ctx, j, k, cue_start, []) is None:
            referred = _source_referred_to(ctx, j, k) or _body_referred_to(ctx, j, k)
            if referred is None:
                return None  # "وفقاً للاتفاق" is not a source
        first = k + 1 if is_complementizer(tokens[k].norm) else k
        start = tokens[first].start
        mark = ctx.mark_opening_in(tokens[first - 1].end, start)
        if mark is not None:
            start = mark.open_at  # "فإن «…»": pass 2 makes it direct speech when the marks hold the whole clause
        sentence_index = ctx.sentence_index(cue_start)
        found = Found(cue, cue_start, cue_end, ACCORDING_TO, start, None, sentence_index, (j, k))
        if referred is not None:
            found.speaker = referred
        return found
    # After its clause: "…، حسب وزارة الخارجية." — the source runs to the end of the sentence; or in the middle:
    # "ووصل عدد المحتجين، حسب وكالة فرانس برس، عدة مئات" — then the quotation is the whole sentence around it.
    k = _phrase_end(ctx, j, sentence_end, stop_at_comma=False)
    source_end = _phrase_end(ctx, j, sentence_end, stop_at_comma=True)
    if said and j < len(tokens) and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(j)):
        k = j  # "…، حسبما يرى، دفع …": a comma right after the verb; its pronoun is the source
    elif k < len(tokens) and tokens[k].start < sentence_end:
        # "والغاية من وراء إنتاج «فلير»، حسب الشركة، هو ترفيهي …": a source set off by commas inside a long sentence
        # attributes the whole sentence, unless what follows it is a quotation of its own.
        # "وقالت القناة العاشرة، وفق ما نقلت وكالة معا، إن …": a source between a speech verb and its complementizer
        # is how the quotation reached the writer; that quotation is the speech verb's.
        if (
            not _set_off(ctx, i, source_end, k)
            or is_complementizer(tokens[source_end].norm)
            or _holds_a_quote(ctx, tokens[source_end].start, sentence_end)
        ):
            return None
    named = None
    if j >= k:
        # "…، وفق ما تقول.": the verb's pronoun is the source, the person the clause is about.
        named = _clause_person(ctx, floor, tokens[i].start) if said else None
        if named is None:
            return None
    elif np_speaker(ctx, j, k, cue_start, []) is None:
        named = _closing_source(ctx, j, source_end, reported, said)
        if named is None:
            return None
    clause = _clause_before(ctx, i, floor)
    if clause is None or _holds_a_quote(ctx, clause[0], ctx.tokens[i].start):
        return None
    if source_end < k and not _apposition_follows(ctx, j, source_end, k):
        found = Found(cue, cue_start, cue_end, ACCORDING_TO, clause[0], ctx.strip_end(clause[0], sentence_end),
                      ctx.sentence_index(cue_start), (j, source_end))  # fmt: skip
    else:
        found = Found(cue, cue_start, cue_end, ACCORDING_TO, clause[0], clause[1], ctx.sentence_index(cue_start),
                      (j, k))  # fmt: skip
    if named is not None:
        found.speaker = named
    return found


def _closing_source(ctx: Context, j: int, end: int, reported: bool, said: bool) -> Speaker | None:
    """Whom a closing source phrase (tokens ``j:end``) names when no speaker phrase does: "…، بحسب بيزنس
    إنسايدر.", "…، حسب قرار القاضي جيرالد ليبوفيتس، الاثنين." (whoever the phrase names); "…، بحسب المصدر" (the
    source cited before); "…، بحسب ما أفادت النيابة" (after ما and a verb, the verb's definite subject)."""
    return (
        _named_source(ctx, j, end, 1 if reported else MIN_UNKNOWN_SOURCE)
        or _source_referred_to(ctx, j, end)
        or _body_referred_to(ctx, j, end)
        or (_definite_subject(ctx, j, end) if said else None)
    )


def _closes_previous(
    ctx: Context, i: int, j: int, k: int, cue: Cue, clitic: int, sentence: Sentence, reported: bool, said: bool
) -> Found | None:
    """ "… جنوب دمشق. بحسب تقارير إعلامية.": an "according to" that is a sentence of its own, after a full stop in
    the same paragraph, closes the sentence before it (the writer's stop stands where a comma would)."""
    if sentence.index == 0 or j >= k:
        return None
    previous = ctx.sentences[sentence.index - 1]
    if "\n" in ctx.body[previous.char_end : sentence.char_start]:
        return None
    cue_start = ctx.tokens[i].start + clitic
    named = None
    if np_speaker(ctx, j, k, cue_start, []) is None:
        named = _closing_source(ctx, j, k, reported, said)
        if named is None:
            return None
    words = ctx.token_range(previous.char_start, previous.char_end)
    if len(words) < MIN_POSTPOSED_WORDS or _holds_a_quote(ctx, previous.char_start, previous.char_end):
        return None
    start = ctx.tokens[words.start].start
    mark = ctx.mark_opening_in(previous.char_start, start)
    if mark is not None:
        start = mark.open_at
    end = ctx.strip_end(start, previous.char_end)
    found = Found(cue, cue_start, ctx.tokens[i].end, ACCORDING_TO, start, end, previous.index, (j, k))
    if named is not None:
        found.speaker = named
    return found


def _set_off(ctx: Context, i: int, source_end: int, k: int) -> bool:
    """The source phrase of the "according to" at token ``i`` stands between two commas, the sentence going on after
    the second: "…، حسب الشركة، …"."""
    return (
        i > 0
        and source_end < k
        and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(i))
        and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(source_end))
    )


def _holds_a_quote(ctx: Context, start: int, end: int) -> bool:
    """ "وقال نبيل معلول: «…»، وفق ما نقلت رويترز", "وقالت الشركات … إن …، وفق …": the clause before the source is
    already a quotation with its own cue; the source does not make it a second one."""
    words = ctx.token_range(start, end)
    for n in words:
        hit = cue_for(ctx.tokens[n].norm)
        if hit is None or hit[0].cue_class in ("prep", "noun"):
            continue
        for m in range(n + 1, min(words.stop, n + 1 + MAX_INNER_CUE_WINDOW)):
            if (
                is_complementizer(ctx.tokens[m].norm)
                or ":" in ctx.gap_before(m)
                or ctx.mark_opening_in(ctx.tokens[m - 1].end, ctx.tokens[m].start + 1)
            ):
                return True
    return False


def _is_stop(norm: str) -> bool:
    word = speaker_word(norm)
    return word is not None and word.kind == "stop"


def _named_source(ctx: Context, j: int, k: int, min_words: int) -> Speaker | None:
    """A person or body named in a source phrase, or a name of ``min_words`` to three words no list knows (no
    article on its first word: "وفق تعبيرها" and "وفقا للاتفاق" name nobody); after "ما" and a verb ("حسب ما
    نقلت عنه إنترفاكس") one word is enough: the verb says that a source follows."""
    named = [
        m for m in ctx.mentions_in(ctx.tokens[j].start, ctx.tokens[k - 1].end)
        if m.entity_type in ("PERSON", "ORG") and not m.is_adjectival
    ]  # fmt: skip
    if named:
        return ctx.speaker_from(named[0])
    first = ctx.tokens[j].norm
    if min_words <= k - j <= MAX_UNKNOWN_SOURCE and not first.startswith(("ال", "لل")):
        return Speaker(None, ctx.body[ctx.tokens[j].start : ctx.tokens[k - 1].end], ctx.tokens[j].start,
                       ctx.tokens[k - 1].end)  # fmt: skip
    return None


def _source_referred_to(ctx: Context, j: int, k: int) -> Speaker | None:
    """ "بحسب المصدر، فإن …", "…، وفق المصادر": an unnamed source's word with the article is the source cited before
    (resolved to its fullest words by late.py); a phrase of at most MAX_REFERRED_WORDS words."""
    if not 0 < k - j <= MAX_REFERRED_WORDS:
        return None
    word = ctx.tokens[j].norm
    at = word.find(DEFINITE_ARTICLE)
    if at < 0 or at > 1:  # the article, after at most one proclitic letter (للمصادر is ل + المصادر)
        return None
    listed = speaker_word(word[at + len(DEFINITE_ARTICLE) :])
    if listed is None or listed.kind != "unnamed":
        return None
    start, end = ctx.tokens[j].start + at, ctx.tokens[k - 1].end
    return Speaker(None, ctx.body[start:end], start, end)


def _body_referred_to(ctx: Context, j: int, k: int) -> Speaker | None:
    """ "…، وفق المرصد.", "وبحسب الهيئة، فإن …": a definite phrase of at most MAX_REFERRED_WORDS words that opens the
    name of a body the article named before ("المرصد السوري لحقوق الإنسان") is that body, its words kept as the
    surface."""
    if not 0 < k - j <= MAX_REFERRED_WORDS:
        return None
    word = ctx.tokens[j].norm
    at = word.find(DEFINITE_ARTICLE)
    if at < 0 or at > 1:  # the article, after at most one proclitic letter (للمرصد is ل + المرصد)
        return None
    words = [word[at:], *(ctx.tokens[n].norm for n in range(j + 1, k))]
    start, end = ctx.tokens[j].start + at, ctx.tokens[k - 1].end
    for mention in ctx.mentions_before(start):
        named = normalize(mention.surface).split()
        if mention.entity_type == "ORG" and not mention.is_adjectival and len(named) > len(words):
            if named[: len(words)] == words:
                return Speaker(mention.entity_id, ctx.body[start:end], start, end, mention.entity_type)
    return None


def _clause_person(ctx: Context, start: int, end: int) -> Speaker | None:
    """The first person named in ``start:end`` (the clause an "according to what she says" closes)."""
    persons = [m for m in ctx.mentions_in(start, end) if m.entity_type == "PERSON" and not m.is_adjectival]
    return ctx.speaker_from(persons[0]) if persons else None


@functools.cache
def _bound_prepositions() -> frozenset[str]:
    """ب and ل with an object pronoun (به، لها): "أفادت به", never a source."""
    return frozenset(p + pronoun for p in ("ب", LAM) for pronoun in OBJECT_PRONOUNS)


def _definite_subject(ctx: Context, j: int, k: int) -> Speaker | None:
    """ "بحسب ما أفادت النيابة", "بحسب ما ذكرت العائلة": after ما and a verb a definite noun (and its definite
    modifiers, at most MAX_REFERRED_WORDS words) is the verb's subject, the source, when no list knows it; a place
    after it ("بحسب ما أفادت النيابة في مدينة تولون") is where the source sits, not part of its name."""
    for n in range(j + 1, k):
        if ctx.tokens[n].norm in PLACE_PREPOSITIONS:
            k = n
            break
    if not 0 < k - j <= MAX_REFERRED_WORDS:
        return None
    words = [ctx.tokens[n].norm for n in range(j, k)]
    if not all(w.startswith(DEFINITE_ARTICLE) for w in words) or time_words() & set(words):
        return None  # "وفق ما أفاد الأربعاء": a weekday is when, the verb's subject is its pronoun
    start, end = ctx.tokens[j].start, ctx.tokens[k - 1].end
    return Speaker(None, ctx.body[start:end], start, end)


def _apposition_follows(ctx: Context, j: int, comma: int, k: int) -> bool:
    """What follows the source's comma to the end of the sentence belongs to the source, so the source closes the
    clause before it: the titled person's name ("وفق ما أكده الأمين العام للحزب، عصام الشابي لوكالة …"), the named
    source's title ("وفقا لما ذكره بيريس إدواردز، مراسل بي بي سي في أفريقيا") or the day it spoke ("وفق ما ذكرت
    "سكاي نيوز"، الخميس")."""
    if k - comma > MAX_SOURCE_TOKENS or comma >= k:
        return False
    if all(ctx.tokens[n].norm in time_words() for n in range(comma, k)) or is_person_title(ctx, comma):
        return True
    word = speaker_word(ctx.tokens[j].norm)
    return word is not None and word.kind == "head" and word.resolve == "person"


def _opens_clause(ctx: Context, k: int) -> bool:
    """A complementizer outside marks, not followed by another ("حسب قناة سي إن إن" names a channel)."""
    following = k + 1 < len(ctx.tokens) and is_complementizer(ctx.tokens[k + 1].norm)
    return is_complementizer(ctx.tokens[k].norm) and not following and ctx.in_mark(ctx.tokens[k].start) is None


def _phrase_end(ctx: Context, j: int, sentence_end: int, stop_at_comma: bool) -> int:
    """The token index after a source phrase starting at ``j``: at a comma, the sentence end, or the length limit."""
    k = j
    while k < len(ctx.tokens) and ctx.tokens[k].start < sentence_end and k - j < MAX_SOURCE_TOKENS:
        if stop_at_comma and k > j and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(k)):
            break
        if stop_at_comma and k > j and _opens_clause(ctx, k):
            break
        k += 1
    return k


def _clause_before(ctx: Context, i: int, floor: int) -> tuple[int, int] | None:
    """The clause an "according to" at token ``i`` closes: from the sentence start, or after a "، لكن" before it."""
    end = ctx.tokens[i - 1].end
    span = ctx.in_mark(end)
    if span is not None:
        end = span.close_at + 1
    first = i - 1
    while first > 0 and ctx.tokens[first - 1].start >= floor:
        first -= 1
    for k in range(i - 1, first, -1):
        # "…، بل …" inside quotation marks is the speaker's, not a clause of the writer's: "«لم يثقوا به، بل …»"
        lead = is_lead(ctx.tokens[k].norm) and ctx.in_mark(ctx.tokens[k].start) is None
        if lead and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(k)):
            first = k + 1
            break
    if i - first < MIN_POSTPOSED_WORDS:
        return None
    start = ctx.tokens[first].start
    mark = ctx.mark_opening_in(ctx.tokens[first - 1].end if first else 0, start)
    return (mark.open_at if mark is not None and mark.open_at >= floor else start), end
