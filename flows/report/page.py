"""The report page: the charts' HTML and the quote cards poured into template.html, every value escaped.

Arabic text is marked ``lang="ar" dir="rtl"`` wherever it appears in the page's own HTML, so that it is laid out
right to left inside the English page; inside the charts, the browser's bidi algorithm orders it.
"""

from __future__ import annotations

import datetime as dt
import html
from importlib import resources
from string import Template

from flows.report.data import Freshness, Period, ReportData

# A warehouse whose last ingest run is older than this is flagged in red: a daily ingest has missed a day.
STALE_AFTER = dt.timedelta(days=2)
# Long reported speech is cut for the card; the provenance link leads to the whole sentence.
QUOTE_CHARS = 320


def template() -> Template:
    return Template(resources.files("flows.report").joinpath("template.html").read_text(encoding="utf-8"))


def render_page(data: ReportData, charts: dict[str, str], plotly_js: str, warehouse_name: str, now: dt.datetime) -> str:
    """The whole page; ``charts`` maps each chart's slot (timeline, network, speakers, trends, articles) to its HTML."""
    freshness = data.freshness
    return template().substitute(
        plotly_js=plotly_js,
        period_text=html.escape(period_text(data.period)),
        figures=headline_figures(data),
        freshness=freshness_text(freshness),
        stale_class=" stale" if is_stale(freshness, now) else "",
        quote_cards="\n".join(quote_card(row) for row in data.quote_cards.iter_rows(named=True)),
        undated_note=html.escape(undated_note(freshness)),
        generated_at=now.strftime("%Y-%m-%d %H:%M"),
        warehouse_name=f"<code>{html.escape(warehouse_name)}</code>",
        **charts,
    )


def period_text(period: Period) -> str:
    days = (period.end - period.start).days + 1
    return f"{period.start:%d %B %Y} to {period.end:%d %B %Y} ({days:,} day{'s' if days != 1 else ''})"


def headline_figures(data: ReportData) -> str:
    figures = (
        (int(data.articles_per_day["num_articles"].sum()) if data.articles_per_day.height else 0, "articles"),
        (int(data.events_per_day["num_events"].sum()) if data.events_per_day.height else 0, "events dated to the day"),
        (data.meetings.height, "pairs who met"),
        (
            int(data.top_speakers["num_quotes"].sum()) if data.top_speakers.height else 0,
            f"quotations of the {data.top_speakers.height} most quoted",
        ),
    )
    return "".join(f"<li><b>{value:,}</b><span>{html.escape(label)}</span></li>" for value, label in figures)


def freshness_text(freshness: Freshness) -> str:
    if freshness.last_run_at is None:
        run = "No ingest run recorded"
    else:
        run = f"Last ingest run {freshness.last_run_at:%Y-%m-%d %H:%M} ({html.escape(str(freshness.last_run_status))})"
    newest = (
        f"newest article published {freshness.newest_published_at:%Y-%m-%d %H:%M}"
        if freshness.newest_published_at
        else "no dated article"
    )
    return f"{run} · {newest} · {freshness.num_articles:,} articles in the warehouse."


def is_stale(freshness: Freshness, now: dt.datetime) -> bool:
    return freshness.last_run_at is None or now - freshness.last_run_at > STALE_AFTER


def undated_note(freshness: Freshness) -> str:
    if not freshness.num_undated:
        return "every article in the warehouse has a publication date."
    return f"{freshness.num_undated:,} articles without a publication date are not shown."


def quote_card(row: dict[str, object]) -> str:
    """One quotation: the Arabic text right to left, the speaker in both scripts, the date and where it came from."""
    text = str(row["quote_text"])
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    name_en, name_ar = str(row["speaker_name_en"]), str(row["speaker_name_ar"])
    speaker = f'<span lang="ar" dir="rtl">{html.escape(name_ar)}</span>'
    if name_en != name_ar:
        speaker = f'<span lang="en">{html.escape(name_en)}</span> · {speaker}'
    published = row["published_date"]
    when = f"{published:%Y-%m-%d}" if isinstance(published, dt.date) else "undated"
    source = html.escape(str(row["site_name"] or "source"))
    where = f'<a href="{html.escape(str(row["url"]), quote=True)}">{source}</a>' if row["url"] else source
    provenance = html.escape(f"akhbar query article_provenance {row['article_id']}", quote=True)
    return (
        '<figure class="quote">'
        f'<blockquote lang="ar" dir="rtl">{html.escape(text)}</blockquote>'
        f'<figcaption><p class="speaker"><span class="kind">{html.escape(str(row["quote_kind"]))}</span>{speaker}</p>'
        f'<p class="meta">{when} · {where} · <code title="{provenance}">{html.escape(str(row["source_path"]))}</code>'
        f" chars {row['char_start']}–{row['char_end']}</p></figcaption>"
        "</figure>"
    )
