"""Who did what to whom, and where: actors and place of one event trigger, read from the entity mentions of its clause.

Arabic news puts a verb's subject right after it ("التقى الوزير نظيره ...": VSO) and a noun's agent before it
("أجرى الوزير محادثات ...") or right after it as a genitive ("زيارة لافروف ..."). A country named in an
official's title ("وزير دفاع النيجر <الاسم>") is not an actor of its own: the person is, and the country
stays derivable from the person's entity (country_code). A place is a GPE/LOC introduced by في / إلى or an
attached ب; a visit's place is its destination. "الدول الثلاث" and similar phrases stand for the countries the
text listed just before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.nlp.events.lexicon import Lexicon
from flows.nlp.text.arabic import normalize, normalize_with_map, tokens
from flows.nlp.types import Mention

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
# A verb's subject stands within this many words after it (titles like "سفير فرنسا السابق لدى الاتحاد الأفريقي" come
# between; 7 is the longest title in the seeds, checked on their gold).
VERB_SUBJECT_TOKENS = 7
# A noun trigger's agent stands within this many words before it ("يجري الرئيس ... محادثات").
NOUN_AGENT_TOKENS = 10
# A country or body this close before a person is part of the person's title, not an actor
# ("سفير فرنسا السابق لدى الاتحاد الأفريقي <الاسم>": four words between).
TITLE_GAP_TOKENS = 4
COMPLEMENTISERS = frozenset(normalize(w) for w in ("أن", "أنّ", "إن", "أنه", "إنه"))
# Gatherings named after their city: "محادثات موسكو", "قمة باماكو" — the GPE right after the noun is the place.
GATHERINGS = frozenset({"meeting", "talks", "summit"})
# Words that introduce a place, as whole tokens before the mention (normalised).
PLACE_WORDS = frozenset(normalize(w) for w in ("في", "إلى", "داخل"))
# Prepositions: a candidate behind one is an object, not a subject.
PREPOSITIONS = frozenset(normalize(w) for w in ("في", "إلى", "على", "عن", "من", "مع", "منذ", "لدى", "ضد", "نحو"))
PREPOSITION_REACH_TOKENS = 2
PREPOSITION_PREFIXED = re.compile(r"^[وف]?(?:بال|لل|با|لا|كال)")
# Clitics attached to a place name: بموسكو (in), لباماكو (to, for visits).
PLACE_CLITICS = frozenset({"ب"})
VISIT_CLITICS = frozenset({"ب", "ل"})
# How far back "الدول الثلاث" may look for the countries it stands for; the countries must form a list
# ("مالي وبوركينا فاسو والنيجر": only و, commas and spaces between them).
GROUP_LOOKBACK_CHARS = 600
LIST_JOINER = re.compile(r"[\s،,\-]*(?:و|ف)?[\s،,]*")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity mention (or a resolved group phrase) that may fill a role."""

    char_start: int
    char_end: int
    entity_ids: tuple[str, ...]
    entity_type: str
    is_adjectival: bool = False


@dataclass(frozen=True, slots=True)
class Roles:
    actor1_id: str | None
    actor2_id: str | None
    location_id: str | None
    actor_ids: tuple[str, ...]


def gap_tokens(text: str, start: int, end: int) -> int:
    return len(tokens(text, start, end)) if end > start else 0


