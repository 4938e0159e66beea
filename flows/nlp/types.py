"""The records the NLP stages hand each other, as small frozen dataclasses.

Every offset is a 0-based Python string index into ``Document.body_text``, end exclusive, so that
``body_text[char_start:char_end] == surface`` holds for every record that carries offsets; the one exception is a
Mention whose ``part`` is "title": its offsets index ``Document.title``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flows.pickling import pickled_as_arguments

# PLOVER's 16 event types (../shared/contract.md), ordered from cooperation to conflict: the values of
# events.event_type, and the rows of the report's timeline.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    char_start: int
    char_end: int


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Document:
    """One article as the NLP stages see it."""

    article_id: str
    body_text: str
    title: str | None = None
    published_at: dt.datetime | None = None
    sentences: tuple[Sentence, ...] = ()


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity; ``entity_id`` is stable across runs and machines."""

    entity_id: str
    entity_type: str  # PERSON, ORG, GPE, LOC
    name_ar: str
    name_en: str | None = None
    country_code: str | None = None  # ISO 3166 alpha-3: the GPE itself, or the country a person/body belongs to


MENTION_KINDS = ("name", "apposition", "description")


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Mention:
    mention_id: str
    entity_id: str
    entity_type: str
    surface: str
    char_start: int
    char_end: int
    sentence_index: int
    is_adjectival: bool = False  # a nisba (الروسي) qualifying a person or body
    part: str = "body"  # the text the offsets point into: "body" (body_text) or "title" (Document.title)
    # "name" (the entity's name); "apposition": a role phrase next to a person's name, before or after it ("جون
    # بولتون، مستشار الأمن القومي"); "description": a role phrase elsewhere resolved to the person ("الوزير الروسي",
    # flows/nlp/entities/coref.py). MENTION_KINDS lists them.
    mention_kind: str = "name"
    role_country: str | None = None  # a role's nationality (ISO alpha-3), from a nisba or a country in the phrase
    name_mention_id: str | None = None  # a role's provenance: the name mention it stands beside or was resolved to


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    speaker_id: str | None
    speaker_surface: str | None
    quote_text: str
    quote_kind: str  # direct | indirect | according_to
    cue: str | None
    char_start: int
    char_end: int
    sentence_index: int
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    part: str = "body"  # the text the offsets point into: "body" (body_text) or "title" (the headline form)


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class EventMention:
    """One report of an event in one article, before cross-article linking."""

    event_type: str  # a PLOVER type
    event_mode: str | None
    actor1_id: str | None
    actor2_id: str | None
    location_id: str | None
    event_date: dt.date | None
    date_precision: str  # day, month, year, unknown
    status: str  # occurred, planned, negated, claimed, hypothetical
    sentence_index: int
    char_start: int  # the trigger (or clause) span inside body_text
    char_end: int
    evidence: str  # the sentence
    trigger: str
    contexts: tuple[str, ...] = field(default=())
    actor_ids: tuple[str, ...] = field(default=())  # every actor, actor1 first; "الدول الثلاث" -> its three countries


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the NLP stages found in one document."""

    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
