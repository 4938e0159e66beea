"""Speakers resolved once every quotation of the article is read: a description or a body's head word left
unresolved in reading order, resolved from the whole article.

First, an unnamed source's word with the article ("وأضاف المصدر", "وبحسب المصادر نفسها") is the source the article
cited last with that word ("مصدر أمني"), in its fullest words; with no such source, "المصدر" alone is the named body
the article's previous quotation cites, within the same window ("…، وفق ما ذكر موقع "باتش". وقال المصدر إن"). Then three readings, tried in this order for a speaker
with no entity whose surface is a definite noun phrase or a title in construct, and does not end in a name already:
1. the article sets the same words beside a name elsewhere ("العاهل الأردني، الملك عبدالله الثاني" in the lead,
   "وقال العاهل الأردني:" later; "طارق الملا، وزير البترول المصري"): that person, wherever the name stands;
2. the noun that opens the phrase stands right before one person's name elsewhere in the article, and before no
   other person's ("العداء الجامايكي الأسطوري أوسين بولت" in the lead, "وأكد العداء السابق" later; definite
   modifiers may stand between): that person, the one the article introduces with that noun;
3. a body's head word ("وقال المرصد" after "المرصد السوري لحقوق الإنسان"): the body named before whose name opens
   with the same noun, as an earlier speaker or a mention (an unlinked body keeps its full name as the surface);
4. a description of a person no one named before ("قال وزير النفط السوداني إن …" opening the article, the minister
   named and quoted in the next sentences): the speaker of a later quotation, a linked person quoted within
   MAX_SENTENCES_AFTER sentences, whose nationality agrees with the description's nisba (or is unknown) and whose
   role, when the article gives one, has the description's head. Never a person only mentioned: the article's
   next quoted person is who news introduces so ("قال الوزير … . وقال الملا").
A quotation that continued the unresolved speaker (وأضاف) takes the resolved one too.
"""

from __future__ import annotations

from flows.nlp.entities.person_roles import AttachedRole
from flows.nlp.entities.role_words import role_word
from flows.nlp.quotes.context import CLAUSE_COMMAS, ON_BEHALF, Context, Found, Speaker
from flows.nlp.quotes.descriptions import is_person_head, nationality
from flows.nlp.quotes.lexicon import speaker_word
from flows.nlp.quotes.phrase import DEFINITE_ARTICLE, is_title
from flows.nlp.quotes.roles import role_countries, role_head
from flows.nlp.text.arabic import normalize, proclitic_readings
from flows.nlp.types import Mention

# How many sentences after a description its person may first be quoted: news names the speaker of a lead
# sentence's quotation within the next few (ANT v2.1: "وزير البترول المصري" in the lead, "وقال الوزير طارق الملا"
# three sentences on); as far as a continuation looks back (antecedents.MAX_SENTENCES_BACK).
MAX_SENTENCES_AFTER = 3
# How many sentences back "المصدر" may refer to a source cited as "مصدر أمني" (antecedents.MAX_SENTENCES_BACK, as a
# continuation: a reference to a source follows its first citation as closely).
MAX_SENTENCES_BEFORE = 3
# Words after such a reference that say it is the same source ("المصدر نفسه", "المصادر ذاتها", normalised); any other
# word must be in the earlier source's words ("المصادر الأمنية" after "مصادر أمنية").
# The unnamed source's singular word ("مصدر"), which may stand for a named body cited just before.
SOURCE_WORD = "مصدر"
# The preposition ل on a definite noun, as written ("للمرصد"): ل + ال with the alef dropped.
TO_THE = "لل"
SAME_SOURCE = frozenset({"نفسه", "نفسها", "ذاته", "ذاتها", "المذكور", "المذكوره"})
# Definite modifiers between a noun and the name it introduces ("العداء الجامايكي الأسطوري أوسين بولت"): at most this
# many; a longer run is a phrase of its own.
MAX_MODIFIERS_BEFORE_NAME = 2
# Words between a description and the name set beside it: a comma, or none ("وزير النفط السوداني عبد الرحمن").
MAX_GAP_CHARS = 3
# ... and titles of titles.tsv opening the name, at most this many ("الملك", "العقيد الركن"), within this many letters.
MAX_TITLES_BETWEEN = 2
MAX_FOLLOW_CHARS = 40
# A noun this short ("ال" + two letters) is too often a particle or a fragment to stand for a person.
MIN_HEAD_LETTERS = 3


