"""Event roles read from the clause and the article (issue 14, third round): plural verbs, pronoun subjects, definite
references to the article's event, and senses that report no political event — on tiny hand-written Arabic cases."""

from __future__ import annotations

import datetime as dt

import pytest

from flows.nlp.events.detect import detect_events
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Quote
from tests.test_events import DIOP, KNOWN, LAVROV, events_in, fake_mentions


def only(text: str, event_type: str, published: dt.date | None = None):
    found = [e for e in events_in(text, published) if e.event_type == event_type]
    assert len(found) == 1, found
    return found[0]


def test_a_name_after_a_verb_that_spells_its_plural_subject_is_its_object() -> None:
    event = only("وقال الشهود إن المحتجين اتهموا روسيا بالتدخل.", "ACCUSE")
    assert (event.actor1_id, event.actor2_id) == (None, "gpe:rus")


def test_a_subject_pronoun_refers_to_the_name_before_it_not_to_an_earlier_subject() -> None:
    text = "وانتقد ديوب بشدة الضربات التي تقول روسيا وحلفاؤها إنها استهدفت مواقع في مالي."
    event = next(e for e in events_in(text) if e.trigger == "استهدفت")
    assert event.actor1_id == "gpe:rus"


def test_a_verb_after_he_said_that_takes_the_quotes_speaker() -> None:
    text = "وتحدث الوزير مطولا. وأكد أنه يدعم موقف مالي."
    start = text.index("يدعم")
    quote = Quote("q1", DIOP.entity_id, "ديوب", text[start:-1], "indirect", "أكد", start, len(text) - 1, 1)
    doc = Document("t", text, None, None, split_sentences(text))
    (event,) = [
        e for e in detect_events(doc, fake_mentions(text), KNOWN, (quote,), keep_weak=True) if e.event_type == "SUPPORT"
    ]
    assert (event.actor1_id, event.actor2_id) == (DIOP.entity_id, "gpe:mli")


def test_a_definite_reference_takes_the_articles_event_and_its_date() -> None:
    text = "شنت روسيا غارة على مالي يوم 3 مارس 2018. ودانت النيجر الغارة بشدة."
    first, second = [e for e in events_in(text, dt.date(2018, 3, 5)) if e.event_type == "ASSAULT"]
    assert (second.trigger, second.actor1_id, second.actor2_id) == ("الغارة", first.actor1_id, first.actor2_id)
    assert (first.actor1_id, second.event_date) == ("gpe:rus", dt.date(2018, 3, 3))


def test_a_chemical_attack_does_not_take_the_actors_of_the_strikes_told_before_it() -> None:
    text = "شنت روسيا غارة على مالي. وجاءت الغارة ردا على الهجوم الكيماوي في باماكو. ودانت النيجر الهجوم المزعوم."
    strike, reply, chemical, alleged = [e for e in events_in(text) if e.event_type == "ASSAULT"]
    assert (strike.actor1_id, reply.actor1_id) == ("gpe:rus", "gpe:rus")
    assert (chemical.event_mode, chemical.actor1_id) == ("chemical", None)
    assert alleged.actor1_id != "gpe:rus", "the text goes on about the chemical attack, not the strike"


def test_a_reference_to_a_summit_takes_the_meeting_told_before_it() -> None:
    text = "والتقى لافروف ديوب في موسكو. وأثارت القمة قلق النيجر."
    meeting, summit = [e for e in events_in(text) if e.event_type == "CONSULT"]
    assert (
        (summit.actor1_id, summit.actor2_id)
        == (meeting.actor1_id, meeting.actor2_id)
        == (
            LAVROV.entity_id,
            DIOP.entity_id,
        )
    )


def test_an_indefinite_noun_keeps_its_own_roles() -> None:
    text = "شنت روسيا غارة على مالي. وشنت النيجر غارة أخرى."
    assert [e.actor1_id for e in events_in(text) if e.event_type == "ASSAULT"] == ["gpe:rus", "gpe:ner"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        pytest.param("وقال مسؤول رفض الكشف عن هويته إن الوضع هادئ.", "REJECT", id="declined-to-be-named"),
        pytest.param("ورفض المتحدث التعليق على الخبر.", "REJECT", id="declined-to-comment"),
        pytest.param("وقال الرئيس في لقاء مع قناة محلية إن الوضع هادئ.", "CONSULT", id="interview-with-a-channel"),
        pytest.param("تستهدف الحكومة نسبة نمو تبلغ خمسة بالمئة.", "ASSAULT", id="government-targets-a-growth-rate"),
        pytest.param("كان يتم تعليقهم من اليدين والرجلين.", "ACCUSE", id="the-hands-are-not-condemns"),
        pytest.param("ضربوني لأنني غير متعاونة.", "COOPERATE", id="uncooperative-is-a-description"),
        pytest.param("وأدين اثنان آخران بتهم مختلفة.", "ACCUSE", id="convicted-by-a-court"),
        pytest.param("سوف يواجه الرجل عقوبة السجن لمدة 15 عاما.", "SANCTION", id="a-prison-sentence"),
        pytest.param("نشرت صورتيهما نقلا أدناه عن موقع إخباري.", "ACCUSE", id="below-is-not-condemned"),
        pytest.param("لم يغامر الفريق بالهجوم خوفا من أن يستغلها لاعبو الخصم.", "ASSAULT", id="a-football-attack"),
        pytest.param("شنت طائرات تحالف دعم الشرعية غارات.", "SUPPORT", id="the-coalitions-name"),
        pytest.param("وحشد دعم قادة فرنسا وبريطانيا.", "MOBILIZE", id="rallying-support-mobilises-no-force"),
        pytest.param("إنها ستساعد على تغيير حياة الآلاف.", "AID", id="helps-to-is-no-aid"),
        pytest.param("وسجلت الليرة مستوى متراجعا عن 4.74 ليرة.", "CONCEDE", id="a-currency-falling-concedes-nothing"),
        pytest.param("أصدرت الوكالة تحذيرا من أمواج المد بعد الزلزال.", "THREATEN", id="a-tsunami-warning"),
    ],
)
def test_a_sense_that_reports_no_political_event(text: str, event_type: str) -> None:
    assert event_type not in {e.event_type for e in events_in(text)}


