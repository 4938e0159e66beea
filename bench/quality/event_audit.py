"""A random audit of the event stage on ANT v2.1 (issue 14): draw reports, judge them by hand, print the figures.

`python -m bench.quality.event_audit draw [--seed SEED] [--out FILE]` runs entities and events over AUDIT_ARTICLES
articles of the ANT v2.1 tarball drawn with SEED (AUDIT_SEED) (never one of the gold selection,
tests/gold/ant2/selection.json), then draws
AUDIT_REPORTS of the event reports they give, with the same seed, and writes them to FILE (default
events_ant2_seed<SEED>.tsv; never over an existing file) with short excerpts
(the trigger and a few words around it; never whole articles) and two empty columns for a person to fill:
type_right (y/n: the PLOVER type is right for what the text reports, and it is a political event at all) and
actors_right (y/n: the type is right and actor1/actor2 name who did it to whom; a missing actor the text names
is wrong, a null where the text names none is right). `akhbar eval events --audit [FILE]` prints the judged figures.
Round 1 (seed 14, bench/quality/audits/events_ant2_round1.tsv) was judged on the code before the fixes it led to,
and so were round 2 (seed 15), round 3 (seed 16, events_ant2_round3.tsv: type right 0.66, type and actors 0.31, the
figures of the second session), round 4 (seed 17, events_ant2_round4.tsv: 0.74 / 0.34) and round 5 (seed 18,
events_ant2_round5.tsv: 0.66 / 0.28), both judged during the third session, and round 6 (seed 19,
events_ant2_round6.tsv: 0.66 / 0.31, the third session's final audit, studied in the fourth), round 7 (seed 20,
events_ant2_round7.tsv: 0.69 / 0.27, the fourth session's final audit, studied in the fifth and sixth), round 8 (seed
21, events_ant2_round8.tsv: 0.71 / 0.28, the sixth session's final audit, studied in the seventh), round 9 (seed 22,
events_ant2_round9.tsv: 0.74 / 0.26, drawn in the seventh session after its first fixes and judged unseen, then
studied), round 10 (seed 23, events_ant2_round10.tsv: 0.74 / 0.28, the seventh session's final audit, studied in the
tenth), round 11 (seed 24, events_ant2_round11.tsv: 0.62 / 0.22, the tenth session's final audit, studied in the
eleventh), seed 25 (events_ant2.tsv: 0.77 / 0.38, the eleventh session's final audit, studied in the twelfth); the
current audit (seed 26, events_ant2_seed26.tsv, the name every draw takes from it on) draws other articles after the
twelfth session's last fix, so that its figures are not tuned to (the article-domain counts of
bench/quality/build_article_domains.py and the market words of build_business_words.py leave seed 23's 2000 articles
out, and were not recounted for seeds 24 to 26). Seed 27 (events_ant2_seed27.tsv, round 9, drawn after evrec13's
last change: type right 0.77, type and actors right 0.33; the census of bench/quality/build_event_lemmas.py leaves its
2000 articles out) is the current one. `python -m bench.quality.event_audit rerun FILE` re-runs the
current code on a judged audit's articles and prints the rows whose report changed, to judge again (a dev figure).

Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, element, iter_ant_xml
from bench.quality.audit import drawable_names, read_rows, rereadable_names, share

if TYPE_CHECKING:
    from flows.nlp.types import Document, Entity, EventMention

REPO = Path(__file__).resolve().parents[2]
AUDIT_SEED = 27  # the current draw (round 9); seeds 14 (the number) to 26 guided the fixes after them
AUDIT_FILE = REPO / "bench" / "quality" / "audits" / f"events_ant2_seed{AUDIT_SEED}.tsv"
AUDIT_ROUND1 = REPO / "bench" / "quality" / "audits" / "events_ant2_round1.tsv"
AUDIT_ARTICLES = 2000
AUDIT_REPORTS = 100
# Characters of text kept on each side of the trigger: enough to judge type and actors, short of a quotation.
EXCERPT_CHARS = 90
COLUMNS = ("n", "docno", "event_type", "event_mode", "status", "trigger", "actor1", "actor2", "excerpt")
JUDGED = ("type_right", "actors_right")


def analysed_article(name: str, xml: str) -> tuple[Document, tuple[Entity, ...], tuple[EventMention, ...]]:
    """One ANT article run through the entity, quote and event stages as the pipeline runs them (a statement's agent
    is its speaker): the document, its entities and its event reports."""
    import datetime as dt

    from flows.dates.publication import machine_dateline
    from flows.nlp.entities import extract_entities
    from flows.nlp.events.detect import detect_events
    from flows.nlp.quotes.extract import extract_quotes
    from flows.nlp.text import split_sentences
    from flows.nlp.types import Document

    body = (element(xml, "TEXT") or "").strip()
    day = machine_dateline((element(xml, "TIME") or "").strip())  # ANT gives RFC 2822 or ISO 8601
    published = dt.datetime.combine(day, dt.time()) if day else None
    doc = Document(Path(name).stem, body, (element(xml, "TITLE") or "").strip(), published, split_sentences(body))
    entities, mentions = extract_entities(doc)
    quotes = extract_quotes(doc, mentions, entities)
    return doc, entities, detect_events(doc, mentions, entities, quotes)


def article_reports(name: str, xml: str) -> list[tuple[str, ...]]:
    """The audit's row fields (without n) of every event report of one ANT article, as the pipeline makes them."""
    doc, entities, events = analysed_article(name, xml)
    body = doc.body_text
    names = {e.entity_id: e.name_ar for e in entities}
    reports: list[tuple[str, ...]] = []
    for event in events:
        start = max(0, event.char_start - EXCERPT_CHARS)
        excerpt = body[start : event.char_end + EXCERPT_CHARS].replace("\n", " ").replace("\t", " ")
        reports.append(
            (
                doc.article_id,
                event.event_type,
                event.event_mode or "",
                event.status,
                event.trigger,
                names.get(event.actor1_id or "", ""),
                names.get(event.actor2_id or "", ""),
                excerpt,
            )
        )
    return reports


