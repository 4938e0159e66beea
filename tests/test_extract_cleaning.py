"""flows/read/extract.py basic_cleaning, which replaces trafilatura's own (the page measure of its recall escalation,
and its baseline rescue), deletes exactly what trafilatura's deletes, and trafilatura uses it."""

from __future__ import annotations

import sys
from copy import deepcopy
from pathlib import Path

import pytest
import trafilatura.settings
from lxml import etree
from trafilatura.utils import load_html

from flows.read.extract import BASIC_CLEAN_PATH, TRAFILATURA_BASELINE, TRAFILATURA_BASIC_CLEANING, basic_cleaning

SAMPLES = sorted((Path(__file__).parent / "fixtures" / "samples_src").glob("*.html"))
BANNERS = """<html><body>
<div id="cookie-banner"><p>نستخدم ملفات تعريف الارتباط</p><aside>جانبي</aside></div>
<main><p>قال الوزير إن المحادثات مستمرة.</p><span class="x CookieConsent-bar">قبول</span>
<aside><div class="onetrust">داخل الجانب</div></aside>
<div class="site-footer">تذييل</div><p>نص بعده<script>var a = 1;</script> وذيل النص</p></main>
<footer><div id="moove_gdpr">إعدادات</div></footer><svg><text>رسم</text></svg>
<div class="notice--cookie">إشعار</div><p>الفقرة الأخيرة</p></body></html>"""
NO_BANNER = "<html><body><article><h1>عنوان</h1><p>نص المقال.</p></article><aside>روابط</aside></body></html>"
PAGES = {"cookie banners, nested and in class or id": BANNERS, "no banner": NO_BANNER} | {
    path.stem: path.read_text(encoding="utf-8") for path in SAMPLES
}


@pytest.mark.parametrize("page", list(PAGES.values()), ids=list(PAGES))
def test_basic_cleaning_deletes_what_trafilaturas_deletes(page: str) -> None:
    tree = load_html(page)
    ours, theirs = basic_cleaning(deepcopy(tree)), TRAFILATURA_BASIC_CLEANING(deepcopy(tree))
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_trafilatura_uses_it_while_its_xpath_is_the_one_it_was_written_for() -> None:
    assert BASIC_CLEAN_PATH == trafilatura.settings.BASIC_CLEAN_XPATH.path
    assert sys.modules["trafilatura.baseline"].basic_cleaning is basic_cleaning
    assert TRAFILATURA_BASELINE is sys.modules["trafilatura.baseline"]


def test_the_banner_page_has_banners_to_get_wrong() -> None:
    text = TRAFILATURA_BASELINE.html2txt(load_html(BANNERS))
    assert "الوزير" in text and "وذيل النص" in text
    assert not any(gone in text for gone in ("تعريف", "قبول", "داخل", "تذييل", "إعدادات", "إشعار", "رسم", "var"))


FORMS = """<html><body><form action="/s"><label for="q">بحث</label><input id="q" name="q" value="موسكو">
<select name="s"><option>الكل</option></select><textarea>تعليق</textarea></form>
<article><h1>عنوان الخبر</h1><p>قال الوزير إن المحادثات مستمرة في باماكو منذ الصباح، وإن الوفد الروسي وصل أمس.</p>
<p>وأضاف أن الجانبين بحثا التعاون العسكري والاقتصادي بين البلدين خلال الزيارة التي تستمر يومين.</p></article>
</body></html>"""


@pytest.mark.parametrize("page", [*PAGES.values(), FORMS], ids=[*PAGES, "forms"])
def test_the_lookup_in_c_extracts_what_lxml_htmls_own_lookup_does(page: str) -> None:
    from lxml import html as lxml_html
    from trafilatura.utils import HTML_PARSER

    from flows.errors import Quarantine
    from flows.read.extract import HTML_ELEMENT_LOOKUP, extract_html

    def extracted() -> object:
        try:
            return extract_html(page)
        except Quarantine as error:
            return str(error)

    ours = extracted()
    HTML_PARSER.set_element_class_lookup(lxml_html.HtmlElementClassLookup())
    try:
        theirs = extracted()
    finally:
        HTML_PARSER.set_element_class_lookup(HTML_ELEMENT_LOOKUP)
    assert ours == theirs


