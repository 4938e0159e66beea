"""The parties around a trigger (issue 14, sixth session): a nisba on an action noun is its agent, a patient's
genitive and a death's neighbours are not, the agent's partners are not its target, a name inside what was said is
not the target, a possessive noun is its sentence subject's act, a nisba in the object names the target, and a hollow
verb's passive has no agent. Hand-written Arabic sentences, read by the real entity stage."""

from __future__ import annotations

import datetime as dt

import pytest

from flows.nlp.entities import extract_entities
from flows.nlp.events.detect import detect_events
from flows.nlp.text import split_sentences
from flows.nlp.types import Document


def reports(text: str) -> list[tuple[str, str | None, str | None]]:
    """(trigger, actor1 name, actor2 name) of every report, weak ones kept."""
    doc = Document("t", text, None, dt.datetime(2024, 3, 5), split_sentences(text))
    entities, mentions = extract_entities(doc)
    names = {e.entity_id: e.name_ar for e in entities}
    return [
        (e.trigger, names.get(e.actor1_id or ""), names.get(e.actor2_id or ""))
        for e in detect_events(doc, mentions, entities, keep_weak=True)
    ]


def report_of(text: str, trigger: str) -> tuple[str | None, str | None]:
    found = [(a1, a2) for t, a1, a2 in reports(text) if t == trigger]
    assert found, reports(text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("قال المتحدث إن الغارات الأمريكية دمرت المخازن. وتنفي الولايات المتحدة ذلك.", "الغارات"),
        ("وأدانت الحكومة غارة جوية أمريكية على القرية. وترد الولايات المتحدة غدا.", "غارة"),
    ],
)
def test_a_nisba_on_an_action_noun_is_its_agent(text: str, trigger: str) -> None:
    assert report_of(text, trigger)[0] == "الولايات المتحدة"


def test_a_nisba_after_a_noun_of_the_object_is_not_the_agent() -> None:
    # "اعتقال صحفي أمريكي": the journalist is American; who arrested him is not said.
    text = "وأعلنت الشرطة في تركيا اعتقال صحفي أمريكي أمس. وطالبت الولايات المتحدة بالإفراج عنه."
    assert report_of(text, "اعتقال")[0] != "الولايات المتحدة"


def test_the_genitive_of_an_invasion_is_its_target() -> None:
    assert report_of("وتذكر الصحف بما جرى منذ غزو العراق في عام 2003.", "غزو") == (None, "العراق")


def test_a_name_before_a_death_is_not_its_agent() -> None:
    text = "وزار رئيس الوزراء حيدر العبادي مدينة البصرة بعد مقتل متظاهر في مظاهرة."
    assert report_of(text, "مقتل")[0] is None


def test_the_agents_partners_are_not_its_target() -> None:
    text = "واتهمت فرنسا وألمانيا روسيا بشن هجمات إلكترونية."
    assert report_of(text, "واتهمت") == ("فرنسا", "روسيا")


def test_an_ally_named_with_the_agent_is_not_its_target() -> None:
    assert report_of("وتتهم سوريا وحليفتها روسيا المعارضة بخرق الهدنة.", "وتتهم")[1] is None


def test_a_name_inside_what_was_said_is_not_the_target() -> None:
    text = "وأيدت فرنسا مزاعم بأن روسيا نفذت الهجوم."
    assert report_of(text, "وأيدت") == ("فرنسا", None)


def test_a_possessive_noun_is_the_sentence_subjects_act() -> None:
    text = "وركز بنيامين نتنياهو على ملف إيران مع أنغيلا ميركل في اليوم الأول من زيارته لبرلين."
    assert report_of(text, "زيارته")[0] == "بنيامين نتنياهو"


def test_a_nisba_in_the_object_names_the_target() -> None:
    text = "وقال مصدر عسكري إن إسرائيل استهدفت إحدى المقاتلات السورية فوق الجولان. ونفت سوريا ذلك."
    assert report_of(text, "استهدفت") == ("إسرائيل", "سوريا")


def test_a_hollow_verbs_passive_has_no_agent() -> None:
    text = "وقال المتحدث لوكالة رويترز إن الهجوم وقع في مالي واغتيل خلاله عدد من الوجهاء."
    assert report_of(text, "واغتيل")[0] is None


