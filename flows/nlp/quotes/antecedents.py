"""Who speaks when the cue names nobody after it: the sentence's first subject, a subject before the cue, the
previous speaker, or the person the sentence before is about.

A continuation ("وأضاف") keeps the previous speaker only when no subject of its own is found in its sentence.
"""

from __future__ import annotations

import re

from flows.nlp.quotes.agreement import agrees, continues, cue_agreement
from flows.nlp.quotes.context import CLAUSE_COMMAS, Context, Found, Speaker
from flows.nlp.quotes.governing import chained_subject, joined_governing_subject, opening_governing_subject
from flows.nlp.quotes.lexicon import cue_for, is_blocker, is_complementizer, speaker_word
from flows.nlp.quotes.phrase import AUXILIARIES, DEFINITE_ARTICLE, RELATIVE_PRONOUNS, WORD_KINDS, is_title, is_word
from flows.nlp.quotes.roles import resolve_ref
from flows.nlp.quotes.speakers import MAX_BARE_SUBJECT, MAX_DEFINITE_MODIFIERS, SPEAKER_TYPES, titled_elsewhere
from flows.nlp.text.arabic import normalize

# How far back (in sentences) a subjectless cue looks for the previous speaker: a continuation ("وأضاف") follows
# its speaker's quote closely; further back the antecedent is too uncertain. Set from the seeds, where the longest
# gap between a speaker's quote and its continuation is two sentences. The gap is counted from where the quote ends:
# a quotation of several sentences ("قال مورينيو "…. …. …". وأضاف") is continued after its last one.
MAX_SENTENCES_BACK = 3
# A reported clause whose subject (up to this many words) is followed by a reporting verb holds nested speech.
MAX_NESTED_SUBJECT = 4
# The end of a dateline: the agency in brackets, then a dash ("(CNN)—", "(CNN) --"), as CNN Arabic writes it.
DATELINE_END = re.compile(r"\([^()\n]{1,20}\)\s*(?:—|–|--?)")
# A body's name after its head word ("منظمة ذي سيتي يو كيه") has at most this many words.
MAX_NAME_WORDS = 5
BARE_COMPLEMENTIZERS = frozenset({"ان", "بان", "فان"})  # أن/إن، بأن، فإن without a pronoun, normalised
# How many tokens before a subjectless cue a preposed subject ("لافروف قال") may sit.
MAX_PREPOSED_TOKENS = 12
# Conjunctions after which a noun starts a new clause as its subject.
CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "و", "ثم", "بينما", "فيما"})
# "متحدث باسم تويتر": a spokesman for a body is an unnamed source, not the body and not a person.
# A subjectless cue inside a sentence ("وتراجع ترامب …، وقال إنه", "ورفض القاضي …، قائلا إن") speaks for the subject
# of the sentence's first clause: a name or role that is the sentence's first or second word (و + verb + subject,
# كان + subject). Further in, a name is an object or inside a phrase ("وأشاد باستخدام موسكو أسلحة …، لافتا").
MAX_CLAUSE_SUBJECT_AT = 1
# Connectives that open a sentence before its first clause (normalised).
LEADING_CONNECTIVES = frozenset({"غير", "ان", "لكن", "ولكن", "بيد", "كما", "بينما", "فيما", "ثم", "الا"})
# "أما X، فقال": the topic marker puts the subject first, up to its comma.
TOPIC_MARKERS = frozenset({"اما", "واما"})
# Connectives after which a bare subject may stand before its verb ("لكن فينغر قال", "أما بلومبيرغ، فقالت").
PREPOSING_CONNECTIVES = frozenset({"لكن", "ولكن", "اما", "واما", "بينما", "فيما"})


