"""Regenerate quote_person_heads.tsv: definite nouns that news puts before a person's name ("المدرب", "النجم").

"وأضاف المدرب البرتغالي" or "قال المسؤول الإيراني" describes a person by a noun no title list holds. A noun is
a person's description when news writes it, with the article, right before a person's name, a nisba or two between
them allowed ("المدرب البرتغالي جوزيه مورينيو"). The script runs the entity stage over ARTICLES articles of ANT v2.1
outside the blind gold (a seeded sample, read with bench.ant; nothing is unpacked), counts for each definite word
(normalised, proclitics and the article stripped) how often it opens a phrase (after a cue, a comma or the sentence
start) that stands so before a PERSON name and how often it
occurs with the article at all, and keeps the words with at least MIN_NAME_USES uses before a name that make at
least MIN_NAME_SHARE of their occurrences. Run by hand: ``.venv/bin/python -m bench.quality.build_person_heads``
(``--print`` lists every counted word). Nothing imports this script at run time.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "flows" / "data" / "quote_person_heads.tsv"
ARTICLES = 8000
SEED = 7
# Thresholds chosen on the printed counts (--print, 4,000 articles): nouns of people open a phrase before a name
# in 2% or more of their definite uses (المدرب 5 of 232, النجم 4 of 222, الحارس 4 of 127); nisbas of the big
# states, which mostly qualify a place or a body, in 1% or less (المصري 6 of 536, الروسي, الأميركي). A word needs
# several uses so that one article's style does not make it.
MIN_NAME_USES = 4
MIN_NAME_SHARE = 0.015

HEADER = (
    '# Definite nouns that describe a person ("وأضاف المدرب البرتغالي"): counted by bench/quality/build_person_heads.py\n'
    "# over a seeded sample of ANT v2.1 articles outside the blind gold (A. Chouigui, O. Ben Khiroun, B. Elayeb. An\n"
    "# Arabic Multi-source News Corpus. AJSE 2021; Apache-2.0): written with the article, opening a phrase (after a\n"
    "# cue, a comma or the sentence start), right before a PERSON name (a nisba between allowed) at least MIN_NAME_USES\n"
    "# times, making at least MIN_NAME_SHARE of their definite uses, and met after a preposition (a noun, not a verb).\n"
    "# Machine-written; normalised, without the article. Read by flows/nlp/quotes/descriptions.py.\n"
    "head\tbefore_name\toccurrences\n"
)


def _definite_stem(norm: str) -> str | None:
    from flows.nlp.text.arabic import proclitic_readings, without_article

    for reading in proclitic_readings(norm):
        bare = without_article(reading.stem)
        if bare is not None:
            return bare
    return None


def _after_preposition(norm: str, stem: str) -> bool:
    """The definite word carries a preposition: بال…، لل…، كال… (after an optional و/ف)."""
    bare = norm[1:] if norm[:1] in ("و", "ف") else norm
    return bare in ("بال" + stem, "لل" + stem, "كال" + stem)


def main() -> None:
    from bench.ant import ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
    from bench.quality.audit import drawable_names
    from flows.nlp.entities.extract import extract_entities
    from flows.nlp.quotes.lexicon import cue_for
    from flows.nlp.text import split_sentences
    from flows.nlp.text.arabic import normalize, tokens
    from flows.nlp.types import Document

    names = drawable_names(ANT_V2_TARBALL)
    chosen = set(random.Random(SEED).sample(names, min(ARTICLES, len(names))))
    before_name: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    governed: Counter[str] = Counter()  # definite uses after a preposition (بالمدرب، للمدرب): nouns, never verbs
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=chosen):
        article = parse_ant_document(xml)
        if article is None:
            continue
        doc = Document(article.docno, article.text, article.title, None, split_sentences(article.text))
        _, mentions = extract_entities(doc)
        words = tokens(article.text)
        stems = [_definite_stem(normalize(w.text)) for w in words]
        for word, stem in zip(words, stems, strict=True):
            if stem:
                occurrences[stem] += 1
                governed[stem] += _after_preposition(normalize(word.text), stem)
        starts = {w.char_start: k for k, w in enumerate(words)}
        nisbas = [m for m in mentions if m.part == "body" and m.is_adjectival]
        for m in mentions:
            if m.part != "body" or m.entity_type != "PERSON" or m.is_adjectival or m.char_start not in starts:
                continue
            k = starts[m.char_start] - 1
            while k >= 0 and any(n.char_start <= words[k].char_start < n.char_end for n in nisbas):
                k -= 1  # "المدرب البرتغالي جوزيه مورينيو": over the nisba
            stem = stems[k] if k >= 0 else None
            if stem is None or article.text[words[k].char_end : words[k + 1].char_start].strip():
                continue
            # The noun opens the phrase: a cue, a comma or the sentence start before it, not a noun it completes
            # ("وزير الخارجية", "مدرب المنتخب": الخارجية and المنتخب are no person's description).
            gap = article.text[words[k - 1].char_end : words[k].char_start] if k else "."
            if gap.strip() or cue_for(normalize(words[k - 1].text)) is not None:
                before_name[stem] += 1
    kept = []
    for head, uses in before_name.most_common():
        total = occurrences[head]
        if "--print" in sys.argv:
            print(f"{head}\t{uses}\t{total}\t{uses / total if total else 0:.3f}")
        # "التقى"، "ألقى"، "ألمح" read as ال + a stem are verbs: a noun is also governed by a preposition.
        if uses >= MIN_NAME_USES and total and uses / total >= MIN_NAME_SHARE and governed[head]:
            kept.append(f"{head}\t{uses}\t{total}\n")
    OUT.write_text(HEADER + "".join(sorted(kept)), encoding="utf-8")


if __name__ == "__main__":
    main()
