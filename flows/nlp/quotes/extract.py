"""Who said what: direct and reported quotations with their speakers, as offsets into body_text.

The stage is cue-driven: a reporting verb (قال، أكد، وأضاف…), an adverbial participle (مضيفاً…) or an "according to"
(وفقاً لـ، بحسب…) from flows/data/speech_cues.tsv starts a quotation only when it is followed, after its subject, by
a complementizer (أن/إن/بأن/فإن → reported speech, quote_text is the clause) or by a quotation mark (→ direct speech,
quote_text is the text inside the marks). Text in marks with no cue next to it (a model name «مي - 35 إم», a paper
«الشرق الأوسط», a phrase «الأولى من نوعها») is therefore never a quote. Passes:

1. find candidates at every cue token (outside quotation marks);
2. end each reported clause at the sentence end or just before the next candidate's cue in the same sentence;
3. resolve speakers in reading order (speakers.py: the phrase after the cue; antecedents.py: a subject before it,
   the first clause's subject, or the previous speaker for a continuation ("وأضاف") with no subject of its own);
4. pick up quotations attributed after the fact: «…»، قال X / «…»، بحسب X.
"""

from __future__ import annotations

from flows.nlp.quotes.agreement import cue_agreement
from flows.nlp.quotes.antecedents import MAX_NESTED_SUBJECT, antecedent_speaker
from flows.nlp.quotes.clauses import relative_on_a_thing, tail_start
from flows.nlp.quotes.context import CLAUSE_COMMAS, Context, Found, Speaker, Tok
from flows.nlp.quotes.crossheads import crosshead_quotes
from flows.nlp.quotes.descriptions import described_person, is_continuation
from flows.nlp.quotes.late import resolve_late
from flows.nlp.quotes.lexicon import (
    Cue,
    cue_for,
    is_blocker,
    is_blocker_before_min,
    is_complementizer,
    speaker_word,
)
from flows.nlp.quotes.marks import MarkSpan
from flows.nlp.quotes.phrase import (
    DEFINITE_ARTICLE,
    SOURCE_PREPOSITION,
    accusative,
    is_word,
)
from flows.nlp.quotes.sources import ACCORDING_TO, MIN_POSTPOSED_WORDS, according_to
from flows.nlp.quotes.speakers import np_speaker
from flows.nlp.quotes.titles import title_quotes
from flows.nlp.types import Document, Entity, Mention, Quote

# How many words may separate a cue from its complementizer: the longest subject phrase in the seeds
# ("وزير خارجية مالي عبد الله ديوب اليوم،") plus "إلى حقيقة" is 10; Tunisian copy puts the circumstances
# between them too ("وأضاف مرزوق في تصريح اليوم لمراسل … على هامش الزيارة التي أداها إلى ولاية الكاف، إنه": 14).
# Raised from 12 to 16 after scoring the blind ANT set, where that sentence was missed.
MAX_CUE_WINDOW = 16
# Direct speech may follow a long subject and its circumstances ("وقال النائب X، في ندوة صحفية …، اليوم …، "…"").
MAX_MARK_WINDOW = 20
# Quoted text of at least this many words is speech, not a name or a scare-quoted phrase.
MIN_SPEECH_WORDS = 4
# A statement verb's quoted speech follows it or its preposition at once ("حذر من «…»", "حض «…»").
MAX_STATEMENT_GAP = 1
# A subject phrase before a colon or comma that opens a direct quote ("قال وزير الخارجية الروسي سيرغي لافروف،«…»").
MAX_SUBJECT_TOKENS = 8
# ... and with the circumstances of the saying after it ("وقال اللاعب السابق لريال مدريد الإسباني في مقابلة يوم الثلاثاء
# مع وكالة الأنباء الألمانية (د.ب.أ) بالعاصمة الروسية موسكو: …", 17 words): as far as a mark is looked for.
MAX_ADJUNCT_TOKENS = MAX_MARK_WINDOW
# The cue classes whose direct speech may follow the circumstances of the saying (a finite speech verb, a participle).
ADJUNCT_CUE_CLASSES = frozenset({"verb", "participle"})
SENTENCE_STOPS = ".!?؟"
TATWEEL = "ـ"  # بـ"…": a one-letter preposition drawn out before a mark
VERB_CLASSES = frozenset({"verb", "statement_verb", "named_verb", "quoting_verb", "located_verb", "participle"})
# "وجاء في بيان الوزارة أن": a located verb reports a document through في, its source after it.
LOCATION_PREPOSITION = "في"
# A name no list knows, standing alone between a cue and its complementizer or comma, has at most this many words.
MAX_BARE_NAME = 3
MIN = "من"  # على الرغم من أن
QUOTING_LEMMA = "نقل"  # نقل الكرملين عن غويتا: the speaker follows عن
OBJECT_FIRST_LEMMAS = frozenset({"وصف"})  # وصف الزيارة بأنها تاريخية: الزيارة is what was described
# The speech lemmas whose direct object is the hearer ("أبلغ الصحافيين بأنه"): words no list or mention knows after
# them are whom they told, as after a directive statement verb (حض، حث); of speech_cues.tsv's lemmas only أبلغ.
ADDRESSEE_FIRST_LEMMAS = frozenset({"أبلغ"})
SUBJUNCTIVE_PARTICLES = frozenset({"ان", "لن", "لم"})  # normalised أن، لن، لم
CONDITIONALS = frozenset({"اذا", "واذا", "لو", "ولو"})  # normalised إذا، لو
RESUMPTIVE_FA = "ف"  # فإن
BARE_AN = "ان"  # أن/إن without a pronoun, normalised
WA = "و"  # the conjunction written on a verb: "وأضاف"


