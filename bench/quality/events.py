"""`akhbar eval events`: event detection, dates and cross-article dedup scored on the seed gold.

Gold (tests/gold/events_seeds.json) locates each report by a short anchor and its trigger inside the clean body,
so small cleaner changes do not invalidate it. A predicted event mention matches a gold one when it is in the
same article, has the same PLOVER type and its trigger span overlaps the gold trigger. Printed: precision /
recall / F1 by type and overall, date accuracy and status accuracy on matched reports, actor recall on the gold
events that list actors, and pairwise dedup precision / recall / F1 after linking the seeds (in any order: linking
depends on the set of reports, as in ingest runs).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import polars as pl

from flows.nlp.entities import extract_entities
from flows.nlp.events.detect import detect_events
from flows.nlp.events.linking import link_events, new_mentions_frame
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Document, EventMention

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "events_seeds.json"
SEEDS = REPO.parent / "shared" / "seeds"


@dataclass(frozen=True, slots=True)
class GoldMention:
    seed: str
    event: str
    event_type: str
    char_start: int
    char_end: int
    date: str | None
    status: str


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def seed_document(seeds_dir: Path, seed: str, file_name: str) -> Document:
    from flows.pipeline import document_from_text

    return document_from_text((seeds_dir / file_name).read_text(encoding="utf-8"), article_id=seed)


def locate(gold: dict, bodies: dict[str, str]) -> tuple[list[GoldMention], list[str]]:
    """Gold mentions with offsets in the clean bodies, and the anchors that could not be found."""
    found, missing = [], []
    for event in gold["events"]:
        for m in event["mentions"]:
            body = bodies[m["seed"]]
            at = body.find(m["anchor"])
            inner = m["anchor"].find(m["trigger"])
            if at < 0 or inner < 0:
                missing.append(f"{m['seed']}: {m['anchor']}")
                continue
            start = at + inner
            found.append(
                GoldMention(
                    m["seed"], event["event"], event["type"], start, start + len(m["trigger"]), m["date"], m["status"]
                )
            )
    return found, missing


def gold_date(value: str | None) -> tuple[dt.date | None, str]:
    if value is None:
        return None, "unknown"
    parts = [int(p) for p in value.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), precision


def match(gold: list[GoldMention], predicted: dict[str, tuple[EventMention, ...]]) -> dict[int, tuple[str, int]]:
    """gold index -> (seed, index of the predicted mention), one to one, first overlap of the same type."""
    used: set[tuple[str, int]] = set()
    pairs: dict[int, tuple[str, int]] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted.get(g.seed, ())):
            key = (g.seed, pi)
            if key in used or p.event_type != g.event_type:
                continue
            if p.char_start < g.char_end and g.char_start < p.char_end:
                used.add(key)
                pairs[gi] = key
                break
    return pairs


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def link_sequentially(predicted: dict[str, tuple[EventMention, ...]]) -> dict[tuple[str, int], str]:
    """(seed, char_start) -> event_id. Linking depends on the set of reports, not their order (issue 14.5), so
    linking the seeds at once gives what linking them one at a time would."""
    frames = [new_mentions_frame(seed, predicted[seed]) for seed in sorted(predicted)]
    _, mentions = link_events(pl.concat(frames))
    return {(row["article_id"], row["char_start"]): row["event_id"] for row in mentions.iter_rows(named=True)}


def pairwise(gold: list[GoldMention], pairs: dict[int, tuple[str, int]], predicted, assigned) -> dict[str, float]:
    """Pairwise dedup scores over the gold reports the detector found."""
    matched = [(gi, assigned[(seed, predicted[seed][pi].char_start)]) for gi, (seed, pi) in pairs.items()]
    tp = fp = fn = 0
    for (g1, e1), (g2, e2) in combinations(matched, 2):
        same_gold, same_pred = gold[g1].event == gold[g2].event, e1 == e2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return prf(tp, fp, fn)


def evaluate(seeds_dir: Path = SEEDS, gold_path: Path = GOLD) -> dict:
    """Scores on the seed gold: the four seeds cleaned by the pipeline, linked one article at a time."""
    gold_doc = load_gold(gold_path)
    docs = {seed: seed_document(seeds_dir, seed, name) for seed, name in gold_doc["seeds"].items()}
    return score(docs, gold_doc)


def score(docs: dict[str, Document], gold_doc: dict) -> dict:
    """Detection, date, status, actor and dedup figures of the detector on ``docs`` against ``gold_doc``."""
    analyses = {seed: extract_entities(doc) for seed, doc in docs.items()}
    predicted = {seed: detect_events(doc, analyses[seed][1], analyses[seed][0]) for seed, doc in docs.items()}
    gold, missing = locate(gold_doc, {seed: doc.body_text for seed, doc in docs.items()})
    pairs = match(gold, predicted)

    types = sorted({g.event_type for g in gold} | {p.event_type for ps in predicted.values() for p in ps})
    matched_pred = set(pairs.values())
    by_type = {}
    for t in types:
        tp = sum(1 for gi in pairs if gold[gi].event_type == t)
        fn = sum(1 for gi, g in enumerate(gold) if g.event_type == t and gi not in pairs)
        fp = sum(
            1
            for seed, ps in predicted.items()
            for pi, p in enumerate(ps)
            if p.event_type == t and (seed, pi) not in matched_pred
        )
        by_type[t] = prf(tp, fp, fn)
    overall = prf(
        sum(s["tp"] for s in by_type.values()),
        sum(s["fp"] for s in by_type.values()),
        sum(s["fn"] for s in by_type.values()),
    )

    dates_right = sum(
        1
        for gi, (seed, pi) in pairs.items()
        if gold_date(gold[gi].date) == (predicted[seed][pi].event_date, predicted[seed][pi].date_precision)
    )
    status_right = sum(1 for gi, (seed, pi) in pairs.items() if gold[gi].status == predicted[seed][pi].status)
    assigned = link_sequentially(predicted)
    dedup = pairwise(gold, pairs, predicted, assigned)
    actors = actor_recall(gold_doc, gold, pairs, predicted, analyses, assigned)
    agents = actor1_accuracy(gold_doc, gold, pairs, predicted, analyses)
    n = len(pairs)
    return {
        "overall": overall,
        "by_type": by_type,
        "date_accuracy": dates_right / n if n else 0.0,
        "status_accuracy": status_right / n if n else 0.0,
        "matched": n,
        "gold_mentions": len(gold),
        "missing_anchors": missing,
        "dedup": dedup,
        "actor_recall": actors,
        "actor1_accuracy": agents,
    }


def surface_ids(analyses) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = defaultdict(set)
    for _, mentions in analyses.values():
        for m in mentions:
            ids[normalize(m.surface)].add(m.entity_id)
    return ids


def ids_for(surface: str, by_surface: dict[str, set[str]]) -> set[str]:
    wanted = normalize(surface)
    return set().union(*(v for k, v in by_surface.items() if wanted in k)) if by_surface else set()


def actor1_accuracy(gold_doc, gold, pairs, predicted, analyses) -> float | None:
    """Share of matched reports whose actor1 is one the gold names (gold events with an actor1 list only)."""
    by_surface = surface_ids(analyses)
    if not by_surface:
        return None
    wanted = {e["event"]: e["actor1"] for e in gold_doc["events"] if e.get("actor1")}
    scored = right = 0
    for gi, (seed, pi) in pairs.items():
        if gold[gi].event in wanted:
            scored += 1
            accepted = set().union(*(ids_for(s, by_surface) for s in wanted[gold[gi].event]))
            right += predicted[seed][pi].actor1_id in accepted
    return right / scored if scored else None


def actor_recall(gold_doc, gold, pairs, predicted, analyses, assigned) -> float | None:
    """Share of gold actors (by surface) found among the linked event's actors; None without an entity stage."""
    ids_by_surface = surface_ids(analyses)
    if not ids_by_surface:
        return None
    event_actors: dict[str, set[str]] = defaultdict(set)
    for gi, (seed, pi) in pairs.items():
        p = predicted[seed][pi]
        event_actors[gold[gi].event] |= set(p.actor_ids) | {a for a in (p.actor1_id, p.actor2_id) if a}
    wanted = found = 0
    for event in gold_doc["events"]:
        for surface in event.get("actors", ()):
            wanted += 1
            found += bool(ids_for(surface, ids_by_surface) & event_actors[event["event"]])
    return found / wanted if wanted else None