def antecedent_speaker(ctx: Context, cue_start: int, previous: list, agreement: str | None = None) -> Speaker:
    """The speaker of a cue with no subject of its own: a continuation ("وأضاف") or a dropped pronoun. A previous
    speaker is taken only when the cue agrees with it (``agreement``: the cue's gender or number, agreement.py)."""
    nested = _nested_subject(ctx, cue_start) or _source_before(ctx, cue_start, previous)
    if nested is not None:
        return nested
    sentence = ctx.sentence_index(cue_start)
    # "…، ووصف رئيس الوزراء، …، ومعتبرا": the subject of the nearest verb governing the cue, after any quotation
    # earlier in the sentence (governing.py).
    cue_tok = ctx.token_range(cue_start, cue_start + 1)
    relative = cue_tok.start > 0 and ctx.tokens[cue_tok.start - 1].norm.removeprefix("و") in RELATIVE_PRONOUNS
    governed = None if relative else joined_governing_subject(ctx, cue_start, previous, agreement)
    if governed is not None:
        return governed
    same_sentence = [q for q in previous if q.sentence == sentence]
    if same_sentence and same_sentence[-1].speaker.surface is not None and continues(agreement, same_sentence[-1]):
        return same_sentence[-1].speaker
    # "تصريحات الغنوشي والتي قال فيها": a relative clause speaks for the name just before it.
    preposed = _relative_antecedent(ctx, cue_tok.start - 2) if relative else _clause_subject(ctx, cue_start, previous)
    if preposed is not None and not agrees(agreement, preposed):
        preposed = None  # "وتقول روسيا …، ولكن مصادر في المعارضة يقولون": not the first clause's state
    # "من جانبه، رجح المدرب …، وأكد أنه": the first verb's subject after a fronted adverbial, before a nearer noun
    # (not for a relative clause's cue: "التصريحات التي أدلى بها … الغنوشي … والتي قال فيها" is his).
    if not relative:
        preposed = preposed or opening_governing_subject(ctx, cue_start, previous, agreement)
        # "هاجمت وليامز الحكم راموس وطلبت منه": a verb joined by و with no comma shares its clause's subject.
        preposed = preposed or chained_subject(ctx, cue_start, previous, agreement)
    preposed = preposed or _preposed_subject(ctx, cue_start, previous)
    if preposed is not None:
        return preposed
    for quote in reversed(previous):
        if sentence - _last_sentence(ctx, quote) > MAX_SENTENCES_BACK:
            break
        if quote.speaker.surface is not None and continues(agreement, quote):
            return quote.speaker
    return _topic_person(ctx, cue_start, sentence) or Speaker(None, None)


def _last_sentence(ctx: Context, quote: Found) -> int:
    """The sentence a quotation ends in (its cue's sentence for one that is a sentence or shorter)."""
    end = quote.content_end if quote.content_end is not None else quote.content_start
    return max(quote.sentence, ctx.sentence_index(max(quote.content_start, end - 1)))


def _relative_antecedent(ctx: Context, n: int) -> Speaker | None:
    """ "وبينهم لوكاكو الذي قال": the word before the relative pronoun, as a mention, as the last name of a person
    named before, or as a word no list knows and with no article (a name)."""
    if n < 0 or ctx.in_mark(ctx.tokens[n].start) is not None:
        return None
    tok = ctx.tokens[n]
    named = [m for m in ctx.mentions_before(tok.end) if m.entity_type in SPEAKER_TYPES and not m.is_adjectival]
    if named and named[0].char_end > tok.start:
        return ctx.speaker_from(named[0])
    for mention in named:
        if mention.entity_type == "PERSON" and normalize(mention.surface).split()[-1:] == [tok.norm]:
            return Speaker(mention.entity_id, ctx.body[tok.start : tok.end], tok.start, tok.end, "PERSON")
    if is_word(ctx, n, WORD_KINDS) or tok.norm.startswith(DEFINITE_ARTICLE) or len(tok.norm) <= 2:
        return None
    if cue_for(tok.norm) is not None or tok.norm in LEADING_CONNECTIVES | PREPOSING_CONNECTIVES:
        return None
    return Speaker(None, ctx.body[tok.start : tok.end], tok.start, tok.end)


