"""Scores flows.dates.resolve on three gold sets and prints the figures.

- seeds: tests/gold/dates.json, hand-judged date expressions in the four seed articles; a mention is right when its
  span, value and precision all match (exact P/R/F1), and each seed's publication_date is checked.
- ant_gold: tests/gold/dates_ant.json, 14 ANT articles drawn at random and judged by hand, scored like the seeds.
- wojood: the DATE spans of the Wojood NER sample (../shared/gold/wojood-sample, MIT): span detection only, a
  predicted mention counts when it overlaps a gold DATE span (overlap P/R/F1). Its text is tokens joined by spaces
  ("26 / 4 / 1947") and mostly archival, and its DATE tag also covers durations and eras ("أسبوعين", "الفترة
  العثمانية") that find_dates leaves alone on purpose, so recall here is a floor, not a target.
- ant: the ANT corpus v1.1 (../shared/corpus, Apache-2.0 + citation), whose TIME field is each article's
  publication time: how often publication_date states a date from the text alone, and how often that date is the
  TIME date; how often a weekday the text calls today ("اليوم الأربعاء") is TIME's weekday; find_dates' speed.
- dateparser: the 28 Arabic cases of ../shared/gold/dates/dateparser_ar_cases.json (BSD-3), each read as what
  find_dates should return for it; cases out of scope (times of day, Hijri dates, bare durations) are counted apart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

from bench.ant import ANT_CITATION, DEFAULT_ANT_TARBALL, element, iter_ant_xml
from flows.dates.resolve import find_dates, publication_date

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_GOLD = REPO / "tests" / "gold" / "dates.json"
ANT_GOLD = REPO / "tests" / "gold" / "dates_ant.json"
WOJOOD = SHARED / "gold" / "wojood-sample"
DATEPARSER = SHARED / "gold" / "dates" / "dateparser_ar_cases.json"
ANT = DEFAULT_ANT_TARBALL
ANT_TIME = re.compile(r"<TIME>\s*(.*?)\s*</TIME>")
ANT_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DATEPARSER_ANCHOR = dt.date(2024, 2, 28)  # the relative cases are checked against this "today"

# Cases find_dates does not handle, with the reason; the test marks them xfail(strict) so a fix shows up.
OUT_OF_SCOPE = {
    "يومين": "a bare duration ('two days') is not a date: find_dates would misread 'لمدة يومين'",
    "4 عام": "a bare duration ('4 years') is not a date",
    "اليوم السابق": "'the previous day' is relative to the story's last date, not to the anchor: left unresolved",
    "ساعتين": "language applicability of a bare duration: not a date-finding question",
    "1 عام, 1 شهر, 1 أسبوع, 1 يوم, 1 ساعة, 1 دقيقة": "compound durations down to minutes: out of scope",
}
HIJRI_REASON = "Hijri calendar dates: out of scope (dateparser needs the hijridate package, not a dependency)"
AGO = re.compile(r"(?:ago\s+)?(\d+)\s+(day|week|month|year|hour|minute)(?:\s+ago)?")
EN_DATE = re.compile(r"(\d{1,2}) ([a-z]+) (\d{4})")
EN_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}


def run(argv: list[str] | None = None) -> dict:
    """Prints and returns every figure; a gold set whose files are absent is reported as skipped.

    ``--ant-limit N`` scores only the first N ANT articles (the whole corpus takes ~10 s).
    """
    import argparse

    parser = argparse.ArgumentParser(prog="akhbar eval dates")
    parser.add_argument("--ant-limit", type=int, default=None, metavar="N", help="score only the first N ANT articles")
    options = parser.parse_args(argv or [])
    figures = {
        "seeds": seed_scores(),
        "ant_gold": ant_gold_scores(),
        "wojood": wojood_scores(),
        "ant": ant_scores(options.ant_limit),
        "dateparser": dateparser_scores(),
    }
    for name, scores in figures.items():
        if scores is None:
            print(f"dates/{name}: skipped (gold files absent: ../shared ships beside the repo in CI)")
        else:
            shown = (f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in scores.items())
            print(f"dates/{name}: " + "  ".join(shown))
    if figures["ant"] is not None or figures["ant_gold"] is not None:
        print(f"  ({ANT_CITATION})")
    return figures


def prf(true_pos_pred: int, n_pred: int, true_pos_gold: int, n_gold: int) -> dict[str, float]:
    precision = true_pos_pred / n_pred if n_pred else 0.0
    recall = true_pos_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# --- seeds -------------------------------------------------------------------------------------------------------


def seed_scores() -> dict | None:
    from flows.read.textclean import clean_text

    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        return None
    gold_all = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["seeds"]
    n_pred = n_gold = hits = pub_right = 0
    for name, gold in gold_all.items():
        raw = (seeds / name).read_text(encoding="utf-8")
        body = clean_text(raw).body_text
        expected = {(*locate(body, g["surface"], g["nth"]), g["value"], g["precision"]) for g in gold["mentions"]}
        found = {
            (m.char_start, m.char_end, m.value.isoformat() if m.value else None, m.precision)
            for m in find_dates(body, dt.date.fromisoformat(gold["anchor"]))
        }
        n_pred, n_gold, hits = n_pred + len(found), n_gold + len(expected), hits + len(found & expected)
        stated = publication_date(raw)
        pub_right += (stated.isoformat() if stated else None) == gold["publication_date"]
    return {
        **prf(hits, n_pred, hits, n_gold),
        "mentions": n_gold,
        "publication_dates_right": f"{pub_right}/{len(gold_all)}",
    }


def locate(body: str, surface: str, nth: int) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = body.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"gold surface {surface!r} #{nth} is not in the clean body")
    return start, start + len(surface)


def ant_gold_scores() -> dict | None:
    """Exact P/R/F1 (span, value, precision) on the 14 hand-judged ANT articles of tests/gold/dates_ant.json."""
    if not ANT.exists():
        return None
    gold_all = json.loads(ANT_GOLD.read_text(encoding="utf-8"))["articles"]
    n_pred = n_gold = hits = 0
    for name, doc in iter_ant_xml(ANT, wanted=gold_all):
        gold = gold_all[name]
        text = element(doc, "TEXT") or ""
        expected = {(*locate(text, g["surface"], g["nth"]), g["value"], g["precision"]) for g in gold["mentions"]}
        found = {
            (m.char_start, m.char_end, m.value.isoformat() if m.value else None, m.precision)
            for m in find_dates(text, dt.date.fromisoformat(gold["anchor"]))
        }
        n_pred, n_gold, hits = n_pred + len(found), n_gold + len(expected), hits + len(found & expected)
    return {**prf(hits, n_pred, hits, n_gold), "mentions": n_gold}


# --- wojood ------------------------------------------------------------------------------------------------------


def wojood_sentences(path: Path) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(text, DATE spans) per sentence: tokens joined by single spaces, nested tags flattened to the outer span."""
    tokens: list[tuple[str, bool, bool]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if parts:
            tokens.append((parts[0], "B-DATE" in parts[1:], "I-DATE" in parts[1:]))
            continue
        if tokens:
            yield _sentence(tokens)
        tokens = []


def _sentence(tokens: list[tuple[str, bool, bool]]) -> tuple[str, list[tuple[int, int]]]:
    text, spans, offset, current = [], [], 0, None
    for token, begins, inside in tokens:
        if begins and not (inside and current):
            if current:
                spans.append(current)
            current = (offset, offset + len(token))
        elif (inside or begins) and current:
            current = (current[0], offset + len(token))
        elif current:
            spans.append(current)
            current = None
        text.append(token)
        offset += len(token) + 1
    if current:
        spans.append(current)
    return " ".join(text), spans


def wojood_scores() -> dict | None:
    files = sorted(WOJOOD.glob("*.txt")) if WOJOOD.is_dir() else []
    if not files:
        return None
    n_pred = n_gold = pred_hits = gold_hits = 0
    for path in files:
        for text, gold in wojood_sentences(path):
            found = [(m.char_start, m.char_end) for m in find_dates(text, DATEPARSER_ANCHOR)]
            n_pred, n_gold = n_pred + len(found), n_gold + len(gold)
            pred_hits += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in found)
            gold_hits += sum(any(s < ge and gs < e for s, e in found) for gs, ge in gold)
    return {**prf(pred_hits, n_pred, gold_hits, n_gold), "gold_spans": n_gold, "predicted": n_pred}


