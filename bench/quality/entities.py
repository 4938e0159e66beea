"""`akhbar eval entities`: exact-span precision / recall / F1 per type for the entity stage.

Two gold sets:
- seeds: tests/gold/entities_seeds.json on the four seed articles (../shared/seeds, body = clean_text(raw).body_text);
  mentions are located by surface + nth occurrence. Also reports entity-id accuracy on matched spans.
- ant: tests/gold/entities_ant_heldout.json, three ANT corpus articles annotated before the rules ever ran on
  them (a held-out check on the seed figures, which the rules were developed on); mentions located by anchors.
- wojood: ../shared/gold/wojood-sample/<split>.txt (SinaLab, MIT), token per line with nested tags; scored on
  PERS, ORG, GPE, LOC by token-aligned exact span (our PERSON is PERS). Two conventions are mapped, and said so
  when the figures are printed: our adjectival nisba mentions are NORP there (not scored), and Wojood's GPE spans
  take the place word before the name (مدينة البيرة، قرية المجدل), so ours are widened over such a word.

Also ``--cost``: the entity stage's time per article against trafilatura's extraction of the same article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.ant import (
    ANT_CITATION,
    ANT_V2_CITATION,
    ANT_V2_TARBALL,
    DEFAULT_ANT_TARBALL,
    iter_ant_xml,
    parse_ant_document,
)
from bench.quality.ant2 import SPLITS as ANT2_SPLITS
from flows.nlp.entities.extract import extract_entities
from flows.nlp.text.arabic import normalize, split_sentences
from flows.nlp.types import Document, Mention

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "entities_seeds.json"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
WOJOOD = SHARED / "gold" / "wojood-sample"
HTML_PAGES = REPO / "tests" / "fixtures" / "samples_src"
GOLD_ANT = REPO / "tests" / "gold" / "entities_ant_heldout.json"
ANT_TARBALL = DEFAULT_ANT_TARBALL
TYPES = ("PERSON", "ORG", "GPE", "LOC")
WOJOOD_TYPES = {"PERS": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}
# Place words Wojood keeps inside a GPE span (normalised, proclitics allowed).
WOJOOD_PLACE_WORDS = frozenset(
    normalize(w)
    for w in ("مدينة", "قرية", "بلدة", "مخيم", "محافظة", "منطقة", "لواء", "ولاية", "إقليم", "عاصمة", "قضاء")
)

Span = tuple[str, int, int]  # (type, start, end) in characters or tokens


@dataclass(frozen=True, slots=True)
class Figures:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def score(gold: Iterable[Span], predicted: Iterable[Span]) -> dict[str, Figures]:
    """Exact-span figures per type and over all types ("all")."""
    gold_c, pred_c = Counter(gold), Counter(predicted)
    out = {}
    for kind in (*TYPES, "all"):
        g = Counter({s: n for s, n in gold_c.items() if kind == "all" or s[0] == kind})
        p = Counter({s: n for s, n in pred_c.items() if kind == "all" or s[0] == kind})
        tp = sum((g & p).values())
        out[kind] = Figures(tp, sum(p.values()) - tp, sum(g.values()) - tp)
    return out


# --- seeds ----------------------------------------------------------------------------------------------------
def seed_body(path: Path) -> str:
    from flows.read.textclean import clean_text

    return clean_text(path.read_text(encoding="utf-8")).body_text


def locate(body: str, surface: str, nth: int) -> int:
    """Offset of the nth (0-based) occurrence of ``surface`` in ``body``; ValueError when there is none."""
    pos = -1
    for _ in range(nth + 1):
        pos = body.find(surface, pos + 1)
        if pos < 0:
            raise ValueError(f"gold surface {surface!r} #{nth} not in body")
    return pos


def load_seed_gold(path: Path = GOLD) -> dict[str, list[dict]]:
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def evaluate_seeds(seeds_dir: Path = SEEDS, gold_path: Path = GOLD) -> dict:
    gold_all = load_seed_gold(gold_path)
    gold_spans, pred_spans = [], []
    ids_right = ids_total = 0
    misses, spurious = [], []
    for name, rows in sorted(gold_all.items()):
        body = seed_body(seeds_dir / f"{name}.txt")
        doc = Document(name, body, sentences=split_sentences(body))
        _, mentions = extract_entities(doc)
        gold_ids = {}
        for row in rows:
            start = locate(body, row["surface"], row.get("nth", 0))
            span = (row["type"], start, start + len(row["surface"]))
            gold_spans.append((name, *span))
            gold_ids[span] = row["entity_id"]
        predicted = {(m.entity_type, m.char_start, m.char_end): m for m in mentions}
        pred_spans += [(name, *s) for s in predicted]
        for span, entity_id in gold_ids.items():
            if span in predicted:
                ids_total += 1
                ids_right += predicted[span].entity_id == entity_id
            else:
                misses.append(f"{name}: {span[0]} {body[span[1] : span[2]]!r} @{span[1]}")
        spurious += [f"{name}: {s[0]} {body[s[1] : s[2]]!r} @{s[1]}" for s in predicted if s not in gold_ids]
    figures = score([(s[1], s) for s in gold_spans], [(s[1], s) for s in pred_spans])
    return {
        "figures": figures,
        "entity_id_accuracy": ids_right / ids_total if ids_total else 0.0,
        "misses": misses,
        "spurious": spurious,
    }


# --- ANT held-out ---------------------------------------------------------------------------------------------
def ant_texts(docnos: set[str], tarball: Path = ANT_TARBALL) -> dict[str, str]:
    """The TEXT of the given ANT documents, read straight from the shared tarball."""
    out: dict[str, str] = {}
    for name, xml in iter_ant_xml(tarball):
        if any(d in name for d in docnos) and (article := parse_ant_document(xml)) and article.docno in docnos:
            out[article.docno] = "\n".join(article.paragraphs)
    return out


def locate_row(body: str, row: dict) -> int:
    """Start of a gold mention: the surface inside its anchor (first occurrence), or its nth occurrence."""
    if "anchor" in row:
        anchor_at = locate(body, row["anchor"], 0)
        return anchor_at + row["anchor"].index(row["surface"])
    return locate(body, row["surface"], row.get("nth", 0))


def evaluate_ant_heldout(gold_path: Path = GOLD_ANT, tarball: Path = ANT_TARBALL) -> dict:
    """Exact-span figures on the held-out ANT articles (spans and types; no entity ids there)."""
    gold_all = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    bodies = ant_texts(set(gold_all), tarball)
    gold, predicted, misses, spurious = [], [], [], []
    for name, rows in sorted(gold_all.items()):
        body = bodies[name]
        _, mentions = extract_entities(Document(name, body, sentences=split_sentences(body)))
        spans = set()
        for row in rows:
            start = locate_row(body, row)
            spans.add((row["type"], start, start + len(row["surface"])))
        found = {(m.entity_type, m.char_start, m.char_end) for m in mentions}
        gold += [(s[0], (name, *s)) for s in spans]
        predicted += [(s[0], (name, *s)) for s in found]
        misses += [f"{name}: {s[0]} {body[s[1] : s[2]]!r}" for s in spans - found]
        spurious += [f"{name}: {s[0]} {body[s[1] : s[2]]!r}" for s in found - spans]
    return {"figures": score(gold, predicted), "misses": misses, "spurious": spurious}


def evaluate_ant2(split: str, nisba: bool = True) -> dict:
    """Exact-span figures on the ANT v2.1 blind gold (tests/gold/ant2), title and body mentions both scored.

    ``nisba=False`` leaves the stage's nisba adjectives (mentions with is_adjectival: الروسي، اليمنية) out, as the
    guidelines leave them out of the gold; the default scores them as spurious, the basis of the figures recorded
    before (the blind test's among them)."""
    from bench.quality.ant2 import load_split

    gold, predicted, misses, spurious = [], [], [], []
    for article in load_split(split):
        _, mentions = extract_entities(article.document())
        spans = {(g.item["type"], g.part, g.start, g.end) for g in article.entities}
        found = {
            (m.entity_type, getattr(m, "part", "body"), m.char_start, m.char_end)
            for m in mentions
            if nisba or not m.is_adjectival
        }
        gold += [(s[0], (article.docno, *s)) for s in spans]
        predicted += [(s[0], (article.docno, *s)) for s in found]
        misses += [f"{article.docno}: {s[0]} {article.text(s[1])[s[2] : s[3]]!r}" for s in sorted(spans - found)]
        spurious += [f"{article.docno}: {s[0]} {article.text(s[1])[s[2] : s[3]]!r}" for s in sorted(found - spans)]
    return {"figures": score(gold, predicted), "misses": misses, "spurious": spurious}


# --- Wojood ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WojoodSentence:
    tokens: tuple[str, ...]
    spans: tuple[Span, ...]  # (our type, first token, end token exclusive)


def read_wojood(path: Path) -> list[WojoodSentence]:
    """Sentences of a Wojood file: one token per line with its tags (nested: several), blank line between."""
    sentences, rows = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            parts = line.split()
            rows.append((parts[0], parts[1:]))
        elif rows:
            sentences.append(WojoodSentence(tuple(t for t, _ in rows), tuple(wojood_spans([tags for _, tags in rows]))))
            rows = []
    return sentences


def wojood_spans(tag_rows: Sequence[Sequence[str]]) -> list[Span]:
    """Spans per type from nested B-/I- tags: at each token, the earliest-opened spans of a type continue."""
    open_spans: dict[str, list[int]] = {}
    out: list[Span] = []
    for i, tags in enumerate([*tag_rows, []]):
        counts = Counter(t[2:] for t in tags if t[:2] in {"B-", "I-"})
        begins = Counter(t[2:] for t in tags if t.startswith("B-"))
        for kind in set(open_spans) | set(counts):
            current = open_spans.get(kind, [])
            keep = max(counts[kind] - begins[kind], 0)
            for start in current[keep:]:
                out.append((kind, start, i))
            open_spans[kind] = current[:keep] + [i] * begins[kind]
    return [(WOJOOD_TYPES[k], a, b) for k, a, b in out if k in WOJOOD_TYPES]


def predicted_token_spans(tokens: Sequence[str], mentions: Sequence[Mention], place_words: bool = True) -> list[Span]:
    """Our mentions as token spans of the space-joined sentence, in Wojood's conventions (``place_words``: a GPE
    span takes the place word before it, as Wojood's do)."""
    starts, pos = [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token) + 1
    out = []
    for m in mentions:
        if m.is_adjectival:
            continue  # a nisba is NORP in Wojood
        first = max(i for i, s in enumerate(starts) if s <= m.char_start)
        last = max(i for i, s in enumerate(starts) if s < m.char_end)
        while place_words and m.entity_type == "GPE" and first > 0 and _is_place_word(tokens[first - 1]):
            first -= 1
        out.append((m.entity_type, first, last + 1))
    return out


def _is_place_word(token: str) -> bool:
    norm = normalize(token)
    return norm in WOJOOD_PLACE_WORDS or (len(norm) > 1 and norm[0] in "وبل" and norm[1:] in WOJOOD_PLACE_WORDS)


def evaluate_wojood(split: str = "test", folder: Path = WOJOOD) -> dict:
    """Figures against every gold span (nested ones too: "figures") and against the outermost spans only
    ("outermost": a span inside another scored span is left out, since mentions never overlap)."""
    sentences = read_wojood(folder / f"{split}.txt")
    gold, outer, predicted, misses, spurious = [], [], [], [], []
    for n, sentence in enumerate(sentences):
        text = " ".join(sentence.tokens)
        _, mentions = extract_entities(Document(f"w{n}", text, sentences=split_sentences(text)))
        pred = predicted_token_spans(sentence.tokens, mentions)
        gold += [(s[0], (n, *s)) for s in sentence.spans]
        outer += [(s[0], (n, *s)) for s in outermost(sentence.spans)]
        predicted += [(s[0], (n, *s)) for s in pred]
        misses += [f"{s[0]} {' '.join(sentence.tokens[s[1] : s[2]])}" for s in set(sentence.spans) - set(pred)]
        spurious += [f"{s[0]} {' '.join(sentence.tokens[s[1] : s[2]])}" for s in set(pred) - set(sentence.spans)]
    return {
        "figures": score(gold, predicted),
        "outermost": score(outer, predicted),
        "sentences": len(sentences),
        "misses": misses,
        "spurious": spurious,
    }


def outermost(spans: Sequence[Span]) -> list[Span]:
    """The spans not inside another one (a GPE inside an ORG: جامعة [بيرزيت])."""
    return [s for s in spans if not any(o != s and o[1] <= s[1] and s[2] <= o[2] for o in spans)]


# --- NewsFANE -------------------------------------------------------------------------------------------------
def evaluate_newsfane(gold: Path = SHARED / "gold", sentences: Sequence | None = None) -> dict:
    """The entity stage on NewsFANE's held-out tenth (bench/ner/corpora.py: never trained on), or on ``sentences``
    (bench/ner/folds.py: a training fold, with a model trained without it), token-aligned exact span; nisba
    adjectives not scored (O there). Also the PERS/ORG/LOC micro figures of the ANERcorp convention, where a GPE
    counts as a LOC."""
    from bench.ner.corpora import newsfane, split_newsfane
    from flows.nlp.entities.tagger import bio_spans

    if sentences is None:
        _, sentences = split_newsfane(newsfane(gold / "newsfane" / "train.txt"))
    gold_spans, predicted, misses, spurious = [], [], [], []
    for n, sentence in enumerate(sentences):
        text = " ".join(sentence.words)
        _, mentions = extract_entities(Document(f"n{n}", text, sentences=split_sentences(text)))
        pred = set(predicted_token_spans(sentence.words, mentions, place_words=False))
        spans = {(WOJOOD_TYPES[s.kind], s.first, s.last) for s in bio_spans(list(sentence.labels))}
        gold_spans += [(s[0], (n, *s)) for s in spans]
        predicted += [(s[0], (n, *s)) for s in pred]
        misses += [f"{s[0]} {' '.join(sentence.words[s[1] : s[2]])}" for s in spans - pred]
        spurious += [f"{s[0]} {' '.join(sentence.words[s[1] : s[2]])}" for s in pred - spans]
    as_loc = [
        [("LOC" if k == "GPE" else k, (n, "LOC" if k == "GPE" else k, *rest)) for k, (n, _, *rest) in spans]
        for spans in (gold_spans, predicted)
    ]
    return {
        "figures": score(gold_spans, predicted),
        "merged": score(*as_loc)["all"],
        "sentences": len(sentences),
        "misses": misses,
        "spurious": spurious,
    }


# --- cost -----------------------------------------------------------------------------------------------------
def measure_cost(
    seeds_dir: Path = SEEDS, pages_dir: Path = HTML_PAGES, repeats: int = 20, limit: int = 60
) -> dict[str, float]:
    """Best-of-N CPU ms per article: trafilatura extracting the page, then the entity stage on the extracted text.

    Pages: the saved-page fixtures (tests/fixtures/samples_src/*.html) and each seed body wrapped in a page with
    a menu and a footer, so trafilatura has boilerplate to strip, as on a real site.
    """
    from html import escape

    from flows.read.decode import decode_bytes
    from flows.read.extract import extract_html

    pages = (
        [decode_bytes(p.read_bytes(), html=True).text for p in sorted(pages_dir.glob("*.htm*"))[:limit]]
        if pages_dir.exists()
        else []
    )
    pages += [
        "<html><head><title>t</title></head><body><nav>"
        + " | ".join(["الرئيسية", "سياسة", "اقتصاد", "رياضة"] * 10)
        + "</nav><article>"
        + "".join(f"<p>{escape(line)}</p>" for line in seed_body(p).split("\n"))
        + "</article><footer>"
        + "حقوق النشر محفوظة " * 20
        + "</footer></body></html>"
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    pages = [page for page in pages if _extractable(extract_html, page)]
    texts = [extract_html(page).text for page in pages]
    docs = [Document(f"c{i}", t, sentences=split_sentences(t)) for i, t in enumerate(texts)]
    extract_entities(docs[0])  # load the data once, as a worker does
    entity_ms = _best_ms(lambda: [extract_entities(d) for d in docs], repeats) / len(docs)
    extract_ms = _best_ms(lambda: [extract_html(p) for p in pages], max(repeats // 4, 3)) / len(docs)
    words = statistics.mean(len(t.split()) for t in texts)
    return {
        "articles": len(docs),
        "entity_ms_per_article": round(entity_ms, 3),
        "trafilatura_ms_per_article": round(extract_ms, 3),
        "ratio": round(entity_ms / extract_ms, 3),
        "mean_words": round(words, 1),
        "entity_ms_per_1000_words": round(entity_ms * 1000 / words, 3),
    }


def _extractable(extract_html, page: str) -> bool:
    from flows.errors import Quarantine

    try:
        extract_html(page)
    except Quarantine:
        return False
    return True


def _best_ms(work, repeats: int) -> float:
    """CPU milliseconds of the best of ``repeats`` runs: process time, so that other processes on a shared
    machine do not count; the best run, because interference only ever adds time."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        work()
        times.append((time.process_time() - started) * 1000)
    return min(times)


# --- command --------------------------------------------------------------------------------------------------
def print_figures(title: str, figures: dict[str, Figures]) -> None:
    print(title)
    print(f"  {'type':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
    for kind, f in figures.items():
        print(f"  {kind:8s} {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f} {f.tp:5d} {f.fp:5d} {f.fn:5d}")


def run(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="akhbar eval entities", description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("seeds", "ant", "ant2", "wojood", "newsfane", "all"), default="all")
    parser.add_argument(
        "--ant2-split",
        choices=ANT2_SPLITS,
        default="dev",
        help="ANT v2.1 gold split (dev, dev2: study them; test, test2, test3: blind, scored by the integrator only)",
    )
    parser.add_argument("--split", default="test", help="Wojood split: train, val or test")
    parser.add_argument("--cost", action="store_true", help="also time the stage against trafilatura")
    parser.add_argument("--pages", type=Path, default=HTML_PAGES, help="saved HTML pages to time trafilatura on")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and spurious mentions")
    args = parser.parse_args(list(argv or []))
    result: dict = {}
    if args.set in ("seeds", "all"):
        if not SEEDS.exists():
            print(f"seeds: {SEEDS} is absent, skipped")
        else:
            seeds = evaluate_seeds()
            print_figures("entities on seed gold (tests/gold/entities_seeds.json), exact span", seeds["figures"])
            print(f"  entity id accuracy on matched spans: {seeds['entity_id_accuracy']:.3f}")
            _print_errors(seeds, args.errors)
            result["seeds"] = {k: f.as_dict() for k, f in seeds["figures"].items()} | {
                "entity_id_accuracy": round(seeds["entity_id_accuracy"], 4)
            }
    if args.set in ("ant", "all"):
        if not ANT_TARBALL.exists():
            print(f"ant: {ANT_TARBALL} is absent, skipped")
        else:
            ant = evaluate_ant_heldout()
            print_figures(
                "entities on held-out ANT gold (tests/gold/entities_ant_heldout.json), exact span; "
                f"corpus: {ANT_CITATION}",
                ant["figures"],
            )
            _print_errors(ant, args.errors)
            result["ant"] = {k: f.as_dict() for k, f in ant["figures"].items()}
    if args.set in ("ant2", "all"):
        if not ANT_V2_TARBALL.exists():
            print(f"ant2: {ANT_V2_TARBALL} is absent, skipped")
        else:
            ant2 = evaluate_ant2(args.ant2_split)
            print_figures(
                f"entities on ANT v2.1 gold, {args.ant2_split} split (tests/gold/ant2), exact span, title and body; "
                f"corpus: {ANT_CITATION}; {ANT_V2_CITATION}",
                ant2["figures"],
            )
            without_nisba = evaluate_ant2(args.ant2_split, nisba=False)
            print_figures(
                "  the same without the stage's nisba adjectives (الروسي، اليمنية: not mentions in the guidelines)",
                without_nisba["figures"],
            )
            _print_errors(without_nisba, args.errors)
            result["ant2"] = {k: f.as_dict() for k, f in ant2["figures"].items()}
            result["ant2_without_nisba"] = {k: f.as_dict() for k, f in without_nisba["figures"].items()}
    if args.set in ("wojood", "all"):
        if not (WOJOOD / f"{args.split}.txt").exists():
            print(f"wojood: {WOJOOD} is absent, skipped")
        else:
            wojood = evaluate_wojood(args.split)
            print_figures(
                f"entities on Wojood sample {args.split} ({wojood['sentences']} sentences), token-aligned exact span; "
                "nisba adjectives not scored (NORP there), GPE spans widened over a preceding place word",
                wojood["figures"],
            )
            print_figures(
                "  the same against the outermost gold spans only (a flat tagger's target)", wojood["outermost"]
            )
            _print_errors(wojood, args.errors)
            result["wojood"] = {k: f.as_dict() for k, f in wojood["figures"].items()}
            result["wojood_outermost"] = {k: f.as_dict() for k, f in wojood["outermost"].items()}
    if args.set in ("newsfane", "all"):
        if not (SHARED / "gold" / "newsfane").exists():
            print(f"newsfane: {SHARED / 'gold' / 'newsfane'} is absent, skipped")
        else:
            newsfane = evaluate_newsfane()
            print_figures(
                f"entities on NewsFANE held-out tenth ({newsfane['sentences']} sentences; Alotaibi & Lee, COLING 2014), "
                "token-aligned exact span; nisba adjectives not scored",
                newsfane["figures"],
            )
            merged = newsfane["merged"]
            print(
                f"  PERS/ORG/LOC micro (GPE as LOC): P {merged.precision:.3f} R {merged.recall:.3f} F1 {merged.f1:.3f}"
            )
            _print_errors(newsfane, args.errors)
            result["newsfane"] = {k: f.as_dict() for k, f in newsfane["figures"].items()} | {"merged": merged.as_dict()}
    if args.cost and SEEDS.exists():
        cost = measure_cost(pages_dir=args.pages)
        print(f"cost: {cost}")
        result["cost"] = cost
    return result


def _print_errors(found: dict, limit: int) -> None:
    if limit:
        for label in ("misses", "spurious"):
            for line in found[label][:limit]:
                print(f"    {label[:-2] if label == 'misses' else 'spurious'}: {line}")


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
