"""Who is speaking: the subject phrase after a cue, a role word resolved in context, or the previous speaker.

The mentions stage names entities; this module only chooses among its mentions. Where nobody is named
("مصدر دبلوماسي") the speaker keeps its surface and a null entity id.
"""

from __future__ import annotations

from flows.nlp.quotes.context import CLAUSE_COMMAS, ON_BEHALF, Context, Speaker
from flows.nlp.quotes.issuers import document_source, issuer_named, names_a_statement, names_an_issuer, statement_issuer
from flows.nlp.quotes.lexicon import cue_for, is_clause_word, speaker_word, speaker_word_split
from flows.nlp.quotes.phrase import (
    DEFINITE_ARTICLE,
    LAM,
    WORD_KINDS,
    after_comma,
    is_addressee,
    is_person_title,
    is_title,
    is_word,
    np_end,
    np_surface,
    quoted_name,
    trim_np,
)
from flows.nlp.quotes.roles import resolve_ref, role_countries, role_head, role_holder, speaks_for
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Mention

# Entity types that can speak, best first: "وزير خارجية مالي عبد الله ديوب" is Diop, not Mali.
SPEAKER_TYPES = ("PERSON", "ORG", "GPE")
# A role word before a subjectless verb takes its definite modifiers along: "المجلس العسكري الحاكم ينفي".
MAX_DEFINITE_MODIFIERS = 3
# A name in apposition ("عصام الشابي" after "الناطق باسم الحزب،") is at most this many words.
MAX_NAME_TOKENS = 3
# A name set off before its title ("أنييس فون دير مول، المتحدثة باسم …") has up to four words.
MAX_NAME_BEFORE_TITLE = 4
# ... and at least this many when no list knows it and only a title after it says it is a name.
MIN_NAME_TOKENS = 2
# A subject phrase no list knows is kept whole up to the complementizer when that is at most this many words away.
MAX_SUBJECT_WINDOW = 8
# A subject no list knows ("المحطة", "لو دريان") standing alone before the complementizer: at most this many words.
MAX_BARE_SUBJECT = 2
PARTITIVE = "من"  # "اثنان من المصادر", "عدد من المسؤولين"
# Endings of Arabic words, not of the foreign names a place opens ("تايمز", "بوست"): the accusative alif of an adverb or
# object ("رسميا"), ة (normalised ه) and the object pronouns ("رفضها", "قرارهم", "موقفه").
ARABIC_ENDINGS = ("ا", "ه", "هم", "هما")
CONJUNCTION = "و"


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
    lo, hi = trim_np(ctx, tok_lo, tok_hi, quoting, verb)
    if lo < hi and is_word(ctx, lo, ("statement",)):
        issuer = issuer_named(ctx, lo, hi)
        if issuer is not None:
            return issuer  # "تقرير أعده منتدى النقل الدولي": the forum speaks through its report
        if hi - lo == 1 or not names_an_issuer(ctx, lo + 1):
            # "قال بيان حكومي", "كشفت تقارير صحفية إسبانية": the document is the source, named by its words.
            return document_source(ctx, lo, tok_hi)
        lo += 1  # "بلاغ لوزارة الدفاع": the ministry speaks through its statement
    if lo >= hi:
        return None
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    mentions = [m for m in ctx.mentions_in(start, end) if not ctx.in_mark(m.char_start) or quoted_name(ctx, m)]
    first_word = speaker_word(ctx.tokens[lo].norm)
    opens_subject = first_word is not None or any(m.char_start < ctx.tokens[lo].end for m in mentions)
    if verb and opens_subject and first_word is None and oblique_plural(ctx.tokens[lo].norm):
        opens_subject = False  # "كما حض الحوثيين على أن": a plural in -ين is the verb's object, its subject is -ون
    after = after_comma(ctx, hi, tok_hi)
    if not opens_subject:
        bare = bare_ok and not object_first
        return _unlisted_subject(ctx, lo, hi, tok_hi, after, previous, bare, bare and definite_ok)
    if first_word is not None and first_word.kind == "unnamed" and lo + 1 < hi and ctx.tokens[lo + 1].norm == ON_BEHALF:
        return Speaker(None, np_surface(ctx, start, end), start, np_end(ctx, end))
    persons = [m for m in mentions if m.entity_type == "PERSON" and not m.is_adjectival]
    states = [m for m in mentions if m.entity_type == "GPE" and not m.is_adjectival]
    if first_word is None and states and states[0].char_start == start and persons:
        return ctx.speaker_from(states[0])  # "وحذرت تل أبيب الرئيس السوري بشار الأسد": the state, then its object
    if (
        persons
        and first_word is not None
        and first_word.resolve == "person"
        and speaks_for(ctx, start, persons[0].char_start)
    ):
        return Speaker(None, np_surface(ctx, start, end), start, np_end(ctx, end))  # "المتحدث باسم الرئيس بوتين"
    body_first = first_word is not None and first_word.kind == "head" and first_word.resolve == "org"
    if persons and not (body_first and persons[0].char_start > start):
        return ctx.speaker_from(persons[0])  # not "أعلنت إدارة الرئيس الأميركي دونالد ترامب": the administration
    if first_word is not None and first_word.kind == "head" and first_word.resolve == "person":
        # "قال عضو الكنيست السابق في حزب تسيوميت موشيه بيليد أنه": the name closes the title, past its preposition.
        window_end = ctx.tokens[tok_hi - 1].end if tok_hi > lo else end
        comma = next((at for at in range(start, window_end) if ctx.body[at] in CLAUSE_COMMAS), window_end)
        ending = [m for m in ctx.mentions_in(start, comma) if m.entity_type == "PERSON" and not m.is_adjectival]
        if ending:
            return ctx.speaker_from(ending[0])
        named = _name_after_title(ctx, after) if after is not None else None
        if named is None:
            named = titled_elsewhere(ctx, lo, hi, cue_start)
        if named is not None:
            return named
    split = speaker_word_split(ctx.tokens[lo].norm)
    if split is not None and split[1]:
        start += split[1]  # "لوزارة الخارجية": the speaker is the ministry, not the preposition
    surface_speaker = Speaker(None, np_surface(ctx, start, end), start, np_end(ctx, end))
    if first_word is not None and first_word.kind == "unnamed":
        return surface_speaker
    titled_name = _trailing_name(ctx, lo, hi) if is_person_title(ctx, lo) else None
    if titled_name is not None:
        # "المتحدثة باسم وزارة الخارجية الأميركية هيذر نويرت": a name no list knows closes the title phrase; the
        # person speaks, not the body in the title.
        return Speaker(None, ctx.body[start:titled_name], start, titled_name)
    if first_word is not None and first_word.kind == "head" and first_word.resolve == "person":
        return surface_speaker  # "زعيم حزب العمال": a person no one names, never the party in the title
    orgs = [m for m in mentions if m.entity_type == "ORG" and not m.is_adjectival]
    if orgs:
        return ctx.speaker_from(orgs[0])
    for i in range(lo, hi):
        word = speaker_word(ctx.tokens[i].norm)
        if word is not None and word.kind == "ref" and not (body_first and word.resolve == "person"):
            if names_a_statement(word.word):
                issued = statement_issuer(ctx, cue_start)
                if issued is not None:
                    return Speaker(issued.entity_id, surface_speaker.surface, start, surface_speaker.end,
                                   issued.entity_type)  # fmt: skip
            titled = titled_elsewhere(ctx, i, hi, cue_start) if word.resolve == "person" else None
            resolved = titled or resolve_ref(ctx, word.resolve, word.name_contains, mentions, cue_start, previous)
            if resolved is not None and resolved.entity_id is None:
                return resolved  # an earlier speaker nobody could link: keep the words that named it
            if resolved is not None:
                surface = surface_speaker.surface
                return Speaker(resolved.entity_id, surface, start, surface_speaker.end, resolved.entity_type)
    places = [m for m in mentions if m.entity_type in SPEAKER_TYPES and not m.is_adjectival]
    if places and places[0].char_start < ctx.tokens[lo].end:
        named_after = place_opens_a_name(ctx, places[0], hi, tok_hi)
        if named_after is not None:
            # "قالت نيويورك تايمز إن", "وقالت كارولينا ميلانيسي،": a place's name opens the name of a paper or a
            # person the mentions stage does not know; the place does not speak, the whole name does.
            return Speaker(None, ctx.body[start:named_after], start, named_after)
        return ctx.speaker_from(places[0])
    if first_word is not None and first_word.kind in ("head", "ref"):
        return surface_speaker
    return None


