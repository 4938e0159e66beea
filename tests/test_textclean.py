"""The .txt cleaner: each boilerplate rule on hand-written lines, then golden checks on the real seeds."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from flows.dates import publication_date
from flows.read.textclean import classify_line, clean_extracted, clean_text

# Hand-written sample paragraphs (not from any article): long enough to read as prose.
P1 = "أعلنت وزارة الخارجية في بيان رسمي صدر صباح اليوم أن الوزير سيتوجه إلى العاصمة في زيارة تستمر يومين لبحث التعاون."
P2 = "وأضاف البيان أن المحادثات ستتناول ملفات الأمن الغذائي والطاقة والتدريب العسكري، إلى جانب القضايا الإقليمية."
P3 = "ومن المنتظر أن يلتقي الوزير خلال الزيارة رئيس الحكومة وعددا من المسؤولين، قبل أن يعقد مؤتمرا صحافيا مشتركا."
TITLE = "الوزير يزور العاصمة لبحث التعاون"


@pytest.mark.parametrize(
    "line, kind",
    [
        pytest.param("مقالات ذات صلة", "cut", id="related-articles-header"),
        pytest.param("أخبار ذات صلة:", "cut", id="related-news-header"),
        pytest.param("اقرأ أيضاً", "cut", id="read-also-header-alone"),
        pytest.param("اقرأ أيضاً: الوزير يلتقي نظيره في القاهرة", "drop", id="read-also-teaser-line"),
        pytest.param("An error occurred while retrieving the Tweet", "drop", id="failed-tweet-embed"),
        pytest.param("#Sahel pic.twitter.com/abc123", "drop", id="tweet-picture-link"),
        pytest.param("— Foreign Ministry (@mfa) March 3, 2025", "drop", id="tweet-signature"),
        pytest.param("المصدر: وكالة الأنباء", "credit-end", id="source-line"),
        pytest.param("واغادوغو: «الأفق»", "credit", id="city-site-byline"),
        pytest.param("الكلمات المفتاحية: مالي، روسيا", "end", id="tags-line"),
        pytest.param("الصورة: أرشيفية", "credit", id="photo-credit"),
        pytest.param("الوزير خلال المؤتمر الصحافي (رويترز)", "credit", id="caption-with-agency"),
        pytest.param("الرئيسية > أخبار دولية", "drop", id="breadcrumb-home-news"),
        pytest.param("الصفحة الرئيسية / سياسة", "drop", id="breadcrumb-home-page-politics"),
        pytest.param(P1, None, id="prose-is-kept"),
    ],
)
def test_line_rules(line: str, kind: str | None) -> None:
    assert classify_line(line) == kind


def test_title_is_first_real_line_after_navigation() -> None:
    cleaned = clean_text(f"Ru En\n\n{TITLE}\n\n{P1}\n{P2}")
    assert cleaned.title == TITLE
    assert cleaned.body_text == f"{P1}\n{P2}"


def test_doubled_headline_and_repeated_caption_are_dropped() -> None:
    caption = "الوزير لدى وصوله إلى المطار (أ.ف.ب)"
    raw = f"{TITLE}\n{caption}\n{caption}\nTT\n{TITLE}\n{caption}\n{caption}\n{P1}\n{P2}"
    cleaned = clean_text(raw)
    assert cleaned.body_text == f"{P1}\n{P2}"
    assert cleaned.credits == (caption,)


def test_related_block_and_glued_article_are_cut() -> None:
    other = "عنوان خبر آخر لا علاقة له"
    raw = f"{TITLE}\n{P1}\n{P2}\nمقالات ذات صلة\n{other}\n{other}\n{P1}"
    assert clean_text(raw).body_text == f"{P1}\n{P2}"


def test_second_article_glued_without_a_marker_starts_at_its_doubled_headline() -> None:
    other = "عنوان خبر آخر لا علاقة له"
    raw = f"{TITLE}\n{P1}\n{P2}\n{P1[:40]} {P2}\n{other}\nTT\n{other}\n{P2}"
    body = clean_text(raw).body_text
    assert other not in body and body.startswith(P1)


def test_first_line_that_is_a_paragraph_stays_in_the_body() -> None:
    cleaned = clean_text(f"{P1} {P2}\n{P2}")
    assert cleaned.title == f"{P1} {P2}"
    assert cleaned.body_text.startswith(P1)


def test_source_and_footer_leave_the_body_but_the_source_is_kept() -> None:
    cleaned = clean_text(f"{TITLE}\n{P1}\n{P2}\nالمصدر: وكالة الأنباء")
    assert cleaned.body_text == f"{P1}\n{P2}"
    assert cleaned.credits == ("المصدر: وكالة الأنباء",)


def test_tweet_embed_lines_become_date_hints_not_body() -> None:
    raw = f"{TITLE}\n{P1}\nMinister arrived today\n— Ministry (@mfa) February 7, 2023\n{P2}"
    cleaned = clean_text(raw)
    assert "Ministry" not in cleaned.body_text
    assert any("February 7, 2023" in hint for hint in cleaned.date_hints)


def test_extracted_text_loses_its_repeated_title() -> None:
    cleaned = clean_extracted(f"{TITLE}\n{P1}\nاقرأ أيضاً: خبر آخر\n{P2}", TITLE)
    assert cleaned.body_text == f"{P1}\n{P2}"


TEASERS = (
    "- الحرس الوطني يحجز شحنة ساعات مهربة قرب الحدودحجزت الوحدات هذه الليلة2017-04-11",  # "guards seize watches"
    "- إيقاف 15 شخصا على الحدود الجنوبيةألقت القوات القبض19/06/2016",  # "15 people stopped at the border"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"{TEASERS[0]}\n{TEASERS[1]}\n{P1}\n{P2}", id="most-read-list-before-the-story"),
        pytest.param(f"{P1}\n{P2}\nمجتمع\n{TEASERS[0]}\n{TEASERS[1]}", id="related-list-and-its-label-after"),
    ],
)
def test_dated_teaser_lists_around_extracted_text_are_dropped(text: str) -> None:
    assert clean_extracted(text, TITLE).body_text == f"{P1}\n{P2}"


def test_a_single_dated_item_or_a_dated_list_inside_the_story_is_kept() -> None:
    one = clean_extracted(f"{TEASERS[0]}\n{P1}\n{P2}", TITLE).body_text
    assert one.startswith(TEASERS[0])
    inside = f"{P1}\n{TEASERS[0]}\n{TEASERS[1]}\n{P2}"
    assert clean_extracted(inside, TITLE).body_text == inside


def test_empty_and_navigation_only_text_gives_no_body() -> None:
    assert clean_text("").body_text == ""
    assert clean_text("Ru En\nHome | News").body_text == ""


# ---- golden checks on the real seeds (../shared/seeds) ----------------------------------------------------------

RELATED_MARKER = "مقالات ذات صلة"
# Boilerplate the seeds carry that must never reach body_text (short markers, not article sentences).
MUST_NOT_CONTAIN = [
    "Ru En",
    "TT",
    "مقالات ذات صلة",
    "اقرأ أيضاً",
    "An error occurred",
    "pic.twitter.com",
    "@mfa_russia",
    "المصدر: تاس",
    "الصورة:",
    "(أ.ف.ب)",
    "(أ.ب)",
    "مجموعة الرؤية الإستراتيجية",
    "عقيدتنا النووية",
]


def article_paragraphs(raw: str) -> list[str]:
    """The seed's own prose paragraphs: long Arabic lines before the related-articles block, taken at test time."""
    head = raw.split(RELATED_MARKER)[0]
    lines = [line.strip() for line in head.splitlines()]
    return [
        line
        for line in lines
        if len(line.split()) >= 12
        and re.search(r"[\u0621-\u064A]", line)
        and not line.endswith(")")
        and not line.startswith("اقرأ")
    ]


