"""Census of legislative nouns on ANT v2.1: which objects of an approval or rejection join legislation_words.tsv.

    .venv/bin/python -m bench.quality.build_legislation_words [--limit N] [--write]

The candidates (bench/quality/legislation_candidates.tsv) are the nouns of what a legislature passes (a law,
legislation, a constitution, a budget, a decree, a by-law; turned down there with the reason: a project, an
amendment, a resolution), written from that class, not from sentences. Every AGREE and REJECT trigger of the stage's
lexicon (flows/nlp/events/triggers.py) is found in every ANT v2.1 article outside the blind gold and outside the
articles of the event audits drawn after this census (build_irrealis_words.counted_names: round 11's fresh seed 31
among them), its object read as the stage reads it (flows.nlp.events.legislation.object_heads, to the sentence's
end), and each candidate counted as such an object (``objects``). A candidate is kept when it is the object of at
least MIN_OBJECTS approvals or rejections and its ``judged`` column says "keep". The most frequent other object
heads are printed too, for the person judging the list. ``--write`` writes the kept rows with their counts to
flows/data/legislation_words.tsv (read by flows/nlp/events/legislation.py). Figures on it cite ANT_CITATION and
ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from flows.nlp.text import derived_forms, normalize, words
from flows.nlp.text.arabic import split_sentences

CANDIDATES = Path(__file__).resolve().parent / "legislation_candidates.tsv"
OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "legislation_words.tsv"
# An object of ten approvals or rejections: about one in every 2,500 counted articles, the least a noun needs to
# matter to the stage's figures at all.
MIN_OBJECTS = 10
SHOWN_OTHER_HEADS = 40


def candidate_rows() -> list[dict[str, str]]:
    lines = [line for line in CANDIDATES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def census(rows: list[dict[str, str]], limit: int | None = None) -> tuple[Counter[str], Counter[str], int]:
    """(objects by candidate lemma, every object head's key, articles read)."""
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml
    from bench.quality.build_irrealis_words import counted_names
    from flows.nlp.events.legislation import LEGISLATIVE_TYPES, object_heads
    from flows.nlp.events.triggers import trigger_lexicon

    lexicon = trigger_lexicon()
    lemma_of = {form: row["lemma"] for row in rows for form in derived_forms(row["lemma"], "noun")}
    names = counted_names()
    if limit is not None:
        names = names[:limit]
    objects: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        body = element(xml, "TEXT") or ""
        for sentence in split_sentences(body):
            seq = words(body, sentence.char_start, sentence.char_end)
            for i in range(len(seq)):
                match = lexicon.match_at(seq, i)
                if match is None or match.entry.category not in LEGISLATIVE_TYPES:
                    continue
                found = object_heads(body, seq[match.last].end, sentence.char_end)
                heads.update(word.key for word in found)
                lemmas = {lemma_of[word.key] for word in found if word.key in lemma_of}
                objects.update(lemmas)
    return objects, heads, len(names)


def write(rows: list[dict[str, str]], objects: Counter[str], read: int) -> None:
    from bench.ant import ANT_CITATION, ANT_V2_CITATION

    header = [
        "# Legislative nouns admitted by corpus counts: written by bench/quality/build_legislation_words.py --write (do",
        "# not edit by hand: change bench/quality/legislation_candidates.tsv and rerun). Read by",
        "# flows/nlp/events/legislation.py: an approval or rejection of one of these is domestic law-making, no report.",
        f"# Kept when, over the ANT v2.1 articles outside the blind gold and the audits drawn after it ({read} articles),",
        f"# it is the object of at least {MIN_OBJECTS} AGREE or REJECT triggers (objects) and is judged keep by hand.",
        f"# {ANT_CITATION}; {ANT_V2_CITATION}",
        "lemma\tobjects",
    ]
    body = [
        f"{row['lemma']}\t{objects[row['lemma']]}"
        for row in rows
        if row["judged"] == "keep" and objects[row["lemma"]] >= MIN_OBJECTS
    ]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} of {len(rows)} candidates kept in {OUT}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build_legislation_words", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="count only the first N articles (a quick look)")
    parser.add_argument("--write", action="store_true", help=f"write the kept candidates to {OUT.name}")
    args = parser.parse_args(argv)
    rows = candidate_rows()
    objects, heads, read = census(rows, args.limit)
    print(f"{read} articles; kept when the object of >= {MIN_OBJECTS} approvals or rejections and judged keep")
    for row in rows:
        lemma = row["lemma"]
        verdict = "keep" if row["judged"] == "keep" and objects[lemma] >= MIN_OBJECTS else "out"
        print(f"{verdict:5} {objects[lemma]:6}  {normalize(lemma)}")
    print("most frequent object heads:", ", ".join(f"{k} {n}" for k, n in heads.most_common(SHOWN_OTHER_HEADS)))
    if args.write:
        write(rows, objects, read)


if __name__ == "__main__":
    main()