def test_a_force_behind_lam_after_an_attack_noun_is_its_agent() -> None:
    text = "وأصيب ثلاثة مدنيين في قصف مدفعي للجيش الإسرائيلي على بلدة في جنوب لبنان."
    assert report_of(text, "قصف")[0] == "الجيش (إسرائيل)"


def test_a_death_in_a_crash_is_no_political_event() -> None:
    text = "وقتل خمسة أشخاص في سوريا جراء تصادم حافلتين على الطريق السريع."
    assert "وقتل" not in [t for t, _, _ in reports(text)]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("وقالت الوكالة إن مصر والسودان توصلتا إلى اتفاق على تقاسم المياه.", "اتفاق"),  # agreed, names before the noun
        ("وتنتظر المنطقة قمة الرئيسين عبد الفتاح السيسي وعمر البشير.", "قمة"),  # the two presidents' summit
    ],
)
def test_who_is_coordinated_with_a_meetings_agent_is_its_other_side(text: str, trigger: str) -> None:
    first, second = report_of(text, trigger)
    assert (first, second) in (("مصر", "السودان"), ("عبد الفتاح السيسي", "عمر البشير"))


def test_a_light_verbs_indefinite_verbal_noun_is_a_noun() -> None:
    # "عقد ... اجتماعا مع": the meeting noun in the accusative; its agent is the light verb's subject, not the name
    # after مع.
    text = "وعقد وزير الخارجية الأمريكي مايك بومبيو اجتماعا مع نظيره الروسي سيرغي لافروف."
    assert report_of(text, "اجتماعا") == ("مايك بومبيو", "سيرغي لافروف")


def test_a_dual_verb_stays_a_verb() -> None:
    assert [t for t, _, _ in reports("واجتمعا في القاهرة أمس.")] == ["واجتمعا"]


def test_a_nisba_on_the_subject_noun_after_a_verb_is_the_agent_not_the_target() -> None:
    # "the Israeli planes struck": the entity stage leaves a nisba on "planes" untagged; it is still the subject's.
    text = "ونفت إسرائيل التعليق. واستهدفت الطائرات الإسرائيلية مواقع في سوريا."
    assert report_of(text, "واستهدفت")[0] == "إسرائيل"


def test_a_feminine_verb_does_not_take_a_masculine_noun_as_its_subject() -> None:
    # "and she asked the Israeli ambassador to leave": the ambassador is the object, Israel not the agent.
    text = "وسحبت الحكومة التركية سفيرها، وطلبت السفير الإسرائيلي مغادرة البلاد."
    assert report_of(text, "وطلبت")[0] != "إسرائيل"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("وبحث ماكرون خلال اجتماعه الرئيس الروسي فلاديمير بوتين الأزمة.", "اجتماعه"),  # during his meeting with
        ("وناقش ماكرون خلال اتصاله الهاتفي بوتين الأزمة.", "اتصاله الهاتفي"),  # during his phone call with
    ],
)
def test_the_name_after_a_meeting_noun_with_a_pronoun_is_whom_he_met(text: str, trigger: str) -> None:
    assert report_of(text, trigger) == ("إيمانويل ماكرون", "فلاديمير بوتين")


def test_a_meeting_noun_with_a_dual_pronoun_is_the_meeting_of_the_two_its_clause_names() -> None:
    # "قمتهما": their summit, the two of them; the city where they met is no party, whatever the tagger makes of it.
    text = (
        "في مستهل قمتهما التاريخية في العاصمة الفنلندية #هلسنكي، أعرب الرئيس الأميركي، دونالد #ترمب، الاثنين، "
        'عن أمله في علاقة "استثنائية" مع نظيره الروسي، فلاديمير #بوتين.'
    )
    assert report_of(text, "قمتهما") == ("دونالد ترمب", "فلاديمير بوتين")


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        # a force's noun behind ل owns the attack, whatever kind of name owns the force (force_nouns.tsv)
        (
            "أعلن الجيش اليمني تدمير آليات عسكرية لميليشيات الحوثي، الثلاثاء، في سلسلة غارات لمقاتلات التحالف "
            "العربي في مديرية ميدي.",
            "غارات",
            "التحالف العربي",
        ),
        ("ونفت إسرائيل ذلك. وقتل عشرة مدنيين في غارات لطائرات إسرائيلية على قرية في غزة.", "غارات", "إسرائيل"),
        # a nisba on the force's noun right after the attack noun
        ("ونفت إسرائيل ذلك. وقتل عشرة مدنيين في غارات الطائرات الإسرائيلية على قرية في غزة.", "غارات", "إسرائيل"),
    ],
)
def test_a_force_after_an_attack_noun_names_its_agent(text: str, trigger: str, agent: str) -> None:
    assert report_of(text, trigger)[0] == agent


