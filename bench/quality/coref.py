"""`akhbar eval coref`: a person's roles (appositions and titles next to the name) and role descriptions resolved to
the person (flows/nlp/entities/coref.py), on 10 ANT v2.1 articles outside the blind gold (tests/gold/coref_ant2.tsv;
how they were drawn and annotated is in its header; `python -m bench.quality.coref draw` redraws them).

A predicted role mention matches a gold item of the same article and kind (apposition <-> attach, description <->
resolve) when their spans overlap and the predicted person is the gold one: the gold word is part of the name mention
the role belongs to, or of the person's canonical name (both normalised). Each gold item takes at most one prediction.
- role attachment: precision over the predicted apposition mentions, recall over the gold attach items;
- role-description resolution: precision over the predicted description mentions (one resolved where the gold says
  the article never names the person, "-", is wrong), recall over the gold descriptions that name a person.

Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py). It is a development set: the code was tuned on it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, element, iter_ant_xml, member_names
from bench.quality.ant2 import not_gold
from bench.quality.events import prf
from flows.nlp.entities.coref import role_mentions
from flows.nlp.entities.extract import extract_entities
from flows.nlp.text.arabic import normalize, split_sentences
from flows.nlp.types import Document, Entity, Mention

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "coref_ant2.tsv"
KIND_OF = {"attach": "apposition", "resolve": "description"}
UNNAMED = "-"
# The draw (tests/gold/coref_ant2.tsv header): articles of this many characters (the whole file), with these cues.
DRAW_SEED = 12
DRAW_SIZE = 10
DRAW_CHARS = (500, 2200)


@dataclass(frozen=True, slots=True)
class GoldRole:
    article: str
    kind: str  # attach | resolve
    start: int
    end: int
    person: str  # a word of the person's name, or "-"


def load_gold(path: Path = GOLD) -> list[tuple[str, str, str, int, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"]
    rows = []
    for line in lines[1:]:
        article, kind, phrase, occurrence, person = line.split("\t")
        rows.append((article, kind, phrase, int(occurrence), person))
    return rows


def bodies(docnos: set[str], tarball: Path = ANT_V2_TARBALL) -> dict[str, str]:
    """docno -> the article's <TEXT>, stripped (as the ANT v2.1 scorers read it)."""
    wanted = {name for name in member_names(tarball) if Path(name).stem in docnos}
    return {Path(name).stem: (element(xml, "TEXT") or "").strip() for name, xml in iter_ant_xml(tarball, wanted)}


def locate(rows: list[tuple[str, str, str, int, str]], texts: dict[str, str]) -> list[GoldRole]:
    located = []
    for article, kind, phrase, occurrence, person in rows:
        at = -1
        for _ in range(occurrence):
            at = texts[article].find(phrase, at + 1)
            if at < 0:
                raise ValueError(f"{article}: occurrence {occurrence} of {phrase!r} is not in the text")
        located.append(GoldRole(article, kind, at, at + len(phrase), person))
    return located


def predict(docno: str, body: str) -> tuple[tuple[Entity, ...], tuple[Mention, ...], tuple[Mention, ...]]:
    doc = Document(docno, body, None, None, split_sentences(body))
    entities, mentions = extract_entities(doc)
    return entities, mentions, role_mentions(doc, mentions, entities)


def names_person(role: Mention, person: str, names: dict[str, Mention], entities: dict[str, Entity]) -> bool:
    word = normalize(person)
    name = names.get(role.name_mention_id or "")
    entity = entities.get(role.entity_id)
    said = [normalize(name.surface) if name else "", normalize(entity.name_ar) if entity else ""]
    return person != UNNAMED and any(word in text.split() or word in text for text in said if text)


def score(gold: list[GoldRole], texts: dict[str, str]) -> dict[str, dict[str, float]]:
    counts = {kind: [0, 0, 0] for kind in KIND_OF}  # tp, fp, fn
    for docno in sorted(texts):
        entities, mentions, roles = predict(docno, texts[docno])
        by_id = {e.entity_id: e for e in entities}
        names = {m.mention_id: m for m in mentions}
        for kind, mention_kind in KIND_OF.items():
            wanted = [g for g in gold if g.article == docno and g.kind == kind]
            predicted = [m for m in roles if m.mention_kind == mention_kind]
            used: set[int] = set()
            for m in predicted:
                hit = next(
                    (
                        n for n, g in enumerate(wanted)
                        if n not in used and m.char_start < g.end and g.start < m.char_end
                        and names_person(m, g.person, names, by_id)
                    ),
                    None,
                )  # fmt: skip
                if hit is None:
                    counts[kind][1] += 1
                else:
                    used.add(hit)
                    counts[kind][0] += 1
            counts[kind][2] += sum(1 for n, g in enumerate(wanted) if n not in used and g.person != UNNAMED)
    return {kind: prf(*counts[kind]) for kind in KIND_OF}


def evaluate(path: Path = GOLD) -> dict[str, dict[str, float]]:
    rows = load_gold(path)
    texts = bodies({row[0] for row in rows})
    return score(locate(rows, texts), texts)


def draw(tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """The articles of the gold file's header: every article of DRAW_CHARS characters outside the blind gold with a
    comma before a role word or نظير and a definite role word, DRAW_SIZE drawn with DRAW_SEED."""
    import re

    apposition = re.compile(r"نظير|، (وزير|مستشار|رئيس|المتحدث|الناطق|نائب|سفير)")
    definite = re.compile(r"(^|\s)(الوزير|الرئيس|المستشار|المتحدث)\s")
    keep = set(not_gold(member_names(tarball)))
    candidates = []
    for name, xml in iter_ant_xml(tarball, keep):
        if DRAW_CHARS[0] <= len(xml) <= DRAW_CHARS[1] and apposition.search(xml) and definite.search(xml):
            candidates.append(name)
    random.seed(DRAW_SEED)
    return [Path(name).stem for name in random.sample(sorted(candidates), DRAW_SIZE)]


def run(argv: Sequence[str] = ()) -> None:
    if "draw" in argv:
        print("\n".join(draw()))
        return
    figures = evaluate()
    print(f"person roles and role descriptions on {GOLD.name} (10 ANT v2.1 articles, dev); corpus: {ANT_CITATION}; "
          f"{ANT_V2_CITATION}")  # fmt: skip
    labels = {"attach": "role attachment (appositions)", "resolve": "role-description resolution"}
    for kind, f in figures.items():
        print(
            f"  {labels[kind]:32} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}"
            f"  (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})"
        )


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
