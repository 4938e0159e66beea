"""Reports read against their article: a definite reference to an event the article tells anyway ("الضربات",
"هذا الهجوم", "قمة هلسنكي", "قمتهما") whose clause gives no agent takes the actors of the article's event of its type
(the first report whose clause gave its agent), and its date when its own text gives none; a verb after "أنه/أنها"
inside a quote's words has the quote's speaker for its subject ("وأكد أنه يدعم …").

The dev gold (tests/gold/ant2/GUIDELINES.md) annotates every reference with the story event's actors and date: that is
what an analyst counting "who struck whom" needs, and what the nearest name in the reference's sentence (a speaker, a
critic: "شكك كوربن في الضربات") is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flows.nlp.events.agents import SUBJECT_PRONOUN_OPENER, ActorCandidate
from flows.nlp.events.merge import modes_compatible
from flows.nlp.events.triggers import TriggerHit
from flows.nlp.text import words
from flows.nlp.text.arabic import normalize, tokens
from flows.nlp.types import EventMention, Quote

# A trigger with the article (after و ف ب ل ك): a definite reference to an event told before.
DEFINITE = re.compile(r"^[وف]?(?:[بلك]?ال|لل)")
DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"))
# A quote's words may start after its opener: "أكد أنه «يدعم …»" (the opener and a quotation mark).
OPENER_SLACK_CHARS = 8
# Types whose mode names the means, so two modes of different families are two events (same_kind).
MEANS_TYPES = frozenset({"ASSAULT"})


@dataclass(frozen=True, slots=True)
class Report:
    """An event mention while the article is read: whether its agent came from the clause's structure, whether it
    is a definite reference to an event told elsewhere, and whether its own text dated it."""

    event: EventMention
    source: str  # Roles.source
    reference: bool
    dated: bool

    @property
    def firm(self) -> bool:
        """The clause gave the agent: its structure, or a light verb's subject before an indefinite noun ("شنت
        إسرائيل غارة"); before a definite one ("ضمن الضربة") the name is another clause's."""
        return self.source != "guess" and not (self.reference and self.source == "before")


def is_reference(text: str, hit: TriggerHit, candidates: list[ActorCandidate]) -> bool:
    """A noun that refers to an event the article tells anyway: with the article ("الضربات"), a possessive
    ("قمتهما"), a demonstrative ("هذا الهجوم"), or a name right after it ("قمة هلسنكي")."""
    word_end = hit.char_end
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    word = words(text, hit.char_start, word_end)[:1]
    if DEFINITE.match(normalize(text[hit.char_start : word_end])) or (word and word[0].enclitic):
        return True
    before = tokens(text, max(0, hit.char_start - 20), hit.char_start)[-1:]
    if before and normalize(before[0].text) in DEMONSTRATIVES:
        return True
    return any(0 <= c.char_start - word_end <= 1 and c.entity_type in ("GPE", "LOC") for c in candidates)


def reported_subject(text: str, quotes: tuple[Quote, ...], hit: TriggerHit) -> str | None:
    """ "وأكد أنه يدعم …": a verb right after a complementiser with a pronoun, inside a quote's words, has the quote's
    speaker for its subject (the pronoun's referent, resolved by the quote stage)."""
    before = tokens(text, max(0, hit.char_start - 20), hit.char_start)[-1:]
    if not before or not SUBJECT_PRONOUN_OPENER.fullmatch(normalize(before[0].text)):
        return None
    return next(
        (
            q.speaker_id
            for q in quotes
            if q.speaker_id and q.char_start - OPENER_SLACK_CHARS <= hit.char_start < q.char_end
        ),
        None,
    )


def with_antecedent_actors(found: list[Report]) -> list[EventMention]:
    """A definite reference ("الضربات", "هذا الهجوم", "قمة هلسنكي") whose agent the clause does not give refers to
    the article's event of its type: the first report of that type whose agent the clause gave (the lead, as a
    rule) and of its kind ("الهجوم الكيماوي" is not the air strikes told before it; same_kind). It takes that
    report's actors, and its date when its own text gives none and it has happened (a planned "الاجتماع المقبل" is
    the next one). Not when the last report of its type before it is of another mode: "الهجوم الكيماوي … عن الهجوم
    المزعوم" goes on about the chemical attack, not the strikes. Not an indefinite noun:
    "بعد زيارة للعراق" is another visit, and taking the visitor would let linking merge the two (seed 003)."""
    told = [r for r in found if r.firm and r.event.actor1_id is not None and r.event.status != "negated"]
    result = []
    for i, report in enumerate(found):
        event = report.event
        source = next(
            (r for r in told if r.event.event_type == event.event_type and same_kind(r.event, event)),
            None,
        )
        if (
            report.reference
            and not report.firm
            and source is not None
            and source is not report
            and not other_event_between(found[:i], source)
        ):
            event = replace(
                event,
                actor1_id=source.event.actor1_id,
                actor2_id=source.event.actor2_id,
                actor_ids=source.event.actor_ids,
            )
            if not report.dated and source.dated and event.status in ("occurred", "claimed"):
                event = replace(event, event_date=source.event.event_date, date_precision=source.event.date_precision)
        result.append(event)
    return result


def other_event_between(earlier: list[Report], source: Report) -> bool:
    """The last report of the source's type before a reference is of a mode the source's is not: the text has
    moved on to that other event."""
    last = next((r for r in reversed(earlier) if r.event.event_type == source.event.event_type), None)
    return last is not None and not same_kind(last.event, source.event)


def same_kind(a: EventMention, b: EventMention) -> bool:
    """Two reports of one type can be one event: for an attack, modes of one family (merge.modes_compatible: the
    means, read from the text, "الهجوم الكيماوي"); other types' modes are facets told by turns (a visit, its talks,
    its meeting) or a lemma's default (مساعدات: humanitarian, even "المساعدات العسكرية"), too weak to part them."""
    return a.event_type not in MEANS_TYPES or modes_compatible(a.event_mode, b.event_mode)
