"""Main-text quality gate: akhbar's body_text against the ANT article each bench page wraps (bench/extraction.py).

Pages are built from the ANT corpus (A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text
Collection for Textual Classification. AICCSA 2017). Floors sit a little under what was measured on these 60 pages
(`akhbar eval extraction -n 60`: HTML P 0.996 R 1.000 F1 0.998 title 1.000, .txt F1 1.000, bare trafilatura F1
0.719).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.quality.extraction import Score, evaluate
from tests.conftest import shared_path

HTML_F1_FLOOR = 0.97
HTML_RECALL_FLOOR = 0.99
TXT_F1_FLOOR = 0.97
HTML_TITLE_FLOOR = 0.95


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return evaluate(n=60, tarball=shared_path("corpus", "ant-v1.1.tar.gz"))


def test_html_main_text_keeps_the_whole_article_and_little_else(scores: dict[str, Score]) -> None:
    html = scores["akhbar_html"]
    assert html.pages >= 40
    assert html.recall >= HTML_RECALL_FLOOR, html.as_dict()
    assert html.f1 >= HTML_F1_FLOOR, html.as_dict()
    assert html.titles_right / html.pages >= HTML_TITLE_FLOOR, html.as_dict()


def test_txt_copy_pastes_lose_their_chrome(scores: dict[str, Score]) -> None:
    assert scores["akhbar_txt"].pages >= 3
    assert scores["akhbar_txt"].f1 >= TXT_F1_FLOOR, scores["akhbar_txt"].as_dict()


def test_akhbar_beats_bare_trafilatura_on_the_same_pages(scores: dict[str, Score]) -> None:
    assert scores["akhbar_html"].pages == scores["bare_trafilatura_html"].pages
    assert scores["akhbar_html"].f1 > scores["bare_trafilatura_html"].f1 + 0.1


@pytest.mark.parametrize(
    "gold, got, clean",
    [
        pytest.param("أ ب ج د", "أ ب ج د", True, id="exact"),
        pytest.param("أ ب ج د", "أ ب ج د ه و", False, id="half-again-extra"),
        pytest.param("أ ب ج د", "أ ب", False, id="half-missing"),
    ],
)
def test_a_page_is_scored_by_words(gold: str, got: str, clean: bool) -> None:
    score = Score()
    score.add("page", Counter(gold.split()), Counter(got.split()))
    assert (score.clean == 1) is clean
    assert score.recall == len(set(got.split()) & set(gold.split())) / len(gold.split())


# ---- the headline when trafilatura takes the site's part of <title> ----------------------------------------------

HEADLINE = "الجماهير توقف مقابلة في الدوري الفرنسي"  # "fans stop a match in the French league"
BODY = f"{HEADLINE}\nتوقفت المقابلة بعد دخول الجماهير إلى المدارج."


@pytest.mark.parametrize(
    "title_tag, trafilatura_title, text, expected",
    [
        pytest.param(f"نبض القارة - {HEADLINE}", "نبض القارة", BODY, HEADLINE, id="site-dash-headline"),
        pytest.param(f"{HEADLINE} | نبض القارة", "نبض القارة", BODY, HEADLINE, id="headline-bar-site"),
        pytest.param(
            f"نبض القارة - {HEADLINE}", "نبض القارة", BODY.split("\n")[1], "نبض القارة", id="headline-not-shown-kept"
        ),
        pytest.param(
            f"{HEADLINE} - نبض القارة", HEADLINE, "نبض القارة\n" + BODY, HEADLINE, id="a-shorter-part-never-wins"
        ),
        pytest.param("تونس : قطع الطريق في منزل بوزيان", "تونس", "تونس\nنص", "تونس", id="colon-is-inside-a-headline"),
        pytest.param(None, "نبض القارة", BODY, "نبض القارة", id="no-title-tag"),
    ],
)
def test_the_headline_replaces_the_site_name_only_when_the_page_shows_it(
    title_tag, trafilatura_title, text, expected
) -> None:
    from flows.read.extract import headline_from_title_tag

    page = f"<html><head><title>{title_tag}</title></head><body></body></html>" if title_tag else "<html></html>"
    assert headline_from_title_tag(page, trafilatura_title, text) == expected
