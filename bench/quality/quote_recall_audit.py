"""What the quote stage misses on news nobody tuned it for: sentences with a speech cue and no quote, judged by hand.

    python -m bench.quality.quote_recall_audit draw [--articles 2000] [--sentences 100] [--seed 61] [--out FILE]
        [--context FILE]
    python -m bench.quality.quote_recall_audit score [FILE]
    python -m bench.quality.quote_recall_audit rerun [FILE]

The quote audit (quote_audit.py) judges what the stage found, so it measures precision only. This one judges what it
left: ``draw`` takes ``--articles`` ANT v2.1 articles outside the gold selection (as every audit does,
bench/quality/audit.py), runs the entity and quote stages on each <TEXT>, and keeps the body sentences that hold a
speech cue (a form of flows/data/speech_cues.tsv, as the stage reads it: ``lexicon.cue_for``) or a quoted passage of
MIN_QUOTED_WORDS words or more, and that no quote found overlaps. It draws ``--sentences`` of them at random (fixed
seed) into a TSV to be judged: docno, sentence number, cue, a short excerpt around it, missed, note. The full sentences
go to ``--context`` (a file outside the repository, for the judge) since the corpus text is not copied here.

A judge fills ``missed``: 1 when the sentence holds a quote as the gold guidelines define it
(tests/gold/ant2/GUIDELINES.md, "Quotes": a statement attributed to a speaker, direct or indirect, or an
according_to attribution) that the stage did not find; 0 when it holds none (a cue in another sense, "قال" of a
question, a slogan in marks, a journalist's question). ``score`` prints the share missed and, from the counts the
draw recorded in the file's header, an estimate of the stage's recall on cue sentences:
found / (found + share missed × uncovered cue sentences), where found counts body sentences a quote covers.
``rerun`` runs today's code on the judged sentences' articles and counts, among the judged rows, the misses a quote
now covers and the sentences judged to hold no quote that one now covers (each to be read: a new false quote, or a
quote in a sentence that was judged by its cue only). A judged file read again so is development data.
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, AntArticle, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names, read_rows, share
from flows.nlp.entities.extract import extract_entities
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.quotes.lexicon import cue_for
from flows.nlp.text import split_sentences
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Document, Sentence

AUDIT = Path(__file__).resolve().parent / "audits" / "quote_misses_ant2_seed61.tsv"
COLUMNS = ("docno", "sentence", "cue", "excerpt", "missed", "note")
SEED = 61
# Words kept on each side of the cue in the committed excerpt (short excerpts only: the corpus stays out of the repo).
EXCERPT_WORDS = 5
# A passage in quotation marks counts as a possible quote from this many words: one or two quoted words are names,
# titles or scare quotes (the guidelines' "not quotes").
MIN_QUOTED_WORDS = 4
QUOTED = re.compile(r"[«“\"]([^«»“”\"\n]+)[»”\"]")
WORD = re.compile(r"\S+")
COUNTS = re.compile(r"^# counts: (.*)$", re.MULTILINE)


def _quoted_spans(article: AntArticle) -> tuple[tuple[Sentence, ...], list[tuple[int, int]]]:
    """The body's sentences and the (start, end) of every body quote the entity and quote stages find in it."""
    sentences = tuple(split_sentences(article.text))
    doc = Document(article.docno, article.text, article.title, None, sentences)
    entities, mentions = extract_entities(doc)
    return sentences, [(q.char_start, q.char_end) for q in extract_quotes(doc, mentions, entities) if q.part == "body"]


def _covered(docno_sentences: dict[str, set[int]], tarball: Path = ANT_V2_TARBALL) -> set[tuple[str, int]]:
    """(docno, sentence number) of the given sentences that a body quote found by today's code overlaps."""
    covered: set[tuple[str, int]] = set()
    for _, xml in iter_ant_xml(tarball):
        article = parse_ant_document(xml)
        if article is None or article.docno not in docno_sentences:
            continue
        sentences, spans = _quoted_spans(article)
        for n in docno_sentences[article.docno]:
            sentence = sentences[n]
            if any(start < sentence.char_end and end > sentence.char_start for start, end in spans):
                covered.add((article.docno, n))
    return covered


def rerun(path: Path) -> dict[str, str]:
    rows = [row for row in read_rows(path) if row.get("missed") in ("0", "1")]
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row["docno"], set()).add(int(row["sentence"]))
    covered = _covered(wanted)
    now = [(row["missed"], (row["docno"], int(row["sentence"])) in covered) for row in rows]
    misses = sum(m == "1" for m, _ in now)
    none = sum(m == "0" for m, _ in now)
    return {
        "misses now covered": f"{sum(m == '1' and c for m, c in now)} of {misses}",
        "no-quote sentences now covered": f"{sum(m == '0' and c for m, c in now)} of {none}",
    }


def _cue(sentence: str) -> tuple[str, int] | None:
    """The first speech-cue word of ``sentence`` (as written) and its character offset in the sentence."""
    for match in WORD.finditer(sentence):
        word = match.group().strip("«»“”\"'()[].,،؛:!?؟")
        if word and cue_for(normalize(word)) is not None:
            return word, match.start()
    return None


