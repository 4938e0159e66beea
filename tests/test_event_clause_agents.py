"""Who did it, read from the clause (issue 14, round 11): the subject of a relative clause on an event noun whose verb
did the act ("مجزرة ارتكبتها إسرائيل"). Hand-written Arabic sentences, read by the real entity stage, and the rule's
unit on a hand-built pool."""

from __future__ import annotations

import pytest

from flows.nlp.events.agents import ActorCandidate
from flows.nlp.events.noun_clauses import LIGHT_VERB_LEMMAS, light_verb_forms, relative_light_agent
from flows.nlp.text.forms import finite_forms
from tests.helpers_events import report_of


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        pytest.param("وشهدت المدينة مجزرة ارتكبتها إسرائيل أمس.", "مجزرة", "إسرائيل", id="a-massacre-israel-committed"),
        pytest.param(
            "ويحكم الأكراد الإقليم منذ غزو قادته الولايات المتحدة عام 2003.",
            "غزو",
            "الولايات المتحدة",
            id="an-invasion-the-us-led",
        ),
        pytest.param(
            "وانتقدت روسيا العقوبات التي فرضتها واشنطن على موسكو.",
            "العقوبات",
            "واشنطن",
            id="sanctions-washington-imposed",
        ),
    ],
)
def test_the_subject_of_a_doers_verb_on_an_event_noun_is_its_agent(text: str, trigger: str, agent: str) -> None:
    assert report_of(text, trigger)[0] == agent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("مجزرة ارتكبتها قوات زيد", "زيد", id="a-massacre-Zaid-s-forces-committed"),
        pytest.param("الاتفاق الذي وقعه زيد", "زيد", id="the-agreement-Zaid-signed"),
        pytest.param("العقوبات التي فرضتها على زيد", None, id="sanctions-imposed-on-Zaid-behind-a-preposition"),
        pytest.param("الهجوم الذي أدانه زيد", None, id="the-attack-Zaid-condemned-is-no-doers-verb"),
        pytest.param("الاتفاق الذي وصفه زيد", None, id="the-agreement-Zaid-described-is-no-doers-verb"),
    ],
)
def test_only_a_doers_verb_names_the_nouns_agent(text: str, expected: str | None) -> None:
    start = text.index("زيد")
    pool = [ActorCandidate(start, start + 3, ("زيد",), "PERSON")]
    assert relative_light_agent(text, text.index(" "), len(text), pool) == expected


def test_the_doers_verbs_are_a_census_of_finite_verbs() -> None:
    # flows/data/agent_verbs.tsv (bench/quality/build_agent_verbs.py): each lemma conjugates, and a verbal noun of
    # one ("توقيع", "إجراء") is no form the rule reads.
    assert {"شنّ", "نفّذ", "ارتكب", "فرض", "قاد"} <= set(LIGHT_VERB_LEMMAS)
    assert all(finite_forms(lemma) for lemma in LIGHT_VERB_LEMMAS)
    assert not {"توقيع", "اجراء", "ادان", "وصف"} & light_verb_forms()


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        pytest.param(
            "وقالت الولايات المتحدة إنها ستواصل. وقرر ترامب اللجوء إلى فرض عقوبات اقتصادية أميركية على إيران.",
            "عقوبات",
            "دونالد ترمب",
            id="trump-decided-on-us-sanctions-is-their-agent",
        ),
        pytest.param(
            "وقالت الولايات المتحدة إنها ستواصل. ووصف ترامب الاتفاق بأنه سيئ، وهدد بإعادة فرض العقوبات الأميركية على إيران.",
            "العقوبات",
            "دونالد ترمب",
            id="the-subject-the-threat-goes-on-with",
        ),
        pytest.param(
            "وانتقد بوتين العقوبات الأمريكية على إيران. وقالت الولايات المتحدة إنها ستواصل.",
            "العقوبات",
            "الولايات المتحدة",
            id="a-person-of-another-state-leaves-the-nisba-the-agent",
        ),
    ],
)
def test_a_person_of_the_nisbas_state_stays_the_nouns_agent(text: str, trigger: str, agent: str) -> None:
    assert report_of(text, trigger)[0] == agent