def test_a_cognate_object_is_the_same_event() -> None:
    assert len([e for e in events_in("وهي خطوة رحب بها المحامي ترحيبا حذرا.") if e.event_type == "SUPPORT"]) == 1


def test_a_since_duration_does_not_date_the_event() -> None:
    event = only("أطلقت روسيا صواريخ على مالي للمرة الأولى منذ 30 عاما.", "ASSAULT")
    assert event.event_date is None


def test_a_name_in_the_objects_genitive_is_not_the_verbs_subject() -> None:
    event = only("وقال إن القرار رفض بشكل قاطع كل طلبات روسيا.", "REJECT")
    assert event.actor1_id != "gpe:rus"


def test_both_x_and_y_after_a_verb_is_its_subject() -> None:
    assert only("وينفي كل من روسيا ومالي ذلك.", "REJECT").actor1_id == "gpe:rus"


def test_a_name_inside_the_charge_is_not_the_accused() -> None:
    event = only("واتهمت النيجر المتمردين بمساعدة روسيا.", "ACCUSE")
    assert (event.actor1_id, event.actor2_id) == ("gpe:ner", None)


def test_a_planned_reference_keeps_its_own_date() -> None:
    text = "شنت روسيا غارة على مالي يوم 3 مارس 2018. وقالت النيجر إن الغارة المقبلة ستكون أقوى."
    second = [e for e in events_in(text, dt.date(2018, 3, 5)) if e.event_type == "ASSAULT"][1]
    assert (second.actor1_id, second.status, second.event_date) == ("gpe:rus", "planned", None)


def test_a_place_word_of_the_previous_sentence_does_not_make_the_subject_a_place() -> None:
    event = only("وقعت ضربات جوية جنوب البلاد. واتهمت النيجر روسيا بتنفيذها.", "ACCUSE")
    assert (event.actor1_id, event.actor2_id) == ("gpe:ner", "gpe:rus")


def test_a_perfect_verb_with_an_object_pronoun_takes_its_subject_after_it() -> None:
    event = only("واتهمت مالي التحالف بتنفيذها، الأمر الذي نفته روسيا لاحقا.", "REJECT")
    assert event.actor1_id == "gpe:rus"


def test_a_participle_takes_the_subject_of_its_sentences_opening_verb() -> None:
    event = only("ووصف لافروف الاتفاق الذي ساهمت مالي في صياغته بأنه سيئ، مطالبا بتعديله.", "REQUEST")
    assert event.actor1_id == "person:sergey-lavrov"


def test_a_name_in_a_requests_content_is_not_the_one_asked() -> None:
    event = only("وحثت النيجر شركاتها على مواصلة علاقاتها مع روسيا.", "REQUEST")
    assert (event.actor1_id, event.actor2_id) == ("gpe:ner", None)


def test_the_members_of_a_list_of_places_are_places() -> None:
    event = only("تجري الأمم محادثات مع المنظمات العاملة في مالي والنيجر.", "CONSULT")
    assert event.actor2_id is None and event.location_id == "gpe:mli"


def test_a_name_glued_to_li_after_a_noun_is_not_its_agent() -> None:
    event = only("وانشغل بحشد التأييد لضربات جوية لمالي.", "ASSAULT")
    assert event.actor1_id is None


def test_an_unnamed_subject_after_the_verb_is_not_replaced_by_a_name_before_it() -> None:
    event = next(e for e in events_in("وهو قرار رحبت به روسيا وأدانه المجتمع الدولي.") if e.trigger == "وأدانه")
    assert event.actor1_id is None


def test_but_x_then_a_verb_is_subject_then_verb() -> None:
    assert only("وتحدث الوزير طويلا، لكن روسيا حذرت النيجر من العواقب.", "THREATEN").actor1_id == "gpe:rus"


def test_a_nisba_on_the_noun_right_after_the_verb_names_its_subject_and_the_name_after_is_the_object() -> None:
    event = only("ويدعم الجيش المالي قوات النيجر.", "SUPPORT")
    assert (event.actor1_id, event.actor2_id) == ("gpe:mli", "gpe:ner")


def test_a_titles_holder_after_the_nisba_stays_the_subject() -> None:
    event = only("ويدعم الوزير المالي ديوب النيجر.", "SUPPORT")
    assert event.actor1_id == DIOP.entity_id


def test_the_country_of_counted_victims_is_the_target_not_the_agent() -> None:
    event = only("وقتل عشرات الجنود الماليين أمس.", "ASSAULT")
    assert (event.actor1_id, event.actor2_id) == (None, "gpe:mli")


def test_the_subject_of_witnessed_is_where_it_happened() -> None:
    event = only("وتشهد النيجر احتجاجات واسعة منذ أسابيع.", "PROTEST")
    assert (event.actor1_id, event.location_id) == (None, "gpe:ner")
