"""The subject of the finite verb that governs a subjectless cue inside its sentence.

A participle ("قائلا", "لافتا", "معتبرا") or a bare continuation ("، وأكد أنه", "لكنه قال") with no subject of its own
speaks for the subject of the clause it hangs on: the nearest finite verb before it that opens a clause, whatever
verb it is ("واتهم وكيل محافظة إب …، محمد الدعام، …، لافتاً", "…، ووصف رئيس الوزراء، …، ومعتبرا"), not the last
noun or the verb's object. A clause opens at the sentence's first word, after its connectives and a fronted
adverbial ("من جانبه، رجح المدرب …، وأكد أنه", "وإلى ذلك، أكد اللاجئون … وأضافوا"), or at a verb joined by و after a
comma. A verb with no subject after it (a complementizer or a cue follows: "وشدد أنه") governs nothing of its own:
the search goes on to the clause before. The subject is read by speakers.np_speaker, the reader of a speech verb's
subject, and must agree with the cue in number (agreement.py). Built on the round-9 quote audit (seed 56).
"""

from __future__ import annotations

from flows.nlp.quotes.agreement import agrees
from flows.nlp.quotes.context import CLAUSE_COMMAS, Context, Found, Speaker
from flows.nlp.quotes.lexicon import cue_for, is_complementizer
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, RELATIVE_PRONOUNS, WORD_KINDS, is_title, is_word
from flows.nlp.quotes.speakers import SPEAKER_TYPES, np_speaker

CONJUNCTION = "و"
# A verb joined by و is at least this long (و + a three-letter verb): "ووصف", "واتهم"; not "وهو"، "وفي".
MIN_JOINED_VERB = 4
# A fronted adverbial before the first clause ("من جانبه،", "وإلى ذلك،", "وفي وقت سابق،") has at most this many words.
MAX_FRONTED_WORDS = 3
# How many words after a governing verb its subject may take (a title, a name and its apposition).
MAX_SUBJECT_WORDS = 12
# Connectives that open a sentence before its first clause (normalised), as antecedents.LEADING_CONNECTIVES.
LEADING = frozenset({"غير", "ان", "لكن", "ولكن", "بيد", "كما", "بينما", "فيما", "ثم", "الا"})
# Words after و that are no verb: pronouns, particles, prepositions and the conjunctions of a time or manner clause
# ("وعندما سئل عن …، قال": سئل is the clause's verb, not the speaker) (normalised, without the و).
NOT_VERBS = frozenset(
    {"هو", "هي", "هم", "في", "من", "على", "الى", "عن", "مع", "لا", "لم", "لن", "قد", "ان", "كان", "حول", "خلال", "بعد",
     "قبل", "منذ", "عند", "امام", "ضد", "نحو", "عبر", "رغم", "عندما", "حين", "حينما", "بعدما", "لما", "كلما", "اذا",
     "حيث", "مثلما", "كما", "بينما", "فيما"}
)  # fmt: skip
# Listed words that may be a clause's subject (lexicon kinds): a role, a body's head, an unnamed source, a document.
SUBJECT_KINDS = ("head", "ref", "unnamed", "statement")
# A connective carrying the dropped subject's pronoun before a cue (normalised): "لكنه قال", "ثم إنه".
PRONOUN_CONNECTIVES = frozenset({"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم", "ثم"})
# Connectives a noun follows, never a verb (normalised): لكنّ، أنّ (after غير، إلا).
NOUN_CONNECTIVES = frozenset({"لكن", "ولكن", "ان"})
# Negations before a perfect or imperfect verb (normalised).
NEGATIONS = frozenset({"لم", "لن", "لا", "ولم", "ولن", "ولا"})
VERB_CUE_CLASSES = frozenset({"verb", "statement_verb", "named_verb", "quoting_verb", "located_verb"})


def joined_governing_subject(
    ctx: Context, cue_start: int, previous: list[Found], agreement: str | None
) -> Speaker | None:
    """The subject of the nearest verb joined by و after a comma before the cue ("، ووصف رئيس الوزراء، …، ومعتبرا"),
    when that subject is a name or a listed speaker word; a previous quotation's cue or content ends the search."""
    if not _detached(ctx, cue_start):
        return None
    floor = _floor(ctx, cue_start, previous)
    cue_tok = _cue_token(ctx, cue_start)
    for n in range(cue_tok - 1, -1, -1):
        if ctx.tokens[n].start < floor:
            return None
        if not _joined_verb(ctx, n):
            continue
        found = _subject_after(ctx, n, cue_tok, cue_start, previous, agreement, listed_only=True)
        if found is not None:
            return found
    return None


