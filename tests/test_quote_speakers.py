"""Who said it (issue 13): the speaker read from the quote's own clause, on hand-made sentences and mentions."""

from __future__ import annotations

import pytest

from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.quotes.lexicon import cues, speech_cue, speech_cues, statement_type
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity, Mention
from tests.listed_mentions import listed_mentions

TRUMP = Entity("person:donald-trump", "PERSON", "دونالد ترامب", "Donald Trump", "USA")
PUTIN = Entity("person:vladimir-putin", "PERSON", "فلاديمير بوتين", "Vladimir Putin", "RUS")
MACRON = Entity("person:emmanuel-macron", "PERSON", "إيمانويل ماكرون", "Emmanuel Macron", "FRA")
RASHID = Entity("person:mohammed-bin-rashid", "PERSON", "محمد بن راشد", "Mohammed bin Rashid", "ARE")
JUDGE = Entity("person:gerald-lebovits", "PERSON", "جيرالد ليبوفيتس", "Gerald Lebovits", "USA")
USA = Entity("gpe:usa", "GPE", "الولايات المتحدة", "United States", "USA")
RUSSIA = Entity("gpe:rus", "GPE", "روسيا", "Russia", "RUS")
FOREIGN_POLICY = Entity("org:foreign-policy", "ORG", "فورين بوليسي", "Foreign Policy", "USA")
LABOUR = Entity("org:labour", "ORG", "حزب العمال", "Labour Party", "GBR")
HOUTHIS = Entity("org:houthis", "ORG", "الحوثيون", "Houthis", "YEM")
ENTITIES = (TRUMP, PUTIN, MACRON, RASHID, JUDGE, USA, RUSSIA, FOREIGN_POLICY, LABOUR, HOUTHIS)
NAMES = {
    "دونالد ترامب": (TRUMP, False),
    "ترامب": (TRUMP, False),
    "فلاديمير بوتين": (PUTIN, False),
    "بوتين": (PUTIN, False),
    "ماكرون": (MACRON, False),
    "محمد بن راشد": (RASHID, False),
    "جيرالد ليبوفيتس": (JUDGE, False),
    "الأمريكي": (USA, True),
    "الأميركي": (USA, True),
    "الروسي": (RUSSIA, True),
    "روسيا": (RUSSIA, False),
    "فورين بوليسي": (FOREIGN_POLICY, False),
    "حزب العمال": (LABOUR, False),
    "الحوثيين": (HOUTHIS, False),
}


def mentions_for(text: str) -> tuple[Mention, ...]:
    return listed_mentions(text, NAMES)


def quotes_of(text: str):
    return extract_quotes(Document("t", text, sentences=split_sentences(text)), mentions_for(text), ENTITIES)


def speakers_of(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker_id, q.speaker_surface) for q in quotes_of(text)]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        pytest.param(
            "وأضاف الشيخ محمد بن راشد: «نحن ماضون في بناء المستقبل مع شركائنا».",
            RASHID.entity_id,
            id="subject-right-after-the-cue-with-its-title",
        ),
        pytest.param(
            "وكان ماكرون قد صرح مؤخرا أن أوروبا تحتاج إلى جيش موحد.",
            MACRON.entity_id,
            id="preposed-subject-with-kana-qad",
        ),
        pytest.param(
            "وتراجع ترامب عن تصريحاته إزاء بوتين في هلسنكي، وقال إنه أساء التعبير.",
            TRUMP.entity_id,
            id="subjectless-cue-takes-the-first-clauses-subject-not-the-nearest-name",
        ),
        pytest.param(
            "ورفض القاضي جيرالد ليبوفيتس الدعوى التي رفعتها المغنية، قائلا إن الآجال انقضت.",
            JUDGE.entity_id,
            id="participle-takes-its-own-clauses-subject",
        ),
        pytest.param(
            "وقال الرئيس الأمريكي دونالد ترامب إنه التقى الرئيس الروسي فلاديمير بوتين. "
            "وقال الرئيس الروسي إن اللقاء كان مفيدا.",
            PUTIN.entity_id,
            id="role-resolved-by-role-and-nationality-not-by-the-last-speaker",
        ),
        pytest.param(
            "وأضاف ترامب في مقابلة «لديهم أعمال شغب في كل مدنهم». "
            "وتابع الرئيس الأميركي الذي كان يتحدث بعد قمة مع نظيره الروسي فلاديمير بوتين، «هذا النظام لا يريد أن يعرف الناس الحقيقة».",
            TRUMP.entity_id,
            id="relative-clause-does-not-lend-its-name-to-the-subject",
        ),
    ],
)
def test_the_speaker_of_the_last_quote(text, speaker_id):
    assert quotes_of(text)[-1].speaker_id == speaker_id


