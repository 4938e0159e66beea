"""Census of event trigger lemmas on ANT v2.1: which PLOVER lemmas join the trigger lexicon (event_lemmas_census.tsv).

    .venv/bin/python -m bench.quality.build_event_lemmas [--limit N] [--write]
    .venv/bin/python -m bench.quality.build_event_lemmas --sample LEMMA [--sample LEMMA ...] [--size 20] [--seed 16]

The candidates (bench/quality/event_lemma_candidates.tsv) are the Arabic lemmas of the acts each PLOVER type's
definition names, written from the definitions, not from sentences. Each lemma's forms are found through the shared
text layer exactly as the event stage finds its triggers (flows/nlp/events/triggers.py: the lemma lexicon, the
``exclude`` column, the ``forms`` column read by form_role), in every ANT v2.1 article outside the blind gold and
outside the articles of the audits drawn after a census (the event audit's seeds PRECISION_SEEDS and the
recall audit's seeds RECALL_SEEDS, drawn as those audits draw them), and counted three ways:

- ``count``: its occurrences;
- ``political``: the share of them in the political sections (middleEast, internationalNews; the corpus's sport,
  economy, technology and culture sections are the rest; for SANCTION's lemmas the economy section counts too, see
  ECONOMIC_TYPES);
- ``actor``: the share of them with an actor word within ACTOR_REACH_WORDS words either side: a country's name, alias
  or nisba (flows/data/gazetteer/countries.tsv, country_extras.tsv), a title or role noun (titles.tsv) or the head
  of a body's name (org_heads.tsv: حكومة، وزارة، جيش): the arguments the lexicon's triggers take.

The lemmas already in event_lemmas.tsv are counted the same way, and a candidate is kept when it is at least as
frequent, as political and as often next to an actor as the lexicon's own lemmas at COUNT_QUANTILE,
POLITICAL_QUANTILE and ACTOR_QUANTILE (the lexicon's weaker lemmas set the bar, so a kept lemma is no weaker than
words the audits already judge), and the candidate file's ``judged`` column says "keep": a person reading the
lemma's senses turns down one whose other sense is common (عفو in منظمة العفو الدولية, اعترض of intercepting a
missile), with the reason written there. ``--write``
writes the kept rows, with their counts, to flows/data/event_lemmas_census.tsv (read by triggers.py beside
event_lemmas.tsv); without it the table is printed. Figures on it cite ANT_CITATION and ANT_V2_CITATION
(bench/ant.py).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path

from flows.nlp.events.triggers import form_role, impossible_noun, is_excluded, sense_of
from flows.nlp.text import LemmaLexicon, LexiconEntry, Word, normalize, words
from flows.resources import read_tsv

CANDIDATES = Path(__file__).resolve().parent / "event_lemma_candidates.tsv"
OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "event_lemmas_census.tsv"
POLITICAL = frozenset({"internationalNews", "middleEast"})
# SANCTION is political wherever it is reported (the guidelines: "a sanction on a company is"; the stage keeps it in
# sport, technology and culture articles, domains.KEPT_OFF_POLITICS): its acts are trade measures (PLOVER: boycott,
# embargo, freeze, tariffs) whose news stands in the economy section as often as in the political ones, so for its
# lemmas the economy section counts as political too.
ECONOMIC = frozenset({"economy"})
ECONOMIC_TYPES = frozenset({"SANCTION"})
# An actor word this many words before or after the trigger: a VSO subject with a title ("قصفت طائرات التحالف"),
# an object after a verb and its subject.
ACTOR_REACH_WORDS = 4
# The lexicon's lemmas at these quantiles set the bar a candidate must reach. Political share is the gate on the
# domain (a quarter of the lexicon is less political than the bar); count and actor share are looser (a tenth):
# violence words take persons and towns, not states, for their targets, so that the lexicon's own attack words
# (اشتبك 0.30، تفجير 0.31، اعتداء 0.32 of their occurrences next to an actor word) sit low on the actor figure.
COUNT_QUANTILE = 0.10
POLITICAL_QUANTILE = 0.25
ACTOR_QUANTILE = 0.10
# The seeds of the audits drawn after a census of this builder (event_audit.py draw --seed S, AUDIT_ARTICLES articles;
# event_recall_audit.py draw --seed S --articles 300): round 9's 27 and 92, round 10's 30 and 93, round 11's 94 (drawn
# after this round's census, so counted out before it). Their articles are never counted.
PRECISION_SEEDS = (27, 30)
RECALL_SEEDS = (92, 93, 94)
RECALL_ARTICLES = 300
# A sampled hit's excerpt: this many words either side of the trigger (a clause, not the article's text).
SAMPLE_CONTEXT_WORDS = 8
# A new candidate family is judged on this many of its hits in the political sections, drawn with this seed, and
# kept when at least SAMPLE_PRECISION of them are right reports of its type: the share of the stage's reports judged
# type-right in the last fresh event audit (seed 30, round 10: 0.64), so a new family is no weaker than the stage.
SAMPLES = Path(__file__).resolve().parent / "event_lemma_samples.tsv"
SAMPLE_SIZE = 15
SAMPLE_SEED = 16
SAMPLE_PRECISION = 0.64
COLUMNS = ("lemma", "pos", "category", "mode", "forms", "exclude")  # event_lemmas.tsv's


@dataclass(frozen=True, slots=True)
class Hit:
    name: str  # the article's member name
    seq: tuple[Word, ...]  # its body's words
    first: int
    last: int
    entry: LexiconEntry

    @property
    def lemma(self) -> str:
        return self.entry.lemma


@dataclass(frozen=True, slots=True)
class Tally:
    count: int
    political: float
    actor: float


def actor_words() -> frozenset[str]:
    """Normalised country names, aliases and nisbas (with the feminine and plurals the loader derives), titles and the
    heads of bodies' names."""
    found: set[str] = set()
    for row in read_tsv("gazetteer", "countries.tsv"):
        found |= {normalize(row["name_ar"])} | {normalize(a) for a in row.get("aliases", "").split("|") if a}
    for row in read_tsv("gazetteer", "country_extras.tsv"):
        found |= {normalize(a) for a in row.get("aliases", "").split("|") if a}
        for nisba in (normalize(n) for n in row.get("nisba", "").split("|") if n):
            found |= {nisba, nisba + "ه", nisba + "ون", nisba + "ين", nisba + "ات"}
    found |= {normalize(row["title"]).removeprefix("ال") for row in read_tsv("titles.tsv")}
    found |= {normalize(row["head"]) for row in read_tsv("org_heads.tsv")}
    return frozenset(w for w in found if " " not in w and len(w) > 2)