def test_seeds_keep_every_paragraph_and_none_of_the_boilerplate(seed_files: list[Path]) -> None:
    assert len(seed_files) == 4
    for path in seed_files:
        raw = path.read_text(encoding="utf-8")
        cleaned = clean_text(raw)
        for paragraph in article_paragraphs(raw):
            assert paragraph in cleaned.body_text, (path.name, paragraph[:60])
        for marker in MUST_NOT_CONTAIN:
            assert marker not in cleaned.body_text, (path.name, marker)
        assert cleaned.title and cleaned.title == next(
            line.strip() for line in raw.splitlines() if re.search(r"[\u0621-\u064A]", line)
        )


def test_seed_sources_are_kept_as_credits(seeds_dir: Path) -> None:
    credits = {p.name[:3]: clean_text(p.read_text(encoding="utf-8")).credits for p in sorted(seeds_dir.glob("*.txt"))}
    assert "المصدر: تاس" in credits["000"] and "المصدر: تاس" in credits["001"]
    assert any("(أ.ف.ب)" in c for c in credits["002"])


@pytest.mark.parametrize(
    "line, hint",
    [
        pytest.param(
            "نشر في: السبت ٧ يونيو/حزيران ٢٠٢٥ - ١٠:٣٠", "السبت ٧ يونيو/حزيران ٢٠٢٥", id="published-on-with-time"
        ),
        pytest.param("تاريخ النشر: 3 أبريل 2025", "3 أبريل 2025", id="publication-date-label"),
        pytest.param("الخميس 16 تشرين الثاني 2023", "الخميس 16 تشرين الثاني 2023", id="weekday-dateline"),
        pytest.param("16 مارس 2017 12:08", "16 مارس 2017", id="date-with-clock-time"),
    ],
)
def test_datelines_leave_the_body_and_become_date_hints(line: str, hint: str) -> None:
    cleaned = clean_text(f"{TITLE}\n{line}\n{P1}")
    assert cleaned.body_text == P1
    assert cleaned.date_hints == (hint,)