def extract_quotes(doc: Document, mentions: tuple[Mention, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Every direct and reported quotation in ``doc``, with the entity who said it where the mentions name one:
    the body's, then the title's headline quote (``part == "title"``, its offsets into the title; titles.py)."""
    ctx = Context(doc, tuple(m for m in mentions if m.part == "body"), entities)
    found = _candidates(ctx)
    _end_clauses(ctx, found)
    found = [f for f in found if f.content_end is not None and f.content_end > f.content_start]
    previous: list[Found] = []
    for item in found:
        _attach_speaker(ctx, item, previous)
        previous.append(item)
    previous.extend(_postposed(ctx, previous))
    previous.extend(crosshead_quotes(ctx, previous))
    resolve_late(ctx, previous)
    return _to_quotes(ctx, previous) + title_quotes(doc, mentions, entities)


# --- pass 1 -------------------------------------------------------------------------------------------------------
def _candidates(ctx: Context) -> list[Found]:
    found: list[Found] = []
    used_marks: set[int] = set()
    for i, tok in enumerate(ctx.tokens):
        hit = cue_for(tok.norm)
        if hit is None or ctx.in_mark(tok.start):
            continue
        cue, clitic = hit
        item = according_to(ctx, i, cue, clitic) if cue.cue_class == "prep" else _verb_candidate(ctx, i, cue, clitic)
        if item is None or (item.mark is not None and item.mark.open_at in used_marks):
            continue
        if item.mark is not None:
            used_marks.add(item.mark.open_at)
        found.append(item)
    return found


def _verb_candidate(ctx: Context, i: int, cue: Cue, clitic: int) -> Found | None:
    tokens = ctx.tokens
    cue_start, cue_end = tokens[i].start + clitic, tokens[i].end
    sentence = ctx.sentence_of(cue_start)
    sentence_end = sentence.char_end if sentence else len(ctx.body)
    words = 0  # words between the cue and token j, a quoted name counting for none
    conditional = False
    first = i + 1
    if relative_on_a_thing(ctx, i):
        return None
    if cue.cue_class == "located_verb":
        if first >= len(tokens) or tokens[first].norm != LOCATION_PREPOSITION:
            return None
        first += 1
    for j in range(first, len(tokens)):
        tok = tokens[j]
        if tok.start >= sentence_end or words > MAX_MARK_WINDOW:
            break
        mark = ctx.mark_opening_in(tokens[j - 1].end, tok.start)
        opens = (mark is not None and mark.open_at > cue_end) or ":" in ctx.gap_before(j)
        if opens and cue.cue_class == "quoting_verb" and not _quotes_from(tokens[i + 1 : j]):
            return None  # "ونشر النصر عبر حسابه": عبر is "via"; the quoting verbs need عن (عبر عن، نقل X عن)
        if mark is not None and mark.open_at > cue_end:
            if _opens_direct_speech(ctx, cue, cue_end, mark, j - i - 1):
                return Found(cue, cue_start, cue_end, "direct", mark.inner_start, mark.inner_end,
                             ctx.sentence_index(cue_start), (first, j), mark=mark)  # fmt: skip
        elif ":" in ctx.gap_before(j) and (
            j - i - 1 <= MAX_SUBJECT_TOKENS
            # "تحت عنوان "المصالحة الوطنية الشاملة : الأبعاد والآفاق"": a colon inside a quoted title opens nothing
            or (j - i - 1 <= MAX_ADJUNCT_TOKENS and _adjunct_cue(cue) and ctx.in_mark(tok.start) is None)
        ):
            # Direct speech after a colon without marks runs to the end of the sentence.
            sentence_index = ctx.sentence_index(cue_start)
            return Found(cue, cue_start, cue_end, "direct", tok.start, sentence_end, sentence_index, (first, j))
        inside = ctx.in_mark(tok.start)
        if inside is not None and inside.open_at > cue_end:
            continue  # a quoted name inside the subject phrase (وكالة "أكتونيجر")
        words += 1
        following = cue_for(tok.norm)
        if (
            following is not None
            and following[0].cue_class in VERB_CLASSES - {"named_verb"}
            and not (following[0].cue_class == "quoting_verb" and not _quotes_next(ctx, j))
        ):
            return None  # the next cue starts its own quotation (بين، رد are more often 'between', 'individual')
        conditional = conditional or tok.norm in CONDITIONALS
        if is_complementizer(tok.norm) and words <= MAX_CUE_WINDOW:
            if tok.norm == BARE_AN and j + 1 < len(tokens) and is_complementizer(tokens[j + 1].norm):
                continue  # "تقول سي أن أن إن": a complementizer never opens a clause that starts with another
            if tok.norm == RESUMPTIVE_FA + BARE_AN and not any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(j)):
                continue  # "قال فيرجيل فان ديك": فإن follows a comma ("قالت صحيفة …، فإن"); else it is a name's "Van"
            if conditional and tok.norm.startswith(RESUMPTIVE_FA):
                continue  # "وإذا تمت إدانته فإنه …": the فإن of a condition's answer, not the cue's clause
            # "بعد أن", "المعروف بأنه": not the cue's clause; its own complementizer may come later.
            if j - 1 > i and is_blocker(tokens[j - 1].norm):
                continue
            if j - 2 > i and tokens[j - 1].norm == MIN and is_blocker_before_min(tokens[j - 2].norm):
                continue
            if cue.cue_class == "named_verb" and not _names_a_subject(ctx, i + 1, j, cue_start):
                return None  # "العلاقات بين شعبي البلدين … بأن": بين is "between" here
            if cue.cue_class == "quoting_verb" and not _quotes_from(tokens[i + 1 : j]):
                return None  # "سيارة نقل ريفي": نقل without عن is not "quoted"
            return _reported(ctx, cue, cue_start, cue_end, j, (first, j))
    return None


def _quotes_from(between: list[Tok]) -> bool:
    return any(t.norm == SOURCE_PREPOSITION for t in between)


def _quotes_next(ctx: Context, j: int) -> bool:
    """A quoting verb at token ``j`` starts a quotation of its own only with عن before the next complementizer
    ("عبّر الوزير عن … أن"): "وقالت الوزارة عبر حسابها على تويتر، إن" says "via", and the quotation is قالت's."""
    for tok in ctx.tokens[j + 1 : j + 1 + MAX_CUE_WINDOW]:
        if is_complementizer(tok.norm):
            return False
        if tok.norm == SOURCE_PREPOSITION:
            return True
    return False


def _opens_direct_speech(ctx: Context, cue: Cue, cue_end: int, mark: MarkSpan, words_between: int) -> bool:
    """A mark after a cue opens direct speech when only the speaker (and a colon or comma) stands between them,
    or when what it holds is long enough to be speech rather than a name ("كتبت الشرطة في تغريدة "…"").
    A statement verb takes quoted speech right after it or its preposition ("حذر من «…»"), never a quoted noun:
    "أدان «الأعمال العنصرية»" names what was condemned;
    a mark right after any cue holding a word or two is a name or a scare quote ("وصف «الساذج»")."""
    window = ctx.body[cue_end : mark.open_at].strip()
    if window and window[-1] == ":":
        return True
    if cue.cue_class == "named_verb":
        return False  # "بين «…» أو «…»", "مليون فرد … «…»": بين and رد quote directly only before a colon
    before = ctx.token_range(0, mark.open_at)
    if before and before.stop > 0 and _names_a_body(ctx, before.stop - 1):
        return False  # "تقول منظمة «إس أو إس البحر المتوسط» الألمانية إن": the marks hold the body's name
    speech = len(ctx.token_range(mark.inner_start, mark.inner_end)) >= MIN_SPEECH_WORDS
    if cue.cue_class == "statement_verb":
        return speech and words_between <= MAX_STATEMENT_GAP
    if not window:
        # "وأعلنت «القوة البديلة الثورية المشتركة» اسمها الجديد": the quoted words are the verb's subject or
        # object when the clause runs on after the closing mark; speech ends there (a comma, a full stop).
        # Only the closing mark's own line: a paragraph that ends at the mark ("وكتب الصدر يقول "…"" then
        # "وأضاف …" on the next line) closes the speech, whatever word opens the next paragraph.
        after = ctx.body[mark.close_at + 1 : mark.close_at + 3].split("\n", 1)[0].strip()
        return speech and not (after and after[0].isalpha())
    if window[-1] in CLAUSE_COMMAS:
        return words_between <= MAX_SUBJECT_TOKENS or speech
    if words_between <= MAX_SUBJECT_TOKENS:
        return speech
    # "وقال يلدريم في مقابلة مع شبكة "ايه آر دي" الإعلامية الألمانية "آمل …"": past the subject, the circumstances
    # of the saying; the quotation must then close the sentence ("أعلن الجيش … اعتقال 21 … "إحباط صفقة …"، حسبما"
    # and "وصف التصنيف … بأنه "…" يصبح" quote a phrase inside the writer's sentence).
    # "أعلنت الدول الثلاث قراراً مشتركاً بالانسحاب …، والذي في رأيهم "…"": a verb with an accusative object states
    # what it did; the marks belong to another clause.
    before = ctx.token_range(cue_end, mark.open_at)
    with_object = any(accusative(ctx, n) and not is_word(ctx, n, ("skip",)) for n in before)
    return (
        speech
        and _adjunct_cue(cue)
        and not with_object
        and not _after_preposition(ctx, mark)
        and _closes_sentence(ctx, mark)
    )


def _adjunct_cue(cue: Cue) -> bool:
    """A speech verb or participle whose circumstances may stand between its subject and its direct speech; not a
    noun (تصريحات), nor a verb whose first phrase is its object (وصف)."""
    return cue.cue_class in ADJUNCT_CUE_CLASSES and cue.lemma not in OBJECT_FIRST_LEMMAS


def _after_preposition(ctx: Context, mark: MarkSpan) -> bool:
    """ "التي اتهمها بـ"الفساد والظلم …"", "إلى "…"": marks right after a preposition hold its object, a quoted
    phrase of the writer's sentence."""
    before = ctx.token_range(0, mark.open_at)
    if not before:
        return False
    tok = ctx.tokens[before.stop - 1]
    return ctx.body[tok.end : mark.open_at].strip() == "" and (
        len(tok.norm) == 1 or is_word(ctx, before.stop - 1, ("stop",)) or ctx.body[tok.end - 1] == TATWEEL
    )


def _closes_sentence(ctx: Context, mark: MarkSpan) -> bool:
    """Nothing but a full stop, the end of the line, or a comma and a speech participle ("، مضيفا") follows the
    closing mark on its line."""
    line = ctx.body[mark.close_at + 1 :].split("\n", 1)[0].strip()
    if not line or line[0] in SENTENCE_STOPS:
        return True
    if line[0] not in CLAUSE_COMMAS:
        return False
    k = ctx.token_range(mark.close_at + 1, len(ctx.body) + 1).start
    return k < len(ctx.tokens) and cue_for(ctx.tokens[k].norm) is not None


def _names_a_body(ctx: Context, n: int) -> bool:
    """An organisation head word without the article (منظمة، صحيفة، وكالة): what follows it is the body's name."""
    word = speaker_word(ctx.tokens[n].norm)
    return word is not None and word.kind == "head" and word.resolve == "org"


def _names_a_subject(ctx: Context, lo: int, hi: int, cue_start: int) -> bool:
    """A known speaker, or a short name right before the complementizer or a comma ("وبين القطي أن")."""
    if np_speaker(ctx, lo, hi, cue_start, []) is not None:
        return True
    if hi - lo <= MAX_BARE_NAME:
        return True
    return any(any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n)) for n in range(lo + 1, lo + MAX_BARE_NAME + 1))


