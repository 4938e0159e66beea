"""Who is speaking: the subject phrase after a cue, a role word resolved in context, or the previous speaker.

The mentions stage names entities; this module only chooses among its mentions. Where nobody is named
("مصدر دبلوماسي") the speaker keeps its surface and a null entity id.
"""

from __future__ import annotations

from flows.nlp.quotes.context import CLAUSE_COMMAS, ON_BEHALF, Context, Speaker
from flows.nlp.quotes.lexicon import cue_for, person_titles, speaker_word, speaker_word_split
from flows.nlp.quotes.roles import role_countries, role_head, role_holder
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
LAM = "ل"
# A role word before a subjectless verb takes its definite modifiers along: "المجلس العسكري الحاكم ينفي".
DEFINITE_ARTICLE = "ال"
MAX_DEFINITE_MODIFIERS = 3
# A name in apposition ("عصام الشابي" after "الناطق باسم الحزب،") is at most this many words.
MAX_NAME_TOKENS = 3
# A name set off before its title ("أنييس فون دير مول، المتحدثة باسم …") has up to four words.
MAX_NAME_BEFORE_TITLE = 4
# ... and at least this many when no list knows it and only a title after it says it is a name.
MIN_NAME_TOKENS = 2
# The issuer of a statement follows it closely: "بيان صادر عن الأسطول الروسي", "تقرير أعده منتدى النقل".
MAX_ISSUER_WORDS = 5
# A subject phrase no list knows is kept whole up to the complementizer when that is at most this many words away.
MAX_SUBJECT_WINDOW = 8
# A subject no list knows ("المحطة", "لو دريان") standing alone before the complementizer: at most this many words.
MAX_BARE_SUBJECT = 2
# Conjunctions after which a noun starts a new clause as its subject.
CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "و", "ثم", "بينما", "فيما"})
WORD_KINDS = ("unnamed", "head", "ref", "skip", "stop", "statement")
# A relative pronoun ends a subject phrase: "وتابع الرئيس الأميركي الذي كان يتحدث بعد قمة … مع بوتين" is Trump.
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي"})
# "متحدث باسم تويتر": a spokesman for a body is an unnamed source, not the body and not a person.
# A subjectless cue inside a sentence ("وتراجع ترامب …، وقال إنه", "ورفض القاضي …، قائلا إن") speaks for the subject
# of the sentence's first clause: a name or role that is the sentence's first or second word (و + verb + subject,
# كان + subject). Further in, a name is an object or inside a phrase ("وأشاد باستخدام موسكو أسلحة …، لافتا").
MAX_CLAUSE_SUBJECT_AT = 1
# Connectives that open a sentence before its first clause (normalised).
LEADING_CONNECTIVES = frozenset({"غير", "ان", "لكن", "ولكن", "بيد", "كما", "بينما", "فيما", "ثم"})
# Connectives after which a bare subject may stand before its verb ("لكن فينغر قال", "أما بلومبيرغ، فقالت").
PREPOSING_CONNECTIVES = frozenset({"لكن", "ولكن", "اما", "واما", "بينما", "فيما"})


