"""What the hand-judged random audits (quotes, entities, events) share: the articles they may draw from, and their
judged TSV files (a header, one row per drawn record, the judge's columns filled by hand, '#' lines as comments).

The drawn articles come from ANT v2.1 with the blind gold left out; the files keep short excerpts only.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_V2_TARBALL, member_names
from bench.quality.ant2 import blind_members, not_gold


def drawable_names(tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """Article member names an audit may draw from, in archive order (a seeded draw depends on it)."""
    return not_gold(member_names(tarball))


def rereadable_names(tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """Article member names a re-run of judged rows may read: every article but the blind splits'. A judged audit may
    hold an article a later dev split took in (round 9: seed 56 was drawn while dev2 was being chosen), and re-reading
    it is no draw."""
    blind = blind_members()
    return [name for name in member_names(tarball) if not any(name.endswith(path) for path in blind)]


def write_rows(rows: list[dict[str, str]], path: Path, columns: Sequence[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(columns)] + ["\t".join(row[c].replace("\t", " ") for c in columns) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def share(rows: list[dict[str, str]], column: str, yes: str = "1", no: str = "0") -> tuple[float, int]:
    """The share of judged rows (``yes`` or ``no`` in ``column``) judged ``yes``, and how many were judged."""
    judged = [row[column] for row in rows if row.get(column) in (yes, no)]
    return (sum(v == yes for v in judged) / len(judged) if judged else 0.0), len(judged)


def parse_audit_args(
    argv: Sequence[str] | None, prog: str, description: str, unit: str, seed: int, default_file: Path
) -> argparse.Namespace:
    """The audits' command line: ``draw [--articles N] [--<unit> N] [--seed S] [--out FILE]`` or ``score [FILE]``;
    the number of rows drawn is ``args.rows``."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    sub = parser.add_subparsers(dest="command", required=True)
    draw = sub.add_parser("draw")
    draw.add_argument("--articles", type=int, default=2000)
    draw.add_argument(f"--{unit}", type=int, default=100, dest="rows")
    draw.add_argument("--seed", type=int, default=seed)
    draw.add_argument("--out", type=Path, default=default_file)
    score = sub.add_parser("score")
    score.add_argument("file", type=Path, nargs="?", default=default_file)
    args = parser.parse_args(list(argv or []))
    if args.command == "draw" and args.out.exists():
        # a judged audit is hours of reading: a draw never writes over a file (round 7 nearly lost seed 53's)
        parser.error(f"{args.out} exists: draw into a new file with --out")
    return args