def clitic_before(text: str, start: int) -> str:
    """The letters glued to the front of a mention ("لباماكو" -> "ل"), without a leading conjunction."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    glued = normalize(text[i:start])
    return glued[1:] if glued[:1] in ("و", "ف") and len(glued) > 1 else glued


def word_before(text: str, start: int, within: int = 3) -> set[str]:
    """The normalised words in the few tokens before ``start``, stopping at a complementiser: in
    "يشار إلى أن موسكو ..." the إلى governs the clause, not the name."""
    words: list[str] = []
    for t in reversed(tokens(text, max(0, start - 60), start)[-within:]):
        word = normalize(t.text)
        if word in COMPLEMENTISERS:
            break
        words.append(word)
    return set(words)


def is_place(text: str, cand: Candidate, visit: bool) -> bool:
    if cand.entity_type not in PLACE_TYPES or len(cand.entity_ids) != 1:
        return False
    clitic = clitic_before(text, cand.char_start)
    if clitic and clitic[-1:] in (VISIT_CLITICS if visit else PLACE_CLITICS):
        return True
    return bool(word_before(text, cand.char_start) & PLACE_WORDS)


def resolve_groups(text: str, lexicon: Lexicon, start: int, end: int, mentions: tuple[Mention, ...]) -> list[Candidate]:
    """Group phrases in text[start:end] as candidates standing for the countries listed just before them."""
    found: list[Candidate] = []
    norm, origin = normalize_with_map(text[start:end])
    for match in lexicon.group_pattern.finditer(norm):
        size = lexicon.groups[match.group("group")]
        g_start = start + origin[match.start("group")]
        g_end = start + origin[match.end("group") - 1] + 1
        members = listed_countries(text, mentions, g_start, size)
        if members:
            found.append(Candidate(g_start, g_end, members, "GPE"))
    return found


def listed_countries(text: str, mentions: tuple[Mention, ...], before: int, size: int) -> tuple[str, ...]:
    """The last ``size`` distinct GPEs named together (a list, few words apart) before offset ``before``."""
    gpes = [
        m
        for m in mentions
        if m.entity_type == "GPE" and not m.is_adjectival and before - GROUP_LOOKBACK_CHARS <= m.char_end <= before
    ]
    for last in range(len(gpes) - 1, -1, -1):
        chosen = [gpes[last]]
        for m in reversed(gpes[:last]):
            if not LIST_JOINER.fullmatch(text[m.char_end : chosen[0].char_start]):
                break
            if m.entity_id not in {c.entity_id for c in chosen}:
                chosen.insert(0, m)
        if len({c.entity_id for c in chosen}) == size:
            return tuple(c.entity_id for c in chosen)
    return ()


def assign_roles(
    text: str,
    trigger_start: int,
    trigger_end: int,
    pos: str,
    mode: str | None,
    clause_start: int,
    clause_end: int,
    candidates: list[Candidate],
    event_type: str = "",
    shared_subject: Candidate | None = None,
) -> Roles:
    """actor1, actor2, place and every actor of the trigger, from the candidates inside [clause_start, clause_end)."""
    visit = mode == "visit"
    inside = sorted(
        (
            c
            for c in candidates
            if clause_start <= c.char_start
            and c.char_end <= clause_end
            and not (trigger_start <= c.char_start < trigger_end)
        ),
        key=lambda c: c.char_start,
    )
    places = [
        c
        for c in inside
        if is_place(text, c, visit)
        or (
            mode in GATHERINGS
            and pos == "noun"
            and c.entity_type in PLACE_TYPES
            and c.char_start >= trigger_end
            and gap_tokens(text, trigger_end, c.char_start) == 0
        )
    ]
    after = [c for c in inside if c.char_start >= trigger_end]
    before = [c for c in inside if c.char_end <= trigger_start]
    location = pick_location(text, visit, after, before, places, trigger_end)
    actors = [
        c
        for c in inside
        if c is not location
        and c not in places
        and c.entity_type in ACTOR_TYPES
        and not c.is_adjectival
        and not is_title_part(text, c, inside, trigger_start)
    ]
    if visit:
        # A visit's destination is its place, never its counterpart.
        actors = [c for c in actors if not (location and set(c.entity_ids) == set(location.entity_ids))]
    actor_after = [c for c in actors if c.char_start >= trigger_end]
    actor_before = [c for c in actors if c.char_end <= trigger_start]
    if pos == "participle":
        # "دانت الدول ... X، متهمةً Y": the participle shares the subject of the verb before it.
        first = shared_subject or (actor_before[-1] if actor_before else None)
    else:
        first = pick_actor1(
            text, pos, event_type == "CONSULT", trigger_start, trigger_end, actor_after, actor_before, shared_subject
        )
    if first is None:
        # Last resort: a nisba standing for its country ("المسؤولين الماليين" -> Mali).
        nisbas = [c for c in inside if c.is_adjectival and c.entity_type == "GPE"]
        first = nisbas[0] if nisbas else None
    rest = [c for c in actor_after if c is not first]
    if visit:
        # Whom a visitor met is a person named in the visit's clause; countries and bodies there are context.
        rest = [c for c in rest if c.entity_type == "PERSON"]
    second = None if visit and not rest else (rest[0] if rest else None)
    ordered: list[str] = []
    # Actors before the trigger other than its agent belong to earlier clauses ("زار الوزير البلاد، وعقد لقاءات").
    for cand in [first, *rest]:
        for entity_id in cand.entity_ids if cand else ():
            if entity_id not in ordered:
                ordered.append(entity_id)
    actor1 = first.entity_ids[0] if first else None
    actor2 = next((e for e in (second.entity_ids if second else ()) if e != actor1), None)
    return Roles(actor1, actor2, location.entity_ids[0] if location else None, tuple(ordered))


def is_title_part(text: str, cand: Candidate, inside: list[Candidate], trigger_start: int = -1) -> bool:
    """A country or body right before a person ("وزير دفاع النيجر - <الاسم>") belongs to the title.

    Not when the trigger stands between them: in "أعلنت النيجر عزل ديوب" Niger acts on Diop.
    """
    if cand.entity_type == "PERSON" or len(cand.entity_ids) != 1:
        return False
    return any(
        other.entity_type == "PERSON"
        and other.char_start >= cand.char_end
        and not (cand.char_end <= trigger_start < other.char_start)
        and gap_tokens(text, cand.char_end, other.char_start) <= TITLE_GAP_TOKENS
        for other in inside
    )


def pick_location(
    text: str, visit: bool, after: list[Candidate], before: list[Candidate], places: list[Candidate], trigger_end: int
) -> Candidate | None:
    after_places = [c for c in places if c in after]
    if visit:
        # "زار ... مالي": the destination may be a bare object; a title part or the visitor is not.
        objects = [
            c
            for c in after
            if c.entity_type in PLACE_TYPES
            and len(c.entity_ids) == 1
            and not c.is_adjectival
            and not is_title_part(text, c, after)
        ]
        return after_places[0] if after_places else (objects[0] if objects else None)
    if after_places:
        return after_places[0]
    before_places = [c for c in places if c in before]
    return before_places[-1] if before_places else None


def pick_actor1(
    text: str,
    pos: str,
    genitive_is_agent: bool,
    trigger_start: int,
    trigger_end: int,
    after: list[Candidate],
    before: list[Candidate],
    shared_subject: Candidate | None = None,
) -> Candidate | None:
    """The agent: a verb's subject after it (not behind a preposition), else the subject it shares with the verb
    before it (Arabic drops a repeated subject: "طالبوا بتسليم المتهم"), else the nearest actor before; a
    noun's agent before it, else its genitive or first actor after it ("شحن الوقود من الجزائر")."""
    direct = [c for c in after if not behind_preposition(text, trigger_end, c)]
    if pos == "verb":
        if direct and gap_tokens(text, trigger_end, direct[0].char_start) <= VERB_SUBJECT_TOKENS:
            return direct[0]
        if shared_subject is not None:
            return shared_subject
        return before[-1] if before else None
    if genitive_is_agent and after and gap_tokens(text, trigger_end, after[0].char_start) == 0:
        # "زيارة لافروف" names the visitor; "عزل بازوم" or "طرد القوات" name the one it was done to.
        return after[0]
    if before and gap_tokens(text, before[-1].char_end, trigger_start) <= NOUN_AGENT_TOKENS:
        return before[-1]
    return after[0] if after else (before[-1] if before else None)


def behind_preposition(text: str, start: int, cand: Candidate) -> bool:
    """A preposition just before the candidate makes it an object ("بتسليم المتهم", "من إيكواس").

    Only the last words count: a title in between may hold one of its own ("سفير فرنسا لدى ...").
    """
    between = [normalize(t.text) for t in tokens(text, start, cand.char_start)][-PREPOSITION_REACH_TOKENS:]
    glued = clitic_before(text, cand.char_start)
    return bool(glued) or any(word in PREPOSITIONS or PREPOSITION_PREFIXED.match(word) for word in between)