def test_a_judge_named_before_speaks_for_the_judge():
    text = "وقضى القاضي جيرالد ليبوفيتس بذلك الاثنين. وأوضح القاضي أنه لا يمكن استرجاع المتعلقات."
    assert speakers_of(text) == [(JUDGE.entity_id, "القاضي")]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "قال ترامب إن القمة ناجحة. وأضاف أن العلاقات ستتحسن.",
            [TRUMP.entity_id, TRUMP.entity_id],
            id="continuation-without-subject-keeps-the-speaker",
        ),
        pytest.param(
            "قال ترامب إن القمة ناجحة. وأضاف بوتين أن العلاقات ستتحسن.",
            [TRUMP.entity_id, PUTIN.entity_id],
            id="continuation-with-its-own-subject-changes-speaker",
        ),
    ],
)
def test_continuations(text, speakers):
    assert [q.speaker_id for q in quotes_of(text)] == speakers


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("وقال مسؤولان أمريكيان إن الضربات انتهت.", "مسؤولان أمريكيان", id="dual-unnamed-officials"),
        pytest.param(
            "وقال متحدث باسم تويتر إن الحسابين علقا.", "متحدث باسم تويتر", id="spokesman-for-a-body-is-unnamed"
        ),
        pytest.param("وأعلن تويتر، السبت، أنه علق الحسابين.", "تويتر", id="body-no-list-knows-before-time-adverbs"),
        pytest.param(
            "وكانت السلطات الروسية قالت في وقت سابق إن السائق فقد السيطرة.",
            "السلطات الروسية",
            id="preposed-authorities-with-their-nisba",
        ),
    ],
)
def test_unnamed_sources_keep_their_words_and_no_id(text, surface):
    assert speakers_of(text) == [(None, surface)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وأعلنت «القوة البديلة الثورية المشتركة» اسمها الجديد.", id="party-name-in-marks"),
        pytest.param("وأدان الوزير «الأعمال العنصرية والعنيفة» في البلاد.", id="condemned-a-quoted-noun"),
        pytest.param("وقال «الساذج» في الفيلم.", id="one-quoted-word-after-a-cue"),
        pytest.param("واستقبل الرئيس المعروف بأنه من أبرز المعارضين الوفد.", id="known-as-is-not-speech"),
    ],
)
def test_not_quotes(text):
    assert quotes_of(text) == ()


def test_known_as_lets_the_cue_find_its_own_clause():
    text = "واعتبر زعيم الحزب، المعروف بأنه من أبرز الناشطين، أن هذه الضربات خطأ."
    (quote,) = quotes_of(text)
    assert quote.quote_text == "هذه الضربات خطأ"


def test_a_statement_verb_with_a_clause_is_a_quote():
    (quote,) = quotes_of("وحذر ترامب من أن التصعيد سيؤدي إلى حرب.")
    assert (quote.cue, quote.quote_kind, quote.speaker_id) == ("حذر", "indirect", TRUMP.entity_id)


