"""Named queries (sql/queries/*.sql) timed on a synthetic warehouse with 1M mentions: each must answer in < 1 s.

The warehouse is made by akhbar's own migration (flows.store.warehouse.connect) and filled by bench/synthetic.sql.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SYNTHETIC_SQL = BENCH_DIR / "synthetic.sql"
DEFAULT_MENTIONS = 1_000_000
# Shape of the synthetic warehouse, per article: ~20 mentions (what the NLP stages find in a 400-word article);
# one entity per 50 mentions; one event per 20 articles, each reported twice.
MENTIONS_PER_ARTICLE = 20
MENTIONS_PER_ENTITY = 50
ARTICLES_PER_EVENT = 20
# Timed runs per query: the first (cold) is reported, and the best of the rest.
RUNS_PER_QUERY = 3
COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)
STRING = re.compile(r"'(?:[^']|'')*'")
# The synthetic warehouse's dates span 2016-2024; a timeline over all of it is the heaviest case (every event, as
# rows to the caller); one month is what a dashboard's timeline or monthly chart asks for.
DATE_SPAN = ("2016-01-01", "2024-12-31")
ONE_MONTH = ("2019-03-01", "2019-03-31")


@dataclass(frozen=True, slots=True)
class QueryTiming:
    name: str
    params: tuple
    rows: int | None
    first_seconds: float | None
    best_seconds: float | None
    error: str | None = None


def build_synthetic_warehouse(
    path: Path, mentions: int = DEFAULT_MENTIONS, events_per_article: float = 1 / ARTICLES_PER_EVENT
) -> dict[str, int]:
    """A fresh warehouse at ``path`` with ``mentions`` mention rows (one article per MENTIONS_PER_ARTICLE of them)
    and ``events_per_article`` events per article, each reported twice; its table counts."""
    from flows.nlp.version import extractor_version
    from flows.store import derived, warehouse

    articles = max(1, mentions // MENTIONS_PER_ARTICLE)
    params = [
        articles,
        max(4, mentions // MENTIONS_PER_ENTITY),
        MENTIONS_PER_ARTICLE,
        max(1, round(articles * events_per_article)),
        extractor_version(),
    ]
    path.unlink(missing_ok=True)
    with warehouse.opened(path) as con:
        con.execute("begin transaction")
        for statement in split_statements(SYNTHETIC_SQL.read_text(encoding="utf-8")):
            used = sorted({int(n) for n in re.findall(r"\$(\d)", statement)})
            con.execute(statement, {str(n): params[n - 1] for n in used} if used else None)
        # The derived tables a load keeps (flows/store/derived.py), counted from the rows above as migration 010
        # counts them: without them a fresh warehouse answers entity_cooccurrence, who_met_whom,
        # events_by_country_month and event_timeline from empty tables, faster than any real one.
        derived.rebuild(con)
        con.execute("commit")
        return warehouse.table_counts(con)


def split_statements(sql: str) -> list[str]:
    return [s.strip() for s in COMMENT.sub("", sql).split(";") if s.strip()]


def placeholder_count(sql: str) -> int:
    return STRING.sub("", COMMENT.sub("", sql)).count("?")


def time_named_queries(path: Path, date_span: tuple[str, str] = DATE_SPAN) -> list[QueryTiming]:
    """Every sql/queries/*.sql on the warehouse at ``path``, read-only, as `akhbar query` runs them (dates:
    ``date_span``)."""
    from flows.errors import AkhbarError
    from flows.store import warehouse

    timings = []
    with warehouse.opened(path, read_only=True) as con:
        for query_file in sorted(warehouse.QUERIES_DIR.glob("*.sql")):
            sql = query_file.read_text(encoding="utf-8")
            params = example_params(con, sql, date_span)
            seconds: list[float] = []
            rows = None
            try:
                for _ in range(RUNS_PER_QUERY):
                    started = time.perf_counter()
                    _, result = warehouse.query(con, sql, params)
                    seconds.append(time.perf_counter() - started)
                    rows = len(result)
            except AkhbarError as error:
                timings.append(QueryTiming(query_file.stem, params, None, None, None, str(error)))
                continue
            timings.append(QueryTiming(query_file.stem, params, rows, seconds[0], min(seconds[1:] or seconds)))
    return timings


def example_params(con, sql: str, date_span: tuple[str, str] = DATE_SPAN) -> tuple:
    """Values for a query's ``?`` placeholders, read from its "-- Parameters: 1) ... 2) ..." header (the
    sql/queries convention), each chosen to be the heaviest case: the whole date span, the most-mentioned entity,
    the article with most mentions, the two countries with most entities."""
    from flows.store.named import OPTIONAL, parameter_descriptions

    descriptions = [d.lower() for d in parameter_descriptions(sql)]
    descriptions += ["name"] * (placeholder_count(sql) - len(descriptions))
    values = []
    for position, text in enumerate(descriptions):
        default = OPTIONAL.search(text)
        if default:
            values.append(default.group(1).strip())  # what `akhbar query` passes when it is left out
        elif "date" in text:
            values.append(date_span[0] if "from" in text or position == 0 else date_span[1])
        elif "article_id" in text:
            values.append(_top(con, "select article_id from mentions group by 1 order by count(*) desc limit 1"))
        elif "country" in text:
            codes = con.execute(
                "select country_code from entities where country_code is not null group by 1 order by count(*) desc, 1 limit 2"
            ).fetchall()
            values.append(
                codes[min(sum("country" in d for d in descriptions[:position]), len(codes) - 1)][0] if codes else ""
            )
        elif "entity_id" in text:
            values.append(_top(con, "select entity_id from mentions group by 1 order by count(*) desc limit 1"))
        else:
            values.append(
                _top(
                    con,
                    "select e.name_ar from mentions m join entities e using (entity_id) group by 1 order by count(*) desc limit 1",
                )
            )
    return tuple(values)


def _top(con, sql: str) -> str:
    row = con.execute(sql).fetchone()
    return row[0] if row else ""
