"""Which definite nouns name a body when a relational adjective follows them: a census for
flows/data/gazetteer/definite_org_heads.tsv.

    python -m bench.quality.build_body_heads [--articles 12000] [--min-count 40] [--min-share 0.5]

A body that speaks in news is mostly named by a definite head and a relational adjective ("وأوضح المرصد السوري …",
"وقالت السفارة الأمريكية …", "وذكر البنك المركزي …"). The census reads the ANT v2.1 articles outside the blind gold
(bench/quality/ant2.py) and counts, for each definite word right after a speech verb (flows/data/speech_cues.tsv, as
the quote stage reads it), how often it stands there and how often a definite -ي/-ية adjective follows it. It prints
the heads seen at least ``--min-count`` times with that share at least ``--min-share`` that the heads file does not
hold yet: candidates for a reviewer, who keeps the bodies' heads (not persons' titles, which titles.tsv reads, nor
collectives such as السلطات or الحكومة, which have their own rules). Figures on ANT cite bench/ant.py.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names
from flows.nlp.entities.gazetteer import definite_org_heads
from flows.nlp.quotes.lexicon import cue_for
from flows.nlp.text.arabic import normalize

WORD = re.compile(r"\S+")
PUNCTUATION = "«»\"'،,.:;()[]"
ARTICLE = "ال"
RELATIONAL_ENDINGS = ("ي", "يه")  # -ي / -ية once normalised (ة -> ه)


def census(articles: int) -> tuple[Counter[str], Counter[str]]:
    """(how often each definite head follows a speech verb, how often a definite relational adjective follows it)."""
    wanted = set(drawable_names()[:articles])
    after_verb: Counter[str] = Counter()
    with_adjective: Counter[str] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        article = parse_ant_document(xml)
        if article is None:
            continue
        words = [normalize(w.strip(PUNCTUATION)) for w in WORD.findall(article.text)]
        for i in range(len(words) - 2):
            hit = cue_for(words[i])
            head, following = words[i + 1], words[i + 2]
            if hit is None or hit[0].cue_class != "verb" or not head.startswith(ARTICLE) or len(head) < 5:
                continue
            after_verb[head] += 1
            if following.startswith(ARTICLE) and following.endswith(RELATIONAL_ENDINGS):
                with_adjective[head] += 1
    return after_verb, with_adjective


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build_body_heads", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12000)
    parser.add_argument("--min-count", type=int, default=40)
    parser.add_argument("--min-share", type=float, default=0.5)
    args = parser.parse_args(list(argv or []))
    after_verb, with_adjective = census(args.articles)
    listed = {normalize(h) for h in definite_org_heads()}
    print("head\tafter a speech verb\twith a relational adjective\tshare")
    for head, count in after_verb.most_common():
        share = with_adjective[head] / count
        if count >= args.min_count and share >= args.min_share and head[len(ARTICLE) :] not in listed:
            print(f"{head}\t{count}\t{with_adjective[head]}\t{share:.2f}")
    print(f"ANT v2.1: {ANT_CITATION}; {ANT_V2_CITATION}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
