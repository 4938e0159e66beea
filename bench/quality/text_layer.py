"""Compare Arabic stemmers and lemmatisers with the text layer (flows.nlp.text): install weight, speed per article,
accuracy on hand-judged words. The figures of bench/quality/TEXT_LAYER.md.

    python -m bench.quality.text_layer                      # the text layer alone (the project's venv)
    python3.11 -m venv /tmp/tl && /tmp/tl/bin/pip install qalsadi tashaphyne PyStemmer snowballstemmer pyarabic \\
        farahidi nltk && PYTHONPATH=. /tmp/tl/bin/python -m bench.quality.text_layer   # every package too

Speed (CPU time): the words of SPEED_ARTICLES random ANT v2.1 articles (the blind gold excluded), each article tokenised with
the text layer's word pattern and every word stemmed, with one dictionary cache per tool shared across articles (as
an ingest run would keep it); a tool that needs more than SLOW_WORD_MS per word runs on SLOW_ARTICLES of them.
Accuracy: tests/gold/text/lemmas.tsv, 296 words judged by hand. A tool "finds the lemma" of a word when it gives
the word the same output as the lemma (stem(word) == stem(lemma)): that is what a lexicon keyed by lemma needs. A
"false merge" is a word whose output equals that of another lemma of the list. The text layer is scored twice: its
light stem, and LemmaLexicon built from the list's lemmas (entry_for(word) is the word's own lemma).

ANT: A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus: Experimenting on Single-document
Extractive Summarization. AJSE 2021 (Apache-2.0 + citation).
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.ant import ANT_V2_CITATION, ANT_V2_TARBALL, AntArticle, read_ant
from flows.nlp.text import (
    LemmaLexicon,
    LexiconEntry,
    analyse,
    morph,
    normalize,
    words,
)
from flows.nlp.text.arabic import DIACRITICS
from flows.nlp.text.morph import WORD

REPO = Path(__file__).resolve().parents[2]

GOLD = REPO / "tests" / "gold" / "text" / "lemmas.tsv"  # dev: the layer's rules were studied on it
HELD_OUT = REPO / "tests" / "gold" / "text" / "lemmas_heldout.tsv"  # scored, never studied
SEED = 20261204
SPEED_ARTICLES = 300
SLOW_ARTICLES = 30
# Above 0.5 ms a word, 300 articles take minutes on the shared machine; 30 articles give the rate as well.
SLOW_WORD_MS = 0.5
WARM_PASSES = 3
# What an article is measured in: the brief's "500-word article".
WORDS_PER_ARTICLE = 500


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    distribution: str | None  # the PyPI distribution whose installed size is measured, None for the layer
    stem: Callable[[str], str]
    note: str


def blind_docnos() -> set[str]:
    text = (REPO / "tests" / "gold" / "ant2" / "selection.json").read_text(encoding="utf-8")
    return set(re.findall(r"[A-Z]{2}-[A-Za-z]+-\d+-\d{8}", text))


def open_articles(tarball: Path) -> list[AntArticle]:
    blind = blind_docnos()
    return [article for article in read_ant(tarball) if article.docno not in blind]


def speed_articles(articles: list[AntArticle]) -> list[AntArticle]:
    return random.Random(SEED).sample(articles, SPEED_ARTICLES)


def draw_words(
    articles: list[AntArticle], size: int = 300, seed: int = SEED, exclude: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """How the word lists under tests/gold/text were drawn: a random article, one random word of it, until ``size``
    distinct words (lemmas.tsv: 300, SEED; lemmas_heldout.tsv: 150, SEED + 1, the first list's words excluded)."""
    rng = random.Random(seed)
    pattern = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0640]+")
    picked: dict[str, str] = {}
    while len(picked) < size:
        article = rng.choice(articles)
        found = pattern.findall(article.text)
        if found:
            word = rng.choice(found)
            if len(word) >= 2 and word not in picked and word not in exclude:
                picked[word] = article.docno
    return list(picked.items())


def installed_kb(distribution: str) -> int:
    """The installed size of a distribution and everything it requires (not counting what is already shared)."""
    seen: set[str] = set()
    todo = [distribution]
    total = 0
    while todo:
        name = re.split(r"[ ;<>=!~\[(]", todo.pop())[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in dist.files or ())
        todo += [req for req in dist.requires or () if "extra ==" not in req]
    return total // 1024


def dediac(text: str) -> str:
    return normalize("".join(ch for ch in text if ch not in DIACRITICS))


