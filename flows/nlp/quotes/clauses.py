"""Where a reported clause is and is not: a cue in a relative clause on a thing that cannot speak opens none, and
the writer's words that close a sentence (a listed tail, an "according to" after a comma) are not the speaker's."""

from __future__ import annotations

from flows.nlp.quotes.agreement import cue_agreement
from flows.nlp.quotes.context import CLAUSE_COMMAS, Context
from flows.nlp.quotes.descriptions import is_continuation
from flows.nlp.quotes.lexicon import Cue, clause_tails_from, cue_for, is_complementizer
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, RELATIVE_PRONOUNS, WORD_KINDS, is_title, is_word
from flows.nlp.text.arabic import normalize

# A relative clause's own subject stands within this many words of its cue ("الذي أكد فيه أحد المسؤولين").
RELATIVE_SUBJECT_AT = 3
# "… ووصفت", "… لكنه أشار": the conjunctions that join the writer's next clause to a reported one (normalised).
CONJUNCTION = "و"
BUT_PRONOUNS = frozenset({"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم"})
# The speech verbs whose perfect, joined by و or لكنه, is the writer's next clause about the same speaker; named
# verbs (بين 'between', رد) and participles are left out: a participle after a comma is read on its own.
JOINED_CLASSES = frozenset({"verb", "statement_verb", "quoting_verb"})
# A statement verb (توعد، طالب، أشاد) joined without a comma is as often an act of the reported clause's own subject
# ("إن روزلياكوف «كان يكره الكلية» وتوعد «بالثأر»"): only a plain speech verb ends the clause there.
PLAIN_SPEECH = "verb"
# Perfect endings of a verb's 3rd person (its lemma is the masculine singular): أشار، أشارت، أشاروا.
PERFECT_ENDINGS = ("", "ت", "وا")


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


def tail_start(ctx: Context, start: int, end: int, verbs: bool = True, cue: Cue | None = None) -> int:
    """Where the writer takes over inside ``body[start:end]`` ("، وذلك في مقابلة", "على حد تعبيره"; an "according
    to" after a comma: "، وفق ما ذكرت صحيفة …" names the writer's source; a speech participle after a comma:
    "، داعيا إلى …"; the perfect of a speech verb joined by و or لكنه that agrees with the clause's ``cue``: "قالت
    ميركل إن … ووصفت …", "أكد ترامب أنه … لكنه أشار إلى …"), else ``end``."""
    words = ctx.token_range(start, end)
    for n in words:
        if ctx.in_mark(ctx.tokens[n].start) is not None:
            continue
        hit = cue_for(ctx.tokens[n].norm)
        after_comma = any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n))
        if hit is not None and hit[0].cue_class == "prep" and after_comma:
            return ctx.tokens[n].start
        if verbs and hit is not None and hit[0].cue_class == "participle" and after_comma:
            return ctx.tokens[n].start
        if verbs and cue is not None and n > words.start and hit is not None:
            joined = _joined_verb(ctx, n, hit, cue)
            if joined is not None:
                return joined
        # "…، تتساءل الصحيفة": a speech verb after a comma with its subject after it is the writer's next clause.
        # ("وبحسب رويترز، قالت المؤسسة إن": an "according to" before the clause keeps it whole, ``verbs`` False.)
        writer = verbs and hit is not None and hit[0].cue_class == "verb" and after_comma
        if writer and _subject_follows(ctx, n + 1, words.stop):
            return ctx.tokens[n].start
        for tail in clause_tails_from(ctx.tokens[n].norm):
            if tuple(t.norm for t in ctx.tokens[n : n + len(tail)]) == tail and n + len(tail) <= words.stop:
                return ctx.tokens[n].start
    return end


def _joined_verb(ctx: Context, n: int, hit: tuple[Cue, int], cue: Cue) -> int | None:
    """Where the writer's next clause starts when token ``n`` is the perfect of a speech verb joined by و ("ووصفت")
    or after لكنه ("لكنه أشار") and agreeing with the quotation's own cue: the same speaker says something else."""
    verb, clitic = hit
    if verb.cue_class not in JOINED_CLASSES or not _perfect(verb) or is_continuation(verb.lemma):
        return None  # "وأضاف إليه الكأس", "وتابع دراسته": with no quotation of their own they add or go on
    if verb.cue_class != PLAIN_SPEECH and not any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n)):
        return None  # "إن روزلياكوف «كان يكره الكلية» وتوعد «بالثأر»": an act of the clause's own subject
    agreement = cue_agreement(cue)
    if agreement is None or cue_agreement(verb) != agreement:
        return None
    tok = ctx.tokens[n]
    if clitic == len(CONJUNCTION) and tok.norm.startswith(CONJUNCTION):
        return tok.start
    if (
        clitic == 0
        and verb.cue_class == PLAIN_SPEECH
        and ctx.tokens[n - 1].norm in BUT_PRONOUNS
        and ctx.in_mark(ctx.tokens[n - 1].start) is None
    ):
        return ctx.tokens[n - 1].start
    return None


def _perfect(verb: Cue) -> bool:
    lemma = normalize(verb.lemma)
    return any(verb.form == lemma + ending for ending in PERFECT_ENDINGS)


def _subject_follows(ctx: Context, n: int, stop: int) -> bool:
    """A definite noun or a mention at token ``n`` (before ``stop``): the verb before it names its subject."""
    if n >= stop:
        return False
    tok = ctx.tokens[n]
    following = ctx.mentions_in(tok.start, len(ctx.body))[:1]
    mentioned = bool(following) and following[0].char_start == tok.start and not following[0].is_adjectival
    # "وأضاف إليه": a preposition with its pronoun (normalised إليه reads as ال + يه) names no subject.
    return mentioned or (tok.norm.startswith(DEFINITE_ARTICLE) and not is_word(ctx, n, ("stop", "skip")))