def counted_names(seed_articles: int) -> list[str]:
    """The member names counted: outside the blind gold and outside the two audits drawn after the census."""
    from bench.ant import ANT_V2_TARBALL, member_names
    from bench.quality.ant2 import not_gold

    names = not_gold(member_names(ANT_V2_TARBALL))
    audited = {n for seed in PRECISION_SEEDS for n in random.Random(seed).sample(sorted(names), seed_articles)}
    audited |= {n for seed in RECALL_SEEDS for n in random.Random(seed).sample(sorted(names), RECALL_ARTICLES)}
    return [name for name in names if name not in audited]


def hits(rows: list[dict[str, str]], limit: int | None = None) -> Iterator[Hit]:
    """Every trigger of ``rows`` in the counted articles, found as the event stage finds it (its forms, exclusions and
    part of speech; not its senses or domains, which decide a report, not a lemma)."""
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml
    from bench.quality.event_audit import AUDIT_ARTICLES

    lexicon = LemmaLexicon.from_rows(rows, "census")
    names = counted_names(AUDIT_ARTICLES)
    if limit is not None:
        names = names[:limit]
    for name, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        body = element(xml, "TEXT") or ""
        seq = words(body, 0, len(body))
        i = 0
        while i < len(seq):
            match = lexicon.match_at(seq, i)
            if match is None:
                i += 1
                continue
            word, entry = seq[i], match.entry
            i = match.last + 1
            if is_excluded(word, entry) or impossible_noun(word, entry):
                continue
            pos = form_role(word, entry, seq[match.first - 1] if match.first else None)
            wanted = entry.get("forms") or "all"
            if (wanted == "verb" and pos == "noun") or (wanted == "noun" and pos != "noun"):
                continue
            yield Hit(name, seq, match.first, match.last, entry)


