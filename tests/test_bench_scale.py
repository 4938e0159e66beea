"""The scale benchmark (bench/perf/scale.py): its code runs end to end on a tiny synthetic warehouse (figures are not
checked: they are the benchmark's output, not a test's), and its slope and table are computed right."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO

if str(REPO) not in sys.path:  # bench/ is a development tool beside flows/, not an installed package
    sys.path.insert(0, str(REPO))

from bench.perf.scale import format_table, measure_size, slope, verdicts  # noqa: E402

# Written for this test: "The Russian foreign minister arrived in Bamako yesterday to discuss security cooperation."
PAGE = "وزير الخارجية في مالي\nوصل وزير الخارجية الروسي إلى باماكو أمس لبحث التعاون الأمني مع مالي.\n"


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        pytest.param([(10_000, 1.0), (110_000, 3.0)], 2.0, id="two points: 2 s more per 100k"),
        pytest.param([(0, 5.0), (100_000, 5.0), (200_000, 5.0)], 0.0, id="flat: costs that do not grow"),
        pytest.param([(0, 0.0), (100_000, 1.0), (200_000, 0.5)], 0.25, id="least squares over three"),
        pytest.param([(10_000, 1.0), (100_000, None)], None, id="one usable point: no slope"),
    ],
)
def test_slope_is_per_100k_articles(points, expected):
    assert slope(points) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.slow
def test_the_scale_benchmark_runs_on_a_tiny_warehouse(tmp_path: Path):
    page = tmp_path / "pages" / "visit.txt"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    warm = [tmp_path / "pages" / "warm.txt", tmp_path / "pages" / "other.txt"]
    warm[0].write_text(PAGE.replace("أمس", "اليوم"), encoding="utf-8")
    warm[1].write_text(PAGE.replace("باماكو", "موسكو"), encoding="utf-8")
    result = measure_size(40, page, tmp_path / "work", warm)
    assert result["counts"]["articles"] == 40
    assert result["noop"]["counts"]["new"] == 0 and result["one_file"]["counts"]["loaded"] == 1
    assert result["one_file_warm"]["counts"]["loaded"] == 1 and result["noop_after"]["counts"]["new"] == 0
    assert {t["name"] for t in result["queries"]} == {t["name"] for t in result["snapshot_queries"]}
    assert all(t["error"] is None for t in result["queries"] + result["snapshot_queries"])
    assert not (tmp_path / "work" / "w40").exists()  # each size's warehouse is removed once measured
    table = format_table([result, {**result, "articles": 80}])
    assert "publish of that one article" in table and "slope per 100,000 articles" in table
    assert set(verdicts([result])) and all(isinstance(v, bool) for v in verdicts([result]).values())
