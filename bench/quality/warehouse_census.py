"""What a user sees after a full run: the counts issue 12 opened with, read from any warehouse.

    akhbar ingest (AKHBAR_INBOX=DIR AKHBAR_WAREHOUSE=W) then  python -m bench.quality.warehouse_census W

Prints articles and files by status; entities by type, with the share mentioned in one article only; the most
mentioned people and places (where a common word posing as a name shows first); quotes with and without a speaker;
events by status. Nothing is judged here: the random audits (bench/quality/audits/) judge rows by hand.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

TOP = 25


def queries(top: int = TOP) -> dict[str, str]:
    return {
        "files by status": "select status, count(*) from files group by 1 order by 2 desc",
        "articles, with a publication date": "select count(*), count(published_at) from articles",
        "entities by type: count, mentioned in one article only (share)": """
        select entity_type, count(*), round(avg((num_articles = 1)::int), 3)
        from entities where num_articles > 0 group by 1 order by 2 desc""",
        f"the {top} most mentioned people (articles)": f"""
        select name_ar, num_articles from entities where entity_type = 'PERSON'
        order by num_articles desc, name_ar limit {top}""",
        f"the {top} most mentioned places (articles)": f"""
        select name_ar, entity_type, num_articles from entities where entity_type in ('GPE', 'LOC')
        order by num_articles desc, name_ar limit {top}""",
        "quotes by kind: count, with a named speaker, with an unnamed source's words": """
        select quote_kind, count(*), count(speaker_id), count(*) filter (speaker_id is null and speaker_surface is not null)
        from quotes group by 1 order by 2 desc""",
        "events by status (reports)": """
        select e.status, count(distinct e.event_id), count(*) from events e join event_mentions m using (event_id)
        group by 1 order by 2 desc""",
    }


def census(path: Path, top: int = TOP) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {title: con.execute(sql).fetchall() for title, sql in queries(top).items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--top", type=int, default=TOP, help="how many of the most mentioned people and places")
    args = parser.parse_args(argv)
    if not args.warehouse.exists():
        raise SystemExit(f"no warehouse at {args.warehouse}")
    for title, rows in census(args.warehouse, args.top).items():
        print(f"\n{title}")
        for row in rows:
            print("  " + "  ".join(str(value) for value in row))


if __name__ == "__main__":
    main()
