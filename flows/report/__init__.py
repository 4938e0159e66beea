"""`akhbar report`: one self-contained HTML page (charts, quote cards, freshness) from the warehouse, for reading
offline or attaching to an email.

read (sql/report/*.sql through the warehouse module) -> charts (plotly) -> page (template.html) -> one file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from flows.report import charts
from flows.report.data import read_report_data
from flows.report.page import render_page
from flows.store import warehouse


def write_report(
    con: warehouse.Connection,
    out: Path,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    warehouse_name: str = "the warehouse",
    now: dt.datetime | None = None,
) -> Path:
    """Write the report for ``start``..``end`` (default: all dated articles) to ``out``, replacing it atomically."""
    data = read_report_data(con, start, end)
    figures = {
        "timeline": charts.event_timeline(data.events_per_day),
        "network": charts.meeting_network(data.meetings),
        "speakers": charts.top_speakers(data.top_speakers),
        "trends": charts.entity_trends(data.entity_trends),
        "articles": charts.articles_per_day(data.articles_per_day),
    }
    page = render_page(
        data,
        {slot: charts.figure_html(figure, f"chart-{slot}") for slot, figure in figures.items()},
        charts.plotly_js(),
        warehouse_name,
        now or dt.datetime.now().replace(microsecond=0),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, out)  # a reader (or a mail client attaching it) never sees half a page
    return out
