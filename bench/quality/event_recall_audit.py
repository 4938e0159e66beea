"""What the event stage misses on news nobody tuned it for: random body sentences, judged by hand for event reports.

    python -m bench.quality.event_recall_audit draw [--articles 2000] [--sentences 100] [--seed 91] [--out FILE]
        [--context FILE]
    python -m bench.quality.event_recall_audit score [FILE]

The event audit (event_audit.py) judges the reports the stage found, so it measures precision only. This one judges
what it leaves: ``draw`` takes ``--articles`` ANT v2.1 articles outside the gold selection (bench/quality/audit.py),
runs the entity, quote and event stages on each as the pipeline does (event_audit.analysed_article), and draws
``--sentences`` body sentences at random (fixed seed) from ALL their sentences, with or without a trigger, so that
the sentences no trigger catches are drawn as often as the others. Each row gives docno, sentence number, the
sentence's first EXCERPT_WORDS words (the corpus stays out of the repository; the full sentences go to ``--context``,
a file outside it, for the judge) and the reports the stage found in it (``TYPE:trigger(actor1>actor2)``, ``; ``
between them), then three columns for the judge:

- ``gold_reports``: how many event reports the full sentence holds per tests/gold/ant2/GUIDELINES.md ("Events"):
  every clause reporting an event of a PLOVER type between political actors, nominal references and reports inside
  quotes included; 0 when none.
- ``found_right``: how many of those the stage found with the right type (a found report of a wrong type, or of no
  gold report, does not count; this audit does not judge actors).
- ``note``: for each missed report its type and trigger word and a class naming why no trigger caught it
  (MISS_CLASSES), e.g. ``ASSAULT قصف: lexicon``; free text after.

``score`` prints the recall estimate sum(found_right) / sum(gold_reports), the counts, the share of sentences that
hold an event report, and the misses by class. The first sample (seed 91, 150 sentences of 300 articles,
event_misses_ant2_seed91.tsv, judged before it was scored): 59 reports in 46 sentences, 30 found with the right
type, recall 0.51; misses: lexicon 12, filtered 7, noun 5, passive 3, type 2. The second (seed 92, round 9, drawn after
evrec13's last change, event_misses_ant2_seed92.tsv): 51 reports in 36 of 150 sentences, 29 found with the right type,
recall 0.57 (the branch's base code finds 28 of them); misses: lexicon 15, filtered 3, noun 1, passive 1, type 1. The
third (seed 93, round 10, drawn after evrec15's last change, event_misses_ant2_seed93.tsv): 48 reports in 36 of 150
sentences, 20 found with the right type, recall 0.42 (main's code before the round finds the same 20); misses: lexicon
17, filtered 5, noun 3, passive 1, other 1. The fourth (seed 94, round 11, drawn after evrec16's last change,
event_misses_ant2_seed94.tsv): 72 reports in 51 of 150 sentences, 40 found with the right type, recall 0.56 (main's
code before the round finds 39: the hostage-taking read as a detention); misses: lexicon 15, filtered 12, passive 2,
noun 2, type 1.
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml
from bench.quality.audit import drawable_names, parse_audit_args, read_rows, write_rows
from bench.quality.event_audit import analysed_article

SEED = 94  # the current draw (round 11); seeds 91-93 were studied
AUDIT = Path(__file__).resolve().parent / "audits" / f"event_misses_ant2_seed{SEED}.tsv"
COLUMNS = ("docno", "sentence", "excerpt", "found", "gold_reports", "found_right", "note")
# Words of the sentence kept in the committed row: enough to find it again, short of copying the corpus.
EXCERPT_WORDS = 40
# Why a report was missed, as a judge names it in ``note`` (``TYPE trigger: class``):
# lexicon - no form of the word's lemma is in the trigger lexicon (flows/data/event_lemmas.tsv, speech_cues.tsv);
# noun - the lemma's verb is there but this noun form (verbal noun, participle) is not matched, or a nominal
# reference ("العملية") the lexicon has only as a phrase; passive - a passive form or passive participle;
# filtered - the lexicon matches the word but a sense, domain or actor filter dropped the report; quote - the only
# reason is that it stands inside a quotation; type - found with another type (counted as missed); other - none of
# these (say what in free text). A judge decides lexicon/noun/filtered by matching the word against the lexicon.
MISS_CLASSES = ("lexicon", "noun", "passive", "filtered", "quote", "type", "other")
NOTE_CLASS = re.compile(r":\s*(" + "|".join(MISS_CLASSES) + r")\b")


def sentence_rows(name: str, xml: str) -> list[tuple[dict[str, str], str]]:
    """Every body sentence of one ANT article as an unjudged row, with the full sentence for the judge."""
    doc, entities, events = analysed_article(name, xml)
    names = {e.entity_id: e.name_ar for e in entities}
    rows = []
    for n, sentence in enumerate(doc.sentences):
        text = " ".join(doc.body_text[sentence.char_start : sentence.char_end].split())
        words = text.split()
        excerpt = " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")
        found = "; ".join(
            f"{e.event_type}:{e.trigger}({names.get(e.actor1_id or '', '')}>{names.get(e.actor2_id or '', '')})"
            for e in events
            if sentence.char_start <= e.char_start < sentence.char_end
        )
        row = {"docno": doc.article_id, "sentence": str(n), "excerpt": excerpt, "found": found}
        rows.append(({**row, "gold_reports": "", "found_right": "", "note": ""}, text))
    return rows


def draw(
    seed: int, articles: int, sentences: int, tarball: Path = ANT_V2_TARBALL
) -> tuple[list[dict[str, str]], list[str], dict[str, int]]:
    """``sentences`` body sentences drawn at random (``seed``) from those of ``articles`` ANT v2.1 articles outside
    the gold (drawn with the same seed), the full sentences (same order), and the pool's counts."""
    chosen = set(random.Random(seed).sample(sorted(drawable_names(tarball)), articles))
    pool = [item for name, xml in iter_ant_xml(tarball, wanted=chosen) for item in sentence_rows(name, xml)]
    pool.sort(key=lambda item: (item[0]["docno"], int(item[0]["sentence"])))
    drawn = random.Random(seed).sample(pool, min(sentences, len(pool)))
    counts = {
        "articles": len({row["docno"] for row, _ in pool}),
        "sentences": len(pool),
        "sentences_with_a_report": sum(bool(row["found"]) for row, _ in pool),
    }
    return [row for row, _ in drawn], [text for _, text in drawn], counts


