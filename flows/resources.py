"""The files the package ships beside its code: the Arabic rules under flows/data and the SQL under sql/.

One loader for every data file (``read_tsv``), and one way to the SQL: sql/ sits at the top of the repository (the
design keeps schema and queries together, outside the code) and is installed inside the wheel as the package
``flows.sql`` (pyproject.toml maps it with package-dir), so both an editable checkout and an installed wheel find it
through importlib.resources.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

DATA_PACKAGE = "flows.data"
SQL_PACKAGE = "flows.sql"


def data_text(*parts: str) -> str:
    """The text of a file under flows/data: ``data_text("gazetteer", "people.tsv")`` or ``data_text("months.tsv")``."""
    return resources.files(DATA_PACKAGE).joinpath("/".join(parts)).read_text(encoding="utf-8")


def data_path(*parts: str) -> Traversable:
    return resources.files(DATA_PACKAGE).joinpath("/".join(parts))


def read_tsv(*parts: str) -> list[dict[str, str]]:
    """The rows of a TSV under flows/data: ``#`` lines are comments, the first other line is the header; cells are
    stripped and a short row is padded with empty cells."""
    lines = [line for line in data_text(*parts).splitlines() if line.strip() and not line.startswith("#")]
    header = [cell.strip() for cell in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        rows.append({key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)})
    return rows


def read_tsv_tuples(*parts: str) -> list[tuple[str, ...]]:
    """``read_tsv`` rows as tuples in header order, for lexicons read by position."""
    return [tuple(row.values()) for row in read_tsv(*parts)]


def sql_dir() -> Traversable:
    """sql/ (schema.sql, views/, queries/), wherever the package was installed from."""
    return resources.files(SQL_PACKAGE)


def sql_text(name: str) -> str:
    return sql_dir().joinpath(name).read_text(encoding="utf-8")