@pytest.mark.parametrize(
    ("lemma", "plover_type"),
    [
        pytest.param("اتهم", "ACCUSE", id="accused-is-accuse"),
        pytest.param("طالب", "REQUEST", id="demanded-is-request"),
        pytest.param("دعا", "REQUEST", id="called-for-is-request"),
        pytest.param("هدد", "THREATEN", id="threatened-is-threaten"),
        pytest.param("حذر", "THREATEN", id="warned-is-threaten"),
        pytest.param("رفض", "REJECT", id="rejected-is-reject"),
        pytest.param("نفى", "REJECT", id="denied-is-reject"),
        pytest.param("رحب", "SUPPORT", id="welcomed-is-support"),
        pytest.param("أشاد", "SUPPORT", id="praised-is-support"),
        pytest.param("قال", None, id="said-is-no-event"),
    ],
)
def test_statement_types_for_the_event_stage(lemma, plover_type):
    assert statement_type(lemma) == plover_type


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        pytest.param("قالت", "قال", id="she-said"),
        pytest.param("يقولون", "قال", id="they-say"),
        pytest.param("قائلا", "قال", id="saying-participle"),
        pytest.param("بالقول", "قال", id="by-saying"),
        pytest.param("مؤكدة", "أكّد", id="affirming-feminine"),
        pytest.param("نفت", "نفى", id="she-denied"),
        pytest.param("اتهمت", "اتهم", id="she-accused"),
    ],
)
def test_every_form_finds_its_lemma(form, lemma):
    from flows.nlp.text.arabic import normalize

    assert cues()[normalize(form)].lemma == lemma


def test_no_form_belongs_to_two_lemmas():
    seen: dict[str, str] = {}
    for entry in speech_cues():
        for form in entry.forms:
            assert seen.setdefault(form, entry.lemma) == entry.lemma, form


def test_every_lemma_has_a_class_and_a_note():
    classes = {"speech", "speech_polysemous", "quoting", "statement", "according_to", "located"}
    assert all(e.cue_class in classes and e.note and e.forms for e in speech_cues())
    assert speech_cue("قال") is not None and speech_cue("غير موجود") is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param(
            "وهناك حوالي 23 ألف جسم يدور حول الأرض، بحسب بيزنس إنسايدر.",
            "بيزنس إنسايدر",
            id="according-to-a-source-no-list-knows-at-the-sentence-end",
        ),
    ],
)
def test_an_attributed_fact_is_according_to(text, surface):
    (quote,) = quotes_of(text)
    assert (quote.quote_kind, quote.speaker_id, quote.speaker_surface) == ("according_to", None, surface)


def test_according_to_an_agreement_names_no_source():
    assert quotes_of("وتنسحب القوات من المدينة خلال شهر واحد، وفقا للاتفاق.") == ()


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("وتدرب اللاعبان مع الفريق لكن فينغر قال إن أحدهما مريض.", "فينغر", id="bare-name-after-but"),
        pytest.param(
            "ويخوض الفريق معسكرا في المدينة (شمال البلاد)، لكن فينغر اعترف بأن أحدهما مريض.",
            "فينغر",
            id="after-comma-but-the-clauses-own-subject-not-the-first-clauses",
        ),
        pytest.param(
            "وقالت المتحدثة باسم الوزارة هيذر نويرت إن الهجوم مستمر.",
            "المتحدثة باسم الوزارة هيذر نويرت",
            id="title-phrase-closing-with-a-name-no-list-knows",
        ),
    ],
)
def test_speakers_no_list_knows(text, surface):
    assert speakers_of(text) == [(None, surface)]


def test_the_answer_of_a_condition_is_not_the_cues_clause():
    assert quotes_of("واتهم في الوقت نفسه بالحنث باليمين، وإذا تمت إدانته فإنه قد يسجن.") == ()


def test_the_event_stage_finds_statements_through_the_text_layer():
    from flows.nlp.quotes.lexicon import speech_lexicon

    found = {
        m.entry.lemma: m.entry.get("plover_type")
        for m in speech_lexicon().find("واتهمت الحكومة المعارضة وحذّرت من التصعيد")
    }
    assert found == {"اتهم": "ACCUSE", "حذّر": "THREATEN"}


