"""Place names the news writes after a place head (مدينة الحديدة، محافظة البصرة، مدينة عدن): a census for
flows/data/gazetteer/definite_places.tsv.

    python -m bench.quality.build_definite_places [--articles 40000] [--jobs 2] [--min-after 4] [--min-share 0.1]
        [--min-after-bare 8] [--min-share-bare 0.15]

A city or province whose name carries the article (الحديدة، الموصل، الرقة) looks to the tagger like any definite noun,
and it leaves it untagged wherever no head stands before it (dev: الحديدة missed 20 times in two articles); the
places.tsv list the matcher reads holds 123 places by hand, and the tagger misses bare names too (حمص، عدن). The
census counts, over the ANT v2.1 articles outside the gold (31,284; ``--articles`` takes a seeded sample;
bench/quality/ant2.py ``not_gold``, through bench.quality.audit.drawable_names), each word right after a place head
(gazetteer/place_heads.tsv and ولاية; the head may carry و، ب، ل، ف: "بمدينة"), and every occurrence of the same word
with any proclitic ("والحديدة"، "بالحديدة"، "للحديدة"). A definite word that follows a head at least ``--min-after``
times, in at least ``--min-share`` of its occurrences, is a place the news names by itself: "الباب" (a Syrian town)
follows مدينة often but is a door far more often, and "الملك" (مدينة الملك عبدالله) a king. A bare word is held to
``--min-after-bare`` and ``--min-share-bare``, and to a name's spelling: seldom written with the article
(MAX_ARTICLE_SHARE). Neither may be the first word of a longer name (MAX_NEXT_SHARE). Words the country and place
lists already hold are left out, and so are the words judged by hand below as no place (NOT_PLACES, each with its
reason). The entity stage reads the list as GPE names (flows/nlp/entities/gazetteer.py, after places.tsv). Figures on
ANT cite bench/ant.py. Nothing imports this script at run time.
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
# A bare word (no article) after a head: at least this many letters (مدينة ما "some city" is none).
MIN_BARE_LETTERS = 3
# A bare name is seldom written with the article: at most this share of its occurrences (a name: عدن 0, حمص 0; an
# adjective: رئاسية "presidential" after ولاية, "a term").
MAX_ARTICLE_SHARE = 0.1
# The first word of a longer name is followed by the same word in most of its occurrences after a head (دير الزور،
# رام الله، ريو دي جانيرو): more than this share, and it is left to the tagger.
MAX_NEXT_SHARE = 0.5
# Judged by hand from the census's output (the defaults): words after a place head that name no place by
# themselves.
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
    "نورث": "the first word of نورث كارولاينا، نورث داكوتا",
    "وبلده": "و + بلدة, a second head (مدينة وبلدة)",
    "اجازته": "his leave",
    "اوستن": "a given name as well as Austin",
    "عمران": "a given name (عمران خان) as well as the Yemeni province",
    "تدمر": "the verb 'destroys' as well as Palmyra",
}


def heads() -> set[str]:
    from flows.nlp.entities.gazetteer import place_heads
    from flows.nlp.text.arabic import normalize

    return set(place_heads()) | {normalize(h) for h in EXTRA_HEADS}


def sample(articles: int) -> list[str]:
    names = drawable_names()
    random.Random(SEED).shuffle(names)
    return names[:articles]


def count(names: Sequence[str]) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(occurrences of each stem with any proclitic, definite and bare apart: "الحديده" and "عدن"; occurrences right
    after a place head by spelling; the word that follows each such occurrence)."""
    from flows.nlp.text.arabic import normalize, proclitic_readings, without_article

    place_heads = heads()
    total: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    following: Counter[tuple[str, str]] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        article = parse_ant_document(xml)
        if article is None:
            continue
        written = WORD.findall(article.text)
        words = [normalize(w) for w in written]
        for k, word in enumerate(words):
            for stem in {r.stem for r in proclitic_readings(word)}:
                total[stem] += 1
            if (
                k
                and (without_article(word) is not None or len(word) >= MIN_BARE_LETTERS)
                and any(r.stem in place_heads for r in proclitic_readings(words[k - 1]))
            ):
                after[word, written[k]] += 1
                following[word, words[k + 1] if k + 1 < len(words) else ""] += 1
    return total, after, following


def census(articles: int, jobs: int) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    names = sample(articles)
    shards = [names[k::jobs] for k in range(jobs)]
    total: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    following: Counter[tuple[str, str]] = Counter()
    with ProcessPoolExecutor(jobs) as pool:
        for t, a, f in pool.map(count, shards):
            total.update(t)
            after.update(a)
            following.update(f)
    return total, after, following


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
    total: Counter[str],
    after: Counter[tuple[str, str]],
    following: Counter[tuple[str, str]],
    args: argparse.Namespace,
) -> list[tuple[str, int, int]]:
    """(the spelling written most often, occurrences, occurrences after a head) of each word the thresholds keep: a
    definite word (``--min-after``, ``--min-share``), or a bare one (``--min-after-bare``, ``--min-share-bare``) that
    the corpus seldom writes with the article (MAX_ARTICLE_SHARE: رئاسية، رابعة after ولاية are adjectives), and
    neither the first word of a longer name (MAX_NEXT_SHARE: دير الزور، رام الله)."""
    from flows.nlp.text.arabic import without_article

    listed = listed_words()
    by_word: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    for (word, written), n in after.items():
        by_word[word] += n
        spelling.setdefault(word, Counter())[written] += n
    top_next: Counter[str] = Counter()
    for (word, _), n in following.items():
        top_next[word] = max(top_next[word], n)
    rows = []
    for w, n in by_word.items():
        definite = without_article(w) is not None
        min_after, min_share = (
            (args.min_after, args.min_share) if definite else (args.min_after_bare, args.min_share_bare)
        )
        if n < min_after or n < min_share * total[w] or w in listed or w in NOT_PLACES:
            continue
        if top_next[w] > MAX_NEXT_SHARE * n:
            continue
        if not definite and total["ال" + w] > MAX_ARTICLE_SHARE * total[w]:
            continue
        rows.append((spelling[w].most_common(1)[0][0], total[w], n))
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def write(rows: list[tuple[str, int, int]], args: argparse.Namespace, path: Path = OUT) -> None:
    header = [
        "# Place names written after a place head (مدينة الحديدة، مدينة عدن): the census of",
        f"# bench/quality/build_definite_places.py (--articles {args.articles} --min-after {args.min_after}",
        f"# --min-share {args.min_share} --min-after-bare {args.min_after_bare} --min-share-bare {args.min_share_bare}:",
        "# the ANT v2.1 articles outside the gold). name_ar: as written most often;",
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
    parser.add_argument("--min-after-bare", type=int, default=8)
    parser.add_argument("--min-share-bare", type=float, default=0.15)
    args = parser.parse_args(argv)
    total, after, following = census(args.articles, args.jobs)
    rows = places(total, after, following, args)
    write(rows, args)
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()
