"""The trafilatura boundary: a saved HTML page (already decoded) -> main text and metadata.

The only module that imports trafilatura (and htmldate, its date finder). It is never handed a URL (it would fetch
it): only the page's text.
``deduplicate`` stays off: trafilatura's dedup cache is process-wide and silently shortens pages it has seen.
"""

from __future__ import annotations

import copy as copy_module
import importlib
import json
import re
import re._constants as sre_constants
import re._parser as sre_parser
import threading
from dataclasses import dataclass
from html import unescape as html_unescape

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html
from trafilatura import xpaths as trafilatura_xpaths
from trafilatura.htmlprocessing import convert_tags, delete_element, tree_cleaning
from trafilatura.metadata import META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url
from trafilatura.settings import _COOKIE_CONSENT_RE, BASIC_CLEAN_XPATH, Document
from trafilatura.utils import HTML_PARSER, load_html

from flows.errors import Quarantine

# htmldate, trafilatura's date finder: only the page's own markup (meta tags, JSON-LD, <time>), never a guess from
# free text or the file date ("extensive_search" picks up any date in the page, e.g. a related article's).
EXTENSIVE_DATE_SEARCH, ORIGINAL_DATE, DATE_FORMAT = False, True, "%Y-%m-%d"
TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
TITLE_SEPARATOR = re.compile(
    r"\s+[-|–—]\s+"
)  # "Site - Headline", "Headline | Site" (":" is inside headlines: "تونس : ...")
JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)


# libxml2 (under lxml, under trafilatura) stops building the tree at this depth unless told XML_PARSE_HUGE; a
# page nested deeper loses everything below it. Only used to say so when such a page yields no text.
MAX_PARSER_DEPTH = 256
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())


@dataclass(frozen=True, slots=True)
class Extracted:
    title: str | None
    text: str
    author: str | None
    site_name: str | None
    url: str | None
    date: str | None  # as the page states it (ISO date string), parsed by the caller
    language: str | None


# trafilatura's fallback extractors (readability, jusText) run when its own pass finds little text, i.e. on short
# articles, and there they tend to pick the related-articles list over the story: on 246 bench pages (ANT text in
# our templates, bench pages #0-299, scored as in `akhbar eval extraction`) turning them off raised body-text F1 from 0.902 to
# 0.938 (recall 0.995 -> 1.000) and halved extraction time (75 -> 41 ms/page).
SKIP_FALLBACKS = True


# trafilatura's basic_cleaning (2.3.1) deletes what BASIC_CLEAN_XPATH selects: fixed sections, and any element whose
# class or id names a cookie banner, tested by EXSLT regular expressions, which lxml runs as a Python call for every
# element of the page. It runs on every short article: in the page measure that decides trafilatura's recall
# escalation (html2txt) and in its baseline rescue. The same elements, in the same (document) order, found by the
# fixed part of the XPath in C and by one precompiled Python regex over the elements that have a class or an id:
# html2txt 2.97 -> 1.62 ms a page, identical text on the first 200 HTML pages of the bench corpus (measured 2026-12-05
# under load). Used only while trafilatura's XPath is the one this was written against (tests/test_extract_cleaning.py
# compares both, on pages with and without banners).
BASIC_CLEAN_FIXED = etree.XPath(
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template"
)
BASIC_CLEAN_NAMED = etree.XPath(".//*[@class or @id]")
COOKIE_BANNER = re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE)
BASIC_CLEAN_PATH = (
    f"{BASIC_CLEAN_FIXED.path}|.//*[re:test(@class, '{_COOKIE_CONSENT_RE}', 'i') "
    f"or re:test(@id, '{_COOKIE_CONSENT_RE}', 'i')]"
)