def resolve_late(ctx: Context, found: list[Found]) -> None:
    """Give every quotation whose speaker is an unresolved definite phrase the entity the article resolves it to."""
    ordered = sorted(found, key=lambda f: f.cue_start)
    for n, item in enumerate(ordered):
        old = item.speaker
        if old.entity_id is not None or old.start is None or old.end is None or not old.surface:
            continue
        words = ctx.token_range(old.start, old.end)
        if not words:
            continue
        first = ctx.tokens[words.start].norm
        issued = _issuer_by_head(ctx, words, ordered[:n])
        if issued is not None:
            _replace(ordered[n:], old, issued)
            continue
        person = _describes_a_person(ctx, words.start)
        # A definite phrase, or a title in construct ("وزير البترول المصري"); "آل" is a family, not the article.
        if not (person or (first.startswith(DEFINITE_ARTICLE) and len(first) > len(DEFINITE_ARTICLE) + 1)):
            continue
        resolved = _source_cited_before(ctx, words, ordered[:n]) or _outlet_cited_before(ctx, words, ordered[:n])
        if resolved is None and _ends_in_a_name(ctx, words):
            continue  # "المتحدثة باسم الخارجية هيذر ناورت": named already, by a name the entity stage does not know
        if resolved is None:
            resolved = _set_beside_a_name(ctx, words)
        if resolved is None:
            resolved = _introduced_by_head(ctx, words)
        if resolved is None and not person:
            resolved = _body_by_head(ctx, words, ordered[:n])
        if resolved is None and person and len(words) > 1 and not _person_named_before(ctx, old.start):
            resolved = _quoted_after(ctx, words, item, ordered[n + 1 :])
        if resolved is None:
            continue
        _replace(ordered[n:], old, resolved)


def _replace(found: list[Found], old: Speaker, resolved: Speaker) -> None:
    """Give ``resolved`` to every quotation that ``old`` speaks: a linked entity keeps the quotation's own words as
    the surface, an unlinked body its full name."""
    new = resolved
    if resolved.entity_id is not None:
        new = Speaker(resolved.entity_id, old.surface, old.start, old.end, resolved.entity_type)
    for other in found:
        if other.speaker == old:
            other.speaker = new


def _issuer_by_head(ctx: Context, words: range, earlier: list[Found]) -> Speaker | None:
    """ "وفق حصيلة للمرصد", "تقرير للوزارة": an indefinite noun (a document, a count) whose owner is a body's head
    word behind ل is that body, named before ("المرصد السوري لحقوق الإنسان")."""
    if len(words) < 2 or ctx.tokens[words.start].norm.startswith(DEFINITE_ARTICLE):
        return None
    if ctx.mentions_in(ctx.tokens[words.start].start, ctx.tokens[words.start].end):
        return None  # a name, not a noun
    second = ctx.tokens[words.start + 1].norm
    if not second.startswith(TO_THE):
        return None
    head = DEFINITE_ARTICLE + second.removeprefix(TO_THE)
    return _body_by_head(ctx, range(words.start + 1, words.stop), earlier, head)


def _words(ctx: Context, words: range) -> list[str]:
    return [ctx.tokens[k].norm for k in words]