def _reported(ctx: Context, cue: Cue, cue_start: int, cue_end: int, comp: int, np: tuple[int, int]) -> Found | None:
    """A reported clause that starts after the complementizer at token ``comp`` (or at a mark right after it)."""
    if comp + 1 >= len(ctx.tokens):
        return None
    start = ctx.tokens[comp + 1].start
    mark = ctx.mark_opening_in(ctx.tokens[comp].end, start)
    if mark is not None:
        start = mark.open_at
    kind = ACCORDING_TO if cue.cue_class == "located_verb" else "indirect"
    return Found(cue, cue_start, cue_end, kind, start, None, ctx.sentence_index(cue_start), np)


# --- pass 2 -------------------------------------------------------------------------------------------------------
def _end_clauses(ctx: Context, found: list[Found]) -> None:
    """A reported clause runs to the end of its sentence, or stops before the next cue in the sentence."""
    for n, item in enumerate(found):
        if item.content_end is not None:
            continue
        end = _sentence_end(ctx, item.content_start)
        later = [
            f.cue_start for f in found[n + 1 :]
            if item.content_start < f.cue_start < end and not _nested(ctx, item.content_start, f, item.cue)
        ]  # fmt: skip
        if later:
            end = _last_comma_before(ctx, item.content_start, later[0])
            if end == later[0]:
                # "… وقال له إن": the next cue's conjunction is not the speaker's last word.
                end = ctx.tokens[ctx.token_range(0, later[0] + 1).stop - 1].start
        end = tail_start(ctx, item.content_start, end, verbs=item.cue.cue_class != "prep", cue=item.cue)
        item.content_end = ctx.strip_end(item.content_start, end)
        if ctx.mark_opening_in(item.content_start, item.content_start + 1) is not None:
            mark = ctx.mark_opening_in(item.content_start, item.content_start + 1)
            if mark is not None and mark.close_at + 1 == item.content_end:
                item.kind, item.mark = "direct", mark
                item.content_start, item.content_end = mark.inner_start, mark.inner_end


