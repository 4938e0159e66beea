"""Who a role description or a reference names: "القاضي", "المتحدث باسم التحالف", "الرئيس الأميركي" resolved to a
person; "الوزارة", "المجلة", "الجانب الروسي" resolved to a body or a state named before (``resolve_ref``).

A role is resolved by the entity layer's reading of the article (flows/nlp/entities/person_roles.py, the same one that
stores each person's roles and resolves role descriptions as mentions): the person the article introduces with the
same role word ("القاضي جيرالد ليبوفيتس", "أفيغدور ليبرمان، وزير الدفاع الإسرائيلي"), whose nationality agrees,
named last before the cue, else first after it. What is the quote stage's own: a name inside quotation marks
introduces no role holder for a speaker.
"""

from __future__ import annotations

from flows.nlp.entities.person_roles import choose_holder, countries_of
from flows.nlp.entities.role_words import role_head
from flows.nlp.quotes.context import Context, Speaker
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Mention

__all__ = ["introduced_as", "resolve_ref", "role_countries", "role_head", "role_holder", "speaks_for"]


def role_countries(ctx: Context, start: int, end: int) -> set[str]:
    """The countries a role phrase names by a nisba or a name ("الرئيس الأميركي" -> USA)."""
    return countries_of(ctx.mentions_in(start, end), ctx.entities)


def role_holder(
    ctx: Context, head: str, countries: set[str], cue_start: int, complement: frozenset[str] = frozenset()
) -> Speaker | None:
    """The person the article names with role word ``head`` (normalised, no article), matching nationality and
    complement (``ArticleRoles.holders``), outside quotation marks."""
    holders = [m for m in ctx.roles.holders(head, countries, complement) if ctx.in_mark(m.char_start) is None]
    chosen = choose_holder(holders, cue_start)
    return ctx.speaker_from(chosen) if chosen is not None else None


def speaks_for(ctx: Context, title_start: int, person_start: int) -> bool:
    """A باسم between a title and a person with neither a body nor a comma after it: the title speaks for the
    person ("المتحدث باسم رئيسة الوزراء تيريزا ماي")."""
    return ctx.roles.speaks_for(title_start, person_start)


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
