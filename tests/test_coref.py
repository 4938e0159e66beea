"""Within-article coreference by role (issue 12.4): a person's role next to the name, both ways, and role
descriptions resolved by role, nationality and complement, on hand-made sentences and mentions."""

from __future__ import annotations

import pytest

from flows.nlp.entities.coref import role_mentions
from flows.nlp.entities.person_roles import ArticleRoles
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity, Mention
from tests.listed_mentions import listed_mentions

LAVROV = Entity("person:sergey-lavrov", "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS")
LE_DRIAN = Entity("person:le-drian", "PERSON", "جان إيف لودريان", "Jean-Yves Le Drian", "FRA")
BOLTON = Entity("person:bolton", "PERSON", "جون بولتون", None, None)
RIVLIN = Entity("person:rivlin", "PERSON", "ريوفين ريفلين", None, None)
DUDA = Entity("person:duda", "PERSON", "أندري دودا", None, None)
MAY = Entity("person:may", "PERSON", "تيريزا ماي", None, None)
RASHID = Entity("person:rashid", "PERSON", "محمد بن راشد", None, "ARE")
TRUMP = Entity("person:trump", "PERSON", "دونالد ترامب", None, None)
PAVLOPOULOS = Entity("person:pavlopoulos", "PERSON", "بروكوبيس بافلوبولوس", None, None)
ERDOGAN = Entity("person:erdogan", "PERSON", "رجب طيب أردوغان", None, None)
NYSSEN = Entity("person:nyssen", "PERSON", "فرانسواز نيسين", None, None)
AWWAD = Entity("person:awwad", "PERSON", "عواد العواد", None, None)
KHALID = Entity("person:khalid", "PERSON", "خالد بن أحمد", None, None)
RUSSIA = Entity("gpe:rus", "GPE", "روسيا", "Russia", "RUS")
FRANCE = Entity("gpe:fra", "GPE", "فرنسا", "France", "FRA")
USA = Entity("gpe:usa", "GPE", "الولايات المتحدة", "United States", "USA")
POLAND = Entity("gpe:pol", "GPE", "بولندا", "Poland", "POL")
GREECE = Entity("gpe:grc", "GPE", "اليونان", "Greece", "GRC")
TURKEY = Entity("gpe:tur", "GPE", "تركيا", "Turkey", "TUR")
SAUDI = Entity("gpe:sau", "GPE", "السعودية", "Saudi Arabia", "SAU")
BAHRAIN = Entity("gpe:bhr", "GPE", "البحرين", "Bahrain", "BHR")
QATAR = Entity("gpe:qat", "GPE", "قطر", "Qatar", "QAT")
ENTITIES = (LAVROV, LE_DRIAN, BOLTON, RIVLIN, DUDA, MAY, RASHID, TRUMP, PAVLOPOULOS, ERDOGAN, NYSSEN, AWWAD, KHALID)
ENTITIES += (RUSSIA, FRANCE, USA, POLAND, GREECE, TURKEY, SAUDI, BAHRAIN, QATAR)
PEOPLE = {e.name_ar: e for e in ENTITIES if e.entity_type == "PERSON"} | {"لافروف": LAVROV, "قطر": QATAR}
NISBAS = {
    "الروسي": RUSSIA,
    "الفرنسي": FRANCE,
    "الفرنسية": FRANCE,
    "الأمريكي": USA,
    "البولندي": POLAND,
    "اليوناني": GREECE,
    "التركي": TURKEY,
    "السعودي": SAUDI,
    "البحريني": BAHRAIN,
}


def mentions_for(text: str) -> tuple[Mention, ...]:
    """Every listed name and nisba in ``text`` as the entity stage would give it (longest first, no overlaps)."""
    listed = {s: (e, False) for s, e in PEOPLE.items()} | {s: (e, True) for s, e in NISBAS.items()}
    return listed_mentions(text, listed)


def document(text: str) -> Document:
    return Document("t", text, sentences=split_sentences(text))


