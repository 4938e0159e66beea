"""A country's nisba on an action noun ("غارات أمريكية", "الضربات الجوية الإسرائيلية", "دعوات أميركية"): its agent.

The entity layer counts a nisba as a mention only on a noun for people or a body (flows/data/gazetteer/
nisba_heads.tsv: "القوات الأمريكية" yes, "الغارات الأمريكية" no), which keeps "القمح الروسي" out of the entities.
An event noun's nisba names who acted, so the event stage reads it itself: the one or two words after a noun
trigger, looked up among the gazetteer's nisba forms (derived from each country's masculine singular, gazetteer.py).
Which of them is the agent (right after the noun, or after one adjective of its own) is roles.nisba_on_noun's call.
A nisba in the act's object names its target when the clause names none (object_nisba); a counterpart's nisba
names a meeting's other side when the clause names none ("اجتماعه مع نظيره الأميركي": counterpart_nisba).
A nisba becomes a candidate only for a country the article's entities hold (the country itself, or a place of it such
as its capital): an event's actors are entities of its article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flows.nlp.entities.gazetteer import load_gazetteer
from flows.nlp.events.agents import COUNTERPART, ActorCandidate, gap_tokens, subject_noun_nisba
from flows.nlp.events.noun_clauses import governed_word
from flows.nlp.events.parties import content_start, nisba_on_noun
from flows.nlp.events.roles import Roles
from flows.nlp.events.triggers import TriggerHit
from flows.nlp.text import words
from flows.nlp.text.arabic import normalize, tokens
from flows.nlp.types import Entity, Mention

# The words after a noun trigger its nisba may stand in: right after it, or after one adjective ("قصف جوي أمريكي").
NISBA_REACH_WORDS = 2
NISBA_LOOKAHEAD_CHARS = 40
# A visit or a meeting is made by people: "أول زيارة روسية" is Lavrov's, whom the article names; the nisba adds a
# country his entity already carries.
PERSONAL_TYPES = frozenset({"CONSULT"})
# Types whose other party is a partner named behind مع ("اتفاق مع روسيا"), not a target in the object; and aid, whose
# object's nisba names the giver ("التسليم القادم للقمح الروسي إلى مالي").
NO_OBJECT_TARGET_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
# The words of an object noun phrase a nisba on it may stand in ("على السيادة اللبنانية", "احدى المقاتلات السورية").
OBJECT_REACH_WORDS = 4
CLAUSE_BREAK = re.compile(r"[،,.:;؛()]")
# Types with two sides of equal standing: a counterpart named only by a nisba is the other side.
COUNTERPART_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# The words after the trigger the counterpart noun may stand in ("اجتماعه مع نظيره الأميركي": two words on, its
# nisba the third), and how many words after that noun its nisba may come (right after it).
COUNTERPART_REACH_WORDS = 4


def action_nisbas(
    text: str, hits: list[TriggerHit], mentions: tuple[Mention, ...], entities: tuple[Entity, ...]
) -> list[ActorCandidate]:
    """Candidates for the untagged country nisbas right after the noun triggers in ``hits``."""
    found: list[ActorCandidate] = []
    for hit in hits:
        if hit.entry.pos == "verb":
            if hit.entry.event_type not in PERSONAL_TYPES and not hit.subject_suffix:  # "وطالبوا الفريق الإسباني"
                found += verb_subject_nisba(text, hit, mentions, entities)
            continue
        if hit.entry.pos != "noun" or hit.entry.event_type in PERSONAL_TYPES:
            continue
        for token in tokens(text, hit.char_end, min(len(text), hit.char_end + NISBA_LOOKAHEAD_CHARS))[
            :NISBA_REACH_WORDS
        ]:
            if any(m.char_start < token.char_end and token.char_start < m.char_end for m in mentions):
                break  # a name or a tagged nisba: the roles read it as it is
            entity_id = article_country(nisba_country(normalize(token.text)), entities)
            country = country_of(entity_id, entities)
            cand = ActorCandidate(token.char_start, token.char_end, (entity_id or "",), "GPE", True, country)
            if entity_id is not None and nisba_on_noun(text, hit.char_end, cand, hit.entry.event_mode):
                found.append(cand)  # only where it names the agent: no other rule reads it
                break
    return found


def verb_subject_nisba(
    text: str, hit: TriggerHit, mentions: tuple[Mention, ...], entities: tuple[Entity, ...]
) -> list[ActorCandidate]:
    """The untagged nisba on the definite noun right after a verb ("واستهدفت الطائرات الإسرائيلية مواقع",
    "واستهدف القصف الإسرائيلي أهدافا"): the subject's country, for roles.subject_nisba_after to read, so that the
    object nisba rule does not take it for the target."""
    following = tokens(text, hit.char_end, min(len(text), hit.char_end + NISBA_LOOKAHEAD_CHARS))[:NISBA_REACH_WORDS]
    if len(following) < NISBA_REACH_WORDS:
        return []
    token = following[1]
    if any(m.char_start < token.char_end and following[0].char_start < m.char_end for m in mentions):
        return []  # a name or a tagged nisba: the roles read it as it is
    entity_id = article_country(nisba_country(normalize(token.text)), entities)
    if entity_id is None or not subject_noun_nisba(text, hit.char_end, token.char_start, token.char_end):
        return []
    return [
        ActorCandidate(token.char_start, token.char_end, (entity_id,), "GPE", True, country_of(entity_id, entities))
    ]


def nisba_country(word: str) -> str | None:
    """The entity a one-word nisba form stands for ("الامريكيه" -> the United States; the indefinite accusative
    "امريكيا" too), or None."""
    if word.endswith("يا") and word not in load_gazetteer().index:
        word = word[:-1]
    for following, infos in load_gazetteer().index.get(word, ()):
        if not following:
            kinds = [info for info in infos if info.kind == "nisba"]
            if len(kinds) == 1:
                return kinds[0].entity_id
    return None


def article_country(entity_id: str | None, entities: tuple[Entity, ...]) -> str | None:
    """The country itself if the article names it, else the first GPE of the article in that country."""
    if entity_id is None:
        return None
    if any(e.entity_id == entity_id for e in entities):
        return entity_id
    code = load_gazetteer().entities[entity_id].country_code
    return next((e.entity_id for e in entities if e.entity_type == "GPE" and code and e.country_code == code), None)


def country_of(entity_id: str | None, entities: tuple[Entity, ...]) -> str | None:
    """The country code of the article's entity ``entity_id``."""
    return next((e.country_code for e in entities if e.entity_id == entity_id), None) if entity_id else None


