"""How ANT v2.1 uses the weekday names that are also ordinary words: the evidence behind relative_dates.tsv's
``not_weekday_before`` and ``not_weekday_after`` rows and the date grammar's reading of a bare الجمعة/السبت/الأحد/
الاثنين (flows/dates/grammar.py, ``_weekday_mention``).

For every ambiguous weekday name (weekdays.tsv, ambiguous=yes) in the <TEXT> of the ANT v2.1 articles outside the
gold selection (tests/gold/ant2/selection.json), count those the grammar reads as a date and those it leaves, and for
the ones it leaves the word right before and right after (normalised, a و/ف proclitic taken off), with a few random
contexts of each word for a person to read. Round 9 (issue 14, dates): before the grammar read a bare ambiguous
name, it left 9,495 of the 24,065 in 31,316 articles (39 %), and 39 of 40 random ones left were weekdays ("قال ترامب
الاثنين إن", "مظاهرات بلندن الجمعة"); the ones that are not are "the two" after بين/على (28 and 4 of 28 and 4 read:
"بين الاثنين", "الاعتداء على الاثنين") or before معا ("مزيج من الاثنين معا"), "the eleven" before عشر, and the Nth
Friday of a protest series before an ordinal ("في الجمعة العاشرة لمسيرات العودة", "الجمعة الأخيرة من رمضان"). After:
23,917 read, 148 left (صلاة/خطبة الجمعة, بين الاثنين, the ordinals). Figures on it cite ANT_CITATION
and ANT_V2_CITATION (bench/ant.py).

    python -m bench.quality.weekday_census [--limit N] [--top K] [--examples K] [--tarball PATH]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, element, iter_ant_xml
from bench.quality.ant2 import gold_members
from flows.dates.grammar import scan
from flows.dates.lexicon import key, lexicon
from flows.nlp.text.arabic import normalize

PROCLITICS = ("و", "ف")
CONTEXT_CHARS = 40
WORD = re.compile(r"[^\W\d_]+")


def census(tarball: Path = ANT_V2_TARBALL, limit: int | None = None, seed: int = 1):
    """(read as a date, left, word before -> count, word after -> count, word -> contexts, articles read)."""
    ambiguous = lexicon().ambiguous_weekdays
    names = re.compile(r"(?<!\w)[وفبل]?(" + "|".join(sorted(ambiguous, key=len, reverse=True)) + r")(?!\w)")
    excluded = gold_members()
    read_as_date = left = 0
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    contexts: dict[str, list[str]] = defaultdict(list)
    read = 0
    for name, xml in iter_ant_xml(tarball):
        if any(name.endswith(path) for path in excluded):
            continue
        text = normalize(element(xml, "TEXT") or "")
        spans = [(r.start, r.end) for r in scan(text)]
        for m in names.finditer(text):
            if key(m.group(1)) not in ambiguous:
                continue
            if any(a <= m.start(1) < b for a, b in spans):
                read_as_date += 1
                continue
            left += 1
            previous = WORD.findall(text[max(0, m.start() - 20) : m.start()])[-1:]
            following = WORD.findall(text[m.end() : m.end() + 20])[:1]
            context = text[max(0, m.start() - CONTEXT_CHARS) : m.end() + CONTEXT_CHARS].replace("\n", " ")
            for side, counter, words in (("<", before, previous), (">", after, following)):
                word = _bare(words[0]) if words else ""
                counter[word] += 1
                contexts[side + word].append(context)
        read += 1
        if limit is not None and read >= limit:
            break
    rng = random.Random(seed)
    for found in contexts.values():
        rng.shuffle(found)
    return read_as_date, left, before, after, contexts, read


def _bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word.startswith(PROCLITICS) else word


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="weekday_census", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="read only the first N articles")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--examples", type=int, default=3, help="contexts shown for each of the top words")
    parser.add_argument("--tarball", type=Path, default=ANT_V2_TARBALL, help="the ANT v2.1 tarball")
    args = parser.parse_args(list(argv or []))
    read_as_date, left, before, after, contexts, read = census(args.tarball, args.limit)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    print(
        f"{read} ANT v2.1 articles outside the gold selection: ambiguous weekday names read as a date {read_as_date},"
    )
    print(f"left {left}")
    for title, side, counter in (("word before a name left", "<", before), ("word after a name left", ">", after)):
        print(f"# {title}")
        for word, n in counter.most_common(args.top):
            print(f"{word}:{n}")
            for context in contexts[side + word][: args.examples]:
                print(f"    {context}")


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
