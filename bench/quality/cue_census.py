"""Which words govern an أن/إن clause in ANT v2.1: the evidence behind flows/data/speech_cues.tsv.

For every complementizer (أن، إن، بأن) in the <TEXT> of the ANT v2.1 articles outside the gold selection
(tests/gold/ant2/selection.json), count the word right before it ("قال إن") and the word two before it (a verb
with a one-word subject: "قال ترامب إن"), with a و/ف proclitic taken off; and the first word of every clause that
ends in a colon and a quotation mark (direct speech: "وعلق الوزير: «…»"); and every written form of the "according to"
prepositions (a word holding حسب، وفق، طبق or نقلا, as written: "حسبما" with ما fused, "فبحسب" with ف). Speech cues are among the most frequent of
these words; the lemmas of the cue lexicon were read off this list (see the header of speech_cues.tsv). Figures on it
cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).

    python -m bench.quality.cue_census [--limit N] [--top K] [--tarball PATH]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, element, iter_ant_xml
from bench.quality.ant2 import gold_members
from flows.nlp.text.arabic import TOKEN, normalize

COMPLEMENTIZERS = frozenset({"ان", "بان"})  # normalised: أن، إن، بأن
# The first word of a clause that ends in a colon and a quotation mark: "وعلق الوزير قائلا: «…»", "ويشرح X: "…"".
COLON_SPEECH = re.compile(r"(?:^|[.،!؟\n]\s*)(\w+)[^.،:!؟\n«»\"“”]{0,80}:\s*[«\"“]")
PROCLITICS = ("و", "ف")
# The stems of the "according to" prepositions (speech_cues.tsv, class according_to); the fourth list counts every
# word of at most ACCORDING_MAX letters that holds one ("حسبما", "فبحسب", "ووفقا"; and "فحسب" "only", read by hand).
ACCORDING_STEMS = ("حسب", "وفق", "طبق", "نقلا")
ACCORDING_MAX = 7


def census(
    tarball: Path = ANT_V2_TARBALL, limit: int | None = None
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str], int]:
    """(word right before a complementizer, word two before it, word opening a clause that ends in a colon and a
    quotation mark, written form of an "according to" preposition, articles read)."""
    excluded = gold_members()
    before1: Counter[str] = Counter()
    before2: Counter[str] = Counter()
    colon: Counter[str] = Counter()
    according: Counter[str] = Counter()
    read = 0
    for name, xml in iter_ant_xml(tarball):
        if any(name.endswith(path) for path in excluded):
            continue
        text = normalize(element(xml, "TEXT") or "")
        colon.update(_bare(word) for word in COLON_SPEECH.findall(text))
        words = TOKEN.findall(text)
        according.update(w for w in words if len(w) <= ACCORDING_MAX and any(stem in w for stem in ACCORDING_STEMS))
        for i, word in enumerate(words):
            if word in COMPLEMENTIZERS:
                for back, counter in ((1, before1), (2, before2)):
                    if i >= back:
                        counter[_bare(words[i - back])] += 1
        read += 1
        if limit is not None and read >= limit:
            break
    return before1, before2, colon, according, read


def _bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word.startswith(PROCLITICS) else word


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="cue_census", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="read only the first N articles")
    parser.add_argument("--top", type=int, default=150)
    parser.add_argument("--tarball", type=Path, default=ANT_V2_TARBALL, help="the ANT v2.1 tarball")
    args = parser.parse_args(list(argv or []))
    before1, before2, colon, according, read = census(args.tarball, args.limit)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    print(f"{read} ANT v2.1 articles outside the gold selection")
    listed = (
        ("right before أن/إن/بأن", before1),
        ("two before أن/إن/بأن", before2),
        ("opening X: «", colon),
        ("forms of the according-to prepositions", according),
    )
    for title, counter in listed:
        print(f"# {title}")
        print("  ".join(f"{word}:{n}" for word, n in counter.most_common(args.top)))


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