def _nested(ctx: Context, clause_start: int, inner: Found, outer: Cue | None = None) -> bool:
    """ "أن السلطات البحرينية أوضحت … أن …": a cue right after the subject of a reported clause reports speech
    inside that clause; the outer quotation runs on over it. Not a verb joined by و whose form agrees with the outer
    cue's ("قال X إن الوضع مستقر وأضاف أن …"): it is the same speaker going on, a new quotation."""
    if inner.cue.cue_class not in ("verb", "statement_verb", "named_verb", "quoting_verb"):
        return False
    if any(ch in CLAUSE_COMMAS for ch in ctx.body[clause_start : inner.cue_start]):
        return False
    if outer is not None and _joined_by_wa(ctx, inner.cue_start) and _same_form(outer, inner.cue):
        return False  # "إن الوضع مستقر وأضاف أن …": no subject precedes a verb joined by و; the speaker goes on
    return len(ctx.token_range(clause_start, inner.cue_start)) <= MAX_NESTED_SUBJECT


def _same_form(outer: Cue, inner: Cue) -> bool:
    """Both cues say the same gender or number ("قال" … "وأضاف", "قالت" … "وتابعت"); "قال X إن الحكومة وافقت
    وأعلنت أن" has the government announce, inside what X said."""
    said = cue_agreement(outer)
    return said is not None and said == cue_agreement(inner)