def place_opens_a_name(ctx: Context, place: Mention, hi: int, tok_hi: int) -> int | None:
    """The end offset of the name a place's name opens, when one to MAX_NAME_TOKENS words follow the place and close
    the subject phrase (tokens up to ``hi``, which ends at the complementizer, the colon or a comma: ``tok_hi``),
    joined to it with no punctuation, each without the article or و, unlisted, in no mention and without an Arabic
    word's ending: "نيويورك تايمز", "واشنطن بوست"; None when the place stands alone ("أعلنت السعودية رسميا", the
    headline "أميركا تنسحب من مجلس …:")."""
    if hi != tok_hi and not any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(hi)):
        return None  # the phrase was cut at a preposition or an adverb: what follows the place is no name
    if place.entity_type != "GPE":
        return None
    first = ctx.token_range(place.char_end, len(ctx.body) + 1).start
    if first >= hi or first - 1 < 0 or ctx.tokens[first - 1].end != place.char_end:
        return None  # the mention ends inside a word ("بواشنطن" is another reading), or nothing follows in the phrase
    last = None
    for n in range(first, min(hi, first + MAX_NAME_TOKENS)):
        tok = ctx.tokens[n]
        if (
            ctx.gap_before(n).strip()
            or tok.norm.startswith(DEFINITE_ARTICLE)
            or tok.norm[:1] == CONJUNCTION
            or tok.norm[1:].startswith(DEFINITE_ARTICLE)  # "بالقرار", "والقوى": a preposition or و on a noun
            or tok.norm == ON_BEHALF
            or tok.norm.endswith(ARABIC_ENDINGS)
            or not tok.norm.isalpha()
            or speaker_word(tok.norm) is not None
            or is_title(ctx, n)
            or ctx.mentions_in(tok.start, tok.end)
        ):
            break
        last = n
    if last is None or last != hi - 1:
        return None  # the words after the place do not close the phrase
    return ctx.tokens[last].end


