"""`akhbar eval quotes --set ant2-dev|ant2-dev2|ant2-test|ant2-test2`: quotes and who said them on the ANT v2.1 gold (tests/gold/ant2).

Each gold quote is located by its cue (bench/quality/ant2.py) and its content start: the occurrence of its
``starts`` (the first words of the content) nearest to the cue in the same part. A predicted quote matches a gold
quote of the same article and part when their first words overlap: [char_start, char_start + len(starts)) meets
[gold start, gold start + len(starts)); each gold quote takes at most one prediction, the nearest. A title quote
(the headline form "X: …", ``part == "title"``) matches in the title only.

Figures: precision and recall of quotes; attributed recall (found with the right speaker, over all gold quotes);
speaker accuracy on matched quotes; the same per gold kind (direct, indirect, according_to). A speaker is right
when the predicted entity's name or the predicted surface names the gold ``speaker`` or one of its gold names (the
canonical of a gold entity with that surface, or a surface whose canonical it is), the predicted entity standing for
its name and every surface the entity stage gave it in the article: equal, one inside the other (a
surname "لافروف" for "سيرغي لافروف", a phrase around the name). An unnamed gold speaker ("مصادر عسكرية") is right
when the predicted speaker has no entity and its surface holds the gold phrase's head word.

Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py); dev and dev2 may be studied, test and test2 are scored
once (test2 by the integrator, at the end of a round).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.quality.ant2 import GoldArticle, Located, load_split
from flows.nlp.text.arabic import TOKEN, normalize
from flows.nlp.types import Document, Entity, Mention, Quote

KINDS = ("direct", "indirect", "according_to")
QuoteStage = Callable[[Document, tuple[Mention, ...], tuple[Entity, ...]], tuple[Quote, ...]]
EntityStage = Callable[[Document], tuple[tuple[Entity, ...], tuple[Mention, ...]]]
# Clitics and endings set aside when an unnamed speaker's head word is compared: "المسؤولين" is "مسؤولون".
HEAD_PREFIXES = ("وال", "بال", "لل", "ال", "و")
HEAD_SUFFIXES = ("ون", "ين", "ان", "ه", "ات")


@dataclass(slots=True)
class KindCounts:
    gold: int = 0
    found: int = 0
    attributed: int = 0


@dataclass(slots=True)
class Ant2Scores:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    attributed: int = 0
    kinds_right: int = 0
    by_kind: dict[str, KindCounts] = field(default_factory=lambda: {k: KindCounts() for k in KINDS})
    predicted_kinds: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def attributed_recall(self) -> float:
        return self.attributed / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.attributed / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, float | int]:
        figures: dict[str, float | int] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "attributed_recall": round(self.attributed_recall, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "attributed": self.attributed,
        }
        for kind, counts in self.by_kind.items():
            figures[f"{kind}_recall"] = round(counts.found / counts.gold, 4) if counts.gold else 0.0
            figures[f"{kind}_attributed_recall"] = round(counts.attributed / counts.gold, 4) if counts.gold else 0.0
        return figures


def words(text: str) -> list[str]:
    return TOKEN.findall(normalize(text))


def content_start(article: GoldArticle, gold: Located) -> int | None:
    """Where the gold quote's content starts: the occurrence of ``starts`` nearest to its cue, in its part."""
    text, starts = article.text(gold.part), gold.item["starts"]
    found, at = [], text.find(starts)
    while at >= 0:
        found.append(at)
        at = text.find(starts, at + 1)
    return min(found, key=lambda s: abs(s - gold.end)) if found else None


def gold_names(article: GoldArticle, speaker: str) -> list[list[str]]:
    """The gold speaker as written, its canonical, and every surface whose canonical it is."""
    names = {speaker}
    for located in article.entities:
        surface, canonical = located.item.get("surface", ""), located.item.get("canonical") or ""
        if surface == speaker and canonical:
            names.add(canonical)
        if canonical == speaker and surface:
            names.add(surface)
    return [w for w in (words(n) for n in names) if w]