def object_nisba(
    text: str,
    hit: TriggerHit,
    start: int,
    end: int,
    actor1_id: str | None,
    mentions: tuple[Mention, ...],
    entities: tuple[Entity, ...],
    skipped: tuple[tuple[int, int], ...] = (),
) -> str | None:
    """The country a nisba in the act's object names, its target: "استهدفت إسرائيل احدى المقاتلات السورية",
    "اعتداءاتها على السيادة اللبنانية", "أيدت … مزاعم بريطانية", "قتل 45 فلسطينيا برصاص الجيش". Read in the few
    words from ``start`` (the trigger's end) up to ``end`` (the clause's, or where what was said opens), leaving out
    the ``skipped`` spans (the agent after the verb and its own nisba); not for the types of NO_OBJECT_TARGET_TYPES;
    not the agent's own country."""
    if hit.entry.event_type in NO_OBJECT_TARGET_TYPES:
        return None
    read = [t for t in tokens(text, start, end) if not any(a <= t.char_start < b for a, b in skipped)]
    for token in read[:OBJECT_REACH_WORDS]:
        if CLAUSE_BREAK.search(text[start : token.char_start]):
            return None
        tagged = next((m for m in mentions if m.char_start < token.char_end and token.char_start < m.char_end), None)
        if tagged is not None:
            entity_id = tagged.entity_id if tagged.is_adjectival and tagged.entity_type == "GPE" else None
        else:
            entity_id = article_country(nisba_country(normalize(token.text)), entities)
        if entity_id is not None and entity_id != actor1_id:
            return entity_id
    return None