@pytest.mark.parametrize(
    ("text", "trigger", "roles"),
    [
        pytest.param(
            "وأكد الرئيس الإيراني حسن روحاني على أهمية التزام الولايات المتحدة بالاتفاق، وهدد واشنطن برد سريع.",
            "وهدد",
            ("حسن روحاني", "واشنطن"),
            id="rouhani-threatened-washington-a-masculine-verb-before-a-feminine-state",
        ),
        pytest.param(
            "وأعلن البرلمان قراره. وقرار يدعو الولايات المتحدة إلى التراجع.",
            "يدعو",
            (None, "الولايات المتحدة"),
            id="a-resolution-calls-on-the-us",
        ),
        pytest.param("وهددت واشنطن طهران بعقوبات.", "وهددت", ("واشنطن", "طهران"), id="a-feminine-verb-takes-its-state"),
        pytest.param("وهدد العراق تركيا بالرد.", "وهدد", ("العراق", "تركيا"), id="iraq-is-masculine"),
        pytest.param(
            "وقال المصدر إن دعم الجزائر للبوليساريو لا يعني شيئا.",
            "دعم",
            ("الجزائر", None),
            id="a-form-one-perfect-is-spelled-as-its-verbal-noun",
        ),
    ],
)
def test_a_state_of_the_other_gender_after_a_verb_is_its_object(
    text: str, trigger: str, roles: tuple[str | None, str | None]
) -> None:
    assert report_of(text, trigger) == roles


@pytest.mark.parametrize(
    ("text", "trigger", "roles"),
    [
        pytest.param(
            "وانتقدت روسيا العقوبات التي فرضتها واشنطن على موسكو.",
            "العقوبات",
            ("واشنطن", "موسكو"),
            id="the-target-behind-a-preposition-not-the-critic",
        ),
        pytest.param(
            "وانتقدت روسيا الضربة التي قادتها الولايات المتحدة مع فرنسا على سوريا.",
            "الضربة",
            ("الولايات المتحدة", "سوريا"),
            id="a-partner-behind-with-is-no-target",
        ),
        pytest.param(
            "وفرنسا من أشد منتقدي العملية العسكرية التي تنفذها تركيا في شمال سوريا.",
            "العملية العسكرية",
            ("تركيا", None),
            id="a-critic-before-the-noun-is-no-target",
        ),
    ],
)
def test_a_relative_clauses_agent_keeps_its_own_target(
    text: str, trigger: str, roles: tuple[str | None, str | None]
) -> None:
    assert report_of(text, trigger) == roles


@pytest.mark.parametrize(
    ("text", "trigger", "roles"),
    [
        pytest.param(
            "واعتُقل الصحفي محمد علي من قبل الشرطة التركية. وقالت تركيا إنه متهم.",
            "واعتُقل",
            ("تركيا", "محمد علي"),
            id="arrested-by-the-turkish-police-with-its-conjunction",
        ),
        pytest.param("وقُتل الناشط على يد عناصر حزب الله.", "وقُتل", ("حزب الله", None), id="killed-at-the-hands-of"),
        pytest.param(
            "وقتل 53 فلسطينيا على يد القوات الإسرائيلية. وقالت إسرائيل إنها تدافع.",
            "وقتل",
            ("إسرائيل", None),
            id="a-count-killed-at-the-hands-of-the-israeli-forces",
        ),
        pytest.param("واعتُقل الصحفي محمد علي أمس.", "واعتُقل", (None, "محمد علي"), id="no-by-phrase-no-agent"),
    ],
)
def test_a_passive_verbs_by_phrase_names_its_agent(
    text: str, trigger: str, roles: tuple[str | None, str | None]
) -> None:
    assert report_of(text, trigger) == roles
