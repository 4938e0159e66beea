"""Figures of the name tagger alone (flows.nlp.entities.tagger), before any rule of the entity stage (dev tool).

    .venv/bin/python -m bench.ner.evaluate [--gold ../shared/gold] [--corpus /tmp/ant2/ant-v2.1] [--ant2 dev,dev2]

- NewsFANE held-out tenth (bench/ner/corpora.py: the last contiguous tenth of train.txt, never trained on):
  exact-span P/R/F1 per type, and the PERS/ORG/LOC micro F1 of the ANERcorp convention (GPE counted as LOC).
- Wojood sample test split: exact token spans, PERS/ORG/GPE/LOC (outermost spans).
- ANT v2.1 dev and dev2 (``--ant2``, the gold of tests/gold/ant2; never the blind splits): exact character spans,
  title and body, the first word's proclitics cut as the stage cuts them (tagged_char_spans).
- Cost: CPU ms per article to tokenise and tag every sentence (title and text) of COST_ARTICLES ANT v2.1 articles (every n-th file in
  name order, the gold selection left out) as the entity stage does (tagger_reading: labels, their marginals and each
  word's probability of being in a name); tokens_per_article counts words (punctuation marks left out).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.ner import corpora
from bench.ner.corpora import CORPUS, FIELD, held_out
from bench.quality.entities import print_figures, score
from flows.nlp.entities.tagged import tagger_reading
from flows.nlp.entities.tagger import TOKEN, bio_spans, clitic_stem, tag_words
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import normalize, split_sentences

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


# The ANT v2.1 gold splits the tagger alone may be scored on (dev data; the blind ones are the integrator's).
ANT2_SPLITS = ("dev", "dev2")


def tagged_char_spans(text: str) -> set[tuple[str, int, int]]:
    """The tagger's names in ``text`` as (type, start, end) characters, sentence by sentence, each span's first word
    without the proclitics the tagger's stem reading takes off (وبالقاهرة -> القاهرة: the gold leaves و and ب out
    and keeps the article), as the entity stage cuts them."""
    out = set()
    for sentence in split_sentences(text):
        found = list(TOKEN.finditer(text, sentence.char_start, sentence.char_end))
        labels = tag_words([m.group() for m in found])
        for span in bio_spans(labels):
            first = found[span.first]
            start = first.start() + proclitic_length(first.group())
            out.add((PIPELINE_TYPES[span.kind], start, found[span.last - 1].end()))
    return out


def proclitic_length(word: str) -> int:
    """How many letters of ``word`` are proclitics the tagger's stem reading takes off, the article not counted
    (وبالقاهرة 2, وموسكو 1, القاهرة 0, بوتين 0)."""
    _, prefix = clitic_stem(normalize(word))
    cut = len(prefix) - 2 if prefix.endswith("ال") else len(prefix)
    return cut if 0 < cut < len(word) else 0


def ant2_figures(split: str) -> dict:
    """The tagger alone on an ANT v2.1 gold split (title and body), exact character spans, per type: how much of
    the entity stage's recall the tagger could give before any rule (dev: ANT2_SPLITS only)."""
    from bench.quality.ant2 import load_split

    if split not in ANT2_SPLITS:
        raise ValueError(f"the tagger alone is scored on {ANT2_SPLITS} only, not {split!r}")
    gold, predicted = [], []
    for article in load_split(split):
        gold += [(g.item["type"], (article.docno, g.part, g.start, g.end)) for g in article.entities]
        for part in ("title", "body"):
            found = tagged_char_spans(article.text(part))
            predicted += [(kind, (article.docno, part, a, b)) for kind, a, b in found]
    return score(gold, predicted)


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


def print_report(gold: Path, corpus: Path | None = None, ant2: tuple[str, ...] = ()) -> dict:
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
    for split in ant2:
        result[f"ant2_{split}"] = ant2_figures(split)
        print_figures(f"tagger alone on ANT v2.1 {split} (title and body), exact span", result[f"ant2_{split}"])
    if corpus is not None and corpus.exists():
        result["cost"] = cost(corpus)
        print(f"cost on ANT v2.1 (Chouigui et al., AICCSA 2017): {result['cost']}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=corpora.GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--ant2",
        default="",
        help=f"comma-separated ANT v2.1 gold splits to score the tagger alone on ({', '.join(ANT2_SPLITS)})",
    )
    args = parser.parse_args(argv)
    print_report(args.gold, args.corpus, tuple(s for s in args.ant2.split(",") if s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