def report(result: dict) -> str:
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, s in [*sorted(result["by_type"].items()), ("ALL", result["overall"])]:
        lines.append(
            f"{name:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:4d} {s['fp']:4d} {s['fn']:4d}"
        )
    d = result["dedup"]
    lines += [
        f"date accuracy   {result['date_accuracy']:.3f}  (on {result['matched']} matched of "
        f"{result['gold_mentions']} gold reports)",
        f"status accuracy {result['status_accuracy']:.3f}",
        f"dedup pairwise  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
        f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})",
        "actor recall    "
        + (
            "n/a (no entity stage, or no gold actors)"
            if result["actor_recall"] is None
            else f"{result['actor_recall']:.3f}  (gold actors among the linked event's actors)"
        ),
        "actor1 accuracy "
        + (
            "n/a (no entity stage, or no gold actor1)"
            if result["actor1_accuracy"] is None
            else f"{result['actor1_accuracy']:.3f}  (the agent of each matched report)"
        ),
    ]
    if result["missing_anchors"]:
        lines.append("gold anchors not found in the clean bodies: " + "; ".join(result["missing_anchors"]))
    return "\n".join(lines)


def run(argv: list[str] | None = None) -> dict:
    """Print the event figures on the seed gold and return them.

    argv: [SEEDS_DIR] (default ../shared/seeds); ["--set", "ant2-dev"|"ant2-dev2"|"ant2-test"|"ant2-test2"|"ant2-test3", ["--errors"]] scores the ANT v2.1
    gold (bench/quality/events_ant2.py); ["--audit", [FILE]] prints a hand-judged audit (bench/quality/event_audit.py);
    ["--heldout", [ANT_TARBALL]] scores the held-out ANT gold
    (tests/gold/events_ant_heldout.json) instead; ["--spot-check", [ANT_TARBALL]] lists detections on a sample of
    the ANT corpus for a person to judge.
    """
    from bench.quality import event_corpus

    if argv and argv[0] == "--set":
        from bench.ant import ANT_V2_TARBALL
        from bench.quality import events_ant2
        from bench.quality.ant2 import SPLITS

        split = argv[1].removeprefix("ant2-") if len(argv) > 1 else ""
        if split not in SPLITS:
            print("--set takes ant2-dev, ant2-dev2, ant2-test, ant2-test2 or ant2-test3")
            return {}
        if not ANT_V2_TARBALL.is_file():
            print(f"no ANT v2.1 corpus at {ANT_V2_TARBALL}: ../shared ships beside the repo in CI")
            return {}
        result = events_ant2.evaluate(split)
        print(events_ant2.report(split, result))
        if "--errors" in argv:
            print("\n".join(result["errors"]))
        return result
    if argv and argv[0] == "--audit":
        from bench.quality import event_audit

        path = Path(argv[1]) if len(argv) > 1 else event_audit.AUDIT_FILE
        print(event_audit.report(path.resolve()))
        return dict(event_audit.figures(path))
    if argv and argv[0] in ("--heldout", "--spot-check"):
        tarball = Path(argv[1]) if len(argv) > 1 else event_corpus.ANT_TARBALL
        if not tarball.is_file():
            print(f"no ANT corpus at {tarball}: ../shared ships beside the repo in CI, not in a user's clone")
            return {}
        if argv[0] == "--spot-check":
            lines = event_corpus.spot_check(tarball)
            print("\n".join(f"[{i}] {line}" for i, line in enumerate(lines, 1)))
            return {"detections": len(lines)}
        gold_doc = load_gold(event_corpus.HELDOUT_GOLD)
        result = score(event_corpus.heldout_documents(tarball, gold_doc), gold_doc)
        print("held-out: 10 ANT articles (ANT Corpus, Chouigui, Ben Khiroun, Elayeb, AICCSA 2017)")
        print(report(result))
        return result
    seeds_dir = Path(argv[0]) if argv else SEEDS
    if not seeds_dir.is_dir():
        print(f"no seeds at {seeds_dir}: ../shared ships beside the repo in CI, not in a user's clone")
        return {}
    result = evaluate(seeds_dir)
    print(report(result))
    return result


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
