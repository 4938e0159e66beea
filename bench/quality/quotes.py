"""`akhbar eval quotes`: quote precision, recall and speaker accuracy on tests/gold/quotes_seeds.json.

Gold quotes are located by their cue and the first words of their text (token by token, after normalisation), not
by offsets, so a small change in the cleaner does not invalidate them. A predicted quote matches a gold quote of
the same article when its cue and its first words agree; each gold quote matches at most one prediction.

Speaker accuracy is over matched quotes. A named gold speaker is right when the predicted speaker_id is the
entity the mentions stage gives that name; when the mentions stage does not know the name at all, the
predicted speaker_surface must contain it or be part of it (a surname). An unnamed gold speaker is right
when speaker_id is null and the surface contains the gold phrase.
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, element, iter_ant_xml
from bench.quality.ant2 import SPLITS as ANT2_SPLITS
from bench.quality.quotes_ant2 import evaluate_ant2, report
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import TOKEN, normalize, split_sentences
from flows.nlp.types import Document, Entity, Mention, Quote

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "quotes_seeds.json"
# ANT corpus articles (cite ANT wherever these figures are shown): dev, dev2 and heldout were each scored blind once,
# then used to add patterns; final was annotated after the rules were frozen and never used to change them.
GOLD_SETS = {
    "seeds": GOLD,
    "dev": REPO / "tests" / "gold" / "quotes_ant_dev.json",
    "dev2": REPO / "tests" / "gold" / "quotes_ant_dev2.json",
    "heldout": REPO / "tests" / "gold" / "quotes_ant_heldout.json",
    "final": REPO / "tests" / "gold" / "quotes_ant_final.json",
}
# The ANT v2.1 gold of tests/gold/ant2 (bench/quality/quotes_ant2.py): dev and dev2 may be studied, test, test2 and
# test3 are scored once (test2 and test3 by the integrator, at the end of a round).
ANT2_SETS = {f"ant2-{split}": split for split in ANT2_SPLITS}
# These gold files predate the according_to kind (bench/quality/quotes_ant2.py scores it): there an attributed fact
# ("بحسب X، …") was labelled indirect.
OLD_KINDS = {"according_to": "indirect"}
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EntityStage = Callable[[Document], tuple[tuple[Entity, ...], tuple[Mention, ...]]]


@dataclass(slots=True)
class Scores:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    speakers_right: int = 0
    kinds_right: int = 0
    not_quote_hits: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.true_positives if self.true_positives else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.true_positives if self.true_positives else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "kind_accuracy": round(self.kind_accuracy, 4),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "not_quote_hits": self.not_quote_hits,
        }


def words(text: str) -> list[str]:
    return TOKEN.findall(normalize(text))


def load_gold(path: Path = GOLD) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def gold_documents(
    gold_path: Path, seeds_dir: Path = SEEDS, shared_dir: Path = SHARED
) -> Iterator[tuple[str, Document]]:
    """The documents a gold file is about: seed copy-pastes, or the <TEXT> of articles in a corpus archive."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = gold.get("source")
    if source is None:
        for name in gold["articles"]:
            path = seeds_dir / name
            yield name, seed_document(path.read_text(encoding="utf-8"), path.stem)
        return
    wanted = set(gold["articles"])
    for name, raw in iter_ant_xml(shared_dir / source["archive"], wanted=wanted):
        body = (element(raw, "TEXT") or "").strip()
        yield name, Document(Path(name).stem, body, sentences=split_sentences(body))


def seed_document(raw_text: str, article_id: str) -> Document:
    """A seed as the pipeline sees it: the lead's document_from_text, or clean_text + sentences before it lands."""
    try:
        from flows.pipeline import document_from_text
    except ImportError:
        from flows.read.textclean import clean_text

        body = clean_text(raw_text).body_text
        return Document(article_id, body, sentences=split_sentences(body))
    return document_from_text(raw_text, article_id)


def entity_stage() -> EntityStage | None:
    """flows.nlp.entities.extract.extract_entities when it exists; None evaluates with no mentions at all."""
    try:
        return importlib.import_module("flows.nlp.entities.extract").extract_entities
    except (ImportError, AttributeError):
        return None


def score_article(
    gold: dict,
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    name: str,
    scores: Scores,
) -> None:
    """Match one article's predictions to its gold quotes and add the counts to ``scores``."""
    unmatched = list(quotes)
    for item in gold["quotes"]:
        match = next((q for q in unmatched if _same_quote(item, q)), None)
        label = f"{name}: {item['cue']} «{item['starts']}…» ({item['speaker']})"
        if match is None:
            scores.false_negatives += 1
            scores.misses.append(label)
            continue
        unmatched.remove(match)
        scores.true_positives += 1
        scores.kinds_right += OLD_KINDS.get(match.quote_kind, match.quote_kind) == item["kind"]
        if speaker_matches(item, match, mentions, entities):
            scores.speakers_right += 1
        else:
            scores.wrong_speakers.append(f"{label} -> {match.speaker_id} / {match.speaker_surface}")
    scores.false_positives += len(unmatched)
    scores.spurious.extend(f"{name}: {q.cue} «{q.quote_text[:40]}…» ({q.speaker_surface})" for q in unmatched)
    for phrase in gold.get("not_quotes", []):
        scores.not_quote_hits += sum(is_not_quote_hit(q.quote_text, phrase) for q in quotes)