def test_lemmas_are_looked_up_without_diacritics():
    assert statement_type("حذر") == statement_type("حذّر") == "THREATEN"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "وقال بيان حكومي إن تونس ستستثمر في الطاقة.", [(None, "بيان حكومي")], id="a-statement-no-one-issues-speaks"
        ),
        pytest.param(
            "وكشفت تقارير صحفية إسبانية أن النادي يستعد لعرض جديد.",
            [(None, "تقارير صحفية إسبانية")],
            id="press-reports-are-the-source",
        ),
        pytest.param(
            "وقالت شركة الكهرباء الوطنية إن الإمدادات لا تواجه أي خطر.",
            [(None, "شركة الكهرباء الوطنية")],
            id="a-company-no-list-knows-by-its-head-word",
        ),
        pytest.param(
            "قال ترامب إن القمة ناجحة. وترى حملات داعمة لخفض الانبعاثات أنه من الممكن تحقيق تحسن.",
            [(TRUMP.entity_id, "ترامب"), (None, "حملات داعمة لخفض الانبعاثات")],
            id="a-subject-no-list-knows-is-not-the-previous-speaker",
        ),
        pytest.param(
            "وقال ترامب إن روسيا ترى أن العلاقات ستتحسن.",
            [(TRUMP.entity_id, "ترامب"), (RUSSIA.entity_id, "روسيا")],
            id="nested-speech-takes-the-reported-clauses-subject",
        ),
        pytest.param(
            "قال ترامب إن القمة ناجحة. وختم بالقول إن العلاقات ستتحسن.",
            [(TRUMP.entity_id, "ترامب"), (TRUMP.entity_id, "ترامب")],
            id="closing-with-the-words-keeps-the-speaker",
        ),
        pytest.param(
            "وقالت مجلة فورين بوليسي إن السفير استقال. وأوضحت المجلة أنها اطلعت على رسالته.",
            [(FOREIGN_POLICY.entity_id, "فورين بوليسي"), (FOREIGN_POLICY.entity_id, "المجلة")],
            id="the-magazine-is-the-body-introduced-as-a-magazine",
        ),
        pytest.param(
            "قال فلاديمير بوتين، الرئيس الروسي، إن العلاقات جيدة. وأضاف ترامب أن القمة ناجحة. "
            "وقال الرئيس الروسي إن اللقاء كان مفيدا.",
            [(PUTIN.entity_id, "فلاديمير بوتين"), (TRUMP.entity_id, "ترامب"), (PUTIN.entity_id, "الرئيس الروسي")],
            id="role-resolved-by-a-title-in-apposition-after-the-name",
        ),
        pytest.param(
            "وقال زعيم حزب العمال إن الضربات غير قانونية.",
            [(None, "زعيم حزب العمال")],
            id="a-leader-of-a-party-is-not-the-party",
        ),
    ],
)
def test_speakers_named_by_their_own_words(text, speakers):
    assert speakers_of(text) == speakers


def test_a_name_spelled_with_letters_is_not_a_complementizer():
    [quote] = quotes_of("تقول سي أن أن إن السعودية ستعترف بمقتله.")
    assert (quote.speaker_surface, quote.quote_text) == ("سي أن أن", "السعودية ستعترف بمقتله")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "وجاء في بيان حكومي أن الحكومة ستستثمر في الطاقة.",
            ("according_to", "الحكومة ستستثمر في الطاقة", None, "بيان حكومي"),
            id="it-came-in-a-statement-that",
        ),
        pytest.param(
            "وورد في صحيفة الغد: «لن تتراجع الحكومة عن قرارها هذا العام».",
            ("direct", "لن تتراجع الحكومة عن قرارها هذا العام", None, "صحيفة الغد"),
            id="it-was-stated-in-a-paper-colon-quote",
        ),
        pytest.param(
            "ووفق بيان ترامب فإن «القنابل لن تنقذ الأرواح أو تجلب السلام».",
            ("direct", "القنابل لن تنقذ الأرواح أو تجلب السلام", TRUMP.entity_id, "ترامب"),
            id="according-to-a-statement-then-fa-inna",
        ),
    ],
)
def test_documents_as_sources(text, expected):
    [quote] = quotes_of(text)
    assert (quote.quote_kind, quote.quote_text, quote.speaker_id, quote.speaker_surface) == expected


