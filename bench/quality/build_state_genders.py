"""Regenerate state_genders.tsv: the grammatical gender of the states and cities news makes a verb's subject.

Arabic makes a verb agree in gender with a subject right after it: most states and cities are feminine ("قالت روسيا",
"هددت واشنطن"), some masculine ("قال العراق", "أعلن المغرب"). A masculine verb with a feminine state right after it has
that state as its object, not its subject ("أكد روحاني …، وهدد واشنطن برد سريع": Rouhani threatened Washington). The
script counts, over the ANT v2.1 articles outside the blind gold (read with bench.ant; nothing is unpacked), how often
each GPE name of the gazetteer stands right after a speech verb in the feminine (قالت، أعلنت …) and in the masculine
(قال، أعلن …): after a speech verb a name is nearly always the subject. It keeps the names with at least MIN_USES
uses and writes each with the gender of at least MIN_SHARE of them. The event stage reads it
(flows/nlp/events/agents.gender_disagrees).
Run by hand: ``.venv/bin/python -m bench.quality.build_state_genders [--print]``. Nothing imports it at run time.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "flows" / "data" / "gazetteer" / "state_genders.tsv"

# Speech verbs in the perfect, masculine and feminine; a name right after them is their subject.
SPEECH_VERBS = (
    ("قال", "قالت"), ("أعلن", "أعلنت"), ("أكد", "أكدت"), ("أضاف", "أضافت"), ("أوضح", "أوضحت"), ("ذكر", "ذكرت"),
    ("أفاد", "أفادت"), ("أشار", "أشارت"), ("اعتبر", "اعتبرت"), ("أبلغ", "أبلغت"), ("يقول", "تقول"), ("يؤكد", "تؤكد"),
)  # fmt: skip
# Chosen on the printed counts: at 10 uses the shares stand apart (states at 0.9 and more one way, few between);
# below that one stray reading moves a share by a tenth.
MIN_USES = 10
MIN_SHARE = 0.8

HEADER = (
    '# The gender of states and cities as a verb\'s subject ("قالت روسيا", "قال العراق"): counted by\n'
    "# bench/quality/build_state_genders.py over the ANT v2.1 articles outside the blind gold (A. Chouigui, O. Ben\n"
    "# Khiroun, B. Elayeb. An Arabic Multi-source News Corpus. AJSE 2021; Apache-2.0): uses right after a feminine and a\n"
    "# masculine speech verb, at least MIN_USES, the gender (f or m) of at least MIN_SHARE of them. Machine-written.\n"
    "entity_id\tname_ar\tfeminine\tmasculine\tgender\n"
)


def main() -> None:
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml, member_names
    from bench.quality.ant2 import not_gold
    from flows.nlp.entities.gazetteer import load_gazetteer
    from flows.nlp.text.arabic import normalize

    gazetteer = load_gazetteer()
    names: dict[str, str] = {}
    for first, entries in gazetteer.index.items():
        for rest, infos in entries:
            for info in infos:
                entity = gazetteer.entities.get(info.entity_id)
                if info.kind == "name" and entity is not None and entity.entity_type == "GPE":
                    names.setdefault(" ".join((first, *rest)), info.entity_id)
    alternation = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in names), key=len, reverse=True))
    gender = {normalize(m): "m" for m, _ in SPEECH_VERBS} | {normalize(f): "f" for _, f in SPEECH_VERBS}
    verbs = "|".join(re.escape(v) for v in gender)
    pattern = re.compile(rf"(?<!\w)[وف]?(?P<verb>{verbs})\s+(?P<name>{alternation})(?!\w)")
    counts: dict[str, Counter[str]] = {}
    wanted = set(not_gold(member_names(ANT_V2_TARBALL)))
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        text = normalize(element(xml, "TEXT") or "")
        for match in pattern.finditer(text):
            entity_id = names[" ".join(match.group("name").split())]
            counts.setdefault(entity_id, Counter())[gender[match.group("verb")]] += 1
    rows = []
    for entity_id, c in sorted(counts.items(), key=lambda item: -sum(item[1].values())):
        total = c["f"] + c["m"]
        share = max(c["f"], c["m"]) / total
        name = gazetteer.entities[entity_id].name_ar
        if "--print" in sys.argv:
            print(f"{entity_id}\t{name}\t{c['f']}\t{c['m']}")
        if total >= MIN_USES and share >= MIN_SHARE:
            rows.append(f"{entity_id}\t{name}\t{c['f']}\t{c['m']}\t{'f' if c['f'] > c['m'] else 'm'}\n")
    OUT.write_text(HEADER + "".join(rows), encoding="utf-8")


if __name__ == "__main__":
    main()