def census(rows: list[dict[str, str]], limit: int | None = None) -> dict[str, Tally]:
    """lemma -> its Tally over the counted articles."""
    actors = actor_words()
    count: Counter[str] = Counter()
    political: Counter[str] = Counter()
    with_actor: Counter[str] = Counter()
    for hit in hits(rows, limit):
        section = Path(hit.name).parent.name
        count[hit.lemma] += 1
        political[hit.lemma] += section in POLITICAL or (section in ECONOMIC and hit.entry.category in ECONOMIC_TYPES)
        near = hit.seq[max(0, hit.first - ACTOR_REACH_WORDS) : hit.last + 1 + ACTOR_REACH_WORDS]
        with_actor[hit.lemma] += any(w.key in actors or w.stem in actors for w in near)
    return {lemma: Tally(n, political[lemma] / n, with_actor[lemma] / n) for lemma, n in count.items() if n}


def sample(lemmas: list[str], size: int, seed: int, limit: int | None = None) -> dict[str, list[tuple[str, str, str]]]:
    """``size`` hits of each candidate lemma drawn at random (reservoir, ``random.Random(seed)``) from the counted
    articles' political sections, found among the lexicon's and every candidate's lemmas (a longer phrase wins, as in
    the stage: "وقف إطلاق النار" is not a shooting) and read in the sense their context gives (event_senses.tsv; a
    sense that is no event is left out), as (docno, type, excerpt of SAMPLE_CONTEXT_WORDS words either side): the
    hits a person judges to say a family's precision (event_lemma_samples.tsv)."""
    rng = random.Random(seed)
    drawn: dict[str, list[tuple[str, str, str]]] = {lemma: [] for lemma in lemmas}
    seen: Counter[str] = Counter()
    for hit in hits(lexicon_rows() + candidate_rows(), limit):
        if hit.lemma not in drawn or Path(hit.name).parent.name not in POLITICAL:
            continue
        event_type, _ = sense_of(hit.entry, hit.seq, hit.first, hit.last)
        if event_type is None:
            continue
        lemma = hit.lemma
        seen[lemma] += 1
        slot = len(drawn[lemma]) if len(drawn[lemma]) < size else rng.randrange(seen[lemma])
        if slot < size:
            near = hit.seq[max(0, hit.first - SAMPLE_CONTEXT_WORDS) : hit.last + 1 + SAMPLE_CONTEXT_WORDS]
            item = (Path(hit.name).stem, event_type, " ".join(w.surface for w in near))
            drawn[lemma][slot : slot + 1] = [item]
    return drawn


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def bars(lexicon_tallies: list[Tally]) -> Tally:
    """The figures a candidate must reach: the lexicon's own at COUNT_, POLITICAL_ and ACTOR_QUANTILE."""
    return Tally(
        int(quantile([t.count for t in lexicon_tallies], COUNT_QUANTILE)),
        quantile([t.political for t in lexicon_tallies], POLITICAL_QUANTILE),
        quantile([t.actor for t in lexicon_tallies], ACTOR_QUANTILE),
    )


def kept(tally: Tally | None, bar: Tally) -> bool:
    return (
        tally is not None and tally.count >= bar.count and tally.political >= bar.political and tally.actor >= bar.actor
    )


def tsv_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def candidate_rows() -> list[dict[str, str]]:
    return tsv_rows(CANDIDATES)


def judged_samples() -> dict[tuple[str, str], list[bool]]:
    """(lemma, the forms it was sampled with) -> whether each of its sampled hits was judged a right report
    (event_lemma_samples.tsv)."""
    found: dict[tuple[str, str], list[bool]] = {}
    for row in tsv_rows(SAMPLES):
        found.setdefault((row["lemma"], row["forms"]), []).append(row["judged"] == "right")
    return found


def lexicon_rows() -> list[dict[str, str]]:
    """event_lemmas.tsv's rows, a statement row typed "statement" (its type does not matter to the counts)."""
    return [row for row in read_tsv("event_lemmas.tsv")]


