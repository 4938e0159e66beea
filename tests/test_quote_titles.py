"""Quotes in the title: the headline form "X: …", with the title's own mentions and offsets into the title."""

from __future__ import annotations

import pytest

from flows.nlp.events.detect import detect_events
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity, Mention

LAVROV = Entity("person:sergey-lavrov", "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS")
RUSSIA = Entity("gpe:rus", "GPE", "روسيا", "Russia", "RUS")
NATO = Entity("org:nato", "ORG", "حلف شمال الأطلسي", "NATO", None)
ENTITIES = (LAVROV, RUSSIA, NATO)
NAMES = {"لافروف": LAVROV, "روسيا": RUSSIA, "الناتو": NATO}
BODY = "قال وزير الخارجية الروسي سيرغي لافروف إن الحوار ممكن."


def title_mentions(title: str) -> tuple[Mention, ...]:
    found = []
    for surface, entity in NAMES.items():
        at = title.find(surface)
        if at >= 0:
            end = at + len(surface)
            found.append(
                Mention(f"t:t{at}-{end}", entity.entity_id, entity.entity_type, surface, at, end, 0, part="title")
            )
    return tuple(sorted(found, key=lambda m: m.char_start))


def title_quote(title: str):
    doc = Document("t", BODY, title, sentences=split_sentences(BODY))
    quotes = [q for q in extract_quotes(doc, title_mentions(title), ENTITIES) if q.part == "title"]
    assert len(quotes) <= 1
    return quotes[0] if quotes else None


@pytest.mark.parametrize(
    ("title", "text", "speaker_id", "surface"),
    [
        pytest.param("لافروف: الحوار مع الغرب ممكن", "الحوار مع الغرب ممكن", LAVROV.entity_id, "لافروف",
                     id="name-colon-words"),
        pytest.param("لافروف: «لن نقبل بالعقوبات»", "لن نقبل بالعقوبات", LAVROV.entity_id, "لافروف",
                     id="name-colon-guillemets"),
        pytest.param("مسؤولون أمريكيون: الضربات لم تنته بعد", "الضربات لم تنته بعد", None, "مسؤولون أمريكيون",
                     id="unnamed-officials-keep-their-words"),
        pytest.param("الناتو يرد على موسكو.. ولافروف: تصريحات لا قيمة لها", "تصريحات لا قيمة لها",
                     LAVROV.entity_id, "لافروف", id="second-headline-segment-after-dots"),
        pytest.param("روسيا تطرد دبلوماسيين: أشخاص غير مرغوب بهم", "أشخاص غير مرغوب بهم", RUSSIA.entity_id, "روسيا",
                     id="state-with-a-verb-speaks"),
    ],
)  # fmt: skip
def test_headline_quote_speaker_and_offsets(title, text, speaker_id, surface):
    quote = title_quote(title)
    assert quote is not None
    assert title[quote.char_start : quote.char_end] == quote.quote_text == text
    assert (quote.speaker_id, quote.speaker_surface, quote.cue, quote.quote_kind) == (
        speaker_id,
        surface,
        ":",
        "direct",
    )
    assert quote.quote_id.startswith("t:t")


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("روسيا: مقتل عشرين في انفجار بموسكو", id="bare-state-is-a-dateline"),
        pytest.param("مونديال 2018: خسارة قاسية لمصر أمام روسيا", id="event-label-names-nobody"),
        pytest.param("تقرير: هكذا تعود روسيا إلى المنطقة", id="report-label"),
        pytest.param("لافروف يصل إلى أنقرة", id="no-colon"),
        pytest.param("لافروف: نعم", id="one-word-after-colon"),
        pytest.param("عنوان «فيه: نقطتان» بلا قائل", id="colon-inside-marks"),
    ],
)
def test_not_a_headline_quote(title):
    assert title_quote(title) is None


def test_events_read_body_quotes_only():
    """A title quote's offsets index the title: the event stage never matches them against the body's triggers."""
    title = "لافروف: الحوار مع الغرب ممكن"
    doc = Document("t", BODY, title, sentences=split_sentences(BODY))
    quotes = extract_quotes(doc, title_mentions(title), ENTITIES)
    assert any(q.part == "title" for q in quotes)
    body_only = tuple(q for q in quotes if q.part == "body")
    assert detect_events(doc, (), ENTITIES, quotes) == detect_events(doc, (), ENTITIES, body_only)