def roles_of(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    """(role surface, person id) of the role mentions of one kind (or every kind), in text order."""
    found = role_mentions(document(text), mentions_for(text), ENTITIES)
    return [(m.surface, m.entity_id) for m in found if kind is None or m.mention_kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "قال جون بولتون، مستشار الأمن القومي، إن القمة تأجلت.",
            [("مستشار الأمن القومي", BOLTON.entity_id)],
            id="name-comma-role-bolton-national-security-adviser",
        ),
        pytest.param(
            "التقى سيرغي لافروف نظيره الفرنسي، جان إيف لودريان، في موسكو.",
            [("نظيره الفرنسي", LE_DRIAN.entity_id)],
            id="title-nisba-comma-name-his-french-counterpart",
        ),
        pytest.param(
            "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات بناءة.",
            [("وزير الخارجية الروسي", LAVROV.entity_id)],
            id="title-before-name-russian-foreign-minister",
        ),
        pytest.param(
            "بعد اللقاء بين الرئيس، ريوفين ريفلين، ونظيره البولندي، أندري دودا في كراكوفا.",
            [("الرئيس", RIVLIN.entity_id), ("نظيره البولندي", DUDA.entity_id)],
            id="a-conjoined-counterpart-is-the-second-persons-role-not-the-firsts",
        ),
        pytest.param(
            "وأضاف الشيخ محمد بن راشد أن المشروع اكتمل.",
            [],
            id="an-honorific-is-no-role-sheikh",
        ),
        pytest.param(
            "قال المتحدث باسم رئيسة الوزراء تيريزا ماي إن الحكومة مستعدة.",
            [],
            id="a-spokesman-for-the-prime-minister-is-not-her-role",
        ),
        pytest.param(
            "قال المتحدث باسم تحالف دعم الشرعية في اليمن، العقيد خالد بن أحمد، إن القوات تتقدم.",
            [("المتحدث باسم تحالف دعم الشرعية في اليمن، العقيد", KHALID.entity_id)],
            id="a-title-across-a-comma-coalition-spokesman-colonel",
        ),
        pytest.param(
            "وانضم جون بولتون، والعضو الجديد في فريق الرئيس الأمريكي دونالد ترامب، إلى الاجتماع.",
            [("الرئيس الأمريكي", TRUMP.entity_id)],
            id="a-conjoined-new-member-is-not-the-title-of-the-president-named-after-it",
        ),
        pytest.param(
            "وقال جون بولتون مستشار الأمن القومي إن القمة تأجلت.",
            [("مستشار الأمن القومي", BOLTON.entity_id)],
            id="an-apposition-without-comma-stops-before-the-clause",
        ),
        pytest.param(
            "هاجم جون بولتون، مستشار الأمن القومي، رئيس وزراء قطر خالد بن أحمد.",
            [("مستشار الأمن القومي", BOLTON.entity_id), ("رئيس وزراء قطر", KHALID.entity_id)],
            id="another-persons-apposition-before-a-comma-is-not-the-qatari-prime-ministers-title",
        ),
        pytest.param(
            "التقى عواد العواد وزيرة الثقافة الفرنسية فرانسواز نيسين.",
            [("وزيرة الثقافة الفرنسية", NYSSEN.entity_id)],
            id="a-role-right-before-a-name-is-that-names-title-not-the-apposition-of-the-name-before",
        ),
    ],
)
def test_roles_next_to_a_name_are_recorded_with_the_person(text: str, expected: list) -> None:
    assert roles_of(text, "apposition") == expected


