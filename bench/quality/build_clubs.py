"""Count the candidates of flows/data/gazetteer/clubs.tsv: football clubs whose name holds a listed city.

"ريال مدريد" and "أتلتيكو مدريد" are clubs, yet the gazetteer reads their مدريد as the city (gpe:madrid had 3,557
mentions in a full ANT v2.1 run, most of them in these two names). A club's name is a city joined by a word or two
that news writes with the city in sports articles and almost never elsewhere. The script reads the ANT v2.1 articles
outside the blind gold (bench/ant.py; nothing is unpacked), finds each city of places.tsv (any of its aliases, after a
proclitic و/ب/ل/ك or not), and counts the phrases a city makes with the one or two words before it or after it
(normalised), in sports articles (the DOCNO's section "sport") and in the others. It prints the phrases seen at least
MIN_SPORT times in sports articles and at least MIN_SPORT_SHARE of the times in them, with their counts; the clubs in
clubs.tsv were chosen from that print by hand (a phrase that is a club's name, its spelling variants as aliases), and
each row's counts are the script's. Run by hand: ``.venv/bin/python -m bench.quality.build_clubs``. Nothing imports
this script at run time.
"""

from __future__ import annotations

import sys
from collections import Counter

from bench.quality.gazetteer_aliases import alias_ids

# Thresholds chosen on the print: club names are seen tens to thousands of times, most of them in sports articles
# (ريال مدريد 2,614 of 2,785; باريس سان جرمان 436 of 534, France 24 files some sport under internationalNews); a city
# with a function word or a common noun (في مدريد 99 of 132، العاصمة مدريد) is seen in every section. Phrases seen
# fewer than MIN_SPORT times are left to the tagger.
MIN_SPORT = 15
MIN_SPORT_SHARE = 0.75
PROCLITICS = ("و", "ب", "ل", "ك", "وب", "ول", "فب", "ف")
SPORT = "sport"


def bare(token: str, aliases: dict[tuple[str, ...], str]) -> str:
    """``token`` without a proclitic when the rest starts a city's name."""
    firsts = {tokens[0] for tokens in aliases}
    if token in firsts:
        return token
    for clitic in sorted(PROCLITICS, key=len, reverse=True):
        if token.startswith(clitic) and token[len(clitic) :] in firsts:
            return token[len(clitic) :]
    return token


def phrases(words: list[str], aliases: dict[tuple[str, ...], str]) -> list[str]:
    """The phrases each city in ``words`` makes with up to two words before or after it."""
    out = []
    bared = [bare(w, aliases) for w in words]
    longest = max(len(t) for t in aliases)
    for i in range(len(words)):
        for n in range(longest, 0, -1):
            city = tuple(bared[i : i + n])
            if len(city) == n and city in aliases:
                for k in (1, 2):
                    if i - k >= 0:
                        out.append(" ".join([*words[i - k : i], *city]))
                    if i + n + k <= len(words):
                        out.append(" ".join([*city, *words[i + n : i + n + k]]))
                break
    return out


def count() -> tuple[Counter[str], Counter[str]]:
    from bench.ant import ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
    from bench.quality.audit import drawable_names
    from flows.nlp.text.arabic import NORM_WORD, normalize

    aliases = alias_ids("places.tsv", "GPE")
    wanted = set(drawable_names())
    sport: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        article = parse_ant_document(xml)
        if article is None:
            continue
        target = sport if article.docno.split("-")[1] == SPORT else other
        for paragraph in (article.title, *article.paragraphs):
            target.update(phrases(NORM_WORD.findall(normalize(paragraph)), aliases))
    return sport, other


def main() -> None:
    """``[MIN]``: print the phrases seen at least MIN times in sports articles (MIN_SPORT by default)."""
    least = int(sys.argv[1]) if len(sys.argv) > 1 else MIN_SPORT
    sport, other = count()
    rows = [
        (phrase, n, other[phrase])
        for phrase, n in sport.items()
        if n >= least and n / (n + other[phrase]) >= MIN_SPORT_SHARE
    ]
    print("phrase\tsport\tother")
    for phrase, n, m in sorted(rows, key=lambda r: -r[1]):
        print(f"{phrase}\t{n}\t{m}")


if __name__ == "__main__":
    main()