def np_speaker(
    ctx: Context,
    tok_lo: int,
    tok_hi: int,
    cue_start: int,
    previous: list,
    quoting: bool = False,
    object_first: bool = False,
    bare_ok: bool = False,
    definite_ok: bool = False,
    verb: bool = False,
) -> Speaker | None:
    """The speaker named by tokens ``tok_lo:tok_hi`` (the phrase after a cue), or None when it names nobody.

    ``quoting`` is for "نقل X عن Y": the speaker is Y, after عن. ``object_first`` is for "وصف X بأنه": a short
    phrase before the complementizer is the object, not a subject. ``bare_ok`` lets a short phrase no list knows
    be the subject of a verb (never the source of "وفق تعبيره", which is a pronoun). ``definite_ok`` lets any
    definite noun after a speech verb be its subject (a directive verb's first noun is its addressee: "حض
    الحوثيين على أن").
    """
    lo, hi = _trim_np(ctx, tok_lo, tok_hi, quoting, verb)
    if hi - lo > 1 and _is_word(ctx, lo, ("statement",)):
        issuer = _issuer(ctx, lo, hi)
        if issuer is not None:
            return issuer  # "تقرير أعده منتدى النقل الدولي": the forum speaks through its report
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
        return _unlisted_subject(ctx, lo, hi, tok_hi, after, previous, bare, bare and definite_ok)
    if first_word is not None and first_word.kind == "unnamed" and lo + 1 < hi and ctx.tokens[lo + 1].norm == ON_BEHALF:
        return Speaker(None, _np_surface(ctx, start, end), start, _np_end(ctx, end))
    persons = [m for m in mentions if m.entity_type == "PERSON" and not m.is_adjectival]
    states = [m for m in mentions if m.entity_type == "GPE" and not m.is_adjectival]
    if first_word is None and states and states[0].char_start == start and persons:
        return ctx.speaker_from(states[0])  # "وحذرت تل أبيب الرئيس السوري بشار الأسد": the state, then its object
    if persons:
        return ctx.speaker_from(persons[0])
    if first_word is not None and first_word.kind == "head" and first_word.resolve == "person":
        named = _name_after_title(ctx, after) if after is not None else None
        if named is None:
            named = _titled_elsewhere(ctx, lo, hi, cue_start)
        if named is not None:
            return named
    split = speaker_word_split(ctx.tokens[lo].norm)
    if split is not None and split[1]:
        start += split[1]  # "لوزارة الخارجية": the speaker is the ministry, not the preposition
    surface_speaker = Speaker(None, _np_surface(ctx, start, end), start, _np_end(ctx, end))
    if first_word is not None and first_word.kind == "unnamed":
        return surface_speaker
    titled_name = _trailing_name(ctx, lo, hi) if _is_person_title(ctx, lo) else None
    if titled_name is not None:
        # "المتحدثة باسم وزارة الخارجية الأميركية هيذر نويرت": a name no list knows closes the title phrase; the
        # person speaks, not the body in the title.
        return Speaker(None, ctx.body[start:titled_name], start, titled_name)
    orgs = [m for m in mentions if m.entity_type == "ORG" and not m.is_adjectival]
    if orgs:
        return ctx.speaker_from(orgs[0])
    for i in range(lo, hi):
        word = speaker_word(ctx.tokens[i].norm)
        if word is not None and word.kind == "ref":
            if _names_a_statement(word.word):
                issued = _statement_issuer(ctx, cue_start)
                if issued is not None:
                    return Speaker(issued.entity_id, surface_speaker.surface, start, surface_speaker.end,
                                   issued.entity_type)  # fmt: skip
            titled = _titled_elsewhere(ctx, i, hi, cue_start) if word.resolve == "person" else None
            resolved = titled or _resolve_ref(ctx, word.resolve, word.name_contains, mentions, cue_start, previous)
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


def _trailing_name(ctx: Context, lo: int, hi: int) -> int | None:
    """The end offset of a title phrase that closes with a name: two to four words, the first without the article,
    none of them a listed word or inside a mention ("… للرياضة تركي آل الشيخ", "… الأميركية هيذر نويرت")."""
    for size in range(MAX_NAME_BEFORE_TITLE, MIN_NAME_TOKENS - 1, -1):
        first = hi - size
        if first <= lo:
            continue
        words = range(first, hi)
        if ctx.tokens[first].norm.startswith(DEFINITE_ARTICLE) or any(_is_word(ctx, n, WORD_KINDS) for n in words):
            continue
        inside = ctx.mentions_in(ctx.tokens[first].start, ctx.tokens[hi - 1].end)
        if not inside and not any(_is_title(ctx, n) for n in words):
            return ctx.tokens[hi - 1].end
    return None


def _issuer(ctx: Context, lo: int, hi: int) -> Speaker | None:
    """The body or person a statement phrase names: "تقرير أعده منتدى النقل الدولي", "بيان صادر عن الأسطول"."""
    named = [
        m for m in ctx.mentions_in(ctx.tokens[lo].start, ctx.tokens[hi - 1].end)
        if m.entity_type in ("ORG", "PERSON") and not m.is_adjectival
    ]  # fmt: skip
    return ctx.speaker_from(named[0]) if named else None


def _statement_issuer(ctx: Context, cue_start: int) -> Speaker | None:
    """ "وقال البيان إن": who issued the last statement named before ("وفق بيان صادر عن الأسطول الروسي")."""
    for n in reversed(ctx.token_range(0, cue_start)):
        word = speaker_word(ctx.tokens[n].norm)
        if word is not None and word.kind == "statement":
            issuer = _issuer(ctx, n, min(n + MAX_ISSUER_WORDS, len(ctx.tokens)))
            if issuer is not None:
                return issuer
    return None