def test_a_meeting_noun_names_its_two_sides_after_bain() -> None:
    # not the one who spoke of it
    text = "وأكد نوفل أهمية اللقاء لأنه يأتي قبيل اجتماع قمة ثنائي بين رئيسي روسيا والولايات المتحدة في هلسنكي."
    assert report_of(text, "اجتماع") == ("روسيا", "الولايات المتحدة")


def test_the_body_behind_lam_after_a_meeting_noun_is_whose_meeting_it_is() -> None:
    # the speaker who spoke during the meeting is not its agent
    text = (
        "وقال السفير الفرنسي لدى الأمم المتحدة، فرانسوا دي لاتر، خلال اجتماع لمجلس الأمن، الأسبوع الماضي، إن "
        "سوريا أصبحت على شفير الهاوية."
    )
    assert report_of(text, "اجتماع")[0] == "مجلس الأمن الدولي"


def test_a_counterpart_after_a_verb_is_whom_the_subject_met() -> None:
    text = (
        "يصل الرئيس الفلسطيني محمود عباس الجمعة إلى موسكو في زيارة عمل رسمية يلتقي خلالها نظيره الروسي فلاديمير بوتين."
    )
    assert report_of(text, "يلتقي") == ("محمود عباس", "فلاديمير بوتين")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a force's noun after the verb heads its subject, no plural object
        ("وقصفت مقاتلات التحالف العربي آليات عسكرية للحوثيين في لحج.", "وقصفت"),
        # a subject set off by commas right after the verb
        ("واستهدفت، مقاتلات التحالف العربي أيضا، مواقع للمتمردين في محافظة صعدة.", "واستهدفت"),
    ],
)
def test_a_force_after_a_verb_is_its_subject(text: str, trigger: str) -> None:
    assert report_of(text, trigger)[0] == "التحالف العربي"


def test_a_person_after_a_definite_title_with_a_lam_complement_is_the_subject() -> None:
    # the ل of "للشؤون" belongs to the title; the name opening with ب is no charge
    text = "ودعا المفوض الأوروبي للشؤون الاقتصادية بيار موسكوفيسي الأربعاء إيطاليا إلى تقديم حلول."
    assert report_of(text, "ودعا") == ("بيار موسكوفيسي", "إيطاليا")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        pytest.param("وظل ترامب ينتقد الاتفاق النووي مرارا.", "ينتقد", id="kept-criticising"),
        pytest.param("وبات ترامب يهاجم الحكومة الكندية.", "يهاجم", id="came-to-attack"),
    ],
)
def test_a_name_between_an_auxiliary_verb_and_its_verb_is_the_subject(text: str, trigger: str) -> None:
    assert report_of(text, trigger)[0] == "دونالد ترمب"


def test_a_joined_verb_with_an_object_pronoun_takes_the_opening_subject_and_its_object_the_referent() -> None:
    # "Trump kept criticising the Canadian government, and accused it of failings": it is the government.
    text = "دأب ترامب على انتقاد الحكومة الكندية، واتهمها بالتقصير في التجارة."
    agent, target = report_of(text, "واتهمها")
    assert agent == "دونالد ترمب"
    assert target is not None and "كندا" in target


def test_a_person_set_off_by_commas_after_a_title_is_the_subject() -> None:
    text = "ودعا المبعوث الأممي إلى اليمن، مارتن غريفيث، الحكومة إلى الحوار."
    assert report_of(text, "ودعا")[0] == "مارتن غريفيث"


def test_the_name_after_an_apposition_is_the_target_not_a_partner() -> None:
    text = "وانتقد وزير الخارجية الروسي، سيرغي لافروف، الولايات المتحدة بشدة."
    assert report_of(text, "وانتقد") == ("سيرغي لافروف", "الولايات المتحدة")


