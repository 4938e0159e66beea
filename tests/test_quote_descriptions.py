"""Speakers named by a description (issue 13, sixth round): a name set off by commas after a description no list
knows, a description that stands for a person named or quoted before, and continuations after long quotations.
Hand-made sentences and mentions."""

from __future__ import annotations

import pytest

from flows.nlp.quotes.descriptions import person_heads
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import normalize, split_sentences
from flows.nlp.types import Document, Entity, Mention
from tests.listed_mentions import listed_mentions

COACH = Entity("person:t-coach", "PERSON", "كريم العامري", None, None)
ENVOY = Entity("person:t-envoy", "PERSON", "مارتن غريفيث", None, "GBR")
MINISTER = Entity("person:t-minister", "PERSON", "خالد اليماني", None, None)
TUNISIA = Entity("gpe:tun", "GPE", "تونس", "Tunisia", "TUN")
FRANCE = Entity("gpe:fra", "GPE", "فرنسا", "France", "FRA")
YEMEN = Entity("gpe:yem", "GPE", "اليمن", "Yemen", "YEM")
ENTITIES = (COACH, ENVOY, MINISTER, TUNISIA, FRANCE, YEMEN)
NAMES = {
    "كريم العامري": (COACH, False),
    "مارتن غريفيث": (ENVOY, False),
    "خالد اليماني": (MINISTER, False),
    "التونسي": (TUNISIA, True),
    "الفرنسي": (FRANCE, True),
    "اليمني": (YEMEN, True),
}


def mentions_for(text: str) -> tuple[Mention, ...]:
    return listed_mentions(text, NAMES)


def speakers_of(text: str) -> list[str | None]:
    doc = Document("t", text, sentences=split_sentences(text))
    return [q.speaker_id for q in extract_quotes(doc, mentions_for(text), ENTITIES)]


def test_a_name_alone_between_commas_after_a_description_is_the_speaker():
    text = "قال مدرب الفريق الوطني، كريم العامري، إن اللاعبين جاهزون للمباراة المقبلة."
    assert speakers_of(text) == [COACH.entity_id]


def test_a_continuation_counts_its_distance_from_where_the_quotation_ends():
    text = (
        'قال كريم العامري "كانت المباراة صعبة جدا. لعبنا جيدا. خسرنا في النهاية. هذه كرة القدم". '
        'وأضاف "سنعود أقوى في المباراة المقبلة بكل تأكيد".'
    )
    assert speakers_of(text) == [COACH.entity_id, COACH.entity_id]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "قال كريم العامري إن الفريق جاهز للمباراة. وأضاف المدرب التونسي أن اللاعبين في حالة جيدة.",
            [COACH.entity_id, COACH.entity_id],
            id="the-previous-speaker-whose-nationality-nothing-contradicts",
        ),
        pytest.param(
            "قال مارتن غريفيث إن المحادثات انتهت دون نتيجة. وقال المدرب الفرنسي إن اللاعبين في حالة جيدة.",
            [ENVOY.entity_id, None],
            id="not-a-speaker-of-another-nationality",
        ),
        pytest.param(
            "قال مارتن غريفيث إن المحادثات انتهت دون نتيجة. وطالب وزير الخارجية اليمني، خالد اليماني، المبعوث "
            "بالحزم. وقال المسؤول اليمني إن الحوثيين أفشلوا المحادثات.",
            [ENVOY.entity_id, MINISTER.entity_id],
            id="the-person-named-before-whose-role-names-the-country",
        ),
        pytest.param(
            "قال كريم العامري إن الفريق جاهز للمباراة. وقال المدرب إن اللاعبين في حالة جيدة.",
            [COACH.entity_id, None],
            id="without-a-nisba-only-a-continuation-cue-goes-on",
        ),
    ],
)
def test_a_description_stands_for_the_person_it_describes(text, speakers):
    assert speakers_of(text) == speakers


def test_the_person_heads_are_nouns_counted_from_the_corpus():
    heads = person_heads()
    assert {normalize(w) for w in ("مدرب", "طبيب", "سفير")} <= heads
    assert not {normalize(w) for w in ("تقى", "قى", "خارجية")} & heads  # verbs read as ال + a stem; a portfolio
