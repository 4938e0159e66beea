"""Which definite nouns name a body when a relational adjective follows them: a census for
flows/data/gazetteer/definite_org_heads.tsv.

    python -m bench.quality.build_body_heads [--articles 12000] [--min-count 40] [--min-share 0.5]
    python -m bench.quality.build_body_heads --indefinite [--articles 40000] [--min-count 15]

A body that speaks in news is mostly named by a definite head and a relational adjective ("وأوضح المرصد السوري …",
"وقالت السفارة الأمريكية …", "وذكر البنك المركزي …"). The census reads the ANT v2.1 articles outside the blind gold
(bench/quality/ant2.py) and counts, for each definite word right after a speech verb (flows/data/speech_cues.tsv, as
the quote stage reads it), how often it stands there and how often a definite -ي/-ية adjective follows it. It prints
the heads seen at least ``--min-count`` times with that share at least ``--min-share`` that the heads file does not
hold yet: candidates for a reviewer, who keeps the bodies' heads (not persons' titles, which titles.tsv reads, nor
collectives such as السلطات or الحكومة, which have their own rules). Figures on ANT cite bench/ant.py.

With ``--indefinite`` it counts the heads of flows/data/org_heads.tsv instead: a body named by an indefinite head and
definite words ("وقال منتدى النقل الدولي …", "وأعلنت غرفة التجارة …") speaks in news as the definite ones do. For each
word without the article right after a speech verb and before a definite word, it counts how often it stands there;
it prints those seen at least ``--min-count`` times that org_heads.tsv, titles.tsv (persons' titles: رئيس، وزير) and
place_heads.tsv do not hold, for a reviewer who keeps the heads of bodies' names (not a person's relation, ابن،
زوجة; not an event or a thing, تقرير، بيان، مصدر) with kind org.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names
from flows.nlp.entities.gazetteer import definite_org_heads, org_heads, place_heads, titles
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


# Words that name a body's head or member: the body's name follows them (رئيس غرفة التجارة، مدير مركز الأبحاث، عضو
# مجلس النواب), normalised.
MEMBER_WORDS = frozenset(("رييس", "رييسه", "مدير", "مديره", "عضو", "اعضاء", "امين", "مسس", "موسس", "موسسه"))


# A head must also stand after a speech verb this often: a body speaks (وقال مكتب …); a department (قسم 102 after a
# head, 3 after a verb) seldom does.
MIN_AFTER_VERB = 8


def indefinite_census(articles: int) -> tuple[Counter[str], Counter[str]]:
    """How often each word without the article stands right after a speech verb and before a definite word, and
    how often right after a body's head or member (MEMBER_WORDS) and before a definite word."""
    wanted = set(drawable_names()[:articles])
    after_verb: Counter[str] = Counter()
    after_member: Counter[str] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        article = parse_ant_document(xml)
        if article is None:
            continue
        words = [normalize(w.strip(PUNCTUATION)) for w in WORD.findall(article.text)]
        for i in range(len(words) - 2):
            head, following = words[i + 1], words[i + 2]
            if head.startswith(ARTICLE) or len(head) < 3 or not following.startswith(ARTICLE):
                continue
            if words[i] in MEMBER_WORDS:
                after_member[head] += 1
            hit = cue_for(words[i])
            if hit is not None and hit[0].cue_class == "verb":
                after_verb[head] += 1
    return after_verb, after_member


def run_indefinite(articles: int, min_count: int) -> None:
    after_verb, after_member = indefinite_census(articles)
    listed = set(org_heads()) | set(titles()) | place_heads()
    print("head\tafter a body's head or member\tafter a speech verb (both before a definite word)")
    for head, count in after_member.most_common():
        if count < min_count:
            break
        if head not in listed and after_verb[head] >= MIN_AFTER_VERB:
            print(f"{head}\t{count}\t{after_verb[head]}")
    print(f"ANT v2.1: {ANT_CITATION}; {ANT_V2_CITATION}")


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build_body_heads", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12000)
    parser.add_argument("--min-count", type=int, default=40)
    parser.add_argument("--min-share", type=float, default=0.5)
    parser.add_argument("--indefinite", action="store_true", help="count the heads of org_heads.tsv instead")
    args = parser.parse_args(list(argv or []))
    if args.indefinite:
        run_indefinite(args.articles, args.min_count)
        return
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