def opening_governing_subject(
    ctx: Context, cue_start: int, previous: list[Found], agreement: str | None
) -> Speaker | None:
    """The subject of the sentence's first verb, after its connectives and a fronted adverbial ("من جانبه، رجح
    المدرب الإسباني أوناي أيمري …، وأكد أنه"), for a cue inside the sentence."""
    sentence = ctx.sentence_of(cue_start)
    if sentence is None or not ctx.body[sentence.char_start : cue_start].strip(" و") or not _detached(ctx, cue_start):
        return None
    before = list(ctx.token_range(sentence.char_start, cue_start))
    while before and ctx.tokens[before[0]].norm in LEADING:
        if ctx.tokens[before[0]].norm in NOUN_CONNECTIVES:
            return None  # "لكن مسؤولا حدوديا أشار …، موضحا": a noun, not a verb, follows لكنّ and أنّ
        before = before[1:]
    quoted = [(q.content_start, q.content_end or q.content_start) for q in previous]
    if not before or any(s <= ctx.tokens[before[0]].start < e or s <= cue_start < e for s, e in quoted):
        return None  # "أفادت جريدة … أن كلاين كان قد وجه …، وقال": inside a reported clause, its subject speaks
    fronted = next(
        (k for k in range(1, min(len(before), MAX_FRONTED_WORDS + 1)) if _comma_before(ctx, before[k])), None
    )
    if fronted is not None and not _names_a_speaker(ctx, before[0], before[fronted]):
        before = before[fronted:]
    if before and ctx.tokens[before[0]].norm in NEGATIONS:
        before = before[1:]  # "لم يشر المصدر …، لكنه قال": the verb after its negation
    if len(before) < 2 or not _verb_like(ctx, before[0]):
        return None
    cue_tok = _cue_token(ctx, cue_start)
    return _subject_after(ctx, before[0], cue_tok, cue_start, previous, agreement, listed_only=False)


def _cue_token(ctx: Context, cue_start: int) -> int:
    """The token holding the cue (``cue_start`` may fall after its proclitic: و|أكد)."""
    return next((n for n in range(len(ctx.tokens) - 1, -1, -1) if ctx.tokens[n].start <= cue_start), 0)


def _subject_end(ctx: Context, lo: int, hi: int) -> int:
    """Where a verb's subject ends before its object: after its first word (and its genitive, when the word has no
    article: "والد أوزيل"), definite words, names and titles run on to a comma or a relative pronoun ("الرئيس
    المصري", not "الرئيس المصري موقف بلاده")."""
    sentence_mentions = ctx.mentions_in(ctx.tokens[lo].start, ctx.tokens[hi - 1].end)
    end = lo + 1
    if end < hi and not ctx.tokens[lo].norm.startswith(DEFINITE_ARTICLE) and not _comma_before(ctx, end):
        end += 1  # "والد أوزيل": a head without the article governs the word after it
    while end < hi:
        tok = ctx.tokens[end]
        if _comma_before(ctx, end) or tok.norm in RELATIVE_PRONOUNS:
            break
        named = any(m.char_start < tok.end and m.char_end > tok.start for m in sentence_mentions)
        if not (named or tok.norm.startswith(DEFINITE_ARTICLE) or is_title(ctx, end) or ctx.in_mark(tok.start)):
            break
        end += 1
    return end


def _detached(ctx: Context, cue_start: int) -> bool:
    """The cue stands on its own, with no subject before it: joined by و or ف ("وأكد"), after a comma, after a
    connective with its pronoun ("لكنه قال"), or a participle; not "لكن فينغر قال", whose subject precedes it."""
    cue_tok = _cue_token(ctx, cue_start)
    hit = cue_for(ctx.tokens[cue_tok].norm)
    if hit is None:
        return False
    cue, clitic = hit
    if cue.cue_class == "participle" or clitic > 0 or _comma_before(ctx, cue_tok):
        return True
    return cue_tok > 0 and ctx.tokens[cue_tok - 1].norm in PRONOUN_CONNECTIVES


def _floor(ctx: Context, cue_start: int, previous: list[Found]) -> int:
    """Where the search stops: the sentence's start, or the end of the last quotation (cue and content) before the
    cue in the same sentence (its own speaker comes first)."""
    sentence = ctx.sentence_of(cue_start)
    floor = sentence.char_start if sentence else 0
    for quote in previous:
        if quote.cue_start < cue_start and quote.cue_start >= floor:
            end = quote.content_end if quote.content_end is not None else quote.content_start
            floor = max(floor, min(max(end, quote.cue_end), cue_start))
    return floor


def _comma_before(ctx: Context, n: int) -> bool:
    return any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n))


def _names_a_speaker(ctx: Context, lo: int, hi: int) -> bool:
    start, end = ctx.tokens[lo].start, ctx.tokens[hi].start
    named = [m for m in ctx.mentions_in(start, end) if m.entity_type in SPEAKER_TYPES and not m.is_adjectival]
    return bool(named) or any(is_word(ctx, k, SUBJECT_KINDS) or is_title(ctx, k) for k in range(lo, hi))