# --- ANT ---------------------------------------------------------------------------------------------------------


def ant_articles(limit: int | None = None) -> Iterator[tuple[dt.date, str]]:
    """(TIME date, TEXT) of the corpus' articles, streamed from the archive in its order."""
    count = 0
    for _, doc in iter_ant_xml(ANT):
        if limit is not None and count >= limit:
            return
        stamp, text = ANT_TIME.search(doc), ANT_TEXT.search(doc)
        try:
            published = dt.datetime.fromisoformat(stamp.group(1)).date() if stamp else None
        except ValueError:
            published = None
        if published is not None and text is not None:
            count += 1
            yield published, text.group(1)


def ant_scores(limit: int | None = None) -> dict | None:
    from flows.dates.grammar import scan

    if not ANT.exists():
        return None
    docs = chars = stated = right = today = today_right = 0
    seconds = 0.0
    for published, text in ant_articles(limit):
        docs, chars = docs + 1, chars + len(text)
        started = time.perf_counter()
        find_dates(text, published)
        seconds += time.perf_counter() - started
        found = publication_date(text)
        stated, right = stated + (found is not None), right + (found == published)
        weekdays = [r.weekday for r in scan(text) if r.kind == "weekday" and r.day_offset == 0]
        today, today_right = today + len(weekdays), today_right + sum(w == published.weekday() for w in weekdays)
    return {
        "articles": docs,
        "publication_stated": stated,
        "publication_precision": right / stated if stated else 0.0,
        "publication_coverage": stated / docs if docs else 0.0,
        "today_weekday_agrees": today_right / today if today else 0.0,
        "find_dates_mchar_per_s": chars / seconds / 1e6 if seconds else 0.0,
    }