def layer_stem(word: str) -> str:
    return analyse(word).stem


def tools() -> list[Tool]:
    found = [Tool("akhbar text layer (stem)", None, layer_stem, "clitics split by corpus counts, light suffix stem")]
    try:
        import Stemmer

        pystemmer = Stemmer.Stemmer("arabic")
        found.append(Tool("PyStemmer (Snowball arabic, C)", "PyStemmer", pystemmer.stemWord, "light stem"))
    except ImportError:
        pass
    try:
        import snowballstemmer

        snowball = snowballstemmer.stemmer("arabic")
        found.append(Tool("snowballstemmer (pure Python)", "snowballstemmer", snowball.stemWord, "light stem"))
    except ImportError:
        pass
    try:
        from tashaphyne.stemming import ArabicLightStemmer

        light = ArabicLightStemmer()
        found.append(Tool("tashaphyne light_stem", "tashaphyne", light.light_stem, "light stem"))

        def tashaphyne_root(word: str) -> str:
            light.light_stem(word)
            return str(light.get_root())

        found.append(Tool("tashaphyne root", "tashaphyne", tashaphyne_root, "root"))
    except ImportError:
        pass
    try:
        from nltk.stem.isri import ISRIStemmer

        found.append(Tool("nltk ISRI", "nltk", ISRIStemmer().stem, "root-ish stem"))
    except ImportError:
        pass
    try:
        import pyarabic.araby as araby

        found.append(Tool("pyarabic (strip_tashkeel only)", "pyarabic", araby.strip_tashkeel, "no stemmer: baseline"))
    except ImportError:
        pass
    try:
        import qalsadi.lemmatizer

        qalsadi_lemmatizer = qalsadi.lemmatizer.Lemmatizer()
        found.append(Tool("qalsadi Lemmatizer", "qalsadi", qalsadi_lemmatizer.lemmatize, "lemma (dictionary)"))
    except ImportError:
        pass
    try:
        import farahidi

        def farahidi_lemma(word: str) -> str:
            readings = farahidi.analyze(word)
            return readings[0].lemma if readings else word

        found.append(Tool("farahidi (AlKhalil port)", "farahidi", farahidi_lemma, "lemma, best-scored reading"))
    except ImportError:
        pass
    return found


def time_tool(tool: Tool, articles: list[AntArticle]) -> tuple[float, int, int]:
    """(ms per article of WORDS_PER_ARTICLE words, articles timed, words timed), a per-word cache kept throughout."""
    probe = [m.group() for m in WORD.finditer(articles[0].text)][:40]
    started = time.perf_counter()
    for word in probe:
        tool.stem(word)
    per_word_ms = (time.perf_counter() - started) * 1000 / max(len(probe), 1)
    chosen = articles if per_word_ms <= SLOW_WORD_MS else articles[:SLOW_ARTICLES]
    cache: dict[str, str] = {}
    total_words = 0
    started = time.process_time()
    for article in chosen:
        for word in WORD.findall(article.text):
            total_words += 1
            if word not in cache:
                cache[word] = tool.stem(word)
    elapsed_ms = (time.process_time() - started) * 1000
    return elapsed_ms / total_words * WORDS_PER_ARTICLE, len(chosen), total_words


def time_layer(articles: list[AntArticle]) -> tuple[float, float]:
    """CPU ms per WORDS_PER_ARTICLE words for flows.nlp.text.words (tokens, clitics, offsets, stem): the first
    pass over the articles (caches filling), then the best of WARM_PASSES more (warm caches, as a long ingest run
    sees them). CPU time, not wall time: the machine is shared, and waiting for a core is not the layer's cost."""
    figures = []
    total = sum(len(WORD.findall(article.text)) for article in articles)
    for _ in range(1 + WARM_PASSES):
        started = time.process_time()
        for article in articles:
            words(article.text)
        figures.append((time.process_time() - started) * 1000 / total * WORDS_PER_ARTICLE)
    return figures[0], min(figures[1:])