def write(rows: list[dict[str, str]], tallies: dict[str, Tally], bar: Tally, read: int) -> None:
    from bench.ant import ANT_CITATION, ANT_V2_CITATION

    header = [
        "# Event trigger lemmas admitted by corpus counts: written by bench/quality/build_event_lemmas.py --write (do not",
        "# edit by hand: change bench/quality/event_lemma_candidates.tsv and rerun). Read by flows/nlp/events/triggers.py",
        "# beside event_lemmas.tsv, with the same columns. A PLOVER candidate is kept when, over the ANT v2.1 articles",
        f"# outside the blind gold and the audits drawn after it ({read} articles), it is at least as frequent, as",
        "# political (share in the middleEast/internationalNews sections, and economy for SANCTION) and as often within "
        f"{ACTOR_REACH_WORDS} words of an actor",
        f"# word as the lexicon's own lemmas at quantiles {COUNT_QUANTILE}/{POLITICAL_QUANTILE}/{ACTOR_QUANTILE}: count >= "
        f"{bar.count}, political >= {bar.political:.2f}, actor >= {bar.actor:.2f}; and judged keep by hand",
        "# (bench/quality/event_lemma_candidates.tsv gives the reason for each turned down).",
        f"# {ANT_CITATION}; {ANT_V2_CITATION}",
        "\t".join((*COLUMNS, "count", "political", "actor")),
    ]
    body = []
    for row in rows:
        lemma = row["lemma"].split("|")[0]
        tally = tallies.get(lemma)
        if kept(tally, bar) and tally is not None and row["judged"] == "keep":
            body.append(
                "\t".join(
                    (*(row[c] for c in COLUMNS), str(tally.count), f"{tally.political:.2f}", f"{tally.actor:.2f}")
                )
            )
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} of {len(rows)} candidates kept in {OUT}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build_event_lemmas", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="count only the first N articles (a quick look)")
    parser.add_argument("--write", action="store_true", help=f"write the kept candidates to {OUT.name}")
    parser.add_argument("--verbose", action="store_true", help="print the lexicon's own lemmas' counts too")
    parser.add_argument("--cache", type=Path, help="a JSON file of the counts: read when it exists, else written")
    parser.add_argument(
        "--sample", action="append", metavar="LEMMA", help="print a random sample of this candidate's political hits"
    )
    parser.add_argument("--size", type=int, default=SAMPLE_SIZE, help="hits sampled per lemma")
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED, help="the sample's random.Random seed")
    args = parser.parse_args(argv)
    if args.sample:
        for lemma, drawn in sample(args.sample, args.size, args.seed, args.limit).items():
            for docno, event_type, excerpt in drawn:
                print(f"{lemma}\t{docno}\t{event_type}\t{excerpt}")
        return
    candidates = candidate_rows()
    current = lexicon_rows()
    if args.cache and args.cache.is_file():
        tallies = {k: Tally(*v) for k, v in json.loads(args.cache.read_text(encoding="utf-8")).items()}
    else:
        tallies = census(current + candidates, args.limit)
        if args.cache:
            args.cache.write_text(json.dumps({k: list(astuple(v)) for k, v in tallies.items()}), encoding="utf-8")
    bar = bars([tallies[r["lemma"].split("|")[0]] for r in current if r["lemma"].split("|")[0] in tallies])
    print(f"bar (the lexicon's own): count {bar.count}  political {bar.political:.2f}  actor {bar.actor:.2f}")
    if args.verbose:
        for row in current:
            lemma = row["lemma"].split("|")[0]
            tally = tallies.get(lemma)
            if tally:
                print(
                    f"lexicon {row['category']:10} {tally.count:6} {tally.political:5.2f} {tally.actor:5.2f}  {lemma}"
                )
    for row in candidates:
        lemma = row["lemma"].split("|")[0]
        tally = tallies.get(lemma)
        figures = f"{tally.count:6} {tally.political:5.2f} {tally.actor:5.2f}" if tally else f"{0:6} {'-':>5} {'-':>5}"
        verdict = ("keep" if row["judged"] == "keep" else "judged out") if kept(tally, bar) else ""
        print(f"{verdict:10} {row['category']:10} {figures}  {lemma}")
    if args.write:
        write(candidates, tallies, bar, args.limit or len(counted_names_cached()))


def counted_names_cached() -> list[str]:
    from bench.quality.event_audit import AUDIT_ARTICLES

    return counted_names(AUDIT_ARTICLES)


if __name__ == "__main__":
    main()
