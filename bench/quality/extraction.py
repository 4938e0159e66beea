"""Main-text quality: akhbar's body_text (and bare trafilatura's text) against the article each bench page wraps.

The bench corpus (bench/corpus.py) puts a known ANT article into a page full of menus, scripts, related and
most-read lists and comments, so the right answer is known: the article's TEXT field. Each page is scored by words
(after akhbar's matching normalisation, as a multiset): precision = article words among the extracted words,
recall = extracted words among the article's. "clean" counts pages within 5 % on both sides. The title akhbar
stores is checked against the article's TITLE too. Pages are built in a temp folder and deleted afterwards.

Caveat: the templates are ours, so these figures measure extraction on four layouts, not on the web at large.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from bench.ant import DEFAULT_ANT_TARBALL, AntArticle, read_ant
from bench.perf.corpus import ANT_CITATION, DEFAULT_SEED, build_corpus

if TYPE_CHECKING:
    from bench.quality.entities import Figures

WORD = re.compile(r"\w+")
# A page is "clean" when at most this share of the article's word count is missing, and at most this share extra.
CLEAN_TOLERANCE = 0.05
# The first pages of the default seed were looked at while choosing trafilatura's options; later ones were not.
DEFAULT_OFFSET = 300


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0
    clean: int = 0
    titles_right: int = 0
    seconds: float = 0.0
    worst: list[tuple[str, int, int, int]] = field(default_factory=list)

    def add(self, name: str, gold: Counter, got: Counter) -> None:
        overlap = sum((gold & got).values())
        extra, missing = sum(got.values()) - overlap, sum(gold.values()) - overlap
        self.tp, self.fp, self.fn, self.pages = self.tp + overlap, self.fp + extra, self.fn + missing, self.pages + 1
        if max(extra, missing) <= CLEAN_TOLERANCE * sum(gold.values()):
            self.clean += 1
        else:
            self.worst.append((name, sum(gold.values()), extra, missing))

    @property
    def figures(self) -> "Figures":
        from bench.quality.entities import Figures

        return Figures(self.tp, self.fp, self.fn)

    @property
    def precision(self) -> float:
        return self.figures.precision

    @property
    def recall(self) -> float:
        return self.figures.recall

    @property
    def f1(self) -> float:
        return self.figures.f1

    def as_dict(self) -> dict[str, float]:
        return {
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "clean_share": round(self.clean / self.pages, 4) if self.pages else 0.0,
            "title_accuracy": round(self.titles_right / self.pages, 4) if self.pages else 0.0,
            "ms_per_page": round(1000 * self.seconds / self.pages, 1) if self.pages else 0.0,
        }


def words(text: str) -> Counter:
    from flows.nlp.text.arabic import normalize

    return Counter(WORD.findall(normalize(text or "")))


def evaluate(
    n: int = 200, offset: int = DEFAULT_OFFSET, seed: int = DEFAULT_SEED, tarball: Path = DEFAULT_ANT_TARBALL
) -> dict[str, Score]:
    """Scores for akhbar on HTML pages, akhbar on .txt pages, and bare trafilatura on the same HTML pages."""
    import trafilatura

    from flows.errors import Quarantine
    from flows.read import article_from_bytes

    articles: dict[str, AntArticle] = {}
    scores = {"akhbar_html": Score(), "akhbar_txt": Score(), "bare_trafilatura_html": Score()}
    with tempfile.TemporaryDirectory(prefix="akhbar-extraction-") as temp:
        all_articles = read_ant(tarball)
        articles = {a.docno: a for a in all_articles}
        pages = build_corpus(Path(temp), offset + n, seed, articles=all_articles)[offset:]
        for page in pages:
            raw = (Path(temp) / page.name).read_bytes()
            article = articles[page.docno]
            gold = words(article.text)
            started = time.perf_counter()
            try:
                record = article_from_bytes(raw, "." + page.kind, {})
                body, title = record.body_text, record.title
            except Quarantine:
                body, title = "", None
            score = scores[f"akhbar_{page.kind}"]
            score.seconds += time.perf_counter() - started
            score.add(page.name, gold, words(body))
            score.titles_right += words(title or "") == words(article.title)
            if page.kind == "html":
                started = time.perf_counter()
                text = trafilatura.extract(raw, deduplicate=False) or ""
                bare = scores["bare_trafilatura_html"]
                bare.seconds += time.perf_counter() - started
                bare.add(page.name, gold, words(text))
    return scores


def run(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="akhbar eval extraction", description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="pages to build and score (default 200)")
    parser.add_argument(
        "--offset",
        type=int,
        default=DEFAULT_OFFSET,
        help=f"skip this many pages of the corpus first (default {DEFAULT_OFFSET}: those were looked at while tuning)",
    )
    parser.add_argument("--errors", type=int, default=0, help="list this many pages that are not clean")
    args = parser.parse_args(list(argv or []))
    if not DEFAULT_ANT_TARBALL.exists():
        print(f"extraction: {DEFAULT_ANT_TARBALL} is absent, skipped")
        return {}
    scores = evaluate(args.n, args.offset)
    print(
        f"main text against the wrapped article, by words; {args.n} bench pages from #{args.offset} "
        f"(article text: ANT corpus, {ANT_CITATION})"
    )
    print(f"  {'':24} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'clean':>6} {'title':>6} {'ms/page':>8}")
    for name, score in scores.items():
        d = score.as_dict()
        title = f"{d['title_accuracy']:6.3f}" if name.startswith("akhbar") else f"{'-':>6}"
        print(
            f"  {name:24} {d['pages']:5d} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} "
            f"{d['clean_share']:6.3f} {title} {d['ms_per_page']:8.1f}"
        )
        for page_name, gold, extra, missing in score.worst[: args.errors]:
            print(f"    {page_name}: article {gold} words, {extra} extra, {missing} missing")
    return {name: score.as_dict() for name, score in scores.items()}