# A definite sound plural in the oblique case ("الحوثيين", "المتظاهرين") is long: the article, a stem, -ين.
OBLIQUE_PLURAL_MIN_LETTERS = 7


def oblique_plural(norm: str) -> bool:
    """A definite sound masculine plural in -ين: accusative or genitive, so never the subject of the verb before it."""
    bare = norm.removeprefix("و").removeprefix("ف")
    return bare.startswith("ال") and bare.endswith("ين") and len(bare) >= OBLIQUE_PLURAL_MIN_LETTERS


def _trailing_name(ctx: Context, lo: int, hi: int) -> int | None:
    """The end offset of a title phrase that closes with a name: two to four words, the first without the article,
    none of them a listed word or inside a mention ("… للرياضة تركي آل الشيخ", "… الأميركية هيذر نويرت")."""
    for size in range(MAX_NAME_BEFORE_TITLE, MIN_NAME_TOKENS - 1, -1):
        first = hi - size
        if first <= lo:
            continue
        words = range(first, hi)
        if ctx.tokens[first].norm.startswith(DEFINITE_ARTICLE) or any(is_word(ctx, n, WORD_KINDS) for n in words):
            continue
        inside = ctx.mentions_in(ctx.tokens[first].start, ctx.tokens[hi - 1].end)
        if not inside and not any(is_title(ctx, n) for n in words):
            return ctx.tokens[hi - 1].end
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
    if is_title(ctx, lo):
        # "وأضاف الشيخ محمد بن راشد": the person named after the title.
        persons = [m for m in ctx.mentions_in(start, end) if m.entity_type == "PERSON" and not m.is_adjectival]
        if persons:
            return ctx.speaker_from(persons[0])
        # "وأوضح القاضي أنه": the person the article names with that title; else the role words themselves.
        if after is not None:
            named = _name_after_title(ctx, after)
            if named is not None:
                return named
        return titled_elsewhere(ctx, lo, hi, ctx.tokens[lo].start) or Speaker(None, ctx.body[start:end], start, end)
    # "قال مدرب فريق أرسنال الإنجليزي، أرسين فينغر، إن": a description no list knows, then the person's name alone
    # set off by commas: the name is the subject, the description its apposition.
    named = _named_apposition(ctx, after) if after is not None else None
    if named is not None:
        return named
    # "التوهامي العبدولي، كاتب الدولة …": a name the mentions stage does not know, then its title.
    if after is not None and hi - lo <= MAX_NAME_BEFORE_TITLE and is_person_title(ctx, after[0]):
        return Speaker(None, ctx.body[start:end], start, end)
    # "وقال إيهاب بسيسو وزير الثقافة الفلسطيني": a name, then its title without a comma.
    titled = next((n for n in range(lo + 1, min(hi, lo + MAX_NAME_TOKENS + 1)) if is_person_title(ctx, n)), None)
    if titled is not None and titled - lo >= MIN_NAME_TOKENS:
        return Speaker(None, ctx.body[start : ctx.tokens[titled - 1].end], start, ctx.tokens[titled - 1].end)
    # "أفاد الصديق": the last name of someone named (or speaking) before.
    earlier = _earlier_unlinked_speaker(ctx, lo, previous)
    if earlier is not None:
        return earlier
    # "وأضافت المحطة أن", "وأوضح لو دريان أنه": a short subject right before the complementizer (or before
    # "في تصريح …") is who speaks, even when no list knows it; "وصف X بأنه" puts its object there instead.
    rest = range(hi, tok_hi)
    only_adverbs = all(is_word(ctx, n, ("skip",)) for n in rest)  # "وأعلن تويتر، السبت، أنه"
    # "وأبلغ #ألكسندر_بيسونيه، محكمة كيبك بأنه": a name set off by a comma before the rest of the clause.
    set_off = hi < tok_hi and any(ch in CLAUSE_COMMAS for ch in ctx.gap_before(hi))
    one_letter = len(ctx.tokens[lo].norm) < 2  # a stray و before a quotation mark
    if is_clause_word(ctx.tokens[lo].norm):
        return None  # "وتعتبر حتى الآن أن": an adverb, not a subject
    if (
        bare
        and not one_letter
        and hi - lo <= MAX_BARE_SUBJECT
        and (only_adverbs or set_off or is_word(ctx, hi, ("stop",)) or (hi < tok_hi and is_addressee(ctx, hi)))
    ):
        end = _partitive_end(ctx, hi, tok_hi) or end
        return Speaker(None, ctx.body[start:end], start, end)
    # "وقالت المنسقة الأممية للشؤون الإنسانية في اليمن ليز غراند": a definite noun right after the verb is its
    # subject; the person named before the quotation is who it describes, else the words stand for the speaker.
    if definite_ok and ctx.tokens[lo].norm.startswith(DEFINITE_ARTICLE) and not one_letter:
        window_end = ctx.tokens[tok_hi - 1].end if tok_hi > lo else end
        persons = [m for m in ctx.mentions_in(start, window_end) if m.entity_type == "PERSON" and not m.is_adjectival]
        if persons:
            return ctx.speaker_from(persons[0])
        if tok_hi - lo <= MAX_SUBJECT_WINDOW:
            # The name no list knows may follow the role's place ("… في اليمن ليز غراند"); an adverb closing the
            # window is the writer's ("أفاد المرصد … السبت أن").
            last = tok_hi
            while last > hi and is_word(ctx, last - 1, ("skip",)):
                last -= 1
            end = ctx.tokens[last - 1].end
        return Speaker(None, ctx.body[start:end], start, end)
    # "وترى حملات داعمة لخفض الانبعاثات أنه": whatever stands between a speech verb and its clause is the verb's
    # subject, named by its words; the previous speaker would be a guess.
    # A ل-word first is whom the verb addresses ("صرحت لمراسل …"), not its subject.
    addressed = ctx.tokens[lo].norm.startswith(LAM)
    if definite_ok and not one_letter and not addressed and hi - lo <= MAX_SUBJECT_WINDOW:
        persons = [m for m in ctx.mentions_in(start, end) if m.entity_type == "PERSON" and not m.is_adjectival]
        return ctx.speaker_from(persons[0]) if persons else Speaker(None, ctx.body[start:end], start, end)
    return None