def basic_cleaning(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """trafilatura's basic_cleaning without a Python call per element: deletes the same elements in the same order."""
    chosen = BASIC_CLEAN_FIXED(tree)
    named = BASIC_CLEAN_NAMED(tree)
    banners = [
        e for e in named if COOKIE_BANNER.search(e.get("class") or "") or COOKIE_BANNER.search(e.get("id") or "")
    ]
    if banners:
        selected = set(chosen) | set(banners)
        chosen = [e for e in tree.iter() if e in selected]  # one node set, in document order, as XPath gives it
    for element in chosen:
        delete_element(element)
    return tree


# the module (the package's attribute of that name is its function baseline)
TRAFILATURA_BASELINE = importlib.import_module("trafilatura.baseline")
TRAFILATURA_BASIC_CLEANING = TRAFILATURA_BASELINE.basic_cleaning
if BASIC_CLEAN_XPATH.path == BASIC_CLEAN_PATH:
    TRAFILATURA_BASELINE.basic_cleaning = basic_cleaning  # type: ignore[attr-defined]


# lxml.html's parser gives each element its Python class through a lookup written in Python (HtmlElementClassLookup,
# for the form elements' own classes), called every time an element reaches Python: about 2,300 calls a page in
# trafilatura's XPath passes. Neither trafilatura nor htmldate uses the form classes, so its parser takes lxml's
# lookup in C with the same class for every element (and lxml.html's for comments, processing instructions and
# entities): extraction 11.7 -> 10.9 ms a page, identical title, text and metadata on the first 400 HTML bench pages
# (measured 2026-12-05 under load; tests/test_extract_cleaning.py compares both lookups).
HTML_ELEMENT_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)
HTML_PARSER.set_element_class_lookup(HTML_ELEMENT_LOOKUP)


# trafilatura's XPaths test class and id values with EXSLT regular expressions (re:test), which lxml runs as a Python
# call for every element the XPath visits, with or without the attribute. Asked first whether the element has the
# attribute, an XPath calls Python only for the elements that do, and selects the same elements when the pattern
# cannot match an empty string (checked for each one; the others are left as they are). On 300 raw bench pages:
# OVERALL_DISCARD_XPATH 5.4 -> 3.7 ms a page, COMMENTS_DISCARD_XPATH 2.6 -> 1.9, the same elements from every list.
# Better still, where every match of the pattern holds one of a few fixed strings (every match of
# "^[Cc]omment(?!ary)|(?:article|post)-comments" holds "-comments" or "omment"), the XPath asks C's contains() for them
# first, and Python only about the values that hold one: the 21 guarded XPaths, each run once on the raw tree of the
# 833 HTML bench pages, 15.1 -> 13.2 ms a page (attribute guard -> this; trafilatura's own: 19.2), the same elements.
REGEX_TEST = re.compile(r"re:test\((@[\w-]+(?:\|@[\w-]+)*),\s*'([^']*)'(?:,\s*'(\w*)')?\)")
EXSLT_REGEXP = "http://exslt.org/regular-expressions"
# Fixed strings asked of an attribute at most: each is one contains() on every element the XPath visits, so more are
# better left to one regex call (with up to 6, four XPaths of the 21 above cost more than with the attribute guard).
MAX_REQUIRED_STRINGS = 3


def attribute_guarded(path: str) -> str:
    """``path`` with every re:test(@a, 'p') whose pattern cannot match "" written (@a and re:test(@a, 'p')), or, when
    every match of p holds one of a few fixed strings s1, s2, ..., ((contains(@a, 's1') or ...) and re:test(@a, 'p'))."""

    def guarded(call: re.Match[str]) -> str:
        attribute, pattern, flags = call.groups()
        if re.compile(pattern, re.IGNORECASE if "i" in (flags or "") else 0).search("") is not None:
            return call.group()
        strings = None if "i" in (flags or "") else required_strings(pattern)
        if strings and len(strings) <= MAX_REQUIRED_STRINGS and not any("'" in s for s in strings):
            return "((" + " or ".join(f"contains({attribute}, '{s}')" for s in strings) + f") and {call.group()})"
        return f"({attribute} and {call.group()})"

    return REGEX_TEST.sub(guarded, path)


def required_strings(pattern: str) -> list[str] | None:
    """Fixed strings one of which every match of ``pattern`` holds (as Python's re reads it, no flags), sorted; None
    when none are found (a pattern with inline flags, or a branch without a fixed run of letters)."""
    try:
        parsed = sre_parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE:
        return None
    found = _required(list(parsed))
    return sorted(found) if found else None