def test_a_name_in_parentheses_after_the_agent_is_no_target() -> None:
    text = "اتهمت وزارة العدل الأمريكية (واشنطن) عشرة موظفين بالتجسس."
    assert report_of(text, "اتهمت")[1] != "واشنطن"


@pytest.mark.parametrize(
    ("text", "trigger", "other"),
    [
        pytest.param("وقال ماكرون لدى بدء اجتماعه مع نظيره الأمريكي إنه متفائل.", "اجتماعه", "الولايات المتحدة",
                     id="his-meeting-with-his-american-counterpart"),
        pytest.param("وأجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا بنظيره الروسي تناول الأزمة.", "اتصالا هاتفيا",
                     "روسيا", id="a-call-to-his-russian-counterpart"),
        pytest.param("والتقى وزير الخارجية المصري سامح شكري نظيره الأردني في عمان.", "التقى", "الأردن",
                     id="met-his-jordanian-counterpart-after-the-subject"),
    ],
)  # fmt: skip
def test_a_counterpart_named_only_by_a_nisba_is_the_meetings_other_side(text: str, trigger: str, other: str) -> None:
    assert report_of(text, trigger)[1] == other


def test_a_counterpart_named_after_the_nisba_is_read_by_name() -> None:
    text = "وعقد وزير الخارجية المصري سامح شكري محادثات مع نظيره الأردني أيمن الصفدي."
    assert report_of(text, "محادثات") == ("سامح شكري", "أيمن الصفدي")


@pytest.mark.parametrize(
    ("text", "trigger", "author"),
    [
        pytest.param("وأعلنت الحكومة تلقيها مساعدات من اليابان.", "مساعدات", "اليابان", id="aid-from-japan"),
        pytest.param("وثمنت الوزيرة المساعدات المقدمة من الجانب الأمريكي للاجئين.", "المساعدات", "الولايات المتحدة",
                     id="aid-given-by-the-american-side"),
    ],
)  # fmt: skip
def test_a_name_behind_min_after_an_aid_or_a_call_is_its_author(text: str, trigger: str, author: str) -> None:
    assert report_of(text, trigger)[0] == author


def test_min_with_no_name_after_it_names_no_author() -> None:
    # "من أجل السلام": for peace, no one's calls
    assert report_of("وأطلقت فرنسا دعوات من أجل السلام.", "دعوات")[0] == "فرنسا"


@pytest.mark.parametrize(
    ("text", "author"),
    [
        pytest.param("ورفضت إسرائيل دعوات من الاتحاد الأوروبي لوقف القتال.", "الاتحاد الأوروبي", id="calls-from-the-eu"),
        pytest.param("ورفضت موسكو اتهامات لندن بالتورط في الهجوم.", "لندن", id="londons-charges"),
        pytest.param("رفضت الصين الاتهامات التي وجهها لها وزير الخارجية الأمريكي أنتوني بلينكن.", "أنتوني بلينكن",
                     id="the-charges-blinken-made-against-it"),
    ],
)  # fmt: skip
def test_a_rejection_is_done_to_the_author_of_what_it_rejects(text: str, author: str) -> None:
    found = {trigger: (a1, a2) for trigger, a1, a2 in reports(text)}
    rejecter, target = next(found[t] for t in found if t.endswith(("رفضت", "ورفضت")))
    assert target == author
    call = next(found[t] for t in found if t.startswith(("دعوات", "اتهامات", "الاتهامات")))
    assert call == (author, rejecter)  # the call or charge is its author's, addressed to the rejecter


def test_a_denied_charge_by_unnamed_accusers_is_against_the_denier() -> None:
    assert report_of("وتنفي كوبا اتهامات دول غربية لها بدعم جماعات مسلحة.", "اتهامات") == (None, "كوبا")


def test_an_opposed_delivery_is_not_the_opposers_nor_against_it() -> None:
    # Congress opposes delivering the planes to Egypt: neither the deliverer nor the recipient is Congress, and
    # Cairo is named in another phrase (the cause).
    text = "وعارض الكونغرس تسليم الطائرات إلى مصر بسبب إعلان القاهرة شراء صواريخ."
    assert "الكونغرس" not in report_of(text, "تسليم")
