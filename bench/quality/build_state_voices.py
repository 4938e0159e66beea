"""Regenerate state_voices.tsv: the cities of places.tsv that news uses as the voice of a state ("واشنطن", "موسكو").

A city that speaks, accuses or acts as a government is the subject of a statement or act verb written in the
feminine ("قالت موسكو", "اتهمت طهران"); a city that is only a place is not ("في برلين"). The script counts, over
the ANT v2.1 articles outside the blind gold (read with bench.ant; nothing is unpacked), how often each city of
places.tsv stands right after one of STATE_VERBS and how often it occurs at all, and keeps the cities with at least
MIN_SUBJECT_USES subject uses that make at least MIN_SUBJECT_SHARE of their occurrences. The event stage takes any
other city, and every LOC, as the place of an event and never its agent (flows/nlp/events/places.py).
Run by hand when places.tsv changes: ``.venv/bin/python -m bench.quality.build_state_voices``. Nothing
imports this script at run time.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GAZETTEER = REPO / "flows" / "data" / "gazetteer"

# Feminine verbs of statement and political act, perfect and imperfect, as news puts them before a state's name.
STATE_VERBS = (
    "قالت", "أعلنت", "أكدت", "اتهمت", "طالبت", "رفضت", "نفت", "هددت", "حذرت", "دعت", "ردت", "أدانت", "نددت",
    "وافقت", "رحبت", "فرضت", "دعمت", "أبلغت", "طلبت", "تتهم", "تطالب", "ترفض", "تنفي", "تهدد", "تحذر", "تدعو",
    "تدعم", "تريد", "تسعى", "اعتبرت", "أعربت", "استدعت", "طردت", "سحبت", "قررت",
)  # fmt: skip
# Thresholds chosen on the printed counts (run with --print): capitals that speak for their state have dozens of
# subject uses and a share of 1% or more (Paris 28 uses, 1.2%: France speaks as Paris though Paris is also a
# much-named place); cities named as places have a handful (Berlin 5, Cairo 9 of 1,030, Madrid 7 of 3,785).
MIN_SUBJECT_USES = 10
MIN_SUBJECT_SHARE = 0.01

HEADER = (
    '# Cities that news uses as the voice of a state ("قالت موسكو"): counted by bench/quality/build_state_voices.py\n'
    "# over the ANT v2.1 articles outside the blind gold (A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News\n"
    "# Corpus. AJSE 2021; Apache-2.0): at least MIN_SUBJECT_USES uses as the subject of a statement or act verb, and\n"
    "# at least MIN_SUBJECT_SHARE of all their occurrences. Machine-written; other cities are places, not agents.\n"
    "entity_id\tname_ar\tsubject_uses\toccurrences\n"
)


def main() -> None:
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml, member_names
    from bench.quality.ant2 import not_gold
    from flows.nlp.text.arabic import normalize
    from flows.resources import read_tsv

    cities = [row for row in read_tsv("gazetteer", "places.tsv") if row["entity_type"] == "GPE"]
    names = {normalize(row["name_ar"]): row["entity_id"] for row in cities}
    for row in cities:
        for alias in row["aliases"].split("|"):
            if alias.strip():
                names.setdefault(normalize(alias.strip()), row["entity_id"])
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    verbs = "|".join(re.escape(normalize(v)) for v in STATE_VERBS)
    any_use = re.compile(rf"(?<!\w)[وفبل]?(?:{alternation})(?!\w)")
    subject_use = re.compile(rf"(?<!\w)[وف]?(?:{verbs})\s+(?P<name>{alternation})(?!\w)")
    occurrences: Counter[str] = Counter()
    subjects: Counter[str] = Counter()
    wanted = set(not_gold(member_names(ANT_V2_TARBALL)))
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        text = normalize(element(xml, "TEXT") or "")
        for match in any_use.finditer(text):
            word = match.group().lstrip("وفبل") if match.group() not in names else match.group()
            occurrences[names.get(word, names.get(match.group(), ""))] += 1
        for match in subject_use.finditer(text):
            subjects[names[match.group("name")]] += 1
    by_id = {row["entity_id"]: row["name_ar"] for row in cities}
    kept = []
    for entity_id, name in sorted(by_id.items()):
        uses, total = subjects[entity_id], occurrences[entity_id]
        if "--print" in sys.argv:
            print(f"{entity_id}\t{name}\t{uses}\t{total}\t{uses / total if total else 0:.3f}")
        if uses >= MIN_SUBJECT_USES and total and uses / total >= MIN_SUBJECT_SHARE:
            kept.append(f"{entity_id}\t{name}\t{uses}\t{total}\n")
    (GAZETTEER / "state_voices.tsv").write_text(HEADER + "".join(kept), encoding="utf-8")


if __name__ == "__main__":
    main()