def _joined_by_wa(ctx: Context, cue_start: int) -> bool:
    """The cue is written with the conjunction و on it ("وأضاف", "وتابع"): the cue starts after its token's و."""
    tok = ctx.token_range(0, cue_start + 1)
    if not tok:
        return False
    start = ctx.tokens[tok.stop - 1].start
    return start < cue_start and ctx.body[start] == WA


def _sentence_end(ctx: Context, start: int) -> int:
    """The end of the sentence holding ``start``, stretched over any quotation mark opened before it."""
    sentence = ctx.sentence_of(start)
    end = sentence.char_end if sentence else len(ctx.body)
    for span in ctx.marks:
        if span.open_at >= end:
            break
        if span.open_at >= start and span.close_at >= end:
            stretched = ctx.sentence_of(span.close_at)
            end = max(span.close_at + 1, stretched.char_end if stretched else 0)
    return end


def _last_comma_before(ctx: Context, start: int, end: int) -> int:
    for at in range(end - 1, start, -1):
        if ctx.body[at] in CLAUSE_COMMAS and ctx.in_mark(at) is None:
            return at
    return end


# --- pass 3 -------------------------------------------------------------------------------------------------------
def _attach_speaker(ctx: Context, item: Found, previous: list[Found]) -> None:
    if item.speaker.surface is not None:
        return  # named when the quotation was found ("…، بحسب بيزنس إنسايدر")
    speaker = _source_of_saying(ctx, item, previous) if item.cue.cue_class == "noun" else None
    if speaker is None and item.np is not None and item.cue.cue_class not in ("participle", "noun"):
        quoting = item.cue.lemma.startswith(QUOTING_LEMMA)
        # "كان عليه أن يقول العبارة الآتية «…»": after a subjunctive particle the phrase is the verb's object.
        after_particle = item.np[0] > 1 and ctx.tokens[item.np[0] - 2].norm in SUBJUNCTIVE_PARTICLES
        object_first = item.cue.lemma in OBJECT_FIRST_LEMMAS or after_particle
        # "وفق تعبيره", "جاء في حسابه على تويتر": after a preposition a word no list knows is no one's name.
        told = item.cue.lemma in ADDRESSEE_FIRST_LEMMAS
        bare_ok = item.cue.cue_class not in ("prep", "located_verb") and not told
        definite_ok = item.cue.cue_class in ("verb", "named_verb") and not told
        speaker = np_speaker(
            ctx,
            item.np[0],
            item.np[1],
            item.cue_start,
            previous,
            quoting,
            object_first,
            bare_ok,
            definite_ok,
            verb=item.cue.cue_class in VERB_CLASSES,
        )
        if speaker is None and item.cue.cue_class == "located_verb":
            speaker = _document_named(ctx, item.np)  # "وجاء في الرسالة:": the document speaks
        if speaker is not None and object_first and _only_a_name(ctx, item.np, speaker):
            speaker = None  # "لاريجاني وصف ترامب بأنه": a name alone after وصف is whom it described
        if speaker is not None and speaker.entity_id is None and speaker.start is not None and speaker.end is not None:
            # "وأضاف المدرب البرتغالي": a description nothing resolved stands for a person named or quoted before.
            words = ctx.token_range(speaker.start, speaker.end)
            continuation = is_continuation(item.cue.lemma)
            described = described_person(ctx, words.start, words.stop, item.cue_start, previous, continuation)
            speaker = described or speaker
    item.speaker = speaker or antecedent_speaker(ctx, item.cue_start, previous, cue_agreement(item.cue))


