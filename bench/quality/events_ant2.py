"""Event figures on the ANT v2.1 gold (tests/gold/ant2): `akhbar eval events --set ant2-dev|ant2-dev2|ant2-test|ant2-test2`.

The event stage reads body_text, so the gold's body reports are scored; the title's reports are counted apart. A
predicted report is paired with a gold one of the same article when its trigger overlaps the gold trigger, or else
when its sentence (its evidence) holds the gold trigger — one to one, best pairing first (same type and an actor in
common, then same type). Figures:
- event F1: a pair counts when the type matches and at least one actor matches (predicted actor1 or actor2 against
  gold actor1 or actor2);
- type F1: a pair counts when the type matches;
- cross-article pairs: the gold's clusters (tests/gold/ant2 ``clusters``) say which body reports of different articles
  report one event; the predicted reports of the split are linked at once as ingest links them
  (flows.nlp.events.linking), and every two type-matched gold reports of different articles are a pair, counted same
  by the gold when one cluster holds both (or one article's key, never across articles without a cluster) and same
  by the system when their reports share an event_id: pair precision and recall (the reports the stage missed or
  mistyped are not pairs; the recall of the reports themselves is type F1's);
- on type-matched pairs: actor1 accuracy (the gold agent, or none where the gold has none), status accuracy, and
  date accuracy on the pairs whose gold date is not null (the dev annotator left it null without a time expression;
  the test annotator gave the day's news the publication date: GUIDELINES.md and PREAMBLE).
An actor matches by name: the predicted entity's name or any of its surfaces in the article, against the gold name or
the surfaces the gold gives that canonical name, all normalised (flows.nlp.text.normalize) and without a leading
article or conjunction.

Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py). `dev` and `dev2` may be studied; `test` and `test2`
are scored once (test2 by the integrator, at the end of a round).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from bench.ant import ANT_CITATION, ANT_V2_CITATION
from bench.quality.events import link_sequentially, prf
from flows.nlp.entities import extract_entities
from flows.nlp.events.detect import detect_events
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import normalize
from flows.nlp.types import EventMention


@dataclass(frozen=True, slots=True)
class Report:
    """A predicted report with what scoring needs: its spans and the names its actors go by."""

    mention: EventMention
    sentence_start: int
    sentence_end: int
    actor1_names: frozenset[str]
    actor2_names: frozenset[str]


def name_key(name: str) -> str:
    """A name compared without diacritics, letter variants, a leading conjunction or article."""
    key = normalize(name).strip()
    for prefix in ("و", "ال"):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix) :]
    return key


def gold_names(name: str | None, entities: list) -> frozenset[str]:
    if not name:
        return frozenset()
    names = {name_key(name)}
    names |= {name_key(e.item["surface"]) for e in entities if e.item.get("canonical") == name}
    return frozenset(names)


def predicted_reports(article) -> list[Report]:
    doc = article.document()
    entities, mentions = extract_entities(doc)
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        names[entity.entity_id].add(name_key(entity.name_ar))
    for m in mentions:
        names[m.entity_id].add(name_key(m.surface))
    bounds = {s.index: (s.char_start, s.char_end) for s in doc.sentences}
    reports = []
    for event in detect_events(doc, mentions, entities, extract_quotes(doc, mentions, entities)):
        start, end = bounds.get(event.sentence_index, (event.char_start, event.char_end))
        reports.append(
            Report(
                event,
                start,
                end,
                frozenset(names.get(event.actor1_id or "", ())),
                frozenset(names.get(event.actor2_id or "", ())),
            )
        )
    return reports


def gold_date(value: str | None) -> tuple[dt.date | None, str]:
    if not value:
        return None, "unknown"
    parts = [int(p) for p in value.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), precision


def pair_article(gold: list, reports: list[Report], entities: list) -> list[tuple[int, int, bool]]:
    """(gold index, report index, an actor matches) for the article, one to one, best tier first."""
    candidates = []
    for gi, g in enumerate(gold):
        g1, g2 = gold_names(g.item.get("actor1"), entities), gold_names(g.item.get("actor2"), entities)
        for ri, r in enumerate(reports):
            m = r.mention
            overlap = m.char_start < g.end and g.start < m.char_end
            in_sentence = r.sentence_start <= g.start < r.sentence_end
            if not (overlap or in_sentence):
                continue
            same_type = m.event_type == g.item["type"]
            actor = bool((r.actor1_names | r.actor2_names) & (g1 | g2))
            rank = (not (same_type and actor), not same_type, not overlap, abs(m.char_start - g.start))
            candidates.append((rank, gi, ri, same_type, actor))
    used_gold: set[int] = set()
    used_report: set[int] = set()
    pairs = []
    for _, gi, ri, same_type, actor in sorted(candidates):
        if gi in used_gold or ri in used_report or not same_type:
            continue
        used_gold.add(gi)
        used_report.add(ri)
        pairs.append((gi, ri, actor))
    return pairs


def evaluate(split: str) -> dict:
    from bench.quality.ant2 import load_split

    counts = defaultdict(int)
    errors: list[str] = []
    predicted: dict[str, tuple[EventMention, ...]] = {}
    matched: list[tuple[str, str, int]] = []  # (gold event, docno, char_start of its report)
    clusters = load_clusters(split)
    for article in load_split(split):
        gold = [g for g in article.events if g.part == "body"]
        counts["title_reports"] += len(article.events) - len(gold)
        reports = predicted_reports(article)
        counts["gold"] += len(gold)
        counts["predicted"] += len(reports)
        pairs = pair_article(gold, reports, article.entities)
        paired_gold = {gi for gi, _, _ in pairs}
        paired_reports = {ri for _, ri, _ in pairs}
        predicted[article.docno] = tuple(r.mention for r in reports)
        for gi, ri, actor in pairs:
            g, r = gold[gi].item, reports[ri]
            key = f"{article.docno}:{g.get('key')}"
            matched.append((clusters.get(key, key), article.docno, r.mention.char_start))
            counts["type_tp"] += 1
            counts["event_tp"] += actor
            a1 = gold_names(g.get("actor1"), article.entities)
            actor1_right = bool(a1 & r.actor1_names) if a1 else r.mention.actor1_id is None
            counts["actor1_scored"] += 1
            counts["actor1_right"] += actor1_right
            counts["status_right"] += r.mention.status == g.get("status")
            if g.get("date"):
                counts["date_scored"] += 1
                date_right = gold_date(g["date"]) == (r.mention.event_date, r.mention.date_precision)
                counts["date_right"] += date_right
            else:
                date_right = True
            if not (actor and actor1_right and date_right):
                errors.append(
                    f"{article.docno} {g['type']} {r.mention.trigger!r}: gold {g.get('actor1')} -> {g.get('actor2')}"
                    f" {g.get('date')} {g.get('status')} | got {sorted(r.actor1_names)[:1]} -> "
                    f"{sorted(r.actor2_names)[:1]} {r.mention.event_date} {r.mention.status}"
                )
        for gi, g in enumerate(gold):
            if gi not in paired_gold:
                errors.append(
                    f"{article.docno} MISS {g.item['type']} {g.item['trigger']!r} in {g.item.get('anchor')!r}"
                )
        for ri, r in enumerate(reports):
            if ri not in paired_reports:
                errors.append(f"{article.docno} SPURIOUS {r.mention.event_type} {r.mention.trigger!r}")
    counts |= cross_article_pairs(matched, link_sequentially(predicted))
    return {"counts": dict(counts), "figures": figures(counts), "errors": errors}


def load_clusters(split: str) -> dict[str, str]:
    """'DOCNO:key' -> the name of the gold cluster that holds it."""
    import json

    from bench.quality.ant2 import gold_path

    raw = json.loads(gold_path(split).read_text(encoding="utf-8")).get("clusters", {})
    return {member: name for name, members in raw.items() for member in members}


def cross_article_pairs(matched: list[tuple[str, str, int]], assigned: dict[tuple[str, int], str]) -> dict[str, int]:
    """Counts of same-event pairs across articles: by the gold, by linking, by both."""
    found = [(event, docno, assigned[(docno, start)]) for event, docno, start in matched]
    counts = {"pair_gold": 0, "pair_predicted": 0, "pair_tp": 0}
    for (g1, d1, e1), (g2, d2, e2) in combinations(found, 2):
        if d1 == d2:
            continue
        counts["pair_gold"] += g1 == g2
        counts["pair_predicted"] += e1 == e2
        counts["pair_tp"] += g1 == g2 and e1 == e2
    return counts


def figures(c: dict) -> dict[str, float]:
    def share(right: str, scored: str) -> float:
        return c.get(right, 0) / c[scored] if c.get(scored) else 0.0

    event = prf(
        c.get("event_tp", 0), c.get("predicted", 0) - c.get("event_tp", 0), c.get("gold", 0) - c.get("event_tp", 0)
    )
    typed = prf(
        c.get("type_tp", 0), c.get("predicted", 0) - c.get("type_tp", 0), c.get("gold", 0) - c.get("type_tp", 0)
    )
    return {
        "event_precision": event["precision"],
        "event_recall": event["recall"],
        "event_f1": event["f1"],
        "type_f1": typed["f1"],
        "actor1_accuracy": share("actor1_right", "actor1_scored"),
        "date_accuracy": share("date_right", "date_scored"),
        "status_accuracy": share("status_right", "type_tp"),
        "pair_precision": share("pair_tp", "pair_predicted"),
        "pair_recall": share("pair_tp", "pair_gold"),
    }


def report(split: str, result: dict) -> str:
    f, c = result["figures"], result["counts"]
    return "\n".join(
        [
            f"events on ANT v2.1 gold, {split} split (tests/gold/ant2), body reports; "
            f"{ANT_CITATION}; {ANT_V2_CITATION}",
            f"event F1 (type + >=1 actor) {f['event_f1']:.3f}  P {f['event_precision']:.3f}  R {f['event_recall']:.3f}"
            f"  (tp {c.get('event_tp', 0)}, predicted {c.get('predicted', 0)}, gold {c.get('gold', 0)})",
            f"type F1                    {f['type_f1']:.3f}  (tp {c.get('type_tp', 0)})",
            f"actor1 accuracy            {f['actor1_accuracy']:.3f}  (on {c.get('actor1_scored', 0)} type-matched)",
            f"date accuracy              {f['date_accuracy']:.3f}  (on {c.get('date_scored', 0)} with a gold date)",
            f"status accuracy            {f['status_accuracy']:.3f}",
            f"cross-article pairs        P {f['pair_precision']:.3f}  R {f['pair_recall']:.3f}  (linked {c.get('pair_predicted', 0)}"
            f", gold {c.get('pair_gold', 0)}, both {c.get('pair_tp', 0)}; type-matched reports, linked at once)",
            f"title reports not scored   {c.get('title_reports', 0)} (the event stage reads body_text)",
        ]
    )
