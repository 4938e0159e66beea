"""Count the candidates of flows/data/gazetteer/platforms.tsv: platforms and apps that news names bare.

News names social networks, video sites and messaging apps bare ("في تغريدة على تويتر", "عبر حسابه على فيسبوك"), and
the ANT v2.1 guidelines type them ORG (tests/gold/ant2/NOTES_test.md); no list held them and the tagger reads them as
persons or not at all. The script reads the ANT v2.1 articles outside the blind gold (bench/ant.py; nothing is
unpacked) and counts the one or two words that stand right after a platform's context: an account or a page and a
preposition ("حسابه على"، "صفحتها في"، "حسابه الرسمي على"), a platform noun ("موقع التواصل الاجتماعي"، "منصة"، "تطبيق"),
or a post ("تغريدة على"، "فيديو على"). A word with the article is counted without it (الفيسبوك -> فيسبوك). It prints the
words seen at least ``--min-count`` times there, with the share of all their occurrences in the corpus those contexts
make; a reviewer keeps the platforms' names (not "الإنترنت"، "الموقع"، "الرسمي") and writes them, their spellings
as aliases and their counts, to platforms.tsv. Run by hand: ``.venv/bin/python -m bench.quality.build_platforms
[--min-count 20]``. Nothing imports this script at run time.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence

WORD = re.compile(r"\S+")
PUNCTUATION = "«»\"'،,.:;()[]!?؟“”#@"
# Normalised context words (flows.nlp.text.arabic.normalize: ة -> ه, أ/إ/آ -> ا, ى -> ي).
ACCOUNT_STEMS = ("حساب", "صفحه", "قناه")  # حسابه، حسابها، صفحته، قناته once normalised
POST_WORDS = frozenset(("تغريده", "تغريدات", "تدوينه", "منشور", "فيديو", "مقطع", "رساله", "صوره", "بث"))
PREPOSITIONS = frozenset(("علي", "في", "عبر"))
PLATFORM_NOUNS = frozenset(("منصه", "تطبيق", "موقع", "شبكه"))
SOCIAL = ("التواصل", "الاجتماعي")
ARTICLE = "ال"


def platform_words(words: list[str], i: int) -> int | None:
    """Index of the word a platform's context at ``words[i]`` points to, or None."""
    word = words[i]
    j = None
    if word.startswith(ACCOUNT_STEMS) or word in POST_WORDS:
        k = i + 1
        if k < len(words) and words[k] in ("الرسمي", "الرسميه", "الشخصي", "الشخصيه", "الخاص", "الخاصه"):
            k += 1
        if k < len(words) and words[k] in PREPOSITIONS:
            j = k + 1
    elif word in ("منصه", "تطبيق"):
        j = i + 1
    elif word in PLATFORM_NOUNS and words[i + 1 : i + 3] == list(SOCIAL):
        j = i + 1  # موقع التواصل الاجتماعي, not the bare موقع or شبكة (a site, a network of anything)
    if j is None:
        return None
    if j < len(words) and words[j] in PLATFORM_NOUNS:
        j += 1  # حسابه على موقع ...
    if words[j : j + 2] == list(SOCIAL):
        j += 2  # ... موقع التواصل الاجتماعي ...
    return j if j < len(words) else None


def bare(word: str) -> str:
    return word[len(ARTICLE) :] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 2 else word


def census(articles: int) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(one word after a platform's context, two words after it, every word of the corpus), normalised and bare."""
    from bench.ant import ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
    from bench.quality.audit import drawable_names
    from flows.nlp.text.arabic import normalize

    one: Counter[str] = Counter()
    two: Counter[str] = Counter()
    every: Counter[str] = Counter()
    wanted = set(drawable_names()[:articles])
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        article = parse_ant_document(xml)
        if article is None:
            continue
        words = [normalize(w.strip(PUNCTUATION)) for w in WORD.findall(article.text)]
        words = [w for w in words if w]
        for i, word in enumerate(words):
            every[bare(word)] += 1
            j = platform_words(words, i)
            if j is None:
                continue
            one[bare(words[j])] += 1
            if j + 1 < len(words):
                two[f"{bare(words[j])} {words[j + 1]}"] += 1
    return one, two, every


def run(argv: Sequence[str] | None = None) -> None:
    from bench.ant import ANT_CITATION, ANT_V2_CITATION

    parser = argparse.ArgumentParser(prog="build_platforms", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40000, help="at most this many articles outside the gold")
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--min-share", type=float, default=0.1, help="of the word's occurrences in the corpus")
    args = parser.parse_args(list(argv or []))
    one, two, every = census(args.articles)
    print("words\tafter a platform's context\tin the corpus\tshare")
    for counter in (one, two):
        for words, count in counter.most_common():
            if count < args.min_count:
                break
            total = every[words] if " " not in words else count
            if count / max(total, 1) < args.min_share and " " not in words:
                continue
            print(f"{words}\t{count}\t{total}\t{count / max(total, 1):.2f}")
    print(f"ANT v2.1: {ANT_CITATION}; {ANT_V2_CITATION}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
