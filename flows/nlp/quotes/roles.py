"""Who a role description or a reference names: "القاضي", "المتحدث باسم التحالف", "الرئيس الأميركي" resolved to a
person; "الوزارة", "المجلة", "الجانب الروسي" resolved to a body or a state named before (``resolve_ref``).

A role is resolved by the article itself, never by taking the nearest person: the person the article introduces with
the same role word ("القاضي جيرالد ليبوفيتس", "المتحدث باسم التحالف العقيد تركي المالكي"), where the role's
nationality (a nisba in the role phrase, "الرئيس الأميركي") agrees with the person's country or with a nationality
named beside the person. The holder named last before the cue wins; else the first one named after it.
"""

from __future__ import annotations

from flows.nlp.quotes.context import ON_BEHALF, Context, Speaker
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Mention

ARTICLE = "ال"
# A title stands at most this many words before the name it introduces: "المتحدث باسم تحالف دعم الشرعية في اليمن،
# العقيد الركن تركي المالكي" has eight between the role word and the name (ANT v2.1 dev).
MAX_TITLE_WORDS = 10
TITLE_BREAKS = frozenset(':«»"“”.؟!')


def role_head(word: str) -> str:
    """A role word without its article: الرئيسة -> رئيسة."""
    return word[len(ARTICLE) :] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 2 else word


def role_countries(ctx: Context, start: int, end: int) -> set[str]:
    """The countries a role phrase names by a nisba or a name ("الرئيس الأميركي" -> USA)."""
    return {
        code for m in ctx.mentions_in(start, end)
        if m.entity_type == "GPE" and (code := _country(ctx, m)) is not None
    }  # fmt: skip


def role_holder(
    ctx: Context, head: str, countries: set[str], cue_start: int, complement: frozenset[str] = frozenset()
) -> Speaker | None:
    """The person the article names with role word ``head`` (normalised, no article) and matching nationality; a
    role with a complement ("رئيس مجلس النواب") needs one of its words (``complement``, as role_head gives them)
    in the holder's title too: "الرئيس الأميركي دونالد ترامب" does not hold it."""
    holders: list[Mention] = []
    for mention in ctx.mentions:
        if mention.entity_type != "PERSON" or mention.is_adjectival:
            continue
        window = list(ctx.token_range(0, mention.char_start))[-MAX_TITLE_WORDS:]
        sentence = ctx.sentence_of(mention.char_start)
        floor = sentence.char_start if sentence else 0
        titled = [n for n in window if ctx.tokens[n].start >= floor and role_head(ctx.tokens[n].norm) == head]
        if ctx.in_mark(mention.char_start) is not None:
            continue
        if not titled:
            if _titled_after(ctx, mention, head, countries, complement):
                holders.append(mention)
            continue
        title_start = ctx.tokens[titled[-1]].start
        # "المتحدث باسم التحالف: «لدينا …»": a colon or a quotation mark ends the title before any name.
        if any(ch in TITLE_BREAKS for ch in ctx.body[title_start : mention.char_start]):
            continue
        # "المتحدث باسم رئيسة الوزراء تيريزا ماي": the person after باسم is whom the holder speaks for; not so in
        # "المتحدث باسم التحالف، العقيد تركي المالكي" or "… باسم الخارجية الأمريكية هيذر نويرت" (a body between).
        if speaks_for(ctx, title_start, mention.char_start):
            continue
        if not _agrees(ctx, mention, countries, title_start):
            continue
        title_words = {role_head(ctx.tokens[n].norm) for n in ctx.token_range(title_start, mention.char_start)}
        if complement and not complement & title_words:
            continue
        holders.append(mention)
    before = [m for m in holders if m.char_end <= cue_start]
    chosen = before[-1] if before else (holders[0] if holders else None)
    return ctx.speaker_from(chosen) if chosen is not None else None


def speaks_for(ctx: Context, title_start: int, person_start: int) -> bool:
    """A باسم between a title and a person with neither a body nor a comma after it: the title speaks for the
    person ("المتحدث باسم رئيسة الوزراء تيريزا ماي")."""
    between = ctx.token_range(title_start, person_start)
    at = next((n for n in between if ctx.tokens[n].norm == ON_BEHALF), None)
    if at is None:
        return False
    rest_start = ctx.tokens[at].end
    body = [m for m in ctx.mentions_in(rest_start, person_start) if m.entity_type == "ORG"]
    return not body and not any(ch in "،," for ch in ctx.body[rest_start:person_start])


def _titled_after(ctx: Context, person: Mention, head: str, countries: set[str], complement: frozenset[str]) -> bool:
    """ "أفيغدور ليبرمان، وزير الدفاع الإسرائيلي" (or without the comma): the title in apposition right after the
    name, up to the next comma or the end of the sentence."""
    following = ctx.token_range(person.char_end, len(ctx.body))
    if not following or ctx.body[person.char_end : ctx.tokens[following.start].start].strip() not in ("،", ",", ""):
        return False
    first = following.start
    if role_head(ctx.tokens[first].norm) != head:
        return False
    sentence = ctx.sentence_of(person.char_start)
    last = first + 1
    while last < min(len(ctx.tokens), first + MAX_TITLE_WORDS) and not any(
        ch in TITLE_BREAKS or ch in "،," for ch in ctx.gap_before(last)
    ):
        if sentence is not None and ctx.tokens[last].start >= sentence.char_end:
            break
        last += 1
    start, end = ctx.tokens[first].start, ctx.tokens[last - 1].end
    title_words = {role_head(ctx.tokens[n].norm) for n in range(first, last)}
    if complement and not complement & title_words:
        return False
    if not countries:
        return True
    entity = ctx.entities.get(person.entity_id)
    if entity is not None and entity.country_code is not None:
        return entity.country_code in countries
    return bool(role_countries(ctx, start, end) & countries)


def _agrees(ctx: Context, person: Mention, countries: set[str], title_start: int) -> bool:
    if not countries:
        return True
    entity = ctx.entities.get(person.entity_id)
    if entity is not None and entity.country_code is not None:
        return entity.country_code in countries
    return bool(role_countries(ctx, title_start, person.char_start) & countries)


def _country(ctx: Context, mention: Mention) -> str | None:
    entity = ctx.entities.get(mention.entity_id)
    return entity.country_code if entity is not None else None


def resolve_ref(
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
            named_so = contains is None or contains in name or contains in normalize(candidate.surface or "")
            if not named_so and not introduced_as(ctx, candidate, contains or ""):
                continue
            if countries and (entity is None or entity.country_code not in countries):
                continue
            return candidate
    return None


def introduced_as(ctx: Context, candidate: Speaker, stem: str) -> bool:
    """A body the article introduced with the head word ``stem`` before its name: "مجلة «فورين بوليسي»" is what
    "المجلة" refers to later."""
    if candidate.start is None or not stem:
        return False
    n = ctx.token_range(0, candidate.start + 1).stop - 1
    words = [ctx.tokens[k].norm for k in (n - 1, n) if 0 <= k < len(ctx.tokens)]
    return any(w.removeprefix(p).startswith(stem) for w in words for p in ("و", "ب", "ل", ""))
