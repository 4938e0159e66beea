"""The report a test sentence gives, for the event tests that check who did what to whom."""

from __future__ import annotations

import datetime as dt

from flows.nlp.entities import extract_entities
from flows.nlp.events.detect import detect_events
from flows.nlp.text import split_sentences
from flows.nlp.types import Document


def report_of(text: str, trigger: str) -> tuple[str | None, str | None]:
    """(actor1 name, actor2 name) of the report on ``trigger``, weak reports kept."""
    doc = Document("t", text, None, dt.datetime(2024, 3, 5), split_sentences(text))
    entities, mentions = extract_entities(doc)
    names = {e.entity_id: e.name_ar for e in entities}
    found = [
        (names.get(e.actor1_id or ""), names.get(e.actor2_id or ""))
        for e in detect_events(doc, mentions, entities, keep_weak=True)
        if e.trigger == trigger
    ]
    assert found, trigger
    return found[0]