def _set_beside_a_name(ctx: Context, words: range) -> Speaker | None:
    """The person whose name stands right after (or right before) the same words elsewhere in the article, nearest
    before them first, else the first after. The phrase's own words count when a name is set off right after them
    ("أعلن المرشد الإيراني، علي خامنئي، الأحد، إن"): the apposition names the speaker there and then."""
    wanted = _words(ctx, words)
    size = len(wanted)
    if size < 2:
        return None  # one word ("الوزير") is a role the role layer reads; two make a description
    before: Speaker | None = None
    after: Speaker | None = None
    for k in range(len(ctx.tokens) - size + 1):
        if _words(ctx, range(k, k + size)) != wanted:
            continue
        start, end = ctx.tokens[k].start, ctx.tokens[k + size - 1].end
        if ctx.in_mark(start) is not None or (k > 0 and _inside_a_phrase(ctx, k)):
            continue
        person = _name_next_to(ctx, start, end, after_only=k == words.start)
        if person is None:
            continue
        if k == words.start:
            return person
        if k < words.start:
            before = person
        elif after is None:
            after = person
    return before or after


def _introduced_by_head(ctx: Context, words: range) -> Speaker | None:
    """The one person the article introduces with the phrase's opening noun: that noun (with the article) standing
    right before a linked person's name elsewhere, definite modifiers between allowed, and before no other person's.
    The phrase's nisba, when it has one, must agree with the person's nationality; a title of the role layer
    ("الرئيس", "الأمير") needs one ("الأمير السعودي")."""
    first = ctx.tokens[words.start].norm.removeprefix("و")
    head = role_head(first)
    if len(head) < MIN_HEAD_LETTERS or (first == head and (role_word(first) is not None or not is_person_head(head))):
        # A title in construct ("رئيس هيئة الطيران") is no noun the article introduces someone with; a person's
        # noun is ("مدرب الريدز" for the one "مدرب ليفربول، يورغن كلوب" the article names).
        return None
    listed = [speaker_word(first), speaker_word(head)]
    if any(word is not None and word.resolve in ("org", "gpe", "nisba_gpe") for word in listed):
        return None  # "الشرطة", "الحكومة": a body's word, whatever person's name follows it once
    found: dict[str, Mention] = {}
    for k, token in enumerate(ctx.tokens):
        if head not in token.norm or k == words.start:
            continue  # the noun's letters stand in every reading of it: a cheap test before the readings
        if ctx.in_mark(token.start) is not None or _in_construct(ctx, k):
            continue
        readings = [r for r in proclitic_readings(token.norm) if role_head(r.stem) == head]
        if any(r.has_article for r in readings):
            named = _name_right_after(ctx, k)
        elif readings and is_person_head(head) and role_word(head) is None:
            # The noun in construct, set beside a name: "مدرب ليفربول، يورغن كلوب", "مارسيلو مدافع ريال مدريد".
            named = _name_after_construct(ctx, k) or _name_right_before(ctx, k)
        else:
            continue
        if named is not None:
            found.setdefault(named.entity_id or "", named)
    if len(found) != 1:
        return None  # "الرئيس" before Trump and before Macron: no one person
    (mention,) = found.values()
    start, end = ctx.tokens[words.start].start, ctx.tokens[words[-1]].end
    countries = role_countries(ctx, start, end)
    own = nationality(ctx, mention.entity_id or "")
    if countries and own and not own & countries:
        return None  # a nationality the article gives the person disagrees; none given, nothing disagrees
    if not countries and role_word(first) is not None:
        return None  # "الرئيس" alone: a title many hold, whose holder the role layer reads (roles.role_holder)
    return ctx.speaker_from(mention)


def _name_after_construct(ctx: Context, k: int) -> Mention | None:
    """A linked person's name right after the complement of the noun at token ``k`` (a named body or place, or one
    definite word), a comma between allowed: "مدرب ليفربول، يورغن كلوب"."""
    if k + 1 >= len(ctx.tokens) or ctx.gap_before(k + 1).strip():
        return None
    nxt = ctx.tokens[k + 1]
    named = [m for m in ctx.mentions_in(nxt.start, len(ctx.body))[:1] if m.char_start == nxt.start]
    if named and named[0].entity_type == "PERSON":
        return None  # "مدرب كلوب": the name is the complement itself, read by the speaker rules
    if not named and not nxt.norm.startswith(DEFINITE_ARTICLE):
        return None
    end = named[0].char_end if named else nxt.end
    following = ctx.mentions_in(end, len(ctx.body))[:1]
    if not following or not _small_gap(ctx.body[end : following[0].char_start]) or not _a_person(following[0]):
        return None
    return following[0]


