"""Figures of the name tagger alone (flows.nlp.entities.tagger), before any rule of the entity stage (dev tool).

    .venv/bin/python -m bench.ner.evaluate [--gold ../shared/gold] [--corpus /tmp/ant2/ant-v2.1]

- NewsFANE held-out tenth (bench/ner/corpora.py: the last contiguous tenth of train.txt, never trained on):
  exact-span P/R/F1 per type, and the PERS/ORG/LOC micro F1 of the ANERcorp convention (GPE counted as LOC).
- Wojood sample test split: exact token spans, PERS/ORG/GPE/LOC (outermost spans).
- Cost: CPU ms per article to tokenise and tag every sentence (title and text) of COST_ARTICLES ANT v2.1 articles (every n-th file in
  name order, the gold selection left out) as the entity stage does (tagger_reading: labels, their marginals and each
  word's probability of being in a name); tokens_per_article counts words (punctuation marks left out).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.ner import corpora
from bench.ner.clusters import CORPUS, FIELD, held_out
from bench.quality.entities import print_figures, score
from flows.nlp.entities.tagged import tagger_reading
from flows.nlp.entities.tagger import bio_spans, tag_words
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import split_sentences

PIPELINE_TYPES = {"PERS": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}
COST_ARTICLES = 300


def spans(sentences: list[corpora.Sentence], labels: list[list[str]], merge_gpe: bool = False) -> list:
    out = []
    for n, tags in enumerate(labels):
        for span in bio_spans(tags):
            kind = PIPELINE_TYPES[span.kind]
            kind = "LOC" if merge_gpe and kind == "GPE" else kind
            out.append((kind, (n, kind, span.first, span.last)))
    return out


def figures(sentences: list[corpora.Sentence], merge_gpe: bool = False) -> dict:
    predicted = [tag_words(list(s.words)) for s in sentences]
    gold = [list(s.labels) for s in sentences]
    return score(spans(sentences, gold, merge_gpe), spans(sentences, predicted, merge_gpe))


def cost(corpus: Path, count: int = COST_ARTICLES) -> dict[str, float]:
    skip = held_out()
    paths = [p for p in sorted(corpus.rglob("*.txt")) if p.stem not in skip]
    chosen = paths[:: max(len(paths) // count, 1)][:count]
    texts = []
    for path in chosen:
        fields = dict(FIELD.findall(path.read_text(encoding="utf-8", errors="replace")))
        texts.append(fields.get("TITLE", "").strip() + "\n" + fields.get("TEXT", "").strip())
    tag_words(["تمهيد"])  # load the model and the lists once, as a worker does
    started = time.process_time()
    tokens = 0
    for text in texts:
        tokens += len(tagger_reading(EntityText.build(text, split_sentences(text))).in_name)
    elapsed = (time.process_time() - started) * 1000
    return {
        "articles": len(texts),
        "ms_per_article": round(elapsed / len(texts), 2),
        "tokens_per_article": tokens // len(texts),
    }


def print_report(gold: Path, corpus: Path | None = None) -> dict:
    _, newsfane_held_out = corpora.split_newsfane(corpora.newsfane(gold / "newsfane" / "train.txt"))
    wojood_test = corpora.wojood(gold / "wojood-sample" / "test.txt")
    result = {
        "newsfane": figures(newsfane_held_out),
        "newsfane_merged": figures(newsfane_held_out, merge_gpe=True),
        "wojood": figures(wojood_test),
    }
    print_figures(
        f"tagger alone on NewsFANE held-out tenth ({len(newsfane_held_out)} sentences), exact span", result["newsfane"]
    )
    merged = result["newsfane_merged"]["all"]
    print(f"  PERS/ORG/LOC micro (GPE as LOC): P {merged.precision:.3f} R {merged.recall:.3f} F1 {merged.f1:.3f}")
    print_figures(
        f"tagger alone on Wojood sample test ({len(wojood_test)} sentences), exact token span", result["wojood"]
    )
    if corpus is not None and corpus.exists():
        result["cost"] = cost(corpus)
        print(f"cost on ANT v2.1 (Chouigui et al., AICCSA 2017): {result['cost']}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=corpora.GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    print_report(args.gold, args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