def drawn_reports(
    seed: int, articles: int, rows: int, fields: Callable[[str, str], list[tuple[str, ...]]], tarball: Path
) -> tuple[list[tuple[str, ...]], int]:
    """``rows`` reports drawn at random (``seed``) from those of ``articles`` ANT v2.1 articles outside the gold, drawn
    with the same seed, each given by ``fields`` (name, xml); and how many reports there were."""
    pool = sorted(drawable_names(tarball))
    chosen = set(random.Random(seed).sample(pool, articles))
    reports = [report for name, xml in iter_ant_xml(tarball, wanted=chosen) for report in fields(name, xml)]
    reports.sort()
    return random.Random(seed).sample(reports, min(rows, len(reports))), len(reports)


def draw(tarball: Path = ANT_V2_TARBALL, out: Path = AUDIT_FILE, seed: int = AUDIT_SEED) -> int:
    drawn, total = drawn_reports(seed, AUDIT_ARTICLES, AUDIT_REPORTS, article_reports, tarball)
    header = (
        f"# {len(drawn)} of {total} event reports from {AUDIT_ARTICLES} ANT v2.1 articles outside the gold\n"
        f"# selection, drawn with seed {seed} by bench/quality/event_audit.py; excerpts only. Cite: "
        f"{ANT_CITATION}; {ANT_V2_CITATION}.\n"
    )
    write_drawn(out, header, (*COLUMNS, *JUDGED), drawn)
    return total


def write_drawn(out: Path, header: str, columns: Sequence[str], drawn: list, **dialect: Any) -> None:
    """A drawn sample as a TSV to judge: the comment ``header``, the column names, then each row numbered from 1 with
    its judged columns (those of ``columns`` past the row's values) left empty."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", **dialect)
        writer.writerow(columns)
        for n, row in enumerate(drawn, 1):
            writer.writerow((n, *row, *[""] * (len(columns) - 1 - len(row))))


def rerun(path: Path, tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """Re-run the current code on a judged audit's articles: each row whose report changed (type, actors) or is gone,
    for a person to judge again (a studied audit is dev data: say so of figures read from it)."""
    rows = read_rows(path)
    docnos = {row["docno"] for row in rows}
    wanted = {name for name in rereadable_names(tarball) if Path(name).stem in docnos}
    now: dict[tuple[str, str], tuple[str, ...]] = {}
    for name, xml in iter_ant_xml(tarball, wanted=wanted):
        for report in article_reports(name, xml):
            now[(report[0], report[7])] = report
    changed = []
    for row in rows:
        was = (row["event_type"], unquoted(row["actor1"]), unquoted(row["actor2"]))  # csv.writer quotes a name with "
        found = now.get((row["docno"], unquoted(row["excerpt"])))
        after = (found[1], found[5], found[6]) if found else ("gone", "", "")
        if after != was:
            changed.append(
                f"{row['n']}\t{row['type_right']}{row['actors_right']}\t{' / '.join(was)} -> {' / '.join(after)}"
            )
    return changed


def unquoted(field: str) -> str:
    """A TSV field as csv.writer quoted it (an excerpt holding a quote mark), back to its text."""
    if len(field) > 1 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def figures(path: Path = AUDIT_FILE) -> dict[str, float | int]:
    judged = [row for row in read_rows(path) if row["type_right"] in ("y", "n")]
    both = [{"both": "y" if row["type_right"] == row["actors_right"] == "y" else "n"} for row in judged]
    return {
        "judged": len(judged),
        "type_right": share(judged, "type_right", "y", "n")[0],
        "type_and_actors_right": share(both, "both", "y", "n")[0],
    }


def report(path: Path = AUDIT_FILE) -> str:
    f = figures(path)
    return (
        f"event audit ({path.relative_to(REPO)}: {f['judged']} reports judged by hand; ANT v2.1, "
        f"{ANT_CITATION}; {ANT_V2_CITATION})\n"
        f"type right              {f['type_right']:.2f}\n"
        f"type and actors right   {f['type_and_actors_right']:.2f}"
    )


def audit_file(seed: int) -> Path:
    """Where a draw with ``seed`` goes from seed 26 on (seeds 14-24 kept their names, events_ant2_roundN.tsv, and
    seed 25 its events_ant2.tsv)."""
    return AUDIT_FILE.with_name(f"events_ant2_seed{seed}.tsv")


def main(argv: list[str]) -> None:
    """``rerun FILE``; ``draw [--seed S] [--out FILE]`` (never over an existing file); ``score [FILE]``, or a bare
    ``[FILE]`` as before."""
    if argv[:1] == ["rerun"]:
        print("\n".join(rerun(Path(argv[1]))))
    elif argv[:1] == ["draw"]:
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else AUDIT_SEED
        out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else audit_file(seed)
        if out.exists():
            # a judged audit is hours of reading: a draw never writes over a file
            sys.exit(f"{out} exists: draw into a new file with --out")
        print(f"{draw(out=out, seed=seed)} reports; {AUDIT_REPORTS} drawn into {out}")
    else:
        file = argv[1:2] if argv[:1] == ["score"] else argv[:1]
        print(report(Path(file[0]).resolve() if file else AUDIT_FILE))


if __name__ == "__main__":
    main(sys.argv[1:])