def _unlisted_subject(
    ctx: Context,
    lo: int,
    hi: int,
    tok_hi: int,
    after: tuple[int, int] | None,
    previous: list,
    bare: bool,
    definite_ok: bool = False,
) -> Speaker | None:
    """A subject phrase that opens with neither a mention nor a listed word: a name no list knows, or nobody."""
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    if _is_title(ctx, lo):
        # "وأضاف الشيخ محمد بن راشد": the person named after the title.
        persons = [m for m in ctx.mentions_in(start, end) if m.entity_type == "PERSON" and not m.is_adjectival]
        if persons:
            return ctx.speaker_from(persons[0])
        # "وأوضح القاضي أنه": the person the article names with that title; else the role words themselves.
        if after is not None:
            named = _name_after_title(ctx, after)
            if named is not None:
                return named
        return _titled_elsewhere(ctx, lo, hi, ctx.tokens[lo].start) or Speaker(None, ctx.body[start:end], start, end)
    # "التوهامي العبدولي، كاتب الدولة …": a name the mentions stage does not know, then its title.
    if after is not None and hi - lo <= MAX_NAME_BEFORE_TITLE and _is_person_title(ctx, after[0]):
        return Speaker(None, ctx.body[start:end], start, end)
    # "وقال إيهاب بسيسو وزير الثقافة الفلسطيني": a name, then its title without a comma.
    titled = next((n for n in range(lo + 1, min(hi, lo + MAX_NAME_TOKENS + 1)) if _is_person_title(ctx, n)), None)
    if titled is not None and titled - lo >= MIN_NAME_TOKENS:
        return Speaker(None, ctx.body[start : ctx.tokens[titled - 1].end], start, ctx.tokens[titled - 1].end)
    # "أفاد الصديق": the last name of someone named (or speaking) before.
    earlier = _earlier_unlinked_speaker(ctx, lo, previous)
    if earlier is not None:
        return earlier
    # "وأضافت المحطة أن", "وأوضح لو دريان أنه": a short subject right before the complementizer (or before
    # "في تصريح …") is who speaks, even when no list knows it; "وصف X بأنه" puts its object there instead.
    rest = range(hi, tok_hi)
    only_adverbs = all(_is_word(ctx, n, ("skip",)) for n in rest)  # "وأعلن تويتر، السبت، أنه"
    # "وأبلغ #ألكسندر_بيسونيه، محكمة كيبك بأنه": a name set off by a comma before the rest of the clause.
    set_off = hi < tok_hi and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(hi))
    one_letter = len(ctx.tokens[lo].norm) < 2  # a stray و before a quotation mark
    if (
        bare
        and not one_letter
        and hi - lo <= MAX_BARE_SUBJECT
        and (only_adverbs or set_off or _is_word(ctx, hi, ("stop",)) or (hi < tok_hi and _is_addressee(ctx, hi)))
    ):
        return Speaker(None, ctx.body[start:end], start, end)
    # "وقالت المنسقة الأممية للشؤون الإنسانية في اليمن ليز غراند": a definite noun right after the verb is its
    # subject; the person named before the quotation is who it describes, else the words stand for the speaker.
    if definite_ok and ctx.tokens[lo].norm.startswith(DEFINITE_ARTICLE) and not one_letter:
        window_end = ctx.tokens[tok_hi - 1].end if tok_hi > lo else end
        named = [m for m in ctx.mentions_in(start, window_end) if m.entity_type == "PERSON" and not m.is_adjectival]
        if named:
            return ctx.speaker_from(named[0])
        if tok_hi - lo <= MAX_SUBJECT_WINDOW:
            end = window_end  # the name no list knows may follow the role's place ("… في اليمن ليز غراند")
        return Speaker(None, ctx.body[start:end], start, end)
    return None


def _name_after_title(ctx: Context, after: tuple[int, int]) -> Speaker | None:
    """ "الناطق الرسمي باسم الحزب الجمهوري، عصام الشابي": the title, a comma, then the name."""
    a_start, a_end = ctx.tokens[after[0]].start, ctx.tokens[after[1] - 1].end
    named = [m for m in ctx.mentions_in(a_start, a_end) if m.entity_type == "PERSON" and not m.is_adjectival]
    if named:
        return ctx.speaker_from(named[0])
    # A name has no article on its first word ("عصام الشابي"); "المعروف بأنه …" describes, it does not name.
    definite = ctx.tokens[after[0]].norm.startswith(DEFINITE_ARTICLE)
    if (
        not definite
        and after[1] - after[0] <= MAX_NAME_TOKENS
        and not any(_is_word(ctx, n, WORD_KINDS) for n in range(*after))
    ):
        return Speaker(None, ctx.body[a_start:a_end], a_start, a_end)
    return None


