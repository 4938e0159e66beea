"""Where a reported clause is and is not: a cue in a relative clause on a thing that cannot speak opens none, and
the writer's words that close a sentence (a listed tail, an "according to" after a comma) are not the speaker's."""

from __future__ import annotations

from flows.nlp.quotes.context import CLAUSE_COMMAS, Context
from flows.nlp.quotes.lexicon import clause_tails, cue_for, is_complementizer
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, RELATIVE_PRONOUNS, WORD_KINDS, is_title, is_word

# A relative clause's own subject stands within this many words of its cue ("الذي أكد فيه أحد المسؤولين").
RELATIVE_SUBJECT_AT = 3


def relative_on_a_thing(ctx: Context, i: int) -> bool:
    """A cue in a relative clause on a definite noun that cannot speak, with no subject of its own ("الفكرة التي
    تفيد بأن", "الحركات الاستعراضية التي تؤكد أن", "الطائرة الرئاسية، التي يبلغ عدد مقاعدها"): the writer describes
    a thing; nobody speaks. A noun can speak when the mentions name it or it is a speaker word or a title ("الوزارة
    التي قالت", "الرئيس الذي أكد"); a relative clause with its own subject ("والتي قالت الحكومة اليمنية إنها",
    "الذي أكد فيه أحد المسؤولين") reports that subject."""
    if i < 2 or i + 1 >= len(ctx.tokens) or ctx.tokens[i - 1].norm.removeprefix("و") not in RELATIVE_PRONOUNS:
        return False
    if not ctx.tokens[i - 2].norm.startswith(DEFINITE_ARTICLE) or _can_speak(ctx, i - 2):
        return False  # a word with no article before the pronoun is a name ("لوكاكو الذي قال")
    for n in range(i + 1, min(i + 2 + RELATIVE_SUBJECT_AT, len(ctx.tokens))):
        if n > i + 1 and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n)):
            break
        if is_complementizer(ctx.tokens[n].norm):
            # "التي تؤكد أن النظام الإيراني": the clause follows at once, nobody is named; "التي تقول الولايات
            # المتحدة وحلفاؤها إنها": the words before the complementizer are the cue's own subject.
            return n == i + 1
        if _can_speak(ctx, n):
            return False
    return True


def _can_speak(ctx: Context, n: int) -> bool:
    """Token n is, or is inside, a mention, or it is a speaker word or a title."""
    tok = ctx.tokens[n]
    if is_word(ctx, n, WORD_KINDS) or is_title(ctx, n):
        return True
    return any(m.char_start < tok.end and m.char_end > tok.start for m in ctx.mentions_before(tok.end))


def tail_start(ctx: Context, start: int, end: int, verbs: bool = True) -> int:
    """Where the writer takes over inside ``body[start:end]`` ("، وذلك في مقابلة", "على حد تعبيره"; an "according
    to" after a comma: "، وفق ما ذكرت صحيفة …" names the writer's source), else ``end``."""
    words = ctx.token_range(start, end)
    for n in words:
        if ctx.in_mark(ctx.tokens[n].start) is not None:
            continue
        hit = cue_for(ctx.tokens[n].norm)
        after_comma = any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n))
        if hit is not None and hit[0].cue_class == "prep" and after_comma:
            return ctx.tokens[n].start
        # "…، تتساءل الصحيفة": a speech verb after a comma with its subject after it is the writer's next clause.
        # ("وبحسب رويترز، قالت المؤسسة إن": an "according to" before the clause keeps it whole, ``verbs`` False.)
        writer = verbs and hit is not None and hit[0].cue_class == "verb" and after_comma
        if writer and _subject_follows(ctx, n + 1, words.stop):
            return ctx.tokens[n].start
        for tail in clause_tails():
            if tuple(t.norm for t in ctx.tokens[n : n + len(tail)]) == tail and n + len(tail) <= words.stop:
                return ctx.tokens[n].start
    return end


def _subject_follows(ctx: Context, n: int, stop: int) -> bool:
    """A definite noun or a mention at token ``n`` (before ``stop``): the verb before it names its subject."""
    if n >= stop:
        return False
    tok = ctx.tokens[n]
    following = ctx.mentions_in(tok.start, len(ctx.body))[:1]
    mentioned = bool(following) and following[0].char_start == tok.start and not following[0].is_adjectival
    # "وأضاف إليه": a preposition with its pronoun (normalised إليه reads as ال + يه) names no subject.
    return mentioned or (tok.norm.startswith(DEFINITE_ARTICLE) and not is_word(ctx, n, ("stop", "skip")))
