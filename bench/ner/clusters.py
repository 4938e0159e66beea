"""Word clusters for the name tagger, learned offline from the ANT v2.1 corpus (dev tool; numpy/scikit-learn).

    .venv/bin/python -m bench.ner.clusters [--corpus /tmp/ant2/ant-v2.1] [--out flows/data/tagger/clusters.tsv]

Method: every article's title and text (the gold articles of tests/gold/ant2/selection.json left out, held_out) is split
into normalised tagger tokens. The VOCABULARY most frequent words (counted without the article) are the shipped
words, with their counts: the tagger splits proclitics off a word only where the split gives a more frequent
word (flows.nlp.entities.tagger.choose_stem). The corpus is reduced to such stems; for each vocabulary word, counts of the CONTEXTS most frequent stems at each of the positions -2, -1, +1, +2 (a
separate column per position, so left and right contexts differ) give a word x context matrix; its positive PMI
(context counts smoothed by ALPHA, Levy et al. 2015) is reduced by truncated SVD to DIMENSIONS, rows scaled to unit
length, and k-means groups the rows twice: COARSE and FINE clusters. Deterministic (fixed seeds).

ANT: A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual
Classification. AICCSA 2017 (v2.1, 2018 articles of five outlets).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize as unit_rows

from bench.ner.corpora import CORPUS, FIELD, held_out
from flows.nlp.entities.tagger import TOKEN, choose_stem
from flows.nlp.text.arabic import normalize, without_article

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "flows" / "data" / "tagger" / "clusters.tsv"
VOCABULARY = 50_000  # words given a cluster (the shipped TSV: about 1 MB)
CONTEXTS = 3_000  # context words per position
OFFSETS = (-2, -1, 1, 2)
ALPHA = 0.75
DIMENSIONS = 100
COARSE = 64
FINE = 512


def corpus_words(corpus: Path, skip: set[str]) -> list[list[str]]:
    """Normalised tokens per paragraph of every article except ``skip``."""
    out = []
    for path in sorted(corpus.rglob("*.txt")):
        fields = dict(FIELD.findall(path.read_text(encoding="utf-8", errors="replace")))
        if fields.get("DOCNO", "").strip() in skip or path.stem in skip:
            continue
        for line in (fields.get("TITLE", "") + "\n" + fields.get("TEXT", "")).splitlines():
            words = [normalize(m.group()) for m in TOKEN.finditer(line)]
            if words:
                out.append(words)
    return out


def vocabulary(paragraphs: list[list[str]]) -> tuple[dict[str, int], Counter[str]]:
    """The VOCABULARY most frequent words without their article, with their counts, most frequent first; and
    how often each was written with the article (a common noun takes it, a person's name almost never does)."""
    counts: Counter[str] = Counter()
    with_article: Counter[str] = Counter()
    for paragraph in paragraphs:
        for word in paragraph:
            bare = without_article(word)
            counts[bare or word] += 1
            if bare:
                with_article[bare] += 1
    return dict(counts.most_common(VOCABULARY)), with_article


def cooccurrence(paragraphs: list[list[str]], vocab: list[str]) -> sparse.csr_matrix:
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.array([index.get(w, -1) for p in paragraphs for w in [*p, "\0"]], dtype=np.int64)
    rows, cols = [], []
    for n, offset in enumerate(OFFSETS):
        target = ids[max(0, -offset) : len(ids) - max(0, offset)]
        context = ids[max(0, offset) : len(ids) - max(0, -offset) or None]
        keep = (target >= 0) & (context >= 0) & (context < CONTEXTS)
        rows.append(target[keep])
        cols.append(context[keep] + n * CONTEXTS)
    r, c = np.concatenate(rows), np.concatenate(cols)
    matrix = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), CONTEXTS * len(OFFSETS)))
    return matrix.tocsr()


def ppmi(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** ALPHA
    col_p = col / col.sum()
    coo = matrix.tocoo()
    pmi = np.log((coo.data / total) / ((row[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    paragraphs = corpus_words(args.corpus, held_out())
    print(f"{sum(map(len, paragraphs)):,} tokens in {len(paragraphs):,} paragraphs")
    counts, with_article = vocabulary(paragraphs)
    stems = [[choose_stem(w, counts)[0] for w in p] for p in paragraphs]
    vocab = list(counts)
    vectors = unit_rows(TruncatedSVD(DIMENSIONS, random_state=0).fit_transform(ppmi(cooccurrence(stems, vocab))))
    coarse = MiniBatchKMeans(COARSE, random_state=0, n_init=3, batch_size=4096).fit_predict(vectors)
    fine = MiniBatchKMeans(FINE, random_state=0, n_init=3, batch_size=4096).fit_predict(vectors)
    header = [
        "# Word clusters for flows.nlp.entities.tagger: k-means over PPMI/SVD context vectors of clitic-stripped stems,",
        "# learned from the ANT v2.1 corpus (Chouigui, Ben Khiroun, Elayeb, AICCSA 2017) without the 40 gold articles",
        f"# of tests/gold/ant2/selection.json. The {len(vocab)} most frequent words (normalised, without the article), their",
        f"# counts, how many of those had the article, and their clusters (coarse: {COARSE}, fine: {FINE}).",
        "# Machine-written by bench/ner/clusters.py: rebuild, do not edit.",
        "word\tcount\tarticle\tcoarse\tfine",
    ]
    lines = [f"{w}\t{counts[w]}\t{with_article[w]}\t{a}\t{b}" for w, a, b in zip(vocab, coarse, fine)]
    args.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(vocab)} words -> {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