def _name_right_before(ctx: Context, k: int) -> Mention | None:
    """A linked person's name that ends right before token ``k``, a comma between allowed: the noun in construct
    is the name's apposition ("مارسيلو مدافع ريال مدريد")."""
    before = ctx.mentions_before(ctx.tokens[k].start)[:1]
    if not before or not _a_person(before[0]) or not _small_gap(ctx.body[before[0].char_end : ctx.tokens[k].start]):
        return None
    return before[0]


def _in_construct(ctx: Context, k: int) -> bool:
    """Token ``k`` is the second noun of a construct ("رئيس النادي", "باسم الحكومة", "إدارة الرئيس"): a role word,
    باسم or a speaker's noun right before it, with no punctuation between."""
    if k == 0 or ctx.gap_before(k).strip():
        return False
    before = ctx.tokens[k - 1].norm
    return before == ON_BEHALF or role_word(before) is not None or speaker_word(role_head(before)) is not None


def _name_right_after(ctx: Context, k: int) -> Mention | None:
    """A linked person's name that starts right after token ``k`` or after its definite modifiers, nothing but
    spaces between, or set off between two commas."""
    for n in range(k + 1, min(len(ctx.tokens), k + 2 + MAX_MODIFIERS_BEFORE_NAME)):
        token = ctx.tokens[n]
        persons = [
            m
            for m in ctx.mentions_in(token.start, len(ctx.body))[:1]
            if m.char_start == token.start and not m.is_adjectival
        ]  # fmt: skip; a nisba ("الأرجنتيني") is one of the definite modifiers
        # "المدرب الأرجنتيني، هكتور كوبر، أنه": a name set off by commas is the noun's apposition too.
        set_off = bool(persons) and _small_gap(ctx.gap_before(n)) and _closed_by_comma(ctx, persons[0])
        if ctx.gap_before(n).strip() and not set_off:
            return None
        if persons:
            return persons[0] if _a_person(persons[0]) else None
        if not token.norm.startswith(DEFINITE_ARTICLE):
            return None
    return None


def _inside_a_phrase(ctx: Context, k: int) -> bool:
    """The words at token ``k`` continue a phrase begun before them ("المتحدث باسم التحالف العسكري"): the word
    before is a role word or باسم, with no punctuation between."""
    before = ctx.tokens[k - 1].norm
    return not ctx.gap_before(k).strip() and (before == ON_BEHALF or role_word(before) is not None)


def _ends_in_a_name(ctx: Context, words: range) -> bool:
    """The phrase's last word is neither definite ("السوداني", "للبرنامج") nor inside a mention of a place or body
    ("شرطة هلمند"): a name closes it."""
    last = ctx.tokens[words[-1]]
    if len(words) < 2:
        return False
    covering = [m for m in ctx.mentions_in(ctx.tokens[words.start].start, last.end) if m.char_start <= last.start]
    if covering:
        return covering[-1].entity_type == "PERSON" and not covering[-1].is_adjectival
    return not any(r.has_article for r in proclitic_readings(last.norm))


def _person_named_before(ctx: Context, start: int) -> bool:
    return any(m.entity_type == "PERSON" and not m.is_adjectival for m in ctx.mentions_before(start))


