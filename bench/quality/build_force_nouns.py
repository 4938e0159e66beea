"""Regenerate force_nouns.tsv: the nouns news names an attack's doer with before its owner ("طائرات التحالف").

An attack noun's relative light verb ("غارة شنتها طائرات التحالف", "الضربات التي نفذتها مقاتلات إسرائيلية") has the
attack's doer as its subject, and news writes that subject as a force's noun before the name it belongs to. The
script counts, over the ANT v2.1 articles outside the blind gold (read with bench.ant; nothing is unpacked), the
indefinite word right after a form of LIGHT_VERBS carrying the noun's pronoun, and keeps the words seen at least
MIN_USES times: the heads of the doer's noun phrase. The event stage reads a name behind one of them as the attack's
agent ("غارات لمقاتلات التحالف", "إطلاق الطائرات الإسرائيلية"; flows/nlp/events/parties.force_owner).
Run by hand: ``.venv/bin/python -m bench.quality.build_force_nouns [--print]``. Nothing imports it at run time.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "flows" / "data" / "force_nouns.tsv"

# Left out: the name itself (a gazetteer name), a particle (a name stopword: "في", "ضد") and a purpose behind ل.
# The light verbs of an attack with the attack noun's pronoun (feminine for غارة/ضربة, masculine for هجوم/قصف),
# perfect and imperfect: شنّ and نفّذ, the lemmas noun_clauses.LIGHT_VERB_LEMMAS reads.
LIGHT_VERBS = ("شنتها", "شنها", "يشنها", "تشنها", "نفذتها", "نفذها", "ينفذها", "تنفذها")
# Chosen on the printed counts: the heads with 5 or more uses are forces and their arms (طائرات 37, مقاتلات 24, قوات
# 21, ...); below that the list turns to names cut by the pattern and one-off words.
MIN_USES = 5

HEADER = (
    '# The nouns news names an attack\'s doer with before its owner ("شنتها طائرات التحالف"): counted by\n'
    "# bench/quality/build_force_nouns.py over the ANT v2.1 articles outside the blind gold (A. Chouigui, O. Ben Khiroun,\n"
    "# B. Elayeb. An Arabic Multi-source News Corpus. AJSE 2021; Apache-2.0): the indefinite word right after a relative\n"
    "# light verb of an attack, seen at least MIN_USES times. Machine-written, normalised, without the article.\n"
    "noun\tuses\n"
)


def main() -> None:
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml, member_names
    from bench.quality.ant2 import not_gold
    from flows.nlp.entities.gazetteer import load_gazetteer, name_stopwords
    from flows.nlp.text.arabic import normalize

    names = load_gazetteer().index
    particles = {normalize(w) for w in name_stopwords()}

    verbs = "|".join(re.escape(normalize(v)) for v in LIGHT_VERBS)
    pattern = re.compile(rf"(?<!\w)[وف]?(?:{verbs})\s+(?P<head>\w+)\s+\w")
    heads: Counter[str] = Counter()
    wanted = set(not_gold(member_names(ANT_V2_TARBALL)))
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        text = normalize(element(xml, "TEXT") or "")
        for match in pattern.finditer(text):
            head = match.group("head")
            if head.startswith(("ال", "وال")) or head[:1].isdigit() or head in names or head in particles:
                continue  # the name itself ("شنتها إسرائيل", "شنها التحالف"), a particle or a date
            if head[:1] == "ل":
                continue  # a purpose ("شنتها لدحر"), no subject
            heads[head] += 1
    kept = [(head, uses) for head, uses in heads.most_common() if uses >= MIN_USES]
    if "--print" in sys.argv:
        for head, uses in heads.most_common(60):
            print(f"{head}\t{uses}")
    OUT.write_text(HEADER + "".join(f"{head}\t{uses}\n" for head, uses in kept), encoding="utf-8")


if __name__ == "__main__":
    main()