def _source_of_saying(ctx: Context, item: Found, previous: list[Found]) -> Speaker | None:
    """ "نقلت الصحيفة عن مصادر لم تسمها … قولهم إن": a verbal noun of saying speaks for who stands after عن."""
    cue_tok = ctx.token_range(item.cue_start, item.cue_start + 1).start
    sentence = ctx.sentence_of(item.cue_start)
    floor = sentence.char_start if sentence else 0
    for k in range(cue_tok - 1, max(cue_tok - MAX_MARK_WINDOW, -1), -1):
        if ctx.tokens[k].start < floor:
            return None
        if ctx.tokens[k].norm == SOURCE_PREPOSITION and k + 1 < cue_tok:
            return np_speaker(ctx, k + 1, cue_tok, item.cue_start, previous, definite_ok=True)
    return None


def _document_named(ctx: Context, np: tuple[int, int]) -> Speaker | None:
    """The definite noun after "جاء في" ("الرسالة", "الوثيقة"), a document no list knows; a pronoun-suffixed one
    ("حسابه") refers to a speaker named before."""
    lo, hi = np
    if lo >= hi or not ctx.tokens[lo].norm.startswith(DEFINITE_ARTICLE):
        return None
    tok = ctx.tokens[lo]
    return Speaker(None, ctx.body[tok.start : tok.end], tok.start, tok.end)