def test_a_roles_nationality_and_provenance_are_recorded() -> None:
    text = "التقى سيرغي لافروف نظيره الفرنسي، جان إيف لودريان، في موسكو."
    (role,) = role_mentions(document(text), mentions_for(text), ENTITIES)
    name = next(m for m in mentions_for(text) if m.entity_id == LE_DRIAN.entity_id)
    assert (role.role_country, role.name_mention_id, role.mention_kind) == ("FRA", name.mention_id, "apposition")
    assert text[role.char_start : role.char_end] == role.surface


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الفرنسي، جان إيف لودريان. وقال الوزير الروسي إن اللقاء مثمر.",
            [("الوزير الروسي", LAVROV.entity_id)],
            id="the-russian-minister-is-lavrov-not-the-nearer-frenchman",
        ),
        pytest.param(
            "وصل جان إيف لودريان إلى موسكو. وقال الوزير الروسي إن اللقاء مثمر.",
            [],
            id="no-agreeing-nationality-leaves-the-russian-minister-unresolved",
        ),
        pytest.param(
            "وصل الرئيس الأمريكي دونالد ترامب. وقال رئيس مجلس النواب إن الميزانية جاهزة.",
            [],
            id="the-speaker-of-the-house-is-not-the-president",
        ),
        pytest.param(
            "رفض الرئيس اليوناني بروكوبيس بافلوبولوس شرط نظيره التركي رجب طيب أردوغان. وذكر الرئيس التركي أن الأمر محسوم.",
            [("الرئيس التركي", ERDOGAN.entity_id)],
            id="a-counterpart-of-the-greek-president-is-the-turkish-president",
        ),
        pytest.param(
            "التقى وزير الثقافة السعودي عواد العواد وزيرة الثقافة الفرنسية فرانسواز نيسين. وقالت الوزيرة إن الاتفاق جاهز.",
            [("الوزيرة", NYSSEN.entity_id)],
            id="the-woman-minister-is-the-french-minister-not-the-man",
        ),
        pytest.param(
            "انتقد خالد بن أحمد، وزير الخارجية البحريني، الإعلام. وجاء ذلك في تغريدة للوزير البحريني على تويتر.",
            [("للوزير البحريني", KHALID.entity_id)],
            id="to-the-bahraini-minister-keeps-its-preposition",
        ),
        pytest.param(
            "قال وزير الثقافة السعودي الاثنين إن بلاده ستشارك. وأعلن وزير الثقافة السعودي عواد العواد المشاركة.",
            [("وزير الثقافة السعودي", AWWAD.entity_id)],
            id="a-weekday-after-the-saudi-minister-is-not-part-of-the-role",
        ),
        pytest.param(
            "قال السفير جون بولتون إن الخبر صحيح. وسيحل محله كسفير للولايات المتحدة دبلوماسي آخر.",
            [],
            id="as-ambassador-for-the-united-states-is-predicative-not-a-reference",
        ),
        pytest.param(
            "وصل رئيس الوزراء أندري دودا. وقال الرئيس إن اللقاء مثمر.",
            [],
            id="the-president-is-not-the-prime-minister",
        ),
        pytest.param(
            "وصل رئيس الوزراء أندري دودا. وقال رئيس الوزراء إن اللقاء مثمر.",
            [("رئيس الوزراء", DUDA.entity_id)],
            id="the-prime-minister-is-the-prime-minister",
        ),
        pytest.param(
            "التقى الرئيس ريوفين ريفلين الرئيس أندري دودا. وقال الرئيس إن اللقاء مثمر.",
            [],
            id="the-president-alone-after-two-presidents-names-neither",
        ),
        pytest.param(
            "قال الصحفي محمد بن راشد إن الخبر صحيح. وأضاف في تصريحات صحفية أن المصدر موثوق.",
            [],
            id="press-statements-are-no-journalist-with-a-pronoun",
        ),
    ],
)
def test_role_descriptions_resolve_to_the_person_whose_role_agrees(text: str, expected: list) -> None:
    assert roles_of(text, "description") == expected


@pytest.mark.parametrize(
    ("text", "head"),
    [
        pytest.param("وخطب الإمام في الناس", "امام", id="the-imam-is-a-role"),
        pytest.param("ووقف أمام الناس", None, id="in-front-of-is-no-imam-the-hamza-tells-them-apart"),
        pytest.param("وقالت نظيرته", "نظيره", id="his-counterpart-feminine-is-a-counterpart"),
        pytest.param("ووصل فريقه", None, id="his-team-is-no-rank-only-a-counterpart-takes-a-pronoun"),
        pytest.param("وقال للوزير", "وزير", id="to-the-minister-is-a-minister"),
        pytest.param("ووصل الفريق إلى الملعب", None, id="the-team-alone-is-no-rank-listed-as-lieutenant-general"),
        pytest.param("ووصل الفريق أول", "فريق", id="lieutenant-general-is-a-rank"),
    ],
)
def test_role_words_are_read_through_clitics_and_the_written_hamza(text: str, head: str | None) -> None:
    roles = ArticleRoles(text, split_sentences(text), (), {})
    role = roles.role_at(1)
    assert (role.head if role else None) == head


def test_the_quote_stage_resolves_a_role_as_the_entity_layer_does() -> None:
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الفرنسي، جان إيف لودريان. وقال الوزير الروسي إن اللقاء مثمر."
    (description,) = roles_of(text, "description")
    (quote,) = extract_quotes(document(text), mentions_for(text), ENTITIES)
    assert quote.speaker_id == description[1] == LAVROV.entity_id


def test_bad_input_gives_no_roles() -> None:
    assert role_mentions(document(""), (), ()) == ()
    assert roles_of("الوزير") == []


def test_the_pipeline_stores_roles_beside_the_names_and_hands_names_alone_to_quotes() -> None:
    from dataclasses import asdict

    from flows.pipeline import analyse
    from flows.store.frames import frame

    text = "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات بناءة. وأضاف الوزير الروسي أن موسكو مستعدة."
    analysis = analyse(document(text))
    roles = [(m.surface, m.entity_id, m.mention_kind) for m in analysis.mentions if m.mention_kind != "name"]
    assert roles == [
        ("وزير الخارجية الروسي", "person:sergey-lavrov", "apposition"),
        ("الوزير الروسي", "person:sergey-lavrov", "description"),
    ]
    assert all(q.speaker_id == "person:sergey-lavrov" for q in analysis.quotes) and len(analysis.quotes) == 2
    rows = frame("mentions", [{**asdict(m), "article_id": "t"} for m in analysis.mentions])
    assert sorted(set(rows["mention_kind"].to_list())) == ["apposition", "description", "name"]