def _nested_subject(ctx: Context, cue_start: int) -> Speaker | None:
    """ "وقال تقرير … إن منظمة التعاون الاقتصادي والتنمية ترى أن": a cue right after the subject of a reported
    clause reports that subject's speech (the outer quotation runs on over it, extract._nested)."""
    cue_tok = ctx.token_range(cue_start, cue_start + 1).start
    if cue_tok > 0 and ctx.tokens[cue_tok - 1].start < cue_start < ctx.tokens[cue_tok - 1].end:
        if _goes_on(ctx, cue_tok - 1):
            return None  # "قال X إن الوضع مستقر وأضاف أن": the same speaker goes on (extract._nested)
    sentence = ctx.sentence_of(cue_start)
    floor = sentence.char_start if sentence else 0
    for comp in range(cue_tok - 2, max(cue_tok - MAX_NESTED_SUBJECT - 2, -1), -1):
        if ctx.tokens[comp].start < floor:
            return None
        if not is_complementizer(ctx.tokens[comp].norm):
            continue
        lo = comp + 1
        # "أنه أساء التعبير عندما اعتبر": a pronoun on the complementizer is the clause's subject; "غير أن" and
        # "بعد أن" open no reported clause; "أن كان عليه أن يقول": a clause, not a subject, stands between.
        inner = range(lo, cue_tok)
        if ctx.tokens[comp].norm not in BARE_COMPLEMENTIZERS or (comp > 0 and is_blocker(ctx.tokens[comp - 1].norm)):
            return None
        if any(is_complementizer(ctx.tokens[n].norm) for n in inner):
            return None
        start, end = ctx.tokens[lo].start, ctx.tokens[cue_tok - 1].end
        if any(ch in CLAUSE_COMMAS for ch in ctx.body[ctx.tokens[comp].end : cue_start]) or ctx.in_mark(start):
            return None
        if is_word(ctx, lo, ("skip", "stop")) or len(ctx.tokens[lo].norm) < 2:
            return None
        named = [m for m in ctx.mentions_in(start, end) if m.entity_type in SPEAKER_TYPES and not m.is_adjectival]
        if named and named[0].char_start == start:
            return ctx.speaker_from(named[0])
        return Speaker(None, ctx.body[start:end], start, end)
    return None


def _goes_on(ctx: Context, n: int) -> bool:
    """The cue at token ``n``, joined by و, has the form of the sentence's speech verb before it ("قال" …
    "وأضاف"): the speaker going on, not speech inside the reported clause ("قالت القناة إن السائق سلم نفسه وذكر")."""
    inner = cue_for(ctx.tokens[n].norm)
    sentence = ctx.sentence_of(ctx.tokens[n].start)
    floor = sentence.char_start if sentence else 0
    for k in range(n - 1, -1, -1):
        if ctx.tokens[k].start < floor:
            return False
        outer = cue_for(ctx.tokens[k].norm)
        if outer is not None and outer[0].cue_class in ("verb", "statement_verb", "named_verb", "quoting_verb"):
            said = cue_agreement(outer[0])
            return inner is not None and said is not None and said == cue_agreement(inner[0])
    return False


def _own_clause(ctx: Context, before: list[int]) -> list[int]:
    """The words of the cue's own clause: after the last "، لكن" (or بينما, فيما) that opens a clause with its subject
    before the verb ("ويخوض المنتخب معسكرا …، لكن لاسمر اعترف بأن": لاسمر, not the first clause's team)."""
    for k in range(len(before) - 1, 0, -1):
        n = before[k]
        if ctx.tokens[n].norm in PREPOSING_CONNECTIVES - TOPIC_MARKERS and any(
            mark in ctx.gap_before(n) for mark in "،,"
        ):
            return before[k + 1 :]
    return before