def speaker_right(
    article: GoldArticle, gold: dict, quote: Quote, entities: Sequence[Entity], mentions: Sequence[Mention] = ()
) -> bool:
    said = [words(quote.speaker_surface or "")]
    entity = next((e for e in entities if e.entity_id == quote.speaker_id), None)
    if entity is not None:
        # The entity's name and every surface the article gives it ("ترامب" for an entity named "دونالد ترمب").
        said.append(words(entity.name_ar))
        said.extend(words(m.surface) for m in mentions if m.entity_id == entity.entity_id and not m.is_adjectival)
    if gold.get("speaker_type") == "unnamed":
        head = _head(words(gold["speaker"])[0]) if words(gold["speaker"]) else ""
        return quote.speaker_id is None and any(_head(w) == head for w in said[0])
    return any(_contains(s, g) or _contains(g, s) for s in said if s for g in gold_names(article, gold["speaker"]))


def _head(word: str) -> str:
    for prefix in HEAD_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in HEAD_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def score_article(
    article: GoldArticle,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    scores: Ant2Scores,
) -> None:
    unmatched = list(quotes)
    scores.predicted += len(quotes)
    scores.predicted_kinds.update(q.quote_kind for q in quotes)
    for gold in article.quotes:
        item = gold.item
        kind = scores.by_kind.setdefault(item["kind"], KindCounts())
        kind.gold += 1
        scores.gold += 1
        start = content_start(article, gold)
        label = f"{article.docno} {gold.part}: {item['cue']} «{item['starts']}…» [{item['kind']}] ({item['speaker']})"
        width = len(item["starts"])
        candidates = [] if start is None else [
            q for q in unmatched
            if q.part == gold.part and q.char_start < start + width and start < q.char_start + width
        ]  # fmt: skip
        if not candidates:
            scores.misses.append(label)
            continue
        match = min(candidates, key=lambda q: abs(q.char_start - (start or 0)))
        unmatched.remove(match)
        scores.matched += 1
        kind.found += 1
        scores.kinds_right += match.quote_kind == item["kind"]
        if speaker_right(article, item, match, entities, mentions):
            scores.attributed += 1
            kind.attributed += 1
        else:
            scores.wrong_speakers.append(f"{label} -> {match.speaker_id} / {match.speaker_surface}")
    scores.spurious.extend(
        f"{article.docno}: {q.cue} «{q.quote_text[:50]}…» [{q.quote_kind}] ({q.speaker_surface})" for q in unmatched
    )


def evaluate_ant2(split: str, quote_stage: QuoteStage, entity_stage: EntityStage | None) -> Ant2Scores:
    """Score ``quote_stage`` on one split of the ANT v2.1 gold, speakers resolved with ``entity_stage``'s output."""
    scores = Ant2Scores()
    for article in load_split(split):
        doc = article.document()
        entities, mentions = entity_stage(doc) if entity_stage is not None else ((), ())
        score_article(article, quote_stage(doc, mentions, entities), entities, mentions, scores)
    return scores


def report(scores: Ant2Scores, verbose: bool) -> None:
    print(f"  precision {scores.precision:.3f}  recall {scores.recall:.3f}  attributed recall "
          f"{scores.attributed_recall:.3f}  speaker accuracy {scores.speaker_accuracy:.3f}")  # fmt: skip
    print(
        f"  predicted {scores.predicted}  gold {scores.gold}  matched {scores.matched}  attributed {scores.attributed}"
    )
    for kind, counts in scores.by_kind.items():
        predicted = scores.predicted_kinds.get(kind, 0)
        print(f"  {kind:<13} gold {counts.gold:>3}  found {counts.found:>3}  attributed {counts.attributed:>3}"
              f"  predicted {predicted:>3}")  # fmt: skip
    if verbose:
        listed = (("missed", scores.misses), ("spurious", scores.spurious), ("wrong speaker", scores.wrong_speakers))
        for title, rows in listed:
            for row in rows:
                print(f"  {title}: {row}")