def read_gold(path: Path = GOLD) -> list[tuple[str, str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [tuple(line.split("\t")[:3]) for line in lines[1:]]  # type: ignore[misc]


def score(stem: Callable[[str], str], gold: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    """(finds its lemma, false merges, exact lemma) over ``gold``."""
    lemma_out = {lemma: dediac(stem(lemma)) for _, lemma, _ in gold}
    found = merged = exact = 0
    for word, lemma, _ in gold:
        out = dediac(stem(word))
        found += out == lemma_out[lemma]
        exact += out == dediac(lemma)
        merged += any(out == other_out for other, other_out in lemma_out.items() if other != lemma)
    n = len(gold)
    return found / n, merged / n, exact / n


def gold_lexicon(gold: list[tuple[str, str, str]]) -> LemmaLexicon:
    return LemmaLexicon(
        LexiconEntry(lemma, pos, lemma) for lemma, pos in dict.fromkeys((row[1], row[2]) for row in gold)
    )


def time_lexicon(lexicon: LemmaLexicon, articles: list[AntArticle]) -> float:
    total = sum(len(WORD.findall(article.text)) for article in articles)
    figures = []
    for _ in range(1 + WARM_PASSES):
        started = time.process_time()
        for article in articles:
            lexicon.find(article.text)
        figures.append((time.process_time() - started) * 1000 / total * WORDS_PER_ARTICLE)
    return min(figures[1:])


def score_lexicon(gold: list[tuple[str, str, str]]) -> tuple[float, float]:
    """(the word's own lemma is the entry found, another lemma is among the entries found) with LemmaLexicon."""
    lexicon = gold_lexicon(gold)
    found = merged = 0
    for word, lemma, _ in gold:
        entries = lexicon.entries_for(analyse(word))
        found += bool(entries) and entries[0].lemma == lemma
        merged += any(entry.lemma != lemma for entry in entries)
    return found / len(gold), merged / len(gold)


def clear_layer_caches() -> None:
    """Cold caches, so that the layer's time in the table counts its work as the packages' does."""
    for cached in (morph.analysis_of, morph.segment, morph.stem):
        cached.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, default=ANT_V2_TARBALL)
    args = parser.parse_args()
    dev, held_out = read_gold(GOLD), read_gold(HELD_OUT)
    articles = speed_articles(open_articles(args.tarball))
    clear_layer_caches()
    first, warm = time_layer(articles)
    print(f"text layer, words() on {len(articles)} ANT v2.1 articles, CPU ms per {WORDS_PER_ARTICLE} words:")
    print(f"  {first:.2f} on the first pass (caches filling), {warm:.2f} with warm caches")
    lexicon = gold_lexicon(dev)
    print(
        f"LemmaLexicon.find with the {len(lexicon.entries)} lemmas of {GOLD.name} on the same articles, CPU ms per ",
        end="",
    )
    print(f"{WORDS_PER_ARTICLE} words (tokenising included, warm): {time_lexicon(lexicon, articles):.2f}")
    print()
    print(f"words: dev {len(dev)} ({GOLD.name}), held-out {len(held_out)} ({HELD_OUT.name}); each cell dev / held-out")
    print("| tool | output | installed KB | CPU ms / 500 words | articles | finds lemma | false merge | exact lemma |")
    print("|" + " --- |" * 8)
    content = {}
    for tool in tools():
        clear_layer_caches()
        ms, n_articles, _ = time_tool(tool, articles)
        figures = [score(tool.stem, gold) for gold in (dev, held_out)]
        size = installed_kb(tool.distribution) if tool.distribution else 0
        print(f"| {tool.name} | {tool.note} | {size:,} | {ms:.2f} | {n_articles} | {_cells(figures, 3)} |")
        content[tool.name] = [score(tool.stem, [row for row in gold if row[2] != "fixed"]) for gold in (dev, held_out)]
    figures_lexicon = [score_lexicon(gold) for gold in (dev, held_out)]
    print(f"| akhbar LemmaLexicon (entry_for) | lexicon entry | 0 | - | - | {_cells(figures_lexicon, 2)} | - |")
    print()
    print("verbs and nouns only (the words a stage lexicon lists), dev / held-out:")
    print("| tool | finds lemma | false merge | exact lemma |")
    print("|" + " --- |" * 4)
    for name, figures in content.items():
        print(f"| {name} | {_cells(figures, 3)} |")
    figures_lexicon = [score_lexicon([row for row in gold if row[2] != "fixed"]) for gold in (dev, held_out)]
    print(f"| akhbar LemmaLexicon (entry_for) | {_cells(figures_lexicon, 2)} | - |")
    print()
    print(f"ANT v2.1: {ANT_V2_CITATION} (Apache-2.0 + citation)")


def _cells(figures: list[tuple[float, ...]], size: int) -> str:
    """One table cell per measure, "dev / held-out"."""
    return " | ".join(" / ".join(f"{f[k]:.3f}" for f in figures) for k in range(size))


if __name__ == "__main__":
    main()