def _clause_subject(ctx: Context, cue_start: int, previous: list) -> Speaker | None:
    """The subject of the first clause of the cue's sentence, when the cue stands inside the sentence: a name, a
    body or a state ("وكانت المملكة المتحدة قالت"), a role ("ورفض القاضي …، قائلا") or a source word ("وكانت
    السلطات الروسية قالت"); else the word or two between the sentence's first word and a cue close to it ("ورد
    الزفزافي قائلا")."""
    sentence = ctx.sentence_of(cue_start)
    if sentence is None or not ctx.body[sentence.char_start : cue_start].strip(" و"):
        return None
    before = list(ctx.token_range(_after_dateline(ctx, sentence.char_start, cue_start), cue_start))
    while before and ctx.tokens[before[0]].norm in LEADING_CONNECTIVES:
        before = before[1:]  # "غير أن رئيسة الحكومة قالت"
    before = _own_clause(ctx, before)
    if before and ctx.tokens[before[0]].norm in TOPIC_MARKERS:
        return _topic_subject(ctx, before[1:], cue_start)
    quoted = [(q.content_start, q.content_end or q.content_start) for q in previous]
    for n in before[: MAX_CLAUSE_SUBJECT_AT + 1]:
        tok = ctx.tokens[n]
        if ctx.in_mark(tok.start) is not None or any(s <= tok.start < e for s, e in quoted):
            return None
        starting = [
            m for m in ctx.mentions_in(tok.start, cue_start)
            if m.char_start < tok.end and m.entity_type in SPEAKER_TYPES and not m.is_adjectival
        ]  # fmt: skip
        if starting:
            return ctx.speaker_from(starting[0])
        word = speaker_word(tok.norm)
        if (word is not None and word.kind in ("head", "ref") and word.resolve == "person") or is_title(ctx, n):
            # "اقترح الرئيس التونسي": the role with its nisba, whose nationality the holder must share.
            hi = n + 1
            while hi < len(ctx.tokens) and hi - n <= MAX_DEFINITE_MODIFIERS and ctx.tokens[hi].start < cue_start:
                nisba = [m for m in ctx.mentions_in(ctx.tokens[hi].start, ctx.tokens[hi].end) if m.is_adjectival]
                if not nisba or ctx.gap_before(hi).strip():
                    break
                hi += 1
            role = titled_elsewhere(ctx, n, hi, cue_start)
            return role or Speaker(None, ctx.body[tok.start : tok.end], tok.start, tok.end)
        if word is not None and word.kind in ("head", "ref", "unnamed"):
            end = (
                _body_name_end(ctx, n, cue_start) if word.kind == "head" else _definite_modifiers_end(ctx, n, cue_start)
            )
            return Speaker(None, ctx.body[tok.start : end], tok.start, end)
    described = _described_subject(ctx, before, quoted)
    if described is not None:
        return described
    between = before[1:]
    while between and ctx.tokens[between[-1]].norm in AUXILIARIES:
        between = between[:-1]  # "وكان المرصد قد أعلن": the particle belongs to the verb
    if 0 < len(between) <= MAX_BARE_SUBJECT and not any(is_word(ctx, n, WORD_KINDS) for n in between):
        start, end = ctx.tokens[between[0]].start, ctx.tokens[between[-1]].end
        if not any(ch in CLAUSE_COMMAS for ch in ctx.body[start:end]):
            return Speaker(None, ctx.body[start:end], start, end)
    return None


def _described_subject(ctx: Context, before: list[int], quoted: list[tuple[int, int]]) -> Speaker | None:
    """ "رد النجم البرتغالي كريستيانو رونالدو على …، مشيراً": after the sentence's first word, a description of definite
    words (and nisbas) that a name closes is the first clause's subject: the name."""
    if len(before) < 3 or not ctx.tokens[before[1]].norm.startswith(DEFINITE_ARTICLE):
        return None
    for n in before[2 : 2 + MAX_DEFINITE_MODIFIERS]:
        tok = ctx.tokens[n]
        if (
            ctx.gap_before(n).strip()
            or ctx.in_mark(tok.start) is not None
            or any(s <= tok.start < e for s, e in quoted)
        ):
            return None
        named = [m for m in ctx.mentions_in(tok.start, ctx.tokens[-1].end) if m.char_start < tok.end]
        speaking = [m for m in named if m.entity_type in ("PERSON", "ORG") and not m.is_adjectival]
        if speaking and speaking[0].char_start == tok.start:
            return ctx.speaker_from(speaking[0])
        if not tok.norm.startswith(DEFINITE_ARTICLE) and not any(m.is_adjectival for m in named):
            return None
    return None


