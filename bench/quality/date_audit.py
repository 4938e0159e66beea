"""A random audit of event-report DATES on ANT v2.1 (issue 14, item 4): draw reports, judge their dates by hand.

`python -m bench.quality.date_audit draw --seed S [--articles N] [--reports N] [--out FILE]` runs entities, quotes
and events over N articles of the ANT v2.1 tarball drawn with S (never one of the gold selection,
tests/gold/ant2/selection.json), draws that many of the event reports they give with the same seed, and writes each
with the article's publication day, the report's date and precision as the code gives them, its status, and a short
excerpt of its sentence (never whole articles), plus an empty column for a person to fill: date_right (y/n).
`python -m bench.quality.date_audit score [FILE]` prints the judged share. `python -m bench.quality.date_audit rerun
FILE` runs the current code on a judged audit's articles and prints each row whose date or precision changed (or whose
report is gone) with its judgment and note, for a person to judge again: a studied audit is dev data.

The judging rule (GUIDELINES.md's `date`: "the date of the event as a reader can tell it from the text and the
article's publication date", with the test annotator's note, tests/gold/ant2/NOTES_test.md, for undated news):
- A date expression that dates the event (in its clause, or a fronted adjunct over it) gives the date: "الاثنين" the
  nearest such day before publication for a past event, after it for a planned one; "أمس" the day before; a month or
  year alone that precision; "الأسبوع الماضي" its month.
- An event the article reports as the day's news with no date expression of its own (a past-tense report of what is
  happening now: a statement, a strike, a meeting that the article is about) takes the publication day, precision day.
- An event the text places in a context it does not date (background, a quoted claim about the past, a general or
  habitual statement, a plan with no date, a hypothesis) has no date: precision unknown.
- Right means the value AND the precision match that reading (a day where a month is all the text says is wrong; an
  unknown where the reader can tell the day is wrong). A report that is not an event at all is judged on its date all
  the same (what a reader would date the clause to).
Seeds: 81 was the dev draw studied in round 7 (judged as drawn, before its fix: with_reference_dates); 82 was drawn
after round 7's last change and judged by hand before any figure of it was read, then studied in round 8 (dev); 83 was
drawn after round 8's last change (the day's news after the lead) and judged by hand before it was scored, then studied
in round 9 (dev); 84 was drawn after round 9's last date change (c1fa792) and judged by hand before it was scored, then
studied in round 9's second wave (dev); 85 was drawn after that wave's last date change (f1676c7) and judged by hand
before it was scored, then studied in round 10 (dev); 86 was drawn after round 10's last date change (branch date15)
and judged by hand before it was scored; 87 was drawn after round 11's last date change (branch date16, df0beec) and
judged by hand before it was scored.

Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml
from bench.quality.audit import read_rows, rereadable_names, share
from bench.quality.event_audit import analysed_article, drawn_reports, write_drawn

REPO = Path(__file__).resolve().parents[2]
AUDIT_DIR = REPO / "bench" / "quality" / "audits"
AUDIT_SEED = 87  # the fresh draw after round 11's date change; 81 to 85 were studied, 86 is round 10's
# Fewer articles than the event audit: dates need no rare event types, and a draw must run in a few minutes.
AUDIT_ARTICLES = 300
AUDIT_REPORTS = 60
# Characters of the sentence kept on each side of the trigger: enough to see its date words, short of a quotation.
EXCERPT_CHARS = 110
COLUMNS = ("n", "docno", "published", "sentence", "event_type", "status", "trigger", "date", "precision", "excerpt")
JUDGED = ("date_right", "note")


def audit_file(seed: int) -> Path:
    return AUDIT_DIR / f"dates_ant2_seed{seed}.tsv"


def article_reports(name: str, xml: str) -> list[tuple[str, ...]]:
    """The audit's row fields (without n) of every event report of one ANT article, as the pipeline makes them."""
    doc, _, events = analysed_article(name, xml)
    body = doc.body_text
    day = doc.published_at.date() if doc.published_at else None
    reports: list[tuple[str, ...]] = []
    for event in events:
        sentence = doc.sentences[event.sentence_index]
        start = max(sentence.char_start, event.char_start - EXCERPT_CHARS)
        end = min(sentence.char_end, event.char_end + EXCERPT_CHARS)
        excerpt = body[start:end].replace("\n", " ").replace("\t", " ").replace('"', "'")
        reports.append(
            (
                doc.article_id,
                day.isoformat() if day else "",
                str(event.sentence_index),
                event.event_type,
                event.status,
                event.trigger,
                event.event_date.isoformat() if event.event_date else "",
                event.date_precision,
                excerpt,
            )
        )
    return reports