def _name_next_to(ctx: Context, start: int, end: int, after_only: bool = False) -> Speaker | None:
    """A PERSON mention that starts right after ``end`` (a comma and titles between allowed: "العاهل الأردني،
    الملك عبدالله الثاني") or, unless ``after_only``, ends right before ``start`` after a comma ("طارق الملا، وزير
    البترول")."""
    after = ctx.mentions_in(end, min(len(ctx.body), end + MAX_FOLLOW_CHARS))
    if after:
        between = ctx.token_range(end, after[0].char_start)
        lead = ctx.tokens[between.start].start if between else after[0].char_start
        comma = any(ch in CLAUSE_COMMAS for ch in ctx.body[end:lead])
        if after_only and not (comma and _closed_by_comma(ctx, after[0])):
            return None  # the phrase's own words: only a name set off by commas is its apposition
        # "المرشد الإيراني، علي خامنئي،": a given name the tagger left out, inside the commas of an apposition.
        titled = len(between) <= MAX_TITLES_BETWEEN and (after_only or all(is_title(ctx, n) for n in between))
        # A comma or a title sets the name off, or the name is new there: "خدع زعيم كوريا الشمالية ترامب" has the
        # verb's object, named before, where "الرئيس المشترك لمجلس سوريا الديمقراطية رياض درار" introduces him.
        set_off = bool(between) or any(ch in CLAUSE_COMMAS for ch in ctx.body[end:lead]) or _first_named(ctx, after[0])
        if titled and set_off and _small_gap(ctx.body[end:lead]) and _a_person(after[0]):
            return ctx.speaker_from(after[0])
    if after_only:
        return None
    for mention in ctx.mentions_before(start)[:1]:
        gap = ctx.body[mention.char_end : start]
        if _small_gap(gap) and any(ch in CLAUSE_COMMAS for ch in gap) and _a_person(mention):
            return ctx.speaker_from(mention)
    return None


def _closed_by_comma(ctx: Context, mention: Mention) -> bool:
    """A comma right after the mention: with the one before it, it sets the name off as an apposition."""
    return ctx.body[mention.char_end : mention.char_end + 2].strip()[:1] in CLAUSE_COMMAS


def _first_named(ctx: Context, mention: Mention) -> bool:
    return not any(m.entity_id == mention.entity_id for m in ctx.mentions_before(mention.char_start))


def _small_gap(gap: str) -> bool:
    return len(gap) <= MAX_GAP_CHARS and not gap.strip(" " + "".join(CLAUSE_COMMAS))


def _a_person(mention: Mention) -> bool:
    return mention.entity_type == "PERSON" and not mention.is_adjectival and mention.entity_id is not None


def _body_by_head(ctx: Context, words: range, earlier: list[Found], first: str | None = None) -> Speaker | None:
    """The body named before whose name opens with the reference's head noun ("المرصد" → "المرصد السوري لحقوق
    الإنسان"): an earlier speaker (linked or not), else an ORG mention. ``first`` is the head word as written with
    its article when the token holds a preposition too ("للمرصد")."""
    first = first or ctx.tokens[words.start].norm.removeprefix("و")
    head = role_head(first)
    listed = speaker_word(head)
    if listed is not None and listed.kind in ("unnamed", "statement"):
        return None  # "المصدر", "التقرير": an unnamed source or a document, no body's name
    size = len(words)
    for quote in reversed(earlier):
        speaker = quote.speaker
        if speaker.surface is None or speaker.entity_type not in (None, "ORG"):
            continue
        named = normalize(speaker.surface).split()
        # An unlinked body is named with its article ("المرصد السوري لحقوق الإنسان"); "مصادر أمنية" names no one.
        if len(named) > size and named[0] == first:
            return speaker
    for mention in ctx.mentions_before(ctx.tokens[words.start].start):
        named = normalize(mention.surface).split()
        if mention.entity_type == "ORG" and not mention.is_adjectival and named and role_head(named[0]) == head:
            return ctx.speaker_from(mention) if len(named) > size else None
    return None


def _source_cited_before(ctx: Context, words: range, earlier: list[Found]) -> Speaker | None:
    """ "وقال مصدر أمني إن …. وأضاف المصدر أن …", "وبحسب المصادر، فإن": an unnamed source's word with the article is
    the source the article cited last with the same word, in its fullest words ("مصدر أمني"), within the window."""
    wanted = _words(ctx, words)
    if not wanted[0].removeprefix("و").startswith(DEFINITE_ARTICLE):
        return None  # "متحدث باسم الشركة" is a source of its own
    head = role_head(wanted[0])
    listed = speaker_word(head)
    if listed is None or listed.kind != "unnamed":
        return None
    sentence = ctx.sentence_index(ctx.tokens[words.start].start)
    for quote in reversed(earlier):
        speaker = quote.speaker
        if sentence - quote.sentence > MAX_SENTENCES_BEFORE:
            return None
        if speaker.entity_id is not None or not speaker.surface or speaker.start is None:
            continue
        named = normalize(speaker.surface).split()
        if named[0].startswith(DEFINITE_ARTICLE):
            continue  # an earlier reference, not the source itself
        if speaker_word(named[0]) == listed and all(
            rest in SAME_SOURCE or rest.removeprefix(DEFINITE_ARTICLE) in named for rest in wanted[1:]
        ):
            return speaker
    return None