def _topic_subject(ctx: Context, words: list[int], cue_start: int) -> Speaker | None:
    """ "أما شيروان بري، أحد رؤساء الهلال الأحمر الكردي … فقال": what stands between أما and its comma."""
    end = next((k for k, n in enumerate(words) if k and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n))), None)
    words = words[:end] if end is not None else words
    if not words:
        return None
    start, stop = ctx.tokens[words[0]].start, ctx.tokens[words[-1]].end
    named = [m for m in ctx.mentions_in(start, stop) if m.entity_type in SPEAKER_TYPES and not m.is_adjectival]
    if named:
        return ctx.speaker_from(named[0])
    if len(words) <= MAX_BARE_SUBJECT and not any(cue_for(ctx.tokens[n].norm) for n in words) and stop < cue_start:
        return Speaker(None, ctx.body[start:stop], start, stop)
    return None


def _body_name_end(ctx: Context, n: int, limit: int) -> int:
    """The end of a body's name after its head word, up to a comma, a listed word, a cue or the particle قد: "لكن
    منظمة ذي سيتي يو كيه، وهي …، قالت" -> "منظمة ذي سيتي يو كيه"."""
    hi = n + 1
    while hi < len(ctx.tokens) and hi - n <= MAX_NAME_WORDS and ctx.tokens[hi].start < limit:
        if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(hi)) or is_word(ctx, hi, WORD_KINDS):
            break
        if cue_for(ctx.tokens[hi].norm) is not None or ctx.tokens[hi].norm in RELATIVE_PRONOUNS | AUXILIARIES:
            break  # "وكانت شركة TSMC قد صرحت": the particle belongs to the verb
        hi += 1
    return ctx.tokens[hi - 1].end


def _after_dateline(ctx: Context, start: int, end: int) -> int:
    """Where a sentence's own words begin after a dateline ("دبي، الإمارات العربية المتحدة (CNN)— انتقد …")."""
    found = DATELINE_END.search(ctx.body, start, end)
    return found.end() if found else start


def _definite_modifiers_end(ctx: Context, n: int, limit: int) -> int:
    """The end of a role word with the definite adjectives after it: "السلطات الروسية"."""
    hi = n + 1
    while hi < len(ctx.tokens) and hi - n <= MAX_DEFINITE_MODIFIERS and ctx.tokens[hi].start < limit:
        if not ctx.tokens[hi].norm.startswith(DEFINITE_ARTICLE) or ctx.gap_before(hi).strip():
            break
        hi += 1
    return ctx.tokens[hi - 1].end


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
        # "لكن الحكومة قررت التأجيل موضحة": a body's head word with the article opens a clause too.
        body = (
            word is not None and word.kind == "head" and word.resolve == "org" and tok.norm.startswith(DEFINITE_ARTICLE)
        )
        role = word is not None and (word.kind in ("ref", "unnamed") or body)
        if word is not None and role and outside_quotes(tok.start) and _subject_position(ctx, n, floor):
            hi = n + 1
            # "شهود عيان أوضحوا", "مصادر عسكرية قالت": an unnamed source keeps its modifiers up to the verb.
            unnamed = word.kind == "unnamed"
            while hi < len(ctx.tokens) and hi - n <= MAX_DEFINITE_MODIFIERS and ctx.tokens[hi].start < cue_start:
                definite = ctx.tokens[hi].norm.startswith(DEFINITE_ARTICLE)
                if not (definite or unnamed) or ctx.gap_before(hi).strip():
                    break
                hi += 1
            start, end = tok.start, ctx.tokens[hi - 1].end
            resolved = None
            if word.kind == "ref":
                inside = ctx.mentions_in(start, end)
                resolved = resolve_ref(ctx, word.resolve, word.name_contains, inside, cue_start, previous)
            return Speaker(resolved.entity_id if resolved else None, ctx.body[start:end], start, end,
                           resolved.entity_type if resolved else None)  # fmt: skip
    return _bare_preposed(ctx, [n for n in near if ctx.tokens[n].end <= cue_start], floor)


