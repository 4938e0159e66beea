"""Plain-text cleanup: an article copy-pasted from a page (title first, boilerplate and all) -> title + body_text.

The same line rules (flows/data/boilerplate.tsv) also tidy the text trafilatura extracts from HTML.
What is not body is not thrown away silently: credits go to ``credits``, and lines that may carry the article's
date (datelines, tweet embeds) to ``date_hints``, where the publication-date finder can still read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.dates.grammar import scan
from flows.dates.publication import machine_dateline
from flows.nlp.text.arabic import ARABIC_LETTER, normalize
from flows.resources import read_tsv

# A headline is short and does not end like a sentence; a body paragraph usually does.
HEADLINE_MAX_WORDS = 20
SENTENCE_FINAL = re.compile(r"[.!?؟…:؛»\"”)]\s*$")
# A trailing line this short without final punctuation, after the last paragraph, is footer chrome.
FOOTER_MAX_WORDS = 10
# "الخميس 16 تشرين الثاني 2023": a line holding only a date is at most this many words.
DATELINE_MAX_WORDS = 6
DATELINE_OTHER_WORDS = 1  # words of a dateline the date grammar does not read ("في", "نشر")
LETTER_WORD = re.compile(r"[^\W\d_]+")
# A list item that ends with a date, as related and most-read lists print a teaser ("- title…نقله2017-04-11");
# TEASER_RUN_MIN of them in a row at the start or end of trafilatura's text are such a block, not the story.
TEASER_ITEM = re.compile(r"^[-•*]\s+\S.{8,}?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\s*$")
TEASER_RUN_MIN = 2
# Words of kept text after which the article is under way: chrome or a new headline then ends it.
PROSE_MIN_WORDS = 40
# Passes of the line rules after the first, until nothing changes (see _filter_lines).
MAX_PASSES = 3
PROSE_END = re.compile(r"[.!?؟…]\s*$")
# A line repeated within this many lines is a doubled headline or caption, not prose.
REPEAT_WINDOW = 6
DATE_ONLY = re.compile(r"^[\s\d٠-٩/\-.,،]*(?:\(?[\u0600-\u06FF]+\)?[\s\d٠-٩/\-.,،]*){0,4}$")
CLOCK_TIME = re.compile(r"[-–—|/]?\s*[\d٠-٩]{1,2}[:：][\d٠-٩]{2}(?:\s*(?:ص|م|صباحا|مساء|AM|PM))?")
# A menu or breadcrumb line: at least this many items of at most MENU_ITEM_MAX_WORDS words between separators.
MENU_SEPARATOR = re.compile(r"\s*[|›»>•·/\\]\s*")
MENU_MIN_ITEMS = 2
MENU_ITEM_MAX_WORDS = 3
# A wire dateline opening the story, "دبي، الإمارات العربية المتحدة (CNN)-- ", "باريس (أ ف ب) - ", "(CNN)-- ": where and
# by whom it was filed, not where anything happened (CNN Arabic opens 83 % of its ANT v2.1 stories so, and its desk
# in Dubai became the place of their events). A place of a few words without sentence punctuation, the agency in
# parentheses, a dash; it goes to the credits.
WIRE_DATELINE = re.compile(r"^(?P<place>(?:[^()\n.!?؟:«»\"\d]{0,59}[^\W\d])?)\s*\([^()\n\d]{1,30}\)\s*[-–—]+\s*")
DATELINE_PLACE_MAX_WORDS = 5
TWEET_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
)


@dataclass(frozen=True, slots=True)
class CleanedText:
    title: str | None
    body_text: str
    credits: tuple[str, ...] = ()
    date_hints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LineRule:
    kind: str  # cut, drop, credit
    pattern: re.Pattern[str]
    source: str


@cache
def line_rules() -> tuple[LineRule, ...]:
    return tuple(
        LineRule(row["kind"], re.compile(row["pattern"]), row["source"]) for row in read_tsv("boilerplate.tsv")
    )


def classify_line(line: str) -> str | None:
    """The kind of the first boilerplate rule ``line`` matches (cut, drop, credit), or None for text."""
    for rule in line_rules():
        if rule.pattern.search(line):
            return rule.kind
    return None


def has_arabic(line: str) -> bool:
    return ARABIC_LETTER.search(line) is not None


def _key(line: str) -> str:
    return " ".join(normalize(line).split())


def clean_text(raw: str) -> CleanedText:
    """Title and body of a .txt copy-paste. The title is the first real line; the body keeps every paragraph."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    title_at = next((i for i, line in enumerate(lines) if _is_title_candidate(line)), None)
    if title_at is None:
        return CleanedText(None, "")
    title = lines[title_at]
    kept, credits, hints = _filter_lines(lines[title_at + 1 :], title)
    if len(title.split()) > HEADLINE_MAX_WORDS:
        kept.insert(0, title)  # no separate headline: the first line is the first paragraph, and stays in the body
    return CleanedText(title, "\n".join(kept), tuple(credits), tuple(hints))