def _outlet_cited_before(ctx: Context, words: range, earlier: list[Found]) -> Speaker | None:
    """ "وفق ما ذكر موقع "باتش". وقال المصدر إن": the singular "المصدر" (alone, or with نفسه) is the linked body the
    previous quotation, within the window, was attributed to."""
    wanted = _words(ctx, words)
    if wanted[0].removeprefix("و") != DEFINITE_ARTICLE + SOURCE_WORD or any(w not in SAME_SOURCE for w in wanted[1:]):
        return None
    sentence = ctx.sentence_index(ctx.tokens[words.start].start)
    last = next((q for q in reversed(earlier) if q.speaker.surface), None)
    if last is None or sentence - last.sentence > MAX_SENTENCES_BEFORE:
        return None
    speaker = last.speaker
    return speaker if speaker.entity_type == "ORG" and speaker.entity_id is not None else None


def _describes_a_person(ctx: Context, k: int) -> bool:
    """A definite role word (titles.tsv) or a noun counted as a person's description (quote_person_heads.tsv), or
    the feminine of one."""
    norm = ctx.tokens[k].norm
    return role_word(norm) is not None or is_person_head(role_head(norm))


def _quoted_after(ctx: Context, words: range, item: Found, later: list[Found]) -> Speaker | None:
    """The next linked person quoted within the window whose nationality and role agree with the description."""
    start, end = ctx.tokens[words.start].start, ctx.tokens[words[-1]].end
    countries = role_countries(ctx, start, end)
    role = role_word(ctx.tokens[words.start].norm)
    head = role.head if role is not None else role_head(ctx.tokens[words.start].norm)
    # The first person the article names after the description is the one it introduces; a later one is not.
    named_next = next(
        (m for m in ctx.mentions_in(end, len(ctx.body)) if _a_person(m) and not ctx.in_mark(m.char_start)), None
    )
    if named_next is None or _described_otherwise(ctx, named_next, head):
        return None
    for quote in later:
        if quote.sentence - item.sentence > MAX_SENTENCES_AFTER:
            return None
        speaker = quote.speaker
        if speaker.entity_id != named_next.entity_id or quote.sentence == item.sentence:
            continue  # "قال المتحدث باسم الشرطة إن … بينما أعلن حاكم هلمند عمر زواك": another voice in the sentence
        if speaker.start is None or ctx.sentence_index(speaker.start) != quote.sentence:
            continue  # a speaker carried over from before (a continuation's guess), not named at that quotation
        own = nationality(ctx, speaker.entity_id)
        roles = {r.head for r in _roles_of(ctx, speaker.entity_id)}
        if (countries and own and not own & countries) or (roles and head not in roles):
            continue
        return speaker
    return None


def _described_otherwise(ctx: Context, mention: Mention, head: str) -> bool:
    """The name comes with a description of its own that is not ours: a definite word right before it ("للمرشد
    الإيراني علي خامنئي" against "رئيس منظمة الطاقة الذرية"; "الوزير طارق الملا" agrees with "وزير البترول")."""
    k = ctx.token_range(0, mention.char_start).stop - 1
    if k < 0 or ctx.body[ctx.tokens[k].end : mention.char_start].strip():
        return False
    word = ctx.tokens[k].norm
    bare = next((r.stem for r in proclitic_readings(word) if r.has_article), None)
    if bare is None:
        return False
    role = role_word(word)
    return (role.head if role is not None else role_head(bare)) != head


def _roles_of(ctx: Context, entity_id: str) -> list[AttachedRole]:
    return [r for r in ctx.roles.attached if r.name.entity_id == entity_id]
