"""The report's charts: Polars frames in, plotly figures out. The only module that imports plotly.

Every figure is drawn by plotly.js inside the page (one inline copy, `plotly_js`), so the report works offline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go
import plotly.offline
import polars as pl
from plotly.subplots import make_subplots

from flows.report.layout import spring_layout

# PLOVER's event types from cooperation to conflict, as ../shared/contract.md lists them: the timeline's rows.
PLOVER_ORDER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
STATUS_STYLE = {  # occurred: a filled dot; planned: a ring of another colour, so the two read apart in grey print too
    "occurred": {"symbol": "circle", "color": "#1f5f8b"},
    "planned": {"symbol": "circle-open", "color": "#d9822b"},
}
TYPE_COLOURS = {"PERSON": "#1f5f8b", "ORG": "#d9822b", "GPE": "#3a8d5c", "LOC": "#7a5ea8"}
TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "GPE": "country or city", "LOC": "place"}
GROUP_TITLES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places"}
FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Noto Naskh Arabic', sans-serif"
# Plotly's own toolbar stays (zoom, pan, download as PNG) without the link to plotly's website.
CONFIG = {"displaylogo": False, "responsive": True}


# Plotly is given lists: it takes a Polars series only through numpy, which akhbar does not install.


def plotly_js() -> str:
    """The plotly.js bundle that ships inside the plotly package: inlined once, no network needed."""
    return plotly.offline.get_plotlyjs()


def figure_html(figure: go.Figure, div_id: str) -> str:
    """A <div> and the <script> that draws ``figure`` into it (plotly.js itself is included once elsewhere)."""
    return figure.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=CONFIG)


def bilingual(name_en: str, name_ar: str, separator: str = " · ") -> str:
    """'Sergey Lavrov · سيرغي لافروف'; the Arabic alone when there is no English name yet."""
    return name_ar if not name_en or name_en == name_ar else f"{name_en}{separator}{name_ar}"


PALETTE = ("#1f5f8b", "#d9822b", "#3a8d5c", "#b5425a", "#7a5ea8", "#8c6d3f", "#4f9fb8", "#9a9a3a", "#c07aa0", "#5d6b7a")


def _base(height: int, **layout: object) -> go.Figure:
    figure = go.Figure()
    figure.update_layout(
        height=height,
        colorway=list(PALETTE),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font={"family": FONT, "size": 13},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font": {"family": FONT}},
        **layout,
    )
    figure.update_xaxes(gridcolor="#eceff3", zeroline=False, automargin=True)
    figure.update_yaxes(gridcolor="#eceff3", zeroline=False, automargin=True)
    return figure


def empty_figure(message: str) -> go.Figure:
    figure = _base(140)
    figure.add_annotation(
        text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15, "color": "#667"}
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def event_timeline(events: pl.DataFrame) -> go.Figure:
    """One row per PLOVER type, one dot per day (area: events that day), filled when occurred, a ring when planned."""
    if events.is_empty():
        return empty_figure("No events dated to the day in this period")
    types = [t for t in PLOVER_ORDER if t in set(events["event_type"])]
    types += sorted(set(events["event_type"]) - set(types))
    figure = _base(
        70 + 34 * len(types),
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        scattermode="group",
        scattergap=0.5,
    )  # occurred and planned side by side in a type's row
    largest = max(int(events["num_events"].max()), 1)  # type: ignore[arg-type]
    for status, style in STATUS_STYLE.items():
        rows = events.filter(pl.col("status") == status)
        if rows.is_empty():
            continue
        figure.add_scatter(
            x=rows["event_date"].to_list(),
            y=rows["event_type"].to_list(),
            mode="markers",
            name=status,
            orientation="h",
            marker={
                "symbol": style["symbol"],
                "color": style["color"],
                "line": {"width": 2, "color": style["color"]},
                "size": [8 + 22 * math.sqrt(n / largest) for n in rows["num_events"]],
                "opacity": 0.8,
            },
            customdata=list(zip(rows["num_events"], rows["num_articles"], rows["example_en"], rows["example_ar"])),
            hovertemplate="%{x|%Y-%m-%d} %{y}<br>%{customdata[0]} events, %{customdata[1]} articles"
            "<br>e.g. %{customdata[2]}<br>%{customdata[3]}<extra>" + status + "</extra>",
        )
    figure.update_yaxes(  # half a row of room below the last type and above the first, for their largest dots
        categoryorder="array", categoryarray=list(reversed(types)), type="category", range=[-0.8, len(types) - 0.2]
    )
    return figure


@dataclass(frozen=True, slots=True)
class Node:
    entity_type: str
    name_en: str
    name_ar: str
    articles: int


def meeting_network(meetings: pl.DataFrame) -> go.Figure:
    """Who met whom: nodes sized by the articles mentioning them, edges as thick as the meetings they shared."""
    if meetings.is_empty():
        return empty_figure("No meetings (CONSULT events) with two known participants in this period")
    nodes: dict[str, Node] = {}
    for side in ("source", "target"):
        for row in meetings.iter_rows(named=True):
            nodes.setdefault(
                row[f"{side}_id"],
                Node(row[f"{side}_type"], row[f"{side}_name_en"], row[f"{side}_name_ar"], row[f"{side}_articles"]),
            )
    edges = [(r["source_id"], r["target_id"], float(r["num_meetings"])) for r in meetings.iter_rows(named=True)]
    place = spring_layout(list(nodes), edges)
    figure = _base(
        620, showlegend=True, legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0}, hovermode="closest"
    )
    most_meetings = max(weight for _, _, weight in edges)
    for source, target, weight in edges:
        (x0, y0), (x1, y1) = place[source], place[target]
        figure.add_scatter(
            x=[x0, x1],
            y=[y0, y1],
            mode="lines",
            showlegend=False,
            hoverinfo="skip",
            line={"width": 1 + 7 * weight / most_meetings, "color": "rgba(90,100,120,0.35)"},
        )
    figure.add_scatter(  # an invisible point mid-edge says who met whom how often
        x=[(place[s][0] + place[t][0]) / 2 for s, t, _ in edges],
        y=[(place[s][1] + place[t][1]) / 2 for s, t, _ in edges],
        mode="markers",
        marker={"size": 10, "opacity": 0},
        showlegend=False,
        text=[f"{nodes[s].name_en} – {nodes[t].name_en}: {int(w)} meeting{'s' if w != 1 else ''}" for s, t, w in edges],
        hovertemplate="%{text}<extra></extra>",
    )
    most_articles = max(max(node.articles for node in nodes.values()), 1)
    for entity_type, colour in TYPE_COLOURS.items():
        ids = [node_id for node_id, node in nodes.items() if node.entity_type == entity_type]
        if not ids:
            continue
        figure.add_scatter(
            x=[place[i][0] for i in ids],
            y=[place[i][1] for i in ids],
            mode="markers+text",
            name=TYPE_NAMES[entity_type],
            marker={
                "size": [10 + 36 * math.sqrt(nodes[i].articles / most_articles) for i in ids],
                "color": colour,
                "opacity": 0.85,
                "line": {"width": 1, "color": "white"},
            },
            text=[nodes[i].name_en for i in ids],
            textposition="top center",
            textfont={"size": 12},
            customdata=[[nodes[i].name_ar, nodes[i].articles] for i in ids],
            hovertemplate="%{text}<br>%{customdata[0]}<br>mentioned in %{customdata[1]} articles<extra></extra>",
        )
    figure.update_xaxes(visible=False, range=[-0.08, 1.08])
    figure.update_yaxes(visible=False, range=[-0.05, 1.1])
    return figure


def top_speakers(speakers: pl.DataFrame) -> go.Figure:
    """The most quoted, most first: direct quotations and reported speech stacked."""
    if speakers.is_empty():
        return empty_figure("No quotations with a known speaker in this period")
    ordered = speakers.reverse()  # plotly draws the first bar at the bottom
    labels = [bilingual(en, ar, "  ") for en, ar in zip(ordered["name_en"], ordered["name_ar"])]
    figure = _base(
        60 + 28 * speakers.height, barmode="stack", legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0}
    )
    reported = [total - direct for total, direct in zip(ordered["num_quotes"], ordered["num_direct"])]
    for name, values, colour in (("direct", ordered["num_direct"], "#1f5f8b"), ("reported", reported, "#9cc3de")):
        figure.add_bar(
            x=list(values),
            y=labels,
            orientation="h",
            name=name,
            marker={"color": colour},
            customdata=list(ordered["num_articles"]),
            hovertemplate="%{y}<br>%{x} " + name + " (in %{customdata} articles overall)<extra></extra>",
        )
    figure.update_xaxes(title_text="quotations")
    return figure


def entity_trends(trends: pl.DataFrame) -> go.Figure:
    """Articles per week mentioning the leading people, organisations and places: one panel each."""
    if trends.is_empty():
        return empty_figure("No dated articles mention an entity in this period")
    groups = [group for group in GROUP_TITLES if group in set(trends["entity_group"])]
    figure = make_subplots(
        rows=len(groups),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        subplot_titles=[GROUP_TITLES[g] for g in groups],
    )
    for row, group in enumerate(groups, start=1):
        part = trends.filter(pl.col("entity_group") == group)
        for rank, entity in enumerate(part["entity_id"].unique(maintain_order=True)):
            lines = part.filter(pl.col("entity_id") == entity).sort("week")
            name_en, name_ar = lines["name_en"][0], lines["name_ar"][0]
            figure.add_scatter(
                x=lines["week"].to_list(),
                y=lines["num_articles"].to_list(),
                mode="lines+markers",
                row=row,
                col=1,
                name=bilingual(name_en, name_ar),
                legendgroup=group,
                legendgrouptitle_text=GROUP_TITLES[group],
                line={"color": PALETTE[rank % len(PALETTE)], "width": 2},
                marker={"size": 6},
                hovertemplate="week of %{x|%Y-%m-%d}: %{y} articles<extra>" + name_en + "</extra>",
            )
        figure.update_yaxes(title_text="articles", row=row, col=1, rangemode="tozero")
    figure.update_layout(
        height=120 + 200 * len(groups),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"family": FONT, "size": 13},
        plot_bgcolor="white",
        legend={"groupclick": "toggleitem"},
    )
    figure.update_xaxes(gridcolor="#eceff3", automargin=True)
    figure.update_yaxes(gridcolor="#eceff3", automargin=True)
    return figure


def articles_per_day(articles: pl.DataFrame) -> go.Figure:
    """Articles per day stacked by source; the legend gives each source's total for the period."""
    if articles.is_empty():
        return empty_figure("No dated articles in this period")
    totals = (
        articles.group_by("source")
        .agg(pl.col("num_articles").sum())
        .sort(["num_articles", "source"], descending=[True, False])
    )
    figure = _base(
        360, barmode="stack", legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0}, bargap=0.15
    )
    for source, total in totals.iter_rows():
        rows = articles.filter(pl.col("source") == source)
        figure.add_bar(
            x=rows["day"].to_list(),
            y=rows["num_articles"].to_list(),
            name=f"{source} ({total:,})",
            hovertemplate="%{x|%Y-%m-%d}: %{y} articles<extra>" + source + "</extra>",
        )
    figure.update_yaxes(title_text="articles")
    return figure