def antecedent_speaker(ctx: Context, cue_start: int, previous: list) -> Speaker:
    """The speaker of a cue with no subject of its own: a continuation ("وأضاف") or a dropped pronoun."""
    sentence = ctx.sentence_index(cue_start)
    same_sentence = [q for q in previous if q.sentence == sentence]
    if same_sentence and same_sentence[-1].speaker.surface is not None:
        return same_sentence[-1].speaker
    # "تصريحات الغنوشي والتي قال فيها": a relative clause speaks for the name just before it.
    cue_tok = ctx.token_range(cue_start, cue_start + 1)
    relative = cue_tok.start > 0 and ctx.tokens[cue_tok.start - 1].norm.removeprefix("و") in RELATIVE_PRONOUNS
    preposed = None if relative else _clause_subject(ctx, cue_start, previous)
    preposed = preposed or _preposed_subject(ctx, cue_start, previous)
    if preposed is not None:
        return preposed
    for quote in reversed(previous):
        if sentence - quote.sentence > MAX_SENTENCES_BACK:
            break
        if quote.speaker.surface is not None:
            return quote.speaker
    return _topic_person(ctx, cue_start, sentence) or Speaker(None, None)


def _titled_elsewhere(ctx: Context, lo: int, hi: int, cue_start: int) -> Speaker | None:
    """ "وأوضح القاضي أنه": the person the article names with the same title ("القاضي جيرالد ليبوفيتس"); the role
    words are kept as the surface."""
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    # The role's own words, without its nisba (nationality is checked apart) or a name standing in it.
    named = [m for m in ctx.mentions_in(start, end) if m.is_adjectival or m.entity_type == "PERSON"]
    complement = frozenset(
        role_head(ctx.tokens[n].norm) for n in range(lo + 1, hi)
        if not _is_word(ctx, n, ("skip",)) and not any(m.char_start <= ctx.tokens[n].start < m.char_end for m in named)
    )  # fmt: skip
    holder = role_holder(ctx, role_head(ctx.tokens[lo].norm), role_countries(ctx, start, end), cue_start, complement)
    if holder is None:
        return None
    return Speaker(holder.entity_id, ctx.body[start:end], start, end, holder.entity_type)


def _clause_subject(ctx: Context, cue_start: int, previous: list) -> Speaker | None:
    """The subject of the first clause of the cue's sentence, when the cue stands inside the sentence: a name, a
    body or a state ("وكانت المملكة المتحدة قالت"), a role ("ورفض القاضي …، قائلا") or a source word ("وكانت
    السلطات الروسية قالت"); else the word or two between the sentence's first word and a cue close to it ("ورد
    الزفزافي قائلا")."""
    sentence = ctx.sentence_of(cue_start)
    if sentence is None or not ctx.body[sentence.char_start : cue_start].strip(" و"):
        return None
    before = list(ctx.token_range(sentence.char_start, cue_start))
    while before and ctx.tokens[before[0]].norm in LEADING_CONNECTIVES:
        before = before[1:]  # "غير أن رئيسة الحكومة قالت"
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
        if (word is not None and word.kind in ("head", "ref") and word.resolve == "person") or _is_title(ctx, n):
            role = _titled_elsewhere(ctx, n, n + 1, cue_start)
            return role or Speaker(None, ctx.body[tok.start : tok.end], tok.start, tok.end)
        if word is not None and word.kind in ("head", "ref", "unnamed"):
            end = _definite_modifiers_end(ctx, n, cue_start)
            return Speaker(None, ctx.body[tok.start : end], tok.start, end)
    between = before[1:]
    if 0 < len(between) <= MAX_BARE_SUBJECT and not any(_is_word(ctx, n, WORD_KINDS) for n in between):
        start, end = ctx.tokens[between[0]].start, ctx.tokens[between[-1]].end
        if not any(ch in CLAUSE_COMMAS for ch in ctx.body[start:end]):
            return Speaker(None, ctx.body[start:end], start, end)
    return None