def _verb_like(ctx: Context, n: int) -> bool:
    """Token ``n`` may be a finite verb: no article, no name, no listed noun or title, no particle."""
    tok = ctx.tokens[n]
    bare = tok.norm.removeprefix(CONJUNCTION) if len(tok.norm) >= MIN_JOINED_VERB else tok.norm
    if ctx.in_mark(tok.start) is not None or bare.startswith(DEFINITE_ARTICLE) or bare in NOT_VERBS:
        return False
    if is_complementizer(tok.norm) or is_word(ctx, n, WORD_KINDS) or is_title(ctx, n):
        return False
    if any(m.char_start < tok.end and m.char_end > tok.start for m in ctx.mentions_before(tok.end)):
        return False
    hit = cue_for(tok.norm)
    return hit is None or hit[0].cue_class in VERB_CUE_CLASSES


def _joined_verb(ctx: Context, n: int) -> bool:
    tok = ctx.tokens[n]
    joined = tok.norm.startswith(CONJUNCTION) and len(tok.norm) >= MIN_JOINED_VERB
    return joined and _comma_before(ctx, n) and _verb_like(ctx, n)


def _subject_after(
    ctx: Context,
    v: int,
    cue_tok: int,
    cue_start: int,
    previous: list[Found],
    agreement: str | None,
    listed_only: bool,
) -> Speaker | None:
    """The subject right after the verb at token ``v``: a name, a listed speaker word or title, or (``listed_only``
    False) a bare or definite phrase; None when the verb has none (a complementizer or a cue follows it)."""
    lo, hi = v + 1, min(cue_tok, v + 1 + MAX_SUBJECT_WORDS)
    if lo >= hi or is_complementizer(ctx.tokens[lo].norm) or cue_for(ctx.tokens[lo].norm) is not None:
        return None
    if any(ch.isdigit() for ch in ctx.tokens[lo].norm):
        return None  # "قتل 11 إيرانيا": a count is what the verb undergoes, no speaker
    first = ctx.tokens[lo]
    named = [m for m in ctx.mentions_in(first.start, first.end) if m.entity_type in SPEAKER_TYPES]
    listed = bool(named) or is_word(ctx, lo, SUBJECT_KINDS) or is_title(ctx, lo)
    if listed_only and not listed:
        return None
    ok = not listed_only
    speaker = np_speaker(ctx, lo, hi, cue_start, previous, bare_ok=ok, definite_ok=ok, verb=True)
    run_end = _subject_end(ctx, lo, hi)
    if speaker is not None and speaker.entity_id is None and (speaker.end or 0) > ctx.tokens[run_end - 1].end:
        # "أكد الرئيس المصري موقف بلاده الثابت": the verb's object ran on into the phrase; read the subject alone.
        speaker = np_speaker(ctx, lo, run_end, cue_start, previous, bare_ok=ok, definite_ok=ok, verb=True)
    if speaker is None or speaker.surface is None or not agrees(agreement, speaker):
        return None
    quoted = [(q.content_start, q.content_end or q.content_start) for q in previous]
    if speaker.start is not None and any(s <= speaker.start < e for s, e in quoted):
        return None
    return speaker


def chained_subject(ctx: Context, cue_start: int, previous: list[Found], agreement: str | None) -> Speaker | None:
    """A cue joined by و with no comma before it, in a chain of verbs ("هاجمت وليامز الحكم راموس وطلبت منه …
    واتهمته بأنه"): it shares the subject of its clause's first verb, read from the clause's start (the sentence's,
    or its last comma's) to the cue; the name right before the cue is that verb's object, not a preposed subject
    (one stands before a verb with no و between: "لكن فينغر قال")."""
    cue_tok = _cue_token(ctx, cue_start)
    hit = cue_for(ctx.tokens[cue_tok].norm)
    if hit is None or hit[1] == 0 or hit[0].cue_class not in VERB_CUE_CLASSES or _comma_before(ctx, cue_tok):
        return None
    if not ctx.tokens[cue_tok].norm.startswith(CONJUNCTION):
        return None
    floor = _floor(ctx, cue_start, previous)
    clause = [n for n in range(cue_tok) if ctx.tokens[n].start >= floor]
    commas = [k for k, n in enumerate(clause) if _comma_before(ctx, n)]
    if commas:
        clause = clause[commas[-1] :]
    if len(clause) < 3:
        return None  # "ترامب وقال": no verb and object before the cue
    for n in clause[:-2]:
        if ctx.in_mark(ctx.tokens[n].start) is not None or not _verb_like(ctx, n):
            continue
        found = _subject_after(ctx, n, cue_tok, cue_start, previous, agreement, listed_only=True)
        if found is not None and found.entity_id is not None:
            return found  # a name only: a listed noun this far from its verb is as often the verb's object
    return None