def test_a_headline_holding_a_date_is_the_title_not_a_dateline() -> None:
    cleaned = clean_text(f"أبرز أخبار الجمعة 3 فيفري 2017\n{P1}")  # "the main news of Friday 3 February 2017"
    assert cleaned.title == "أبرز أخبار الجمعة 3 فيفري 2017" and cleaned.body_text == P1


def test_last_updated_line_is_not_a_date_hint() -> None:
    cleaned = clean_text(f"{TITLE}\nآخر تحديث: 5 مايو 2025\n{P1}")
    assert cleaned.body_text == P1 and cleaned.date_hints == ()


def test_a_subheading_over_one_inline_caption_is_kept() -> None:
    sub = "التعاون العسكري"
    raw = f"{TITLE}\n{P1}\n{P2}\n{P3}\n{sub}\nالوزير في المطار (رويترز)\n{P1}"
    body = clean_text(raw).body_text
    assert sub in body and body.endswith(P1)


def test_chrome_after_prose_closes_the_article() -> None:
    other = "عنوان خبر آخر لا علاقة له"
    raw = f"{TITLE}\n{P1}\n{P2}\n{P3}\nالكلمات المفتاحية: مالي\nشارك على فيسبوك\n{other}\n{P1}"
    assert clean_text(raw).body_text == f"{P1}\n{P2}\n{P3}"


def test_share_buttons_before_the_body_do_not_cut_it() -> None:
    assert clean_text(f"{TITLE}\nشارك على فيسبوك\n{P1}\n{P2}").body_text == f"{P1}\n{P2}"


def test_glued_article_with_its_own_dateline_is_cut() -> None:
    other = "عنوان خبر آخر لا علاقة له"
    raw = f"{TITLE}\n{P1}\n{P2}\n{P3}\n{other}\nنشر في: الجمعة ٦ يونيو/حزيران ٢٠٢٥ - ١٨:٠٥\n{P1}"
    cleaned = clean_text(raw)
    assert cleaned.body_text == f"{P1}\n{P2}\n{P3}" and cleaned.date_hints == ()