def _partitive_end(ctx: Context, hi: int, tok_hi: int) -> int | None:
    """ "وقال اثنان من المصادر إن": a number or quantity before من and an unnamed source is that source; the end
    offset of the source word."""
    if hi + 1 >= tok_hi or ctx.tokens[hi].norm != PARTITIVE or ctx.gap_before(hi + 1).strip():
        return None
    word = speaker_word(role_head(ctx.tokens[hi + 1].norm))
    return ctx.tokens[hi + 1].end if word is not None and word.kind == "unnamed" else None


def _named_apposition(ctx: Context, after: tuple[int, int]) -> Speaker | None:
    """The person whose name is all that stands between two commas (or a comma and the complementizer) after a
    subject phrase: "…، خوان أنطونيو بيتزي، إنه"."""
    a_start, a_end = ctx.tokens[after[0]].start, ctx.tokens[after[1] - 1].end
    persons = [m for m in ctx.mentions_in(a_start, a_end) if m.entity_type == "PERSON" and not m.is_adjectival]
    if persons and persons[0].char_start == a_start and persons[0].char_end >= a_end:
        return ctx.speaker_from(persons[0])
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
        and cue_for(ctx.tokens[after[0]].norm) is None  # "…، قوله:" is the cue, not a name
        and after[1] - after[0] <= MAX_NAME_TOKENS
        and not any(is_word(ctx, n, WORD_KINDS) for n in range(*after))
    ):
        return Speaker(None, ctx.body[a_start:a_end], a_start, a_end)
    return None