# --- dateparser --------------------------------------------------------------------------------------------------


def dateparser_cases() -> list[tuple[str, str, dict]]:
    """(id, group, case) for every case in the file, in order."""
    data = json.loads(DATEPARSER.read_text(encoding="utf-8"))
    out = []
    for group, cases in data.items():
        if isinstance(cases, list):
            out += [(f"{group.split('__')[0]}-{i}", group, case) for i, case in enumerate(cases)]
    return out


def out_of_scope(group: str, case: dict) -> str | None:
    return HIJRI_REASON if group.startswith("hijri") else OUT_OF_SCOPE.get(case["text"])


def check_dateparser_case(group: str, case: dict, anchor: dt.date = DATEPARSER_ANCHOR) -> bool:
    """Whether find_dates returns what the case asserts, read in find_dates' terms (dates, not times)."""
    text = case["text"]
    if group.startswith("search_dates"):
        base = dt.datetime.fromisoformat(case["settings"]["RELATIVE_BASE"]).date()
        found = find_dates(text, base)
        want = [(surface, dt.datetime.fromisoformat(iso).date()) for surface, iso in case["expected"]]
        pairs = zip(found, want)
        return len(found) == len(want) and all(
            m.text in s and m.value == v and m.precision == "day" for m, (s, v) in pairs
        )
    found = find_dates(text, anchor)
    if group.startswith("language_applicable"):
        return bool(found) == case["applicable_ar"]
    if group.startswith("tokenization"):
        date_tokens = [t for t in case["expected_tokens"][:5] if t.strip()]
        return len(found) == 1 and all(t in found[0].text for t in date_tokens) and "الساعة" not in found[0].text
    if group.startswith("absolute_dates"):
        day, month, year = EN_DATE.match(case["expected_en"]).groups()  # type: ignore[union-attr]
        want = dt.date(int(year), EN_MONTHS[month], int(day))
        return [(m.value, m.precision) for m in found] == [(want, "day")]
    if group.startswith("relative_translate"):
        match = AGO.fullmatch(case["expected_en"])
        if match is None or "ago" not in case["expected_en"]:
            return False
        return [m.value for m in found] == [_ago(anchor, {match.group(2) + "s": int(match.group(1))})]
    if group.startswith("freshness"):
        return [m.value for m in found] == [_ago(anchor, case["ago"])]
    if group.startswith("hijri"):
        want_day = dt.datetime.fromisoformat(case["expected"]).date()
        return [m.value for m in found] == [want_day]
    raise ValueError(f"unknown dateparser case group {group!r}")


def _ago(anchor: dt.date, ago: dict[str, int]) -> dt.date | None:
    """The day ``ago`` before ``anchor`` at the precision find_dates reports (hours and minutes stay on the day)."""
    if set(ago) - {"days", "weeks", "hours", "minutes"}:
        return None  # a compound interval with months or years: no single day-precision answer
    return anchor - dt.timedelta(days=ago.get("days", 0), weeks=ago.get("weeks", 0))


def dateparser_scores() -> dict | None:
    if not DATEPARSER.exists():
        return None
    cases = dateparser_cases()
    results = [(out_of_scope(group, case), check_dateparser_case(group, case)) for _, group, case in cases]
    in_scope = [ok for reason, ok in results if reason is None]
    return {
        "cases": len(cases),
        "pass": sum(ok for _, ok in results),
        "in_scope": len(in_scope),
        "in_scope_pass": sum(in_scope),
        "out_of_scope": len(results) - len(in_scope),
    }