BODY = "قال الرئيس الأمريكي دونالد ترامب إن القمة كانت ناجحة جدا وإنه سيلتقي بوتين مرة أخرى."


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        pytest.param("Tue, 17 Jul 2018 10:00:00 +0300", dt.date(2018, 7, 17), id="rfc-2822-with-weekday-and-zone"),
        pytest.param("2018-07-17T10:00:00+03:00", dt.date(2018, 7, 17), id="iso-8601"),
        pytest.param("17/07/2018", dt.date(2018, 7, 17), id="day-month-year"),
    ],
)
def test_a_machine_dateline_is_the_publication_date_not_body(dateline: str, day: dt.date) -> None:
    for cleaned in (
        clean_text(f"ترامب وبوتين يلتقيان\n{dateline}\n{BODY}\n"),
        clean_extracted(f"{dateline}\n{BODY}", None),
    ):
        assert cleaned.body_text == BODY
        assert publication_date("\n".join(cleaned.date_hints)) == day


@pytest.mark.parametrize(
    "menu",
    [
        pytest.param("الرئيسية | أخبار | العالم", id="menu-with-bars"),
        pytest.param("الرئيسية > سياسة", id="breadcrumb"),
        pytest.param("أخبار • رياضة • اقتصاد • ثقافة", id="menu-with-bullets"),
    ],
)
def test_a_menu_line_is_never_the_title(menu: str) -> None:
    assert clean_text(f"{menu}\nترامب وبوتين يلتقيان في هلسنكي\n{BODY}\n").title == "ترامب وبوتين يلتقيان في هلسنكي"


STORY = "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المناطق الريفية خلال العام المقبل."
SECOND = "وقال المتحدث باسم الحكومة إن الخطة تبدأ الشهر المقبل وتستمر ثلاث سنوات على الأقل."


@pytest.mark.parametrize(
    "dateline",
    [
        "دبي، الإمارات العربية المتحدة (CNN)-- ",
        "نيويورك، الولايات المتحدة الأمريكية (CNN)— ",
        "باريس (أ ف ب) - ",
        "(CNN) -- ",
        "عمان، الأردن\xa0(CNN) – ",
    ],
)
def test_a_wire_dateline_leaves_the_story_for_the_credits(dateline: str) -> None:
    cleaned = clean_text(f"عنوان الخبر عن خطة الحكومة\n{dateline}{STORY}\n{SECOND}")
    assert cleaned.body_text == f"{STORY}\n{SECOND}"
    assert cleaned.credits == (dateline.strip(),)
    again = clean_text(f"عنوان الخبر عن خطة الحكومة\n{cleaned.body_text}")
    assert again.body_text == cleaned.body_text and again.credits == ()  # cleaning twice takes nothing more


@pytest.mark.parametrize(
    "first",
    [
        "فاز ريال مدريد 1(5)- 0(4) على ليفربول في النهائي بعد ركلات الترجيح في مباراة طويلة.",  # a score
        "مسألة عائلية لكاتب معروف وهي رواية طويلة (صدرت عام 1999) - " + STORY,  # too many words before it
        "أعلنت الحكومة (في بيان) اليوم خطة جديدة - وهي الأولى منذ سنوات.",  # no dash right after the parenthesis
        "وتابع الوزير في كلمته أمام البرلمان والصحفيين والضيوف (رويترز) - " + STORY,  # a sentence, not a place
    ],
)
def test_a_parenthesis_and_dash_inside_a_sentence_is_no_dateline(first: str) -> None:
    cleaned = clean_text(f"عنوان الخبر عن خطة الحكومة\n{first}\n{SECOND}")
    assert cleaned.body_text.split("\n")[0] == first and cleaned.credits == ()