def miss_classes(rows: list[dict[str, str]]) -> Counter[str]:
    """The misses' classes as the judges' notes name them (``TYPE trigger: class``, one per missed report)."""
    return Counter(match.group(1) for row in rows for match in NOTE_CLASS.finditer(row.get("note", "")))


def score(path: Path) -> dict[str, float | int]:
    """The recall estimate sum(found_right) / sum(gold_reports) over the judged rows, with its counts."""
    judged = [row for row in read_rows(path) if row.get("gold_reports", "").isdigit()]
    gold = sum(int(row["gold_reports"]) for row in judged)
    right = sum(int(row["found_right"] or 0) for row in judged)
    holding = sum(int(row["gold_reports"]) > 0 for row in judged)
    return {
        "judged sentences": len(judged),
        "sentences holding a report": holding,
        "share holding a report": holding / len(judged) if judged else 0.0,
        "gold reports": gold,
        "found with the right type": right,
        "recall estimate": right / gold if gold else 0.0,
    }


def run(argv: Sequence[str] | None = None) -> None:
    argv = list(argv or [])
    context = Path("/tmp/event_misses_context.tsv")
    if "--context" in argv:
        at = argv.index("--context")
        context = Path(argv[at + 1])
        del argv[at : at + 2]
    args = parse_audit_args(argv, "event_recall_audit", __doc__.splitlines()[0], "sentences", SEED, AUDIT)
    if args.command == "draw":
        rows, texts, counts = draw(args.seed, args.articles, args.rows)
        write_rows(rows, args.out, COLUMNS)
        header = (
            f"# The event stage's misses (bench/quality/event_recall_audit.py draw --seed {args.seed} --articles "
            f"{args.articles} --sentences {args.rows}): random body sentences judged by hand per GUIDELINES.md.\n"
            f"# Excerpts only. ANT v2.1: cite ANT (bench/ant.py). counts: "
            + " ".join(f"{k}={v}" for k, v in counts.items())
            + "\n"
        )
        args.out.write_text(header + args.out.read_text(encoding="utf-8"), encoding="utf-8")
        context.write_text(
            "\n".join(f"{i}\t{r['docno']}\t{r['sentence']}\t{t}" for i, (r, t) in enumerate(zip(rows, texts))) + "\n",
            encoding="utf-8",
        )
        print(f"{len(rows)} sentences drawn into {args.out} (full sentences for the judge: {context}); {counts}")
        return
    for name, value in score(args.file).items():
        print(f"{name:28} {value:.3f}" if isinstance(value, float) else f"{name:28} {value}")
    for name, count in miss_classes(read_rows(args.file)).most_common():
        print(f"missed, {name:20} {count}")
    print(f"ANT v2.1 figures cite: {ANT_CITATION}; {ANT_V2_CITATION}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