def _required(items: list) -> set[str] | None:  # items: (opcode, argument) pairs of sre_parse
    """For a sequence of pattern items: strings one of which its every match holds, fewest first; or None."""
    runs, run = [], ""
    for op, argument in items:
        if op is sre_constants.LITERAL:
            run += chr(argument)
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    choices = [{max(runs, key=len)}] if max(runs, key=len) else []
    for op, argument in items:
        if op is sre_constants.BRANCH:
            branches = [_required(list(branch)) for branch in argument[1]]
            if all(branches):
                choices.append(set().union(*branches))  # type: ignore[arg-type]
        elif op is sre_constants.SUBPATTERN and not argument[1] and not argument[2]:  # a group without inline flags
            inner = _required(list(argument[3]))
            if inner:
                choices.append(inner)
    return min(choices, key=len) if choices else None


def guard_trafilatura_xpaths() -> list[tuple[etree.XPath, etree.XPath]]:
    """Replace, in place, each XPath of trafilatura's lists whose guarded form differs: (trafilatura's, ours)."""
    replaced = []
    for value in vars(trafilatura_xpaths).values():
        if not isinstance(value, list):
            continue
        for i, xpath in enumerate(value):
            if isinstance(xpath, etree.XPath) and (path := attribute_guarded(xpath.path)) != xpath.path:
                value[i] = etree.XPath(path, namespaces={"re": EXSLT_REGEXP})
                replaced.append((xpath, value[i]))
    return replaced


GUARDED_XPATHS = guard_trafilatura_xpaths()


# trafilatura 2.3.1 copies the tree it is given (so that the caller's stays whole) and, in every preparation of a
# tree, a backup of the cleaned tree that only its fallback extractors and comment extraction read. akhbar parses
# the page for trafilatura alone (its metadata pass reads it first, and nothing after), and runs with the fallbacks
# and comments off: both copies are work thrown away (on a page, one copy of the whole tree and one or two of the
# cleaned one). Without them: the same title, text and metadata on all 833 HTML bench pages. Used only on the
# trafilatura version this was written against (tests/test_extract_cleaning.py compares with and without).
TRAFILATURA_CORE = importlib.import_module("trafilatura.core")
COPIES_SKIPPED_ON = "2.3.1"
_handed_over = threading.local()  # the tree extract_html gives trafilatura to keep: its first copy is skipped


def _copy_unless_handed_over(tree: object) -> object:
    if tree is getattr(_handed_over, "tree", None):
        _handed_over.tree = None  # once: trafilatura's later copies of the same tree are its own working copies
        return tree
    return copy_module.copy(tree)


def _prepare_tree_without_unread_backup(tree, options, url):  # type: ignore[no-untyped-def] # trafilatura's types
    """trafilatura.core._prepare_tree, the backup made only where something reads it."""
    cleaned = tree_cleaning(copy_module.copy(tree), options)
    backup = copy_module.copy(cleaned) if options.comments or not options.fast else None
    return convert_tags(cleaned, options, url), backup


SKIP_COPIES = trafilatura.__version__ == COPIES_SKIPPED_ON
TRAFILATURA_PREPARE_TREE = TRAFILATURA_CORE._prepare_tree
if SKIP_COPIES:
    TRAFILATURA_CORE.copy = _copy_unless_handed_over  # type: ignore[attr-defined]
    TRAFILATURA_CORE._prepare_tree = _prepare_tree_without_unread_backup  # type: ignore[attr-defined]


def extract_html(page: str) -> Extracted:
    """Main text and metadata of one page; raises Quarantine when the page has no extractable text."""
    try:
        tree = load_html(page)
        meta = page_metadata(tree) if tree is not None else Document()
        _handed_over.tree = tree  # parsed once, and read by nothing after trafilatura: no copy of it needed
        try:
            document = trafilatura.bare_extraction(
                tree if tree is not None else page,
                fast=SKIP_FALLBACKS,
                with_metadata=False,
                include_comments=False,
                include_tables=False,
                deduplicate=False,
            )
        finally:
            _handed_over.tree = None
    except (ValueError, TypeError, RecursionError, lxml_html.etree.ParserError) as error:
        raise Quarantine(f"HTML could not be parsed: {type(error).__name__}: {error}") from error
    assert not isinstance(document, dict)  # as_dict is off: a Document or None
    if document is None or not (document.text or "").strip():
        if nesting_depth(page) > MAX_PARSER_DEPTH:
            raise Quarantine(
                f"HTML nested deeper than {MAX_PARSER_DEPTH} levels: the parser stops there, and no article text "
                "was found above that depth"
            )
        raise Quarantine("no extractable text: the page has no main article text")
    ld = json_ld_metadata(page)
    return Extracted(
        title=headline_from_title_tag(page, _clean(meta.title), document.text or "") or ld.get("title"),
        text=document.text or "",
        author=_clean(meta.author) or ld.get("author"),
        site_name=_clean(meta.sitename) or ld.get("site_name"),
        url=_clean(meta.url) or ld.get("url"),
        date=_clean(meta.date) or ld.get("date"),
        language=_clean(document.language),
    )