def _definite_modifiers_end(ctx: Context, n: int, limit: int) -> int:
    """The end of a role word with the definite adjectives after it: "السلطات الروسية"."""
    hi = n + 1
    while hi < len(ctx.tokens) and hi - n <= MAX_DEFINITE_MODIFIERS and ctx.tokens[hi].start < limit:
        if not ctx.tokens[hi].norm.startswith(DEFINITE_ARTICLE) or ctx.gap_before(hi).strip():
            break
        hi += 1
    return ctx.tokens[hi - 1].end


def _names_a_statement(word: str) -> bool:
    """البيان، التقرير: a statement word with the article refers back to a statement named before."""
    entry = speaker_word(word[len(DEFINITE_ARTICLE) :]) if word.startswith(DEFINITE_ARTICLE) else None
    return entry is not None and entry.kind == "statement"


def _is_title(ctx: Context, n: int) -> bool:
    return role_head(ctx.tokens[n].norm) in person_titles()


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
            if word.kind == "ref":
                inside = ctx.mentions_in(start, end)
                resolved = _resolve_ref(ctx, word.resolve, word.name_contains, inside, cue_start, previous)
            return Speaker(resolved.entity_id if resolved else None, ctx.body[start:end], start, end,
                           resolved.entity_type if resolved else None)  # fmt: skip
    return _bare_preposed(ctx, [n for n in near if ctx.tokens[n].end <= cue_start], floor)


def _bare_preposed(ctx: Context, near: list[int], floor: int) -> Speaker | None:
    """ "لكن فينغر قال إن", "أما بلومبيرغ، فقالت إن": a word or two no list knows, between a connective and the
    cue."""
    for size in range(1, MAX_BARE_SUBJECT + 1):
        if len(near) <= size:
            break
        words = near[-size:]
        opens = ctx.tokens[near[-size - 1]].norm in PREPOSING_CONNECTIVES
        plain = all(
            not _is_word(ctx, n, WORD_KINDS) and ctx.tokens[n].norm not in LEADING_CONNECTIVES | PREPOSING_CONNECTIVES
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
    return (word is not None and word.kind in ("head", "ref") and word.resolve == "person") or _is_title(ctx, n)


def _is_word(ctx: Context, n: int, kinds: tuple[str, ...]) -> bool:
    word = speaker_word(ctx.tokens[n].norm)
    return word is not None and word.kind in kinds


def _trim_np(ctx: Context, lo: int, hi: int, quoting: bool = False, verb: bool = False) -> tuple[int, int]:
    """Drop adverbs at either end, keep only what follows عن (نقل … عن X), stop at a clause comma or a preposition;
    after a verb, a ل-phrase ("لرويترز", "لقناة سكاي نيوز") is who was told, and ends the subject."""
    for i in range(lo, hi if quoting else lo):
        if ctx.tokens[i].norm == SOURCE_PREPOSITION:
            lo = i + 1
    while lo < hi and _is_skip(ctx.tokens[lo].norm):
        lo += 1
    if lo < hi and (_is_word(ctx, lo, ("stop",)) or (verb and _is_addressee(ctx, lo))):
        return lo, lo  # "أعرب عن أمله", "أشار إلى أن", "وأضاف لهيئة الإذاعة": no subject after the verb
    for i in range(lo + 1, hi):
        word = speaker_word(ctx.tokens[i].norm)
        # A relative pronoun or a cue ("نقلت عن مونتيلا قوله") ends the subject phrase too.
        ends = ctx.tokens[i].norm in RELATIVE_PRONOUNS or cue_for(ctx.tokens[i].norm) is not None
        # "وقال نيل لبي بي سي": who was told; "الأمين العام للحركة": a title's genitive, after a definite word.
        told = verb and _is_addressee(ctx, i) and not ctx.tokens[i - 1].norm.startswith(DEFINITE_ARTICLE)
        ends = ends or (told and not _is_person_title(ctx, i - 1))
        if any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(i)) or ends or (word is not None and word.kind == "stop"):
            hi = i
            break
    while hi > lo and _is_skip(ctx.tokens[hi - 1].norm):
        hi -= 1
    return lo, hi


def _is_addressee(ctx: Context, n: int) -> bool:
    """A ل-prefixed speaker word or name: "لوكالة", "لرويترز", "لبي بي سي"."""
    tok = ctx.tokens[n]
    if not tok.norm.startswith(LAM) or len(tok.norm) <= len(LAM) + 1:
        return False
    split = speaker_word_split(tok.norm)
    if split is not None and split[1]:
        return True
    return any(tok.start < m.char_start < tok.end for m in ctx.mentions_in(tok.start, ctx.tokens[-1].end))


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
