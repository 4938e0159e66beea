"""How the CLI prints: aligned tables, CSV with Unix line ends, JSON, and a progress bar on a terminal."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import Sequence

# Table cells are cut to this many characters (a body_text in `akhbar sql` would fill the terminal).
MAX_CELL = 80


class ProgressBar:
    WIDTH = 30

    def __init__(self, unit: str = "files") -> None:
        self.unit = unit

    def __call__(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} {self.unit}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def print_summary(summary) -> None:
    print_table(["measure", "value"], summary.rows())
    for path, reason in summary.quarantined_files[:20]:
        print(f"  quarantined: {path}: {reason}")
    if len(summary.quarantined_files) > 20:
        print(f"  ... and {len(summary.quarantined_files) - 20} more (akhbar status)")


def print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")  # Unix line ends: cut, awk and spreadsheets all read them
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        print(
            json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=_json_default, indent=1)
        )
    else:
        print_table(columns, rows)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not columns:
        print("(statement executed)")
        return
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(str(c))] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = "  ".join(str(c).ljust(w) for c, w in zip(columns, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _cell(value: object) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _json_default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