def test_it_came_without_fi_is_no_cue():
    assert quotes_of("وجاء الرد الأميركي أن واشنطن لن تنسحب.") == ()


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "وقال فيرجيل فان ديك مدافع ليفربول إن زميله يستحق الجائزة.",
            [(None, "فيرجيل فان ديك مدافع ليفربول")],
            id="van-in-a-name-is-not-fa-inna",
        ),
        pytest.param(
            "ولا يبدو زملاؤه قلقين وبينهم لوكاكو الذي قال «لست قلقا بشأنه، إنه شخص قوي».",
            [(None, "لوكاكو")],
            id="a-relative-clause-speaks-for-the-name-before-it",
        ),
        pytest.param(
            "قال فلاديمير بوتين الرئيس الروسي إن العلاقات جيدة. وأضاف ترامب أن القمة ناجحة. "
            "وقال الرئيس الروسي إن اللقاء كان مفيدا.",
            [(PUTIN.entity_id, "فلاديمير بوتين"), (TRUMP.entity_id, "ترامب"), (PUTIN.entity_id, "الرئيس الروسي")],
            id="role-resolved-by-a-title-right-after-the-name",
        ),
    ],
)
def test_names_the_mentions_stage_may_miss(text, speakers):
    assert speakers_of(text) == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "وقال مرتساكر للصحفيين «لقد أوضح لنا الأمور كلها بعد المباراة».",
            [(None, "مرتساكر")],
            id="to-the-journalists-is-whom-he-told",
        ),
        pytest.param(
            "قال ترامب إن القمة ناجحة. وتعتبر حتى الآن أن العلاقات ستتحسن.",
            [(TRUMP.entity_id, "ترامب"), (TRUMP.entity_id, "ترامب")],
            id="an-adverb-after-the-verb-is-no-subject",
        ),
        pytest.param(
            "لكن منظمة ذي سيتي يو كيه، وهي منظمة تضم مؤسسات مالية، قالت إن القواعد جاءت بعد مشاورات.",
            [(None, "منظمة ذي سيتي يو كيه")],
            id="a-body-preposed-keeps-its-whole-name",
        ),
        pytest.param(
            "ووصل عدد المحتجين إلى عدة مئات في العاصمة، حسب ما نقلت عنه إنترفاكس.",
            [(None, "إنترفاكس")],
            id="according-to-what-a-source-reported-from-him",
        ),
    ],
)
def test_what_stands_next_to_the_speaker(text, speakers):
    assert speakers_of(text) == speakers


def test_via_his_account_is_not_a_quoting_verb():
    assert quotes_of("ونشر النادي عبر حسابه في تويتر: «اتفقت إدارة النادي مع المدرب على تجديد عقده».") == ()


@pytest.mark.parametrize(
    ("text", "quote_text"),
    [
        pytest.param(
            "وقال ترامب إن النظام يلفظ أنفاسه الأخيرة على حد تعبيره.",
            "النظام يلفظ أنفاسه الأخيرة",
            id="in-his-words-is-the-writers",
        ),
        pytest.param(
            "وقال ترامب إن القمة كانت ناجحة، وذلك في مقابلة مع صحيفة محلية.",
            "القمة كانت ناجحة",
            id="that-was-in-an-interview-is-the-writers",
        ),
    ],
)
def test_a_reported_clause_ends_where_the_writer_takes_over(text, quote_text):
    [quote] = quotes_of(text)
    assert quote.quote_text == quote_text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "وطلب العلماء أن يصنفوا أنفسهم من بين «فئة الاستيقاظ صباحا على نحو قاطع» أو «فئة السهر».",
            id="between-two-quoted-categories",
        ),
        pytest.param(
            "وتلقت اللجنة تقارير عن احتجاز نحو مليون فرد من الأقلية، فيما يشبه «معسكر احتجاز ضخما محاطا بالسرية».",
            id="an-individual-is-not-he-replied",
        ),
        pytest.param(
            "ووافقت الشركات على الاختبار، وقالت إن مصانعها تعمل وفق أعلى المعايير.",
            id="in-accordance-with-the-highest-standards",
        ),
    ],
)
def test_more_not_quotes(text):
    assert all(q.cue not in ("بين", "فرد", "وفق") for q in quotes_of(text))


