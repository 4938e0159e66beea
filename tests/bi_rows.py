"""A tiny hand-built warehouse for the BI tests (views, snapshot, export, SQLAlchemy): one article about a visit,
three entities, two mentions, one event with one report, one quote. Written here, not taken from the seeds.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from flows.store import warehouse

REPO = Path(__file__).resolve().parents[1]

BODY = "زار لافروف باماكو أمس. وقال لافروف إن روسيا تدعم مالي."
PUBLISHED = dt.datetime(2024, 3, 5, 9, 30)
ARTICLE_ID = "a0000000000000a1"


def span(surface: str, start: int = 0) -> tuple[int, int]:
    at = BODY.index(surface, start)
    return at, at + len(surface)


def make_warehouse(path: Path) -> Path:
    """Create (migrate) a warehouse at ``path`` holding one row or two in every table."""
    lavrov, bamako, mali = span("لافروف"), span("باماكو"), span("مالي")
    quote = span("روسيا تدعم مالي")
    second_sentence = BODY.index("وقال")
    now = dt.datetime(2024, 3, 6, 12, 0)
    with warehouse.opened(path) as con:
        con.execute("insert into runs (run_id, started_at, status) values ('r1', ?, 'completed')", [now])
        con.execute(
            "insert into files (file_path, file_sha256, status, article_id, run_id, seen_at) "
            "values ('visit.txt', 'f1', 'loaded', ?, 'r1', ?)",
            [ARTICLE_ID, now],
        )
        con.execute(
            "insert into articles (article_id, source_path, file_sha256, url, site_name, title, published_at, "
            "language, body_text, word_count, ingested_at, run_id) "
            "values (?, 'visit.txt', 'f1', 'https://example.org/visit', 'مثال', 'لافروف في باماكو', ?, 'ar', ?, 10, ?, 'r1')",
            [ARTICLE_ID, PUBLISHED, BODY, now],
        )
        con.executemany(
            "insert into entities (entity_id, entity_type, name_ar, name_en, country_code, name_en_source) values (?, ?, ?, ?, ?, ?)",
            [
                ["P-lavrov", "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS", "gazetteer"],
                ["G-bamako", "GPE", "باماكو", "Bamako", "MLI", "gazetteer"],
                ["G-mali", "GPE", "مالي", "Mali", "MLI", "cldr"],
            ],
        )
        con.executemany(
            "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end, "
            "sentence_index) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ["m1", ARTICLE_ID, "P-lavrov", "PERSON", "لافروف", *lavrov, 0],
                ["m2", ARTICLE_ID, "G-bamako", "GPE", "باماكو", *bamako, 0],
                ["m3", ARTICLE_ID, "G-mali", "GPE", "مالي", *mali, 1],
            ],
        )
        con.execute(
            "insert into events (event_id, event_type, event_mode, actor1_id, actor2_id, location_id, event_date, "
            "date_precision, num_articles, num_mentions, contexts) "
            "values ('e1', 'CONSULT', 'visit', 'P-lavrov', 'G-mali', 'G-bamako', date '2024-03-04', 'day', 1, 1, "
            "['diplomacy', 'military'])"
        )
        con.execute(
            "insert into event_mentions (event_id, article_id, sentence_index, char_start, char_end, evidence) "
            "values ('e1', ?, 0, 0, ?, ?)",
            [ARTICLE_ID, second_sentence - 1, BODY[: second_sentence - 1]],
        )
        con.execute(
            "insert into quotes (quote_id, article_id, speaker_id, speaker_surface, quote_text, quote_kind, cue, "
            "char_start, char_end) values ('q1', ?, 'P-lavrov', 'لافروف', ?, 'indirect', 'قال', ?, ?)",
            [ARTICLE_ID, BODY[quote[0] : quote[1]], *quote],
        )
    return path


HOLDER = """
import sys
from pathlib import Path
from flows.store import warehouse
con = warehouse.connect(Path(sys.argv[1]), read_only=sys.argv[2] == 'read')
con.execute('select count(*) from articles').fetchall()
print('ready', flush=True)
for statement in sys.stdin:  # hold the file open until the test closes our stdin; answer each query on one line
    print(*con.execute(statement).fetchone(), flush=True)
con.close()
"""


@contextmanager
def held_open(path: Path, mode: str = "write") -> Iterator[subprocess.Popen]:
    """Another process holding ``path`` open (``write``: DuckDB's exclusive lock; ``read``: a reader)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert process.stdout.readline().strip() == "ready"
        yield process
    finally:
        process.stdin.close()
        process.wait(timeout=30)