def speaker_matches(item: dict, quote: Quote, mentions: Sequence[Mention], entities: Sequence[Entity]) -> bool:
    gold_words = words(item["speaker"])
    said = words(quote.speaker_surface or "")
    # A surname ("مرزوق" for "محسن مرزوق") or a phrase around the name both name the speaker.
    surface_ok = _contains(said, gold_words) or (item["speaker_named"] and _contains(gold_words, said))
    if not item["speaker_named"]:
        return quote.speaker_id is None and surface_ok
    ids = entity_ids_named(gold_words, mentions, entities)
    return quote.speaker_id in ids if ids else surface_ok


def entity_ids_named(gold_words: list[str], mentions: Sequence[Mention], entities: Sequence[Entity]) -> set[str]:
    """Entities the mentions stage gives this name: by a full name, or by a surname mention inside it."""
    ids = {e.entity_id for e in entities if _contains(words(e.name_ar), gold_words)}
    for m in mentions:
        surface = words(m.surface)
        if _contains(surface, gold_words) or (
            not m.is_adjectival and m.entity_type in ("PERSON", "ORG") and _contains(gold_words, surface)
        ):
            ids.add(m.entity_id)
    return ids


def is_not_quote_hit(quote_text: str, phrase: str) -> bool:
    """A quote is the quoted name itself (one-word phrase) or starts with the quoted phrase (several words)."""
    expected = words(phrase)
    return words(quote_text) == expected if len(expected) == 1 else _starts_with(quote_text, phrase)


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _starts_with(text: str, phrase: str) -> bool:
    expected = words(phrase)
    return bool(expected) and words(text)[: len(expected)] == expected


def _same_quote(item: dict, quote: Quote) -> bool:
    return words(quote.cue or "") == words(item["cue"]) and _starts_with(quote.quote_text, item["starts"])


def evaluate(
    seeds_dir: Path = SEEDS,
    gold_path: Path = GOLD,
    entity_stage: EntityStage | None = None,
    shared_dir: Path = SHARED,
) -> Scores:
    """Score extract_quotes on a gold file, speakers from ``entity_stage`` (or no mentions at all when None)."""
    scores = Scores()
    gold = load_gold(gold_path)
    for name, doc in gold_documents(gold_path, seeds_dir, shared_dir):
        entities, mentions = entity_stage(doc) if entity_stage is not None else ((), ())
        quotes = extract_quotes(doc, mentions, entities)
        score_article(gold[name], quotes, mentions, entities, name, scores)
    return scores


def run(argv: Sequence[str] | None = None) -> dict[str, float | int]:
    parser = argparse.ArgumentParser(prog="akhbar eval quotes", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder holding the seed .txt files")
    parser.add_argument("--set", choices=sorted(GOLD_SETS) + list(ANT2_SETS), default="seeds", dest="gold_set",
                        help="seeds (default); dev, dev2, heldout or final (ANT v1.1 articles); "
                             "ant2-dev, ant2-dev2, ant2-test, ant2-test2 or ant2-test3 (ANT v2.1 gold; test, test2, test3 scored once)")  # fmt: skip
    parser.add_argument("--gold", type=Path, help="any other gold file in the same format")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder holding corpus/ for held-out gold")
    parser.add_argument("--no-entities", action="store_true", help="evaluate without the mentions stage")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses, spurious quotes, wrong speakers")
    args = parser.parse_args(list(argv or []))
    if args.gold_set in ANT2_SETS:
        return run_ant2(ANT2_SETS[args.gold_set], args.no_entities, args.verbose)
    gold_path = args.gold or GOLD_SETS[args.gold_set]
    source = json.loads(gold_path.read_text(encoding="utf-8")).get("source")
    needed = args.shared / source["archive"] if source else args.seeds
    if not needed.exists():
        print(f"quotes: {needed} is absent; nothing to evaluate")
        return {}
    stage = None if args.no_entities else entity_stage()
    scores = evaluate(args.seeds, gold_path, stage, args.shared)
    if source:
        print(ANT_CITATION)
    print(f"quotes on {gold_path.name} (mentions: {'flows.nlp.entities.extract' if stage else 'none'})")
    print(f"  precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    print(f"  speaker accuracy {scores.speaker_accuracy:.3f}  kind accuracy {scores.kind_accuracy:.3f}")
    counts = (scores.true_positives, scores.false_positives, scores.false_negatives, scores.not_quote_hits)
    print("  tp {}  fp {}  fn {}  not-quote hits {}".format(*counts))
    if args.verbose:
        listed = (("missed", scores.misses), ("spurious", scores.spurious), ("wrong speaker", scores.wrong_speakers))
        for title, rows in listed:
            for row in rows:
                print(f"  {title}: {row}")
    return scores.as_dict()


def run_ant2(split: str, no_entities: bool, verbose: bool) -> dict[str, float | int]:
    stage = None if no_entities else entity_stage()
    scores = evaluate_ant2(split, extract_quotes, stage)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    print(f"quotes on ANT v2.1 gold, {split} (mentions: {'flows.nlp.entities.extract' if stage else 'none'})")
    report(scores, verbose)
    return scores.as_dict()


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