def test_trafilaturas_parser_gives_html_elements_through_the_lookup_in_c() -> None:
    from lxml import html as lxml_html

    tree = load_html(FORMS)
    assert tree is not None
    assert {type(e) for e in tree.iter()} == {lxml_html.HtmlElement}


@pytest.mark.parametrize(
    "path, guarded",
    [
        pytest.param(
            ".//*[re:test(@id, '^nav|menu')]",
            ".//*[((contains(@id, 'menu') or contains(@id, 'nav')) and re:test(@id, '^nav|menu'))]",
            id="one-attribute-each-match-holding-a-fixed-string",
        ),
        pytest.param(
            ".//*[re:test(@id|@class, 'cookie', 'i') or @role]",
            ".//*[(@id|@class and re:test(@id|@class, 'cookie', 'i')) or @role]",
            id="either-attribute-ignoring-case-so-no-fixed-string",
        ),
        pytest.param(
            ".//*[re:test(@class, '^x-|[0-9]+')]",
            ".//*[(@class and re:test(@class, '^x-|[0-9]+'))]",
            id="a-branch-without-a-fixed-string",
        ),  # fmt: skip
        pytest.param(
            ".//*[re:test(@class, 'a|b|c|d')]",
            ".//*[(@class and re:test(@class, 'a|b|c|d'))]",
            id="too-many-fixed-strings-to-ask",
        ),  # fmt: skip
        pytest.param(
            ".//*[re:test(@class, 'x?')]", ".//*[re:test(@class, 'x?')]", id="a-pattern-matching-nothing-stays"
        ),
    ],
)
def test_a_regex_test_is_asked_only_of_elements_with_the_attribute(path: str, guarded: str) -> None:
    from flows.read.extract import attribute_guarded

    assert attribute_guarded(path) == guarded


@pytest.mark.parametrize(
    "pattern, strings",
    [
        ("^[Cc]omment(?!ary)|(?:article|post)-comments", ["-comments", "omment"]),
        ("mvp-post-add-(?:box|wrap)|infinite-?scroll", ["infinite", "mvp-post-add-"]),
        ("(^|\\s)bottom|bottom(\\s|$)", ["bottom"]),
        ("dfp[Aa]d", ["dfp"]),
        ("x|\\d+", None),
        ("(?i)cookie", None),
        ("a(?i:b)c", ["a"]),
    ],
)
def test_every_match_of_a_pattern_holds_one_of_its_required_strings(pattern: str, strings: list[str] | None) -> None:
    from flows.read.extract import required_strings

    assert required_strings(pattern) == strings


@pytest.mark.parametrize("page", list(PAGES.values()), ids=list(PAGES))
def test_trafilaturas_guarded_xpaths_select_what_its_own_select(page: str) -> None:
    from flows.read.extract import GUARDED_XPATHS

    tree = load_html(page)
    assert GUARDED_XPATHS
    for theirs, ours in GUARDED_XPATHS:
        assert ours(tree) == theirs(tree), theirs.path


@pytest.mark.parametrize("page", [*PAGES.values(), FORMS], ids=[*PAGES, "forms"])
def test_extraction_without_the_unread_copies_extracts_what_trafilatura_does_with_them(page: str) -> None:
    from copy import copy

    from flows.errors import Quarantine
    from flows.read.extract import SKIP_COPIES, TRAFILATURA_CORE, TRAFILATURA_PREPARE_TREE, extract_html

    def extracted() -> object:
        try:
            return extract_html(page)
        except Quarantine as error:
            return str(error)

    assert SKIP_COPIES
    ours = extracted()
    skipping = TRAFILATURA_CORE.copy, TRAFILATURA_CORE._prepare_tree
    TRAFILATURA_CORE.copy, TRAFILATURA_CORE._prepare_tree = copy, TRAFILATURA_PREPARE_TREE
    try:
        theirs = extracted()
    finally:
        TRAFILATURA_CORE.copy, TRAFILATURA_CORE._prepare_tree = skipping
    assert ours == theirs
