"""Definite place names the news writes after a place head (مدينة الحديدة، محافظة البصرة): a census for
flows/data/gazetteer/definite_places.tsv.

    python -m bench.quality.build_definite_places [--articles 40000] [--jobs 2] [--min-after 4] [--min-share 0.1]

A city or province whose name carries the article (الحديدة، الموصل، الرقة) looks to the tagger like any definite noun,
and it leaves it untagged wherever no head stands before it (dev: الحديدة missed 20 times in two articles). The
census counts, over the ANT v2.1 articles outside the gold (31,284; ``--articles`` takes a seeded sample) (bench/quality/ant2.py:
``not_gold``, through bench.quality.audit.drawable_names), each definite word right after a place head
(gazetteer/place_heads.tsv and ولاية; the head may carry و، ب، ل، ف: "بمدينة"), and every occurrence of the same word
with any proclitic ("والحديدة"، "بالحديدة"، "للحديدة"). A word that follows a head at least ``--min-after`` times, in
at least ``--min-share`` of its occurrences, is a place the news names by itself: "الباب" (a Syrian town) follows
مدينة often but is a door far more often, and "الملك" (مدينة الملك عبدالله) a king. Words the country and place lists
already hold are left out, and so are the words judged by hand below as no place (NOT_PLACES, each with its reason).
The entity stage reads the list as GPE names (flows/nlp/entities/gazetteer.py, after places.tsv). Figures on ANT cite
bench/ant.py. Nothing imports this script at run time.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.ant import ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names

OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "gazetteer" / "definite_places.tsv"
SEED = 7  # the sample's shuffle, as build_unnamed_words.py
# ولاية joins the place heads here only: as a head of an unknown name it is too often a term of office (ولاية ثانية).
EXTRA_HEADS = ("ولاية",)
# A word as written: letters, diacritics and tatweel (normalised after).
WORD = re.compile(r"[\u0621-\u0652\u0640]+")
# Judged by hand from the census's output (the defaults): definite words after a
# place head that name no place by themselves.
NOT_PLACES: dict[str, str] = {
    "البيضاء": "white (fem.): الدار البيضاء, Casablanca, would lose its first word",
    "الفقيه": "ولاية الفقيه, a doctrine",
    "النبي": "the prophet (قرية النبي صالح: the name is longer)",
    "البعث": "the Baath party (مدينة البعث: a town, far rarer)",
    "العطلات": "holidays (مدينة العطلات, a resort)",
    "المنظر": "the view, the theorist",
    "الاشباح": "ghosts (مدينة الأشباح, a ghost town)",
    "الخان": "the first word of الخان الأحمر",
    "الوادي": "the valley",
    "الطيبه": "the good (fem. adjective): العلاقات الطيبة",
    "البحيره": "the lake, more often than the Egyptian province",
    "البقعه": "the spot, more often than the Baqa'a camp",
}


def heads() -> set[str]:
    from flows.nlp.entities.gazetteer import place_heads
    from flows.nlp.text.arabic import normalize

    return set(place_heads()) | {normalize(h) for h in EXTRA_HEADS}


def sample(articles: int) -> list[str]:
    names = drawable_names()
    random.Random(SEED).shuffle(names)
    return names[:articles]


def count(names: Sequence[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """(occurrences of each definite stem with any proclitic, occurrences right after a place head by spelling)."""
    from flows.nlp.text.arabic import normalize, proclitic_readings, without_article

    place_heads = heads()
    total: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        article = parse_ant_document(xml)
        if article is None:
            continue
        written = WORD.findall(article.text)
        words = [normalize(w) for w in written]
        for k, word in enumerate(words):
            for stem in {r.stem for r in proclitic_readings(word) if r.has_article}:
                total[stem] += 1
            if (
                k
                and without_article(word) is not None
                and any(r.stem in place_heads for r in proclitic_readings(words[k - 1]))
            ):
                after[word, written[k]] += 1
    return total, after


def census(articles: int, jobs: int) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    names = sample(articles)
    shards = [names[k::jobs] for k in range(jobs)]
    total: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    with ProcessPoolExecutor(jobs) as pool:
        for t, a in pool.map(count, shards):
            total.update(t)
            after.update(a)
    return total, after


def listed_words() -> set[str]:
    """One-word names the gazetteer's other lists hold, normalised (this census's own list left out)."""
    from flows.nlp.entities.gazetteer import definite_place_rows, load_gazetteer

    own = {row["entity_id"] for row in definite_place_rows()}
    return {
        first
        for first, cands in load_gazetteer().index.items()
        if any(not rest and any(info.entity_id not in own for info in infos) for rest, infos in cands)
    }


def places(
    total: Counter[str], after: Counter[tuple[str, str]], min_after: int, min_share: float
) -> list[tuple[str, int, int]]:
    """(the spelling written most often, occurrences, occurrences after a head) of each word the thresholds keep."""
    listed = listed_words()
    by_word: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    for (word, written), n in after.items():
        by_word[word] += n
        spelling.setdefault(word, Counter())[written] += n
    rows = [
        (spelling[w].most_common(1)[0][0], total[w], n)
        for w, n in by_word.items()
        if n >= min_after and n >= min_share * total[w] and w not in listed and w not in NOT_PLACES
    ]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def write(rows: list[tuple[str, int, int]], args: argparse.Namespace, path: Path = OUT) -> None:
    header = [
        "# Definite place names written after a place head (مدينة الحديدة): the census of",
        f"# bench/quality/build_definite_places.py (--articles {args.articles} --min-after {args.min_after}",
        f"# --min-share {args.min_share}: the ANT v2.1 articles outside the gold). name_ar: as written most often;",
        "# count: its occurrences with any proclitic; after_head: those right after a place head. The entity stage reads",
        "# each as a GPE (flows/nlp/entities/gazetteer.py).",
        f"# Corpus: {ANT_V2_CITATION}",
        "name_ar\tcount\tafter_head",
    ]
    path.write_text("\n".join([*header, *(f"{w}\t{n}\t{a}" for w, n, a in rows)]) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=40000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-after", type=int, default=4)
    parser.add_argument("--min-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    total, after = census(args.articles, args.jobs)
    rows = places(total, after, args.min_after, args.min_share)
    write(rows, args)
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()
