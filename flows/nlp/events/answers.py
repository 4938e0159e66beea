"""A rejection answers someone: "ورفضت إسرائيل دعوات من الأمم المتحدة", "رفضت الصين الاتهامات التي وجهها لها
بنس", "رفضت موسكو اتهامات لندن". When a REJECT verb's object is a call's, a charge's, a support's or an aid's noun
(parties.AUTHORED_TYPES) that the stage reports too, the noun is its author's act, never the rejecter's, whom it
was addressed to (its target), and the rejection's target is that author (issue 14, round 10: the rejected request's author left out, and the rejecter
given as the accuser, in the seed-28 audit).
"""

from __future__ import annotations

from dataclasses import replace

from flows.nlp.events.agents import CLAUSE_PUNCTUATION, ActorCandidate
from flows.nlp.events.parties import AUTHORED_TYPES, PREPOSITION_WORDS, object_of_verb
from flows.nlp.events.references import Report
from flows.nlp.events.roles import Roles
from flows.nlp.events.triggers import TriggerHit
from flows.nlp.text import normalize, words

REJECTING_TYPES = frozenset({"REJECT"})
# The nouns a rejecter answers for itself: a call or a charge addressed to it ("وتنفي قطر اتهامات دول عربية لها").
# Not an aid or a support, which the rejecter may oppose for others ("عارض الكونغرس تسليم الطائرات إلى مصر").
ADDRESSED_TYPES = frozenset({"REQUEST", "ACCUSE"})
# "لها", "له", "لهم", "لهما": the addressee's pronoun inside a relative clause on the noun, no phrase of its own.
PRONOUNS_BEHIND_LAM = frozenset(normalize(w) for w in ("له", "لها", "لهم", "لهما"))
# Words that open a cause, another phrase: "بسبب", "إثر", "بعد".
CAUSE_WORDS = frozenset(normalize(w) for w in ("بسبب", "إثر", "بعد", "قبل", "خلال"))


def rejected_by(previous: Report | None, verb: TriggerHit | None, noun: TriggerHit, text: str) -> Report | None:
    """The report of the rejection whose object ``noun`` is: the sentence's previous report, a REJECT verb with the
    noun as its object (parties.object_of_verb). None otherwise."""
    if previous is None or verb is None or noun.entry.pos != "noun" or noun.entry.event_type not in AUTHORED_TYPES:
        return None
    event = previous.event
    if verb.entry.pos != "verb" or event.event_type not in REJECTING_TYPES or event.char_start != verb.char_start:
        return None
    return previous if object_of_verb(text, verb.char_end, noun.char_start, noun.char_end) else None


def authored_roles(roles: Roles, event_type: str, rejecter: str | None, author_in_phrase: bool) -> Roles:
    """The rejected noun's roles: a name the agent rules took from before the noun (the rejecter) gives way to the
    name after it in the noun's own phrase (its genitive, or the subject of a relative clause on it:
    ``author_in_phrase``, in_noun_phrase), else to no agent; an author the noun's
    own rules named ("دعوات من الأمم المتحدة") stays. For a call or a charge (ADDRESSED_TYPES) the rejecter is whom
    it was addressed to, its target ("وتنفي قطر اتهامات دول عربية لها": Qatar is the accused); an aid or a support
    keeps the target it had."""
    if rejecter is None:
        return roles
    if roles.actor1_id == rejecter and roles.source in ("before", "guess"):
        author = roles.actor2_id if author_in_phrase else None
    elif roles.actor1_id != rejecter and roles.actor2_id is None:
        author = roles.actor1_id  # "دعوات من الأمم المتحدة": named by the noun's own rules
    else:
        return roles
    # a call or a charge was addressed to the rejecter; an aid or a support it opposes may be someone else's
    target = rejecter if event_type in ADDRESSED_TYPES else roles.actor2_id
    target = None if target == author else target
    ordered = tuple(a for a in (author, target) if a) + tuple(
        a for a in roles.actor_ids if a not in (author, target, rejecter)
    )
    return Roles(author, target, roles.location_id, ordered, "subject")


def answering(rejection: Report, author: str | None) -> Report:
    """The rejection with the author of what it rejects as its target, when it has none."""
    event = rejection.event
    if author is None or event.actor2_id is not None or author == event.actor1_id:
        return rejection
    return replace(rejection, event=replace(event, actor2_id=author, actor_ids=(*event.actor_ids, author)))


def in_noun_phrase(text: str, noun_end: int, pool: list[ActorCandidate], entity_id: str | None) -> bool:
    """The name of ``entity_id`` after the noun stands in the noun's own phrase: no clause break and no preposition
    between (a pronoun behind ل, "التي وجهها لها بنس", is no phrase of its own); "تسليم الطائرات إلى تركيا بسبب
    إعلان أنقرة" names Ankara in another phrase."""
    named = next((c for c in pool if entity_id in c.entity_ids and c.char_start >= noun_end), None)
    if named is None or CLAUSE_PUNCTUATION.search(text[noun_end : named.char_start]):
        return False
    between = words(text, noun_end, named.char_start)
    return not any(
        w.norm not in PRONOUNS_BEHIND_LAM
        and (w.proclitics.removeprefix("و").removesuffix("ال") or w.norm in PREPOSITION_WORDS or w.norm in CAUSE_WORDS)
        for w in between
    )