def _quoted(sentence: str) -> tuple[str, int] | None:
    for match in QUOTED.finditer(sentence):
        if len(match.group(1).split()) >= MIN_QUOTED_WORDS:
            return match.group()[:1], match.start()
    return None


def _excerpt(sentence: str, at: int) -> str:
    before = sentence[:at].split()[-EXCERPT_WORDS:]
    after = sentence[at:].split()[: EXCERPT_WORDS + 1]
    return " ".join(before + after)


def draw(articles: int, rows: int, seed: int, tarball: Path = ANT_V2_TARBALL) -> tuple[list[dict], list[str], dict]:
    """The drawn rows, the full sentences for the judge (same order), and the pool's counts."""
    names = drawable_names(tarball)
    rng = random.Random(seed)
    chosen = set(rng.sample(names, min(articles, len(names))))
    pool: list[tuple[dict[str, str], str]] = []
    counts = {"articles": 0, "sentences": 0, "cue_sentences": 0, "covered": 0, "uncovered": 0}
    for _, xml in iter_ant_xml(tarball, wanted=chosen):
        article = parse_ant_document(xml)
        if article is None:
            continue
        counts["articles"] += 1
        sentences, spans = _quoted_spans(article)
        for n, sentence in enumerate(sentences):
            counts["sentences"] += 1
            text = article.text[sentence.char_start : sentence.char_end]
            cue = _cue(text) or _quoted(text)
            if cue is None:
                continue
            counts["cue_sentences"] += 1
            if any(start < sentence.char_end and end > sentence.char_start for start, end in spans):
                counts["covered"] += 1
                continue
            counts["uncovered"] += 1
            row = (article.docno, str(n), cue[0], _excerpt(text, cue[1]), "", "")
            pool.append((dict(zip(COLUMNS, row, strict=True)), text))
    pool.sort(key=lambda item: (item[0]["docno"], int(item[0]["sentence"])))
    drawn = rng.sample(pool, min(rows, len(pool)))
    return [row for row, _ in drawn], [text for _, text in drawn], counts


def write(rows: list[dict[str, str]], counts: dict, seed: int, articles: int, path: Path) -> None:
    header = [
        f"# The quote stage's misses (bench/quality/quote_recall_audit.py draw --seed {seed} --articles {articles}):",
        "# body sentences with a speech cue or a quoted passage that no quote found overlaps, drawn at random and",
        "# judged by hand against the full sentence (missed: 1 = it holds a quote the guidelines count, 0 = none).",
        "# Short excerpts only. ANT v2.1: cite ANT (bench/ant.py).",
        "# counts: " + " ".join(f"{k}={v}" for k, v in counts.items()),
    ]
    lines = header + ["\t".join(COLUMNS)] + ["\t".join(r[c].replace("\t", " ") for c in COLUMNS) for r in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def score(path: Path) -> dict[str, float]:
    """The share of judged sentences that hide a quote, and the recall estimate it implies (see the module doc)."""
    missed, judged = share(read_rows(path), "missed")
    line = COUNTS.search(path.read_text(encoding="utf-8"))
    counts = dict(item.split("=") for item in line.group(1).split()) if line else {}
    covered = int(counts.get("covered", 0))
    hidden = missed * int(counts.get("uncovered", 0))
    recall = covered / (covered + hidden) if covered + hidden else 0.0
    return {"judged": judged, "missed share": missed, "cue sentences with a quote": covered, "recall estimate": recall}


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="quote_recall_audit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("draw")
    drawing.add_argument("--articles", type=int, default=2000)
    drawing.add_argument("--sentences", type=int, default=100)
    drawing.add_argument("--seed", type=int, default=SEED)
    drawing.add_argument("--out", type=Path, default=AUDIT)
    drawing.add_argument("--context", type=Path, default=Path("/tmp/quote_misses_context.tsv"))
    for name in ("score", "rerun"):
        sub.add_parser(name).add_argument("file", type=Path, nargs="?", default=AUDIT)
    args = parser.parse_args(list(argv or []))
    if args.command == "draw":
        rows, texts, counts = draw(args.articles, args.sentences, args.seed)
        write(rows, counts, args.seed, args.articles, args.out)
        args.context.write_text(
            "\n".join(f"{i}\t{r['docno']}\t{t}" for i, (r, t) in enumerate(zip(rows, texts, strict=True))) + "\n",
            encoding="utf-8",
        )
        print(f"{len(rows)} sentences drawn into {args.out} (full sentences for the judge: {args.context}); {counts}")
        return
    if args.command == "rerun":
        for name, text in rerun(args.file).items():
            print(f"{name:32} {text}")
        return
    for name, value in score(args.file).items():
        print(f"{name:32} {value:.3f}" if isinstance(value, float) else f"{name:32} {value}")
    print(f"ANT v2.1 figures cite: {ANT_CITATION}; {ANT_V2_CITATION}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
