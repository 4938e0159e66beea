"""Count the candidates of flows/data/gazetteer/body_purposes.tsv: a listed body's name followed by a ل-phrase.

"الاتحاد الأوروبي لكرة القدم" is UEFA, not the European Union, and "منظمة الأمم المتحدة للأغذية والزراعة" is the FAO,
not the United Nations: a listed body's name followed by a ل-phrase that states a purpose is, often enough, the name of
another body. The gazetteer matched the listed body alone and left the rest out. The script reads the ANT v2.1
articles outside the blind gold (bench/ant.py; nothing is unpacked), finds each alias of an ORG row of orgs.tsv (after
a proclitic و/ب/ل/ف/ك or not, normalised), and counts, alone and with an indefinite body head before the name
(org_heads.tsv's heads and مكتب: "صندوق الأمم المتحدة للسكان"), the ل-words that follow it right away with the definite words
(ال، وال) after them: "لكرة القدم"، "للأغذية والزراعة"، "لحقوق الإنسان". It prints the phrases seen at least
``--min-count`` times with their counts, the most frequent surface and the words most often before them (a role, such
as "مفوض", says whose office it is). A reviewer judges each printed phrase into

- ``other``: the whole phrase names another body (UEFA, the FAO), which the stage reads as its own ORG;
- ``same``: the ل-phrase describes the listed body itself (the stage changes nothing);
- ``none``: no name of its own (a fragment of longer names, or a purpose that is not a name: the stage changes nothing),

and writes the judged rows with their counts to body_purposes.tsv. Run by hand:
``.venv/bin/python -m bench.quality.build_body_purposes [--min-count 8]``. Nothing imports this script at run time.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from bench.quality.gazetteer_aliases import alias_ids

WORD = re.compile(r"\S+")
PUNCTUATION = "«»\"'،,.:;()[]!?؟“”"
PROCLITICS = ("و", "ب", "ل", "ك", "ف", "وب", "ول", "فب", "فل", "وك")
LAM = "ل"
ARTICLE_WORDS = ("ال", "وال")
# A ل-phrase's definite words: "لكرة القدم" one, "للأغذية والزراعة" one, "لمكافحة الإرهاب الدولي" two.
MAX_DEFINITE = 3
# Heads of a body's name before a listed body (besides flows/data/org_heads.tsv): مكتب الأمم المتحدة لتنسيق الشؤون
# الإنسانية, the one head of orgs.tsv's names that org_heads.tsv leaves out (it is also a room and an office).
OFFICE_HEADS = frozenset({"مكتب"})
# A ل-word shorter than this is a pronoun or a particle (له، لها، لكن once normalised).
MIN_LAM_WORD = 4


def bare(token: str, firsts: set[str]) -> str:
    """``token`` without a proclitic when the rest starts a body's name (للأمم -> الأمم as well)."""
    if token in firsts:
        return token
    for clitic in sorted(PROCLITICS, key=len, reverse=True):
        rest = token[len(clitic) :]
        if token.startswith(clitic) and rest in firsts:
            return rest
        if token.startswith(clitic + LAM) and clitic.endswith(LAM) and "ال" + rest[1:] in firsts:
            return "ال" + rest[1:]  # للأمم: ل + الأمم
    if token.startswith("لل") and "ال" + token[2:] in firsts:
        return "ال" + token[2:]
    return token


def purpose_at(words: list[str], j: int, stop: frozenset[str]) -> int:
    """End of the ل-phrase starting at word ``j``, or ``j`` when none starts there; a particle (التي) or a day (السبت)
    ends it."""
    if j >= len(words) or not words[j].startswith(LAM) or len(words[j]) < MIN_LAM_WORD:
        return j
    k = j + 1
    while k < len(words) and k - j <= MAX_DEFINITE and words[k].startswith(ARTICLE_WORDS) and words[k] not in stop:
        k += 1
    return k


def census(
    articles: int, aliases: dict[tuple[str, ...], str]
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], Counter[str]], dict[tuple[str, str], Counter[str]]]:
    """(count, surfaces, words before) of each (entity id, normalised alias + ل-phrase)."""
    from bench.ant import ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
    from bench.quality.audit import drawable_names
    from flows.nlp.entities.gazetteer import name_stopwords, org_heads
    from flows.nlp.entities.role_words import time_words
    from flows.nlp.text.arabic import normalize

    stop = name_stopwords() | time_words()
    heads = set(org_heads()) | OFFICE_HEADS
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for tokens in sorted(aliases, key=len, reverse=True):
        by_first[tokens[0]].append(tokens)
    firsts = set(by_first)
    counts: Counter[tuple[str, str]] = Counter()
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    before: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    wanted = set(drawable_names()[:articles])
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        article = parse_ant_document(xml)
        if article is None:
            continue
        raw = [w.strip(PUNCTUATION) for w in WORD.findall(article.text)]
        words = [normalize(w) for w in raw]
        i = 0
        while i < len(words):
            first = bare(words[i], firsts)
            hit = next((t for t in by_first.get(first, ()) if tuple([first, *words[i + 1 : i + len(t)]]) == t), None)
            if hit is None:
                i += 1
                continue
            end = i + len(hit)
            k = purpose_at(words, end, stop)
            if k > end + 1 or (k == end + 1 and words[end].startswith("لل")):
                key = (aliases[hit], " ".join([*hit, *words[end:k]]))
                counts[key] += 1
                surfaces[key][" ".join(raw[i:k])] += 1
                before[key][words[i - 1] if i else ""] += 1
                head = bare(words[i - 1], heads) if i else ""
                if head in heads:  # an indefinite body head before the listed name: صندوق الأمم المتحدة للسكان
                    key = (aliases[hit], f"{head} {key[1]}")
                    counts[key] += 1
                    surfaces[key][" ".join(raw[i - 1 : k])] += 1
                    before[key][words[i - 2] if i > 1 else ""] += 1
            i = end
    return counts, surfaces, before


def run(argv: Sequence[str] | None = None) -> None:
    from bench.ant import ANT_CITATION, ANT_V2_CITATION

    parser = argparse.ArgumentParser(prog="build_body_purposes", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40000, help="at most this many articles outside the gold")
    parser.add_argument("--min-count", type=int, default=8)
    args = parser.parse_args(list(argv or []))
    counts, surfaces, before = census(args.articles, alias_ids("orgs.tsv", "ORG"))
    print("entity_id\tphrase\tcount\tsurface\twords before")
    for key, count in counts.most_common():
        if count < args.min_count:
            break
        words_before = ", ".join(f"{w} {n}" for w, n in before[key].most_common(4))
        print(f"{key[0]}\t{key[1]}\t{count}\t{surfaces[key].most_common(1)[0][0]}\t{words_before}")
    print(f"ANT v2.1: {ANT_CITATION}; {ANT_V2_CITATION}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
