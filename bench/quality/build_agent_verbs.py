"""Regenerate agent_verbs.tsv: the verbs whose subject, in a relative clause on an event noun, did the noun's act.

News names who did an act in a clause on its noun: "مجزرة ارتكبتها إسرائيل", "غزو قادته الولايات المتحدة", "الضربات
التي نفذتها فرنسا", "العقوبات التي فرضتها واشنطن", "الاتفاق الذي وقعته إيران". The clause's verb carries the noun's
pronoun (its object) and its subject follows it. The script counts, over the ANT v2.1 articles outside the blind gold
(read with bench.ant; nothing is unpacked), the word right after an event noun the trigger lexicon finds (after at most
REACH_WORDS adjectives or a relative pronoun), carrying a pronoun and no conjunction, with a word after it. A person
read the printed rows (most are nouns with a pronoun, or verbs whose subject speaks of, answers or undergoes the act)
and listed the verbs whose subject did it (AGENT_LEMMAS); the file gives each with the uses of its finite forms, and
--print shows the rows, those no listed lemma makes marked "-". The event
stage reads a name right after such a verb as the noun's agent (flows/nlp/events/noun_clauses.relative_light_agent).
Run by hand: ``.venv/bin/python -m bench.quality.build_agent_verbs [--print]``. Nothing imports it at run time.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "flows" / "data" / "agent_verbs.tsv"

# Adjectives ("الغارات الجوية") or a relative pronoun ("التي") between the noun and the verb.
REACH_WORDS = 3
PRONOUNS = frozenset({"ه", "ها", "هم", "هما"})
RELATIVES = frozenset({"التي", "الذي", "اللذين", "اللتين", "الذين"})
# Judged on the printed rows (round 11): the words after an event noun carrying its pronoun are nouns ("انسحاب بلاده",
# "محادثات مع نظيره"), verbs whose subject speaks of, answers or undergoes the act ("أعلنها", "وصفتها", "ترفضها",
# "شهدتها أفغانستان", "جمعته الأقدار", "نسبتها إلى") or verbs whose subject did it. These are the last kind, by their
# dictionary lemma; the script counts every form the text layer makes of them.
AGENT_LEMMAS = (
    "شنّ", "نفّذ", "فرض", "أجرى", "عقد", "أبرم", "وجّه", "قاد", "وقّع", "قدّم", "بدأ", "أطلق", "خاض", "ارتكب",
    "نظّم", "أصدر", "اتخذ", "نصب", "قرّر", "أقرّ",
)  # fmt: skip
# Chosen on the printed counts: a lemma seen fewer times than this is left out (none of the judged ones is).
MIN_USES = 4

HEADER = (
    '# The verbs whose subject did the act of the event noun their relative clause is on ("مجزرة ارتكبتها إسرائيل",\n'
    '# "غزو قادته الولايات المتحدة"): counted by bench/quality/build_agent_verbs.py over the ANT v2.1 articles outside\n'
    "# the blind gold (A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus. AJSE 2021;\n"
    "# Apache-2.0): the verb carrying the noun's pronoun right after it, among the lemmas judged a doer's\n"
    "# (AGENT_LEMMAS), seen at least MIN_USES times. Machine-written: lemma, uses (its finite forms).\n"
    "lemma\tuses\n"
)


def main() -> None:
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml, member_names
    from bench.quality.ant2 import not_gold
    from flows.nlp.events.triggers import find_triggers
    from flows.nlp.text import split_sentences, words
    from flows.nlp.text.arabic import normalize
    from flows.nlp.text.forms import finite_forms

    form_lemma = {form: lemma for lemma in AGENT_LEMMAS for form in finite_forms(lemma)}
    verbs: Counter[str] = Counter()
    examples: dict[str, str] = {}
    wanted = set(not_gold(member_names(ANT_V2_TARBALL)))
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        text = element(xml, "TEXT") or ""
        for sentence in split_sentences(text):
            for hit in find_triggers(text, sentence.char_start, sentence.char_end):
                if hit.entry.pos != "noun":
                    continue
                following = words(text, hit.char_end, sentence.char_end)[: REACH_WORDS + 2]
                for i, word in enumerate(following[: REACH_WORDS + 1]):
                    if word.proclitics or word.enclitic not in PRONOUNS:
                        if word.key in RELATIVES or (not word.proclitics and not word.enclitic):
                            continue
                        break
                    if i + 1 >= len(following):
                        break
                    base = normalize(word.base)
                    lemma = form_lemma.get(base, "-" + base)
                    verbs[lemma] += 1
                    examples.setdefault(lemma, text[hit.char_start : following[i + 1].end])
                    break
    kept = [(lemma, verbs[lemma]) for lemma in AGENT_LEMMAS if verbs[lemma] >= MIN_USES]
    if "--print" in sys.argv:
        for verb, uses in verbs.most_common(150):  # "-": a word no judged lemma makes
            print(f"{verb}\t{uses}\t{examples[verb]}")
    OUT.write_text(HEADER + "".join(f"{lemma}\t{uses}\n" for lemma, uses in kept), encoding="utf-8")


if __name__ == "__main__":
    main()