def test_a_body_named_in_marks_is_not_its_statement():
    [quote] = quotes_of("وتقول منظمة «إس أو إس البحر المتوسط» الألمانية الخيرية إن السفينة تلقت تعليمات بالتوقف.")
    assert (quote.quote_text, quote.speaker_surface) == (
        "السفينة تلقت تعليمات بالتوقف",
        "منظمة «إس أو إس البحر المتوسط» الألمانية الخيرية",
    )


def test_a_quoted_sentence_with_its_own_cue_is_not_also_according_to():
    quotes = quotes_of("وقال ترامب: «نحن بحاجة إلى دماء جديدة في الخط الخلفي»، وفق ما نقلت رويترز.")
    assert [q.quote_kind for q in quotes] == ["direct"]


def test_a_dateline_is_not_the_sentence_subject():
    text = "موسكو، روسيا (CNN)— انتقد ترامب، مساء الثلاثاء، ما زعم أنه تدخل مباشر في الشأن الداخلي."
    assert speakers_of(text) == [(TRUMP.entity_id, "ترامب")]


def test_a_spokesman_for_a_person_is_not_that_person():
    text = "قال المتحدث باسم الرئيس فلاديمير بوتين للصحافيين إن الكرملين قلق. وأضاف المتحدث أن موسكو ستدرس الرد."
    assert [q.speaker_id for q in quotes_of(text)] == [None, None]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "قال ترامب إن القمة ناجحة. أما ماكرون، رئيس فرنسا، فقال «نحن بحاجة إلى مزيد من الوقت للتفاوض».",
            [(TRUMP.entity_id, "ترامب"), (MACRON.entity_id, "ماكرون")],
            id="as-for-x-he-said",
        ),
        pytest.param(
            "قال ترامب إن النوم مفيد. إلا أن هذه الدراسة أشارت إلى أن الإعلانات تتخزن في الذاكرة.",
            [(TRUMP.entity_id, "ترامب"), (None, "الدراسة")],
            id="however-this-study-indicated",
        ),
        pytest.param(
            "وأعلنت إدارة الرئيس الأميركي دونالد ترامب أنها ستخفض مساهمتها.",
            [(None, "إدارة الرئيس الأميركي دونالد ترامب")],
            id="the-administration-is-not-the-president",
        ),
        pytest.param(
            "ونقلت الوكالة عن مصادر مطلعة قولهم إن الاجتماع تأجل.",
            [(None, "مصادر مطلعة")],
            id="quoted-from-sources-their-saying",
        ),
        pytest.param(
            "قال ترامب إن الإدارة حذرت الشركة. وجاء في الرسالة: «لا توجد منتجات تمت الموافقة عليها».",
            [(TRUMP.entity_id, "ترامب"), (None, "الرسالة")],
            id="it-came-in-the-letter",
        ),
        pytest.param(
            "وقالت الوكالة إن رئيس البرلمان وصف ترامب بأنه سياسي هزلي.",
            [(None, "الوكالة"), (None, "رئيس البرلمان")],
            id="described-trump-as-trump-is-the-object",
        ),
    ],
)
def test_who_speaks_in_harder_clauses(text, speakers):
    assert speakers_of(text) == speakers


def test_a_plural_name_in_the_oblique_case_is_the_verbs_object_not_its_speaker() -> None:
    text = "وحض ماكرون كل الأطراف على ضبط النفس. كما حض الحوثيين على أن لا يعرضوا الميناء للخطر."
    assert HOUTHIS.entity_id not in {speaker for speaker, _ in speakers_of(text)}