def page_metadata(tree: lxml_html.HtmlElement) -> Document:
    """trafilatura's metadata pass (``trafilatura.metadata.extract_metadata`` of 2.3, step by step) without the
    three steps whose fields akhbar does not store or pays too much for: the author searched in the page body when
    no meta tag or JSON-LD names one (bylines by XPath over the whole tree: 6.0 of the 7.1 ms a page that metadata
    cost, on 200 bench pages), categories and tags (1.6 ms), and the licence. Extraction fell from 17.8 to 11.6 ms a
    page; the author now comes from meta tags and JSON-LD only."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # trafilatura's own rule: a one-word meta author is usually a site handle
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader has its own bugs; our json_ld_metadata follows
        pass
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree)
    meta.date = find_date(
        tree,
        url=meta.url,
        extensive_search=EXTENSIVE_DATE_SEARCH,
        original_date=ORIGINAL_DATE,
        outputformat=DATE_FORMAT,
    )
    meta.sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@") or None
    if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
        meta.sitename = meta.sitename.title()
    elif not meta.sitename and meta.url and (host := META_URL.match(meta.url)):
        meta.sitename = host[1]
    meta.clean_and_trim()
    return meta


def headline_from_title_tag(page: str, title: str | None, text: str) -> str | None:
    """The headline, where trafilatura took the site's part of "<title>Site - Headline</title>".

    Another part of <title> replaces ``title`` only when it is longer and printed as a line of the main text: the
    page shows it as its headline (legacy layouts with no heading markup, where trafilatura keeps the first part).
    """
    found = TITLE_TAG.search(page)
    if found is None:
        return title
    parts = [" ".join(part.split()) for part in TITLE_SEPARATOR.split(html_unescape(found.group(1)))]
    if len(parts) < 2:
        return title
    lines = {" ".join(line.split()) for line in text.splitlines()}
    shown = [part for part in parts if part in lines and len(part.split()) > len((title or "").split())]
    return max(shown, key=len) if shown else title


def nesting_depth(page: str, stop_at: int = MAX_PARSER_DEPTH + 1) -> int:
    """How deep the page's elements nest (counted on tags, without parsing), up to ``stop_at``."""
    depth = deepest = 0
    for closing, name, self_closing in TAG.findall(page):
        if name.lower() in VOID_ELEMENTS or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest >= stop_at:
            break
    return deepest


def json_ld_metadata(page: str) -> dict[str, str]:
    """NewsArticle fields from JSON-LD, for what trafilatura's metadata left empty."""
    found: dict[str, str] = {}
    for block in JSON_LD.findall(page[:500_000]):
        try:
            data = json.loads(block)
        except (json.JSONDecodeError, RecursionError):
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []:
            if isinstance(item, dict):
                _take_ld_fields(item, found)
    return found


def _take_ld_fields(item: dict, found: dict[str, str]) -> None:
    pairs = {
        "title": item.get("headline"),
        "date": item.get("datePublished"),
        "url": item.get("url") or item.get("mainEntityOfPage"),
        "author": _ld_name(item.get("author")),
        "site_name": _ld_name(item.get("publisher")),
    }
    for key, value in pairs.items():
        if isinstance(value, str) and value.strip() and key not in found:
            found[key] = value.strip()


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        names = [_ld_name(v) for v in value]
        return "، ".join(n for n in names if n) or None
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return value if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