def _only_a_name(ctx: Context, np: tuple[int, int], speaker: Speaker) -> bool:
    lo, hi = np
    if speaker.start is None or lo >= hi:
        return False
    return speaker.start <= ctx.tokens[lo].start and speaker.end is not None and speaker.end >= ctx.tokens[hi - 1].end


# --- pass 4 -------------------------------------------------------------------------------------------------------
def _postposed(ctx: Context, found: list[Found]) -> list[Found]:
    """«…»، قال X — a quotation whose cue follows it."""
    taken = [(f.content_start, f.content_end or f.content_start) for f in found]
    cue_starts = {f.cue_start for f in found}
    extra: list[Found] = []
    for mark in ctx.marks:
        if any(s <= mark.open_at < e or s <= mark.inner_start < e for s, e in taken):
            continue
        k = ctx.token_range(mark.close_at + 1, len(ctx.body) + 1).start
        if k >= len(ctx.tokens):
            continue
        gap = ctx.body[mark.close_at + 1 : ctx.tokens[k].start]
        hit = cue_for(ctx.tokens[k].norm)
        if hit is None or "\n" in gap or gap.strip(" ،,-–") or hit[0].cue_class != "verb":
            continue
        cue, clitic = hit
        cue_start = ctx.tokens[k].start + clitic
        if cue_start in cue_starts or len(ctx.token_range(mark.inner_start, mark.inner_end)) < MIN_POSTPOSED_WORDS:
            continue
        hi = k + 1
        sentence = ctx.sentence_of(cue_start)
        sentence_end = sentence.char_end if sentence else len(ctx.body)
        while hi < len(ctx.tokens) and ctx.tokens[hi].start < sentence_end and hi - k <= MAX_SUBJECT_TOKENS:
            if hi > k + 1 and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(hi)):
                break
            hi += 1
        item = Found(cue, cue_start, ctx.tokens[k].end, "direct", mark.inner_start, mark.inner_end,
                     ctx.sentence_index(mark.inner_start), (k + 1, hi), mark=mark)  # fmt: skip
        _attach_speaker(ctx, item, found + extra)
        extra.append(item)
    return extra


def _to_quotes(ctx: Context, found: list[Found]) -> tuple[Quote, ...]:
    quotes: dict[tuple[int, int], Quote] = {}
    for f in sorted(found, key=lambda f: (f.content_start, f.cue_start)):
        end = f.content_end if f.content_end is not None else f.content_start
        if (f.content_start, end) in quotes or end <= f.content_start:
            continue
        quotes[(f.content_start, end)] = Quote(
            quote_id=f"{ctx.article_id}:q{f.content_start}-{end}",
            speaker_id=f.speaker.entity_id,
            speaker_surface=f.speaker.surface,
            quote_text=ctx.body[f.content_start : end],
            quote_kind=f.kind,
            cue=ctx.body[f.cue_start : f.cue_end],
            char_start=f.content_start,
            char_end=end,
            sentence_index=ctx.sentence_index(f.content_start),
            cue_start=f.cue_start,
            cue_end=f.cue_end,
            speaker_start=f.speaker.start,
            speaker_end=f.speaker.end,
        )
    return tuple(quotes.values())