def clean_extracted(text: str, title: str | None) -> CleanedText:
    """Tidy trafilatura's main text: the same line rules, and the title line it repeats at the top dropped."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = _without_teaser_lists([line for line in lines if line])
    kept, credits, hints = _filter_lines(lines, title, require_arabic=False)
    return CleanedText(title, "\n".join(kept), tuple(credits), tuple(hints))


def _without_teaser_lists(lines: list[str]) -> list[str]:
    """Drop a list of dated teasers ("- headline…2017-04-11") that opens or closes the text: a most-read or related
    block trafilatura kept. Only runs of TEASER_RUN_MIN such items at either end; a dated list inside the story
    (a timeline) stays."""
    start = 0
    while start < len(lines) and TEASER_ITEM.match(lines[start]):
        start += 1
    if start < TEASER_RUN_MIN:
        start = 0
    end = len(lines)
    while end > start and TEASER_ITEM.match(lines[end - 1]):
        end -= 1
    if len(lines) - end < TEASER_RUN_MIN:
        end = len(lines)
    return lines[start:end]


def _is_title_candidate(line: str) -> bool:
    return (
        has_arabic(line)
        and len(line.split()) >= 2
        and classify_line(line) is None
        and not _is_dateline(line)
        and not _is_menu_line(line)
    )


def _is_menu_line(line: str) -> bool:
    """A site's menu or breadcrumb copied with the page ("الرئيسية | أخبار | العالم", "الرئيسية > سياسة"): short
    items between separators."""
    items = [item for item in MENU_SEPARATOR.split(line) if item.strip()]
    return len(items) >= MENU_MIN_ITEMS and all(len(item.split()) <= MENU_ITEM_MAX_WORDS for item in items)


def _is_dateline(line: str) -> bool:
    """A line that is only a date, perhaps with a clock time ("16 مارس 2017 12:08")."""
    line = CLOCK_TIME.sub(" ", line).strip()
    if len(line.split()) > DATELINE_MAX_WORDS or re.search(r"[\d٠-٩]", line) is None or DATE_ONLY.match(line) is None:
        return False
    # What the date grammar does not read as a date may be one word ("في"), not a headline ("أبرز أخبار الجمعة ...").
    rest = line
    for raw in reversed(list(scan(line))):
        rest = rest[: raw.start] + " " + rest[raw.end :]
    return len(LETTER_WORD.findall(rest)) <= DATELINE_OTHER_WORDS


def _filter_lines(
    lines: list[str], title: str | None, *, require_arabic: bool = True
) -> tuple[list[str], list[str], list[str]]:
    """Apply the line rules until nothing changes.

    Some rules look at neighbours (a caption printed twice, a headline repeated within a few lines); once a pass has
    removed lines, lines meet new neighbours. Iterating to a fixed point makes cleaning idempotent: cleaning a
    cleaned text changes nothing. It converges in two passes on real pages.
    """
    lines = [line for line in lines if any(ch.isalnum() for ch in line)]  # marks or punctuation alone: nothing
    kept, credits, hints = _one_pass(lines, title, require_arabic)
    for _ in range(MAX_PASSES):
        again, more_credits, _ = _one_pass(kept, title, require_arabic)
        if again == kept:
            break
        kept = again
        credits += [c for c in more_credits if c not in credits]
    if kept:
        kept[0], dateline = _without_wire_dateline(kept[0])
        credits += [dateline] if dateline else []
    return kept, credits, hints


def _without_wire_dateline(line: str) -> tuple[str, str | None]:
    """The first paragraph without its wire dateline, and the dateline (None when it has none)."""
    found = WIRE_DATELINE.match(line)
    if found is None or len(found["place"].split()) > DATELINE_PLACE_MAX_WORDS or not has_arabic(line[found.end() :]):
        return line, None
    return line[found.end() :], found.group(0).strip()


def _one_pass(lines: list[str], title: str | None, require_arabic: bool) -> tuple[list[str], list[str], list[str]]:
    title_key = _key(title) if title else None
    keys = [_key(line) for line in lines]
    kept: list[str] = []
    kept_words = 0  # a running count: the prose test runs on every line
    credits: list[str] = []
    hints: list[str] = []
    seen_captions: set[str] = set()
    for i, line in enumerate(lines):
        kind = classify_line(line)
        prose = kept_words >= PROSE_MIN_WORDS
        if kind == "cut" or (kind in ("end", "credit-end") and prose) or (prose and _glued_article_starts(lines, i)):
            if kind == "credit-end":
                credits.append(line)
            break
        if kind in ("credit", "credit-end"):
            if keys[i] not in seen_captions:
                credits.append(line)
                seen_captions.add(keys[i])
            continue
        if kind == "dateline":
            hints.append(_dateline_date(line))
            continue
        if kind in ("drop", "end"):
            if TWEET_DATE.search(line):
                hints.append(line)
            continue
        if keys[i] == title_key:
            continue  # the doubled headline
        if machine_dateline(line) is not None:
            hints.append(line)  # "Tue, 17 Jul 2018 10:00:00 +0300": the article's own date, not its text
            continue
        if require_arabic and not has_arabic(line):
            if TWEET_DATE.search(line) or re.search(r"\d", line):
                hints.append(line)
            continue  # navigation ("Ru En"), "TT", embed residue in Latin script
        if _is_dateline(line):
            hints.append(CLOCK_TIME.sub("", line).strip())  # a dateline such as "٠٣ أبريل"
            continue
        if _is_repeated_headline(keys, i):
            if prose:
                break  # a second article glued after the first one starts with its doubled headline
            continue
        if keys[i] in seen_captions or (kept and keys[i] == _key(kept[-1])):
            continue  # a caption seen already, or a paragraph pasted twice in a row
        if _is_caption_repeat(lines, keys, i):
            seen_captions.add(keys[i])
            credits.append(line)
            continue
        kept.append(line)
        kept_words += len(line.split())
    while kept and _is_footer(kept[-1]):
        kept.pop()
    return kept, credits, hints


def _dateline_date(line: str) -> str:
    """The date part of a "published on:" line: its label and any clock time removed."""
    for rule in line_rules():
        if rule.kind == "dateline":
            line = rule.pattern.sub("", line, count=1)
    return CLOCK_TIME.sub("", line).strip(" -–—|/")


def _is_repeated_headline(keys: list[str], i: int) -> bool:
    """A short line that comes again within a few lines: a doubled headline."""
    if len(keys[i].split()) > HEADLINE_MAX_WORDS or SENTENCE_FINAL.search(keys[i]):
        return False
    return keys[i] in keys[i + 1 : i + 1 + REPEAT_WINDOW]


def _glued_article_starts(lines: list[str], i: int) -> bool:
    """After prose, a headline-like line followed by a "published on" line, or by a photo caption printed twice
    (a lead photo's alt text and caption), starts another article. A subheading over one inline caption does not."""
    line = lines[i]
    if len(line.split()) > HEADLINE_MAX_WORDS or SENTENCE_FINAL.search(line):
        return False
    if classify_line(line) is not None:
        return False
    after = lines[i + 1 : i + 4]
    kinds = [classify_line(nxt) for nxt in after]
    if "dateline" in kinds[:2]:
        return True
    return len(after) >= 2 and kinds[0] == "credit" and _key(after[0]) == _key(after[1])


def _is_caption_repeat(lines: list[str], keys: list[str], i: int) -> bool:
    """A line printed twice in a row (a photo caption under a picture and in its alt text); a full sentence
    printed twice is a paragraph pasted twice, kept once."""
    return i + 1 < len(keys) and keys[i + 1] == keys[i] and not PROSE_END.search(lines[i])


def _is_footer(line: str) -> bool:
    return len(line.split()) < FOOTER_MAX_WORDS and not PROSE_END.search(line)