def titled_elsewhere(ctx: Context, lo: int, hi: int, cue_start: int) -> Speaker | None:
    """ "وأوضح القاضي أنه": the person the article names with the same title ("القاضي جيرالد ليبوفيتس"); the role
    words are kept as the surface."""
    start, end = ctx.tokens[lo].start, ctx.tokens[hi - 1].end
    # The role's own words, without its nisba (nationality is checked apart) or a name standing in it.
    named = [m for m in ctx.mentions_in(start, end) if m.is_adjectival or m.entity_type == "PERSON"]
    words = frozenset(
        role_head(ctx.tokens[n].norm) for n in range(lo + 1, hi)
        if not is_word(ctx, n, ("skip",)) and not any(m.char_start <= ctx.tokens[n].start < m.char_end for m in named)
    )  # fmt: skip
    # The role layer keeps a conjunct's و: "وزير الرياضة" is the "وزير الشباب والرياضة" the article named.
    complement = words | {CONJUNCTION + form for word in words for form in (word, DEFINITE_ARTICLE + word)}
    holder = role_holder(ctx, role_head(ctx.tokens[lo].norm), role_countries(ctx, start, end), cue_start, complement)
    if holder is None:
        return None
    return Speaker(holder.entity_id, ctx.body[start:end], start, end, holder.entity_type)


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