def agent_spans(
    text: str, pool: list[ActorCandidate], actor1_id: str | None, after: int
) -> tuple[tuple[int, int], ...]:
    """Where the agent stands after the trigger, each mention with a nisba right after it that qualifies it
    ("أطلقت قوات الحرس الثوري الإيراني صواريخ": the Guards' country, not the object's): words the object is not."""
    spans = []
    for cand in pool:
        if actor1_id in cand.entity_ids and cand.char_start >= after:
            end = cand.char_end
            for nisba in sorted(pool, key=lambda c: c.char_start):
                if nisba.is_adjectival and nisba.char_start >= end and gap_tokens(text, end, nisba.char_start) == 0:
                    end = nisba.char_end
            # The subject right after the verb comes with its title ("اتهم رئيس الوزراء الإسرائيلي نتنياهو"); an
            # agent behind a preposition ("برصاص الجيش") follows the object.
            spans.append((cand.char_start if adjunct(text, after, cand.char_start) else after, end))
    return tuple(spans)


def adjunct(text: str, after: int, start: int) -> bool:
    """The name at ``start`` stands behind a preposition, glued to its own word or to the word before it."""
    before = words(text, after, start)[-1:]
    own = words(text, start, min(len(text), start + 30))[:1]
    return any(governed_word(w) for w in (*before, *own))


def with_object_nisba(
    text: str,
    hit: TriggerHit,
    roles: Roles,
    pool: list[ActorCandidate],
    clause_end: int,
    mentions: tuple[Mention, ...],
    entities: tuple[Entity, ...],
) -> Roles:
    """The roles with the object's nisba as actor2 when they have none (object_nisba); the object is what follows
    the trigger, the agent's words left out wherever they stand: right after the verb (VSO) or after the object
    ("قتل 45 فلسطينيا برصاص الجيش الإسرائيلي")."""
    if roles.actor2_id is not None:
        return roles
    end = content_start(text, hit.char_end, clause_end)
    skipped = agent_spans(text, pool, roles.actor1_id, hit.char_end)
    target = object_nisba(text, hit, hit.char_end, end, roles.actor1_id, mentions, entities, skipped)
    if target is None:
        return roles
    return replace(roles, actor2_id=target, actor_ids=(*roles.actor_ids, target))


def counterpart_nisba(
    text: str,
    hit: TriggerHit,
    clause_end: int,
    pool: list[ActorCandidate],
    skipped: tuple[tuple[int, int], ...],
    entities: tuple[Entity, ...],
) -> str | None:
    """The country of a counterpart named only by a nisba after a meeting's or an agreement's trigger: "لدى بدء
    اجتماعه مع نظيره الأميركي", "اتصالا هاتفيا بنظيره الفرنسي", "التقى الوزير سامح شكري نظيره الأردني" (the
    counterpart noun, agents.COUNTERPART, in the few words after the trigger, the agent's words after a verb
    ``skipped``, then its nisba right after it). None when a person's name follows the nisba (the roles read the
    counterpart by name) or no such nisba stands in the trigger's clause."""
    if hit.entry.event_type not in COUNTERPART_TYPES:
        return None
    read = [t for t in tokens(text, hit.char_end, clause_end) if not any(a <= t.char_start < b for a, b in skipped)]
    for i, token in enumerate(read[:COUNTERPART_REACH_WORDS]):
        if CLAUSE_BREAK.search(text[hit.char_end : token.char_start]):
            return None
        if not COUNTERPART.match(normalize(token.text)) or i + 1 >= len(read):
            continue
        nisba = read[i + 1]
        if gap_tokens(text, token.char_end, nisba.char_start) or CLAUSE_BREAK.search(
            text[token.char_end : nisba.char_start]
        ):
            return None
        named = any(
            c.entity_type == "PERSON"
            and c.char_start >= nisba.char_end
            and gap_tokens(text, nisba.char_end, c.char_start) <= 1
            for c in pool
        )
        return None if named else article_country(nisba_country(normalize(nisba.text)), entities)
    return None


def with_counterpart_nisba(
    text: str, hit: TriggerHit, roles: Roles, pool: list[ActorCandidate], clause_end: int, entities: tuple[Entity, ...]
) -> Roles:
    """The roles with a counterpart's country as actor2 when they have none and it is not the agent's
    (counterpart_nisba)."""
    if roles.actor2_id is not None:
        return roles
    skipped = agent_spans(text, pool, roles.actor1_id, hit.char_end)
    other = counterpart_nisba(text, hit, clause_end, pool, skipped, entities)
    if other is None or other == roles.actor1_id:
        return roles
    return replace(roles, actor2_id=other, actor_ids=(*roles.actor_ids, other))