def draw(seed: int, articles: int, rows: int, out: Path, tarball: Path = ANT_V2_TARBALL) -> int:
    drawn, total = drawn_reports(seed, articles, rows, article_reports, tarball)
    header = (
        f"# {len(drawn)} of {total} event reports from {articles} ANT v2.1 articles outside the gold\n"
        f"# selection, drawn with seed {seed} by bench/quality/date_audit.py; excerpts only; judging rule in its\n"
        f"# docstring. Cite: {ANT_CITATION}; {ANT_V2_CITATION}.\n"
    )
    write_drawn(out, header, (*COLUMNS, *JUDGED), drawn, quoting=csv.QUOTE_NONE, escapechar="\\")
    return total


def rerun(path: Path, tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """Each judged row whose report now has another date or precision, or is gone: n, judgment, was -> now, note.
    A report is found again by its article, sentence, trigger and offset in the excerpt (its excerpt is cut around
    the trigger, so one sentence's reports differ there)."""
    rows = read_rows(path)
    docnos = {row["docno"] for row in rows}
    wanted = {name for name in rereadable_names(tarball) if Path(name).stem in docnos}
    now: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name, xml in iter_ant_xml(tarball, wanted=wanted):
        for report in article_reports(name, xml):
            now[(report[0], report[2], report[5], report[8])] = report
    changed = []
    for row in rows:
        was = (row["date"] or "-", row["precision"])
        found = now.get((row["docno"], row["sentence"], row["trigger"], row["excerpt"]))
        after = (found[6] or "-", found[7]) if found else ("gone", "")
        if after != was:
            changed.append(f"{row['n']}\t{row['date_right']}\t{' '.join(was)} -> {' '.join(after)}\t{row['note']}")
    return changed


def figures(path: Path) -> dict[str, float | int]:
    accuracy, judged = share(read_rows(path), "date_right", "y", "n")
    return {"judged": judged, "date_right": accuracy}


def report(path: Path) -> str:
    f = figures(path)
    return (
        f"event date audit ({path.relative_to(REPO)}: {f['judged']} reports judged by hand; ANT v2.1, "
        f"{ANT_CITATION}; {ANT_V2_CITATION})\n"
        f"date right   {f['date_right']:.2f}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.quality.date_audit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("draw")
    drawing.add_argument("--seed", type=int, default=AUDIT_SEED)
    drawing.add_argument("--articles", type=int, default=AUDIT_ARTICLES)
    drawing.add_argument("--reports", type=int, default=AUDIT_REPORTS)
    drawing.add_argument("--out", type=Path)
    rerunning = sub.add_parser("rerun")
    rerunning.add_argument("file", type=Path)
    scoring = sub.add_parser("score")
    scoring.add_argument("file", type=Path, nargs="?", default=audit_file(AUDIT_SEED))
    args = parser.parse_args(argv)
    if args.command == "rerun":
        print("\n".join(rerun(args.file.resolve())))
    elif args.command == "draw":
        out = args.out or audit_file(args.seed)
        total = draw(args.seed, args.articles, args.reports, out)
        print(f"{total} reports; {min(args.reports, total)} drawn into {out}")
    else:
        print(report(args.file.resolve()))


if __name__ == "__main__":
    main()
