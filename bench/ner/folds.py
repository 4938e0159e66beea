"""Cross-validation of the name tagger on NewsFANE's training part only (dev tool: the held-out tenth is never read).

    .venv/bin/python -m bench.ner.folds [--folds 5] [--only 0,1] [--newsfane-only] [--errors]
    .venv/bin/python -m bench.ner.folds --only 0 --save-models DIR      (keeps each fold's model as DIR/foldN.crfsuite)
    .venv/bin/python -m bench.ner.folds --only 0 --stage DIR/fold0.crfsuite   (the whole entity stage on fold 0)

The training part (bench/ner/corpora.py: NewsFANE without its last tenth) is cut into contiguous folds (articles
stay whole); each fold is tagged by a model trained on the other folds plus AQMAR and Wojood (as bench/ner/train.py
trains, its TYPE_COPIES too), and the PERS/ORG/LOC micro F1 (GPE as LOC) of the folds is printed. ``--errors`` counts the kinds of error
(wrong type, boundary, missed, spurious) per gold type, which is what the choices in train.py and tagger.py were
made on. ``--stage`` scores the whole entity stage (bench.quality.entities.evaluate_newsfane) on one fold with that
fold's model in place of the shipped one, which is how the stage's own choices (the confidence gate of
flows/nlp/entities/tagged.py) are tuned on NewsFANE without its held-out tenth.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

import pycrfsuite

from bench.ner import corpora
from bench.ner.evaluate import spans
from bench.ner.train import MASK_NAMES, PARAMS, TYPE_COPIES, balanced, extra_sentences, trained
from bench.quality.entities import evaluate_newsfane, print_figures, score
from flows.nlp.entities import tagger
from flows.nlp.entities.tagger import bio_spans, sentence_features


def folds(sentences: list[corpora.Sentence], k: int) -> list[tuple[int, int]]:
    size = len(sentences)
    return [(size * n // k, size * (n + 1) // k) for n in range(k)]


def tagged_fold(
    train: list[corpora.Sentence],
    test: list[corpora.Sentence],
    params: dict,
    keep: Path | None = None,
    mask: bool = MASK_NAMES,
) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = keep or Path(folder) / "fold.crfsuite"
        trained(train, path, params, mask)
        model = pycrfsuite.Tagger()
        model.open(str(path))
        return [model.tag(sentence_features(list(s.words))) for s in test]


def stage_on_fold(model: Path, test: list[corpora.Sentence]) -> dict:
    """The entity stage's figures on ``test`` with ``model`` as its tagger."""
    tagger.model_path = lambda: model  # type: ignore[assignment]  # dev tool: the fold's model for the shipped one
    tagger.load_model.cache_clear()
    return evaluate_newsfane(sentences=test)


def error_kinds(gold: list[str], predicted: list[str]) -> Counter:
    """Each gold span: right, wrong type (same tokens), boundary (overlaps a predicted span), missed; each predicted
    span overlapping no gold span: spurious."""
    out: Counter = Counter()
    g_spans, p_spans = bio_spans(gold), bio_spans(predicted)
    for g in g_spans:
        same = [p for p in p_spans if (p.first, p.last) == (g.first, g.last)]
        overlap = [p for p in p_spans if p.first < g.last and g.first < p.last]
        if same and same[0].kind == g.kind:
            out[g.kind, "right"] += 1
        elif same:
            out[g.kind, "type:" + same[0].kind] += 1
        elif overlap:
            out[g.kind, "boundary"] += 1
        else:
            out[g.kind, "missed"] += 1
    for p in p_spans:
        if not any(p.first < g.last and g.first < p.last for g in g_spans):
            out[p.kind, "spurious"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=corpora.GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated fold numbers to run (default: all)")
    parser.add_argument("--newsfane-only", action="store_true", help="train on NewsFANE folds alone")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--save-models", type=Path, help="keep each fold's model in this folder")
    parser.add_argument("--stage", type=Path, help="score the entity stage on the chosen fold with this model")
    args = parser.parse_args(argv)
    part, _ = corpora.split_newsfane(corpora.newsfane(args.gold / "newsfane" / "train.txt"))
    if args.stage:
        (n,) = [int(k) for k in args.only.split(",")]
        a, b = folds(part, args.folds)[n]
        found = stage_on_fold(args.stage, part[a:b])
        print_figures(f"entity stage on NewsFANE training fold {n} ({b - a} sentences)", found["figures"])
        merged = found["merged"]
        print(f"  PERS/ORG/LOC micro (GPE as LOC): P {merged.precision:.3f} R {merged.recall:.3f} F1 {merged.f1:.3f}")
        return 0
    extra = [] if args.newsfane_only else extra_sentences(args.gold)
    chosen = {int(n) for n in args.only.split(",") if n} or set(range(args.folds))
    gold_all: list[corpora.Sentence] = []
    tagged_all: list[list[str]] = []
    kinds: Counter = Counter()
    for n, (a, b) in enumerate(folds(part, args.folds)):
        if n not in chosen:
            continue
        test = part[a:b]
        keep = args.save_models / f"fold{n}.crfsuite" if args.save_models else None
        tagged = tagged_fold(balanced([*part[:a], *part[b:], *extra], TYPE_COPIES), test, PARAMS, keep)
        fold = score(spans(test, [list(s.labels) for s in test], merge_gpe=True), spans(test, tagged, merge_gpe=True))[
            "all"
        ]
        print(
            f"fold {n}: {len(test)} sentences, PERS/ORG/LOC micro F1 {fold.f1:.3f} (P {fold.precision:.3f} R {fold.recall:.3f})"
        )
        gold_all += test
        tagged_all += tagged
        for sentence, labels in zip(test, tagged):
            kinds += error_kinds(list(sentence.labels), labels)
    total = score(
        spans(gold_all, [list(s.labels) for s in gold_all], merge_gpe=True), spans(gold_all, tagged_all, merge_gpe=True)
    )
    for kind, figure in total.items():
        print(f"  {kind:8} P {figure.precision:.3f} R {figure.recall:.3f} F1 {figure.f1:.3f}")
    if args.errors:
        for kind in sorted({k for k, _ in kinds}):
            row = {what: count for (k, what), count in kinds.items() if k == kind}
            print(f"  {kind}: {dict(sorted(row.items(), key=lambda kv: -kv[1]))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
