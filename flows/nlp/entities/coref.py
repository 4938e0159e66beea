"""Within-article coreference by role (issue 12.4): a person's role, next to the name or elsewhere, as a mention of
that person.

``role_mentions(doc, mentions, entities)`` returns, for one article, the role mentions of its people:
- ``mention_kind == "apposition"``: every role phrase next to a person's name, before it or in apposition after it (flows/nlp/entities/person_roles.py:
  "نظيره الفرنسي، جان إيف لودريان", "جون بولتون، مستشار الأمن القومي"), with its nationality (``role_country``);
- ``mention_kind == "description"``: every definite role description elsewhere ("الوزير الروسي", "وزير الخارجية الأمريكي", "رئيس إسرائيل", "نظيره")
  that the article's own roles resolve: the person introduced with the same role word, whose nationality and
  complement agree (``ArticleRoles.holders``), named last before the description, else first after it. No agreeing
  holder, no mention: the nearest person is never taken for want of a better one.
Each carries ``name_mention_id``, the name mention whose role it is (beside it, or the one it was resolved to).
"""

from __future__ import annotations

from typing import Iterable

from flows.nlp.entities.person_roles import ArticleRoles, AttachedRole, choose_holder, countries_of
from flows.nlp.entities.role_words import COMMAS, ON_BEHALF, TITLE_BREAKS, role_head
from flows.nlp.text.arabic import ARTICLE, split_sentences
from flows.nlp.types import Document, Entity, Mention

# A description runs at most this many words after its role word: "وزير الخارجية الأمريكي السابق" (three), "المتحدث
# باسم الخارجية الروسية" (three); longer runs of definite words are the clause going on, not the role.
MAX_DESCRIPTION_WORDS = 4


def role_mentions(doc: Document, mentions: Iterable[Mention], entities: Iterable[Entity]) -> tuple[Mention, ...]:
    """The article's role mentions (attached roles and resolved descriptions), sorted by char_start."""
    sentences = doc.sentences or split_sentences(doc.body_text)
    roles = ArticleRoles(doc.body_text, sentences, mentions, {e.entity_id: e for e in entities})
    found = {m.mention_id: m for m in (_attached(doc.article_id, roles, r) for r in roles.attached)}
    for m in _descriptions(doc.article_id, roles):
        found.setdefault(m.mention_id, m)
    return tuple(sorted(found.values(), key=lambda m: (m.char_start, m.char_end)))


def _attached(article_id: str, roles: ArticleRoles, role: AttachedRole) -> Mention:
    return _role_mention(article_id, roles, role.start, role.end, role.name, "apposition")


def _role_mention(article_id: str, roles: ArticleRoles, start: int, end: int, name: Mention, kind: str) -> Mention:
    country = next(iter(_countries_in_order(roles, start, end)), None)
    return Mention(
        mention_id=f"{article_id}:r{start}-{end}",
        entity_id=name.entity_id,
        entity_type=name.entity_type,
        surface=roles.body[start:end],
        char_start=start,
        char_end=end,
        sentence_index=roles.sentence_index(start),
        mention_kind=kind,
        role_country=country,
        name_mention_id=name.mention_id,
    )


def _countries_in_order(roles: ArticleRoles, start: int, end: int) -> list[str]:
    codes: list[str] = []
    for m in roles.mentions_in(start, end):
        for code in sorted(countries_of([m], roles.entities)):
            if code not in codes:
                codes.append(code)
    return codes


def _descriptions(article_id: str, roles: ArticleRoles) -> list[Mention]:
    """Definite role descriptions away from any name, resolved to the person whose role agrees."""
    words = roles.words
    taken = [(r.start, r.end) for r in roles.attached] + [
        (m.char_start, m.char_end) for m in roles.mentions if m.entity_type in ("PERSON", "ORG") and not m.is_adjectival
    ]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        role = roles.role_at(i)
        if role is None or any(a <= words[i].char_start < b for a, b in taken):
            i += 1
            continue
        hi = _description_end(roles, i)
        start, end = roles.word_start(i, role.prefix), words[hi - 1].char_end
        definite = role.definite or (hi > i + 1 and _construct_term(roles, i + 1))
        if definite and not _titles_a_name(roles, hi):
            nationality = countries_of(roles.mentions_in(start, end), roles.entities)
            nisbas = [m for m in roles.mentions_in(start, end) if m.entity_type == "GPE"]
            complement = frozenset(
                role_head(words[n].norm) for n in range(i + 1, hi)
                if words[n].norm != ON_BEHALF
                and not any(m.char_start <= words[n].char_start < m.char_end for m in nisbas)
            )  # fmt: skip
            holders = roles.holders(role.head, nationality, complement)
            # "الرئيس" alone where the article introduced two presidents names neither.
            bare = not nationality and not complement
            holder = None if bare and len({h.entity_id for h in holders}) > 1 else choose_holder(holders, start)
            if holder is not None:
                found.append(_role_mention(article_id, roles, start, end, holder, "description"))
        i = hi
    return found


def _description_end(roles: ArticleRoles, i: int) -> int:
    """The word after a description that opens at word ``i``: its definite words, named places and bodies, and
    باسم follow it ("المتحدث باسم الخارجية الروسية"), up to a break or a name."""
    hi = i + 1
    while hi < len(roles.words) and hi - i <= MAX_DESCRIPTION_WORDS:
        gap = roles.gap_before(hi)
        if any(ch in TITLE_BREAKS or ch in COMMAS for ch in gap) or _is_name_word(roles, hi):
            break
        if not (roles.is_definite(hi) or roles.words[hi].norm == ON_BEHALF):
            break
        hi += 1
    while hi > i + 1 and roles.words[hi - 1].norm == ON_BEHALF:
        hi -= 1
    return hi


def _construct_term(roles: ArticleRoles, n: int) -> bool:
    """Word ``n`` makes the role before it definite: a definite word or a named place or body with no preposition
    of its own ("وزير الثقافة", "رئيس إسرائيل"; not "كسفير للولايات المتحدة")."""
    word = roles.words[n]
    if word.norm.startswith(ARTICLE):
        return roles.is_definite(n)
    return any(
        m.char_start == word.char_start and m.entity_type in ("GPE", "ORG", "LOC") and not m.is_adjectival
        for m in roles.mentions_in(word.char_start, word.char_end + 1)
    )


def _is_name_word(roles: ArticleRoles, n: int) -> bool:
    word = roles.words[n]
    return any(m.char_start <= word.char_start < m.char_end for m in roles.names)


def _titles_a_name(roles: ArticleRoles, hi: int) -> bool:
    """A name follows the description (after a comma too): the phrase is that name's title, not a description;
    where no role was attached ("المتحدث باسم الرئيس بوتين"), it is not one of the name's roles either."""
    if hi >= len(roles.words) or not _is_name_word(roles, hi):
        return False
    return not any(ch in TITLE_BREAKS for ch in roles.gap_before(hi))