def _source_before(ctx: Context, cue_start: int, previous: list) -> Speaker | None:
    """ "إثر تقارير إعلامية تفيد بأن", "إلا أن خبراء قالوا": an unnamed source or a document right before a verb,
    only its modifiers between, is the verb's subject wherever it stands in the sentence; its words the surface."""
    cue = ctx.token_range(cue_start, cue_start + 1).start
    quoted = [(q.content_start, q.content_end or q.content_start) for q in previous]
    for n in range(cue - 1, max(cue - MAX_DEFINITE_MODIFIERS - 2, -1), -1):
        tok = ctx.tokens[n]
        word = speaker_word(tok.norm)
        if word is None or word.kind not in ("unnamed", "statement"):
            continue
        inside = ctx.in_mark(tok.start) is not None or any(s <= tok.start < e for s, e in quoted)
        if inside or not _runs_to(ctx, n, cue_start):
            return None
        last = cue - 1
        while last > n and ctx.tokens[last].norm in AUXILIARIES:
            last -= 1  # "مسؤولون أتراك قد قالوا": the particle belongs to the verb
        start, end = tok.start, ctx.tokens[last].end
        return Speaker(None, ctx.body[start:end], start, end)
    return None


def _runs_to(ctx: Context, n: int, cue_start: int) -> bool:
    """Token ``n`` and at most MAX_DEFINITE_MODIFIERS words after it, none listed and no punctuation between, fill
    the text up to the cue."""
    cue = ctx.token_range(cue_start, cue_start + 1).start
    hit = cue_for(ctx.tokens[cue].norm) if cue < len(ctx.tokens) else None
    if hit is None or hit[0].cue_class in ("noun", "participle", "prep"):
        return False  # "ونقلت عنه وسائل إعلام رسمية قوله": a verbal noun's speaker stands after عن
    between = range(n + 1, cue)
    if len(between) > MAX_DEFINITE_MODIFIERS or any(ctx.gap_before(k).strip() for k in range(n + 1, cue + 1)):
        return False
    return not any(is_word(ctx, k, WORD_KINDS) or cue_for(ctx.tokens[k].norm) is not None for k in between)


def _bare_preposed(ctx: Context, near: list[int], floor: int) -> Speaker | None:
    """ "لكن فينغر قال إن", "أما بلومبيرغ، فقالت إن": a word or two no list knows, between a connective and the
    cue."""
    for size in range(1, MAX_BARE_SUBJECT + 1):
        if len(near) <= size:
            break
        words = near[-size:]
        opens = ctx.tokens[near[-size - 1]].norm in PREPOSING_CONNECTIVES
        plain = all(
            not is_word(ctx, n, WORD_KINDS) and ctx.tokens[n].norm not in LEADING_CONNECTIVES | PREPOSING_CONNECTIVES
            and cue_for(ctx.tokens[n].norm) is None
            and len(ctx.tokens[n].norm) > 2 and ctx.in_mark(ctx.tokens[n].start) is None
            for n in words
        )  # fmt: skip
        if opens and plain and ctx.tokens[words[0]].start >= floor:
            start, end = ctx.tokens[words[0]].start, ctx.tokens[words[-1]].end
            return Speaker(None, ctx.body[start:end].rstrip("،, "), start, end)
    return None


def _subject_position(ctx: Context, n: int, floor: int) -> bool:
    """A role word opens a clause (sentence start, after a comma or "لكن"), not a genitive ("نواب المجلس")."""
    if n == 0 or ctx.tokens[n - 1].start < floor:
        return True
    if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(n)) or ctx.tokens[n - 1].norm in CLAUSE_OPENERS:
        return True
    # "إلا أن خبراء قالوا", "غير أن مصادر قالت": a contrastive connective with its أن opens a clause mid-sentence.
    return n >= 2 and ctx.tokens[n - 1].norm == "ان" and ctx.tokens[n - 2].norm in LEADING_CONNECTIVES
