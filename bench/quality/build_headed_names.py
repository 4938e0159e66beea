"""Names that hold a place: a head noun, a listed country or city, and the adjectives the name carries (قوات سوريا
الديمقراطية، جمهورية التشيك، جمهورية مصر العربية): a census for flows/data/gazetteer/headed_names.tsv.

    python -m bench.quality.build_headed_names [--articles 40000] [--jobs 2] [--min-articles 5]
        [--min-fixed 0.5] [--min-head-share 0.15]

The matcher finds the listed place inside such a name and emits it as the place: "قوات سوريا الديمقراطية" gave GPE
سوريا, "جمهورية التشيك" gave التشيك (ANT v2.1 dev2), where the whole is one ORG or one GPE and the place inside it is
no mention of its own (tests/gold/ant2/GUIDELINES.md: no nested mention inside an organisation's name). The census
reads, over the ANT v2.1 articles outside the gold (bench/quality/ant2.py ``not_gold``, through
bench.quality.audit.drawable_names; ``--articles`` takes a seeded sample), every listed GPE name (a country or a
hand-listed place: an entity with a country code) written bare right after a word without the article (the head; its
proclitics taken off by the corpus counts, flows.nlp.entities.tagger.clitic_stem), with the definite relational
adjectives after the place (-ي، -ية; at most MAX_ADJECTIVES). Which words head such names is not listed by hand: the
heads are whatever the counting finds (قوات، جمهورية، مملكة، حزب، جبهة، جيش …, printed with ``--heads``).

A sequence is kept when it recurs in ``--min-articles`` articles or more, and it is a fixed phrase, not a head that
happens to stand before a place:
- with adjectives, the head and the place are followed by these very adjectives in ``--min-fixed`` of their
  occurrences (قوات سوريا -> الديمقراطية; شمال سوريا is followed by anything);
- without, the place is written after this head in ``--min-head-share`` of its occurrences (جمهورية التشيك; not
  شمال سوريا, a sliver of سوريا's), and the head and place are not mostly followed by an adjective (a longer name).
The kept sequences are then judged by hand, each in one of three verdicts written into the file (JUDGED below, with
the reason where it is no name): ``org`` (one ORG, an entity of its own), ``gpe`` (the state itself by its formal name:
the place's own entity, so جمهورية التشيك and التشيك are one GPE as NOTES_test2.md has them), ``loc`` (a sea, a
strait, a region: one LOC of its own, بحر الصين الجنوبي) or ``no`` (a head that
describes: برنامج إيران النووي, the programme; حكومة X; a direction). Only ``org``, ``gpe`` and ``loc`` rows are read by the
entity stage (flows/nlp/entities/gazetteer.py, headed_name_rows). Figures on ANT cite bench/ant.py. Nothing imports
this script at run time.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.ant import ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names

OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "gazetteer" / "headed_names.tsv"
SEED = 7  # the sample's shuffle, as build_definite_places.py
WORD = re.compile(r"[\u0621-\u0652\u0640]+")
# Adjectives a name carries after its place (جمهورية الكونغو الديمقراطية: one; حزب العمال الكردستاني: none here).
MAX_ADJECTIVES = 2
RELATIONAL_ENDINGS = ("ي", "يه")
ARTICLE = "ال"
# A head has at least this many letters once its proclitics are off (ما، لا، في are no heads).
MIN_HEAD_LETTERS = 3
# The verdicts a reviewer wrote for the census's rows: sequence -> (verdict, reason); loc is a sea, strait or region
# (one LOC of its own). Judged from
# the output of the defaults; a row the census prints that is not here is written with verdict "?" for review.
JUDGED: dict[str, tuple[str, str]] = {
    "قوات سوريا الديمقراطية": ("org", ""),
    "مجلس سوريا الديمقراطية": ("org", ""),
    "جمهورية مصر العربية": ("gpe", ""),
    "جمهورية التشيك": ("gpe", ""),
    "جمهورية الصين الشعبية": ("gpe", ""),
    "جمهورية مقدونيا الشمالية": ("gpe", ""),
    "جمهورية الجبل الأسود": ("gpe", ""),
    "جمهورية ألمانيا الاتحادية": ("gpe", ""),
    "سان بطرسبورغ": ("gpe", ""),
    "بنك السودان المركزي": ("org", ""),
    "مصرف الإمارات المركزي": ("org", ""),
    "مصرف قطر المركزي": ("org", ""),
    "حزب مصر القوية": ("org", ""),
    "إذاعة فرنسا الدولية": ("org", ""),
    "موانئ دبي العالمية": ("org", ""),
    "بترول أبوظبي الوطنية": ("org", "ADNOC (شركة بترول أبوظبي الوطنية)"),
    "غوطة دمشق الشرقية": ("loc", ""),
    "بحر الصين الجنوبي": ("loc", ""),
    "مضيق جبل طارق": ("loc", ""),
    "صحراء مصر الغربية": ("loc", ""),
    "دولة الإمارات": ("no", "دولة is a descriptor before a state's name (gold conventions)"),
    "قرب دمشق": ("no", "a preposition"),
    "أمام البرتغال": ("no", "a preposition"),
    "أمام أيسلندا": ("no", "a preposition"),
    "أمام تشيلي": ("no", "a preposition"),
    "على بنما": ("no", "a preposition"),
    "على كوستاريكا": ("no", "a preposition"),
    "بين إيرلندا الشمالية": ("no", "a preposition"),
    "عهد أبوظبي": ("no", "a role (ولي عهد أبوظبي, the crown prince)"),
    "عهد أبو ظبي": ("no", "a role (ولي عهد أبو ظبي, the crown prince)"),
    "بابا الفاتيكان": ("no", "a role"),
    "رئيس باراغواي": ("no", "a role"),
    "رئيس الجمهورية الفرنسية": ("no", "a role"),
    "سيدة الولايات المتحدة الأولى": ("no", "a role (the first lady)"),
    "سيدة أمريكا الأولى": ("no", "a role (the first lady)"),
    "لاعبة روسيا البيضاء": ("no", "a player of Belarus"),
    "شرق خان يونس": ("no", "a direction"),
    "عاصمتها القدس الشرقية": ("no", "its capital, East Jerusalem"),
    "برنامج إيران النووي": ("no", "a programme: the place is the mention"),
    "برنامج طهران النووي": ("no", "a programme: the place is the mention"),
    "برامج كوريا الشمالية النووية": ("no", "programmes: the place is the mention"),
    "ملف طهران النووي": ("no", "a file: the place is the mention"),
    "سلاح كوريا الشمالية النووي": ("no", "weapons: the place is the mention"),
    "أسلحة كوريا الشمالية النووية": ("no", "weapons: the place is the mention"),
    "طموحات إيران النووية": ("no", "ambitions: the place is the mention"),
    "قدرات روسيا العسكرية": ("no", "capabilities: the place is the mention"),
    "اتفاق إيران النووي": ("no", "a treaty: the place inside it is the mention (gold guidelines)"),
    "حرب فيتنام": ("no", "an event: the place inside it is the mention"),
    "مهرجان برلين السينمائي": ("no", "an event: the place inside it is the mention"),
    "ماراثون الرياض الدولي": ("no", "an event: the place inside it is the mention"),
    "كأس دبي العالمي": ("no", "an event: the place inside it is the mention"),
    "تصفيات أميركا الجنوبية": ("no", "an event: the place inside it is the mention"),
    "تصفيات أمريكا الجنوبية": ("no", "an event: the place inside it is the mention"),
    "مطار دمشق الدولي": ("no", "a facility: the place inside it is the mention (gold guidelines)"),
    "مطار دبي الدولي": ("no", "a facility: the place inside it is the mention (gold guidelines)"),
    "مركز دبي التجاري العالمي": ("no", "a facility: the place inside it is the mention (gold guidelines)"),
    "مدينة رام الله": ("no", "a place head before the place"),
    "مدينة رفح": ("no", "a place head before the place"),
    "مدينة بنغازي": ("no", "a place head before the place"),
    "مدينة الخليل": ("no", "a place head before the place"),
    "منطقة الخليل": ("no", "a place head before the place"),
    "مدينة نابلس": ("no", "a place head before the place"),
    "مدينة كييف الأوكرانية": ("no", "a place head before the place"),
    "مدينة موناكو الفرنسية": ("no", "a place head before the place"),
    "منطقة موبتي": ("no", "a place head before the place"),
    "مدينة بيت لحم": ("no", "a place head before the place"),
    "مدينة أريحا": ("no", "a place head before the place"),
    "مدينة البيرة": ("no", "a place head before the place"),
    "مدينة تمبكتو": ("no", "a place head before the place"),
    "مدينة سانت بطرسبرغ": ("no", "a place head before the place"),
    "حكومة جيبوتي": ("no", "a state's government, named by its place"),
    "دول أمريكا اللاتينية": ("no", "the states of a region"),
    "دول أميركا اللاتينية": ("no", "the states of a region"),
    "منتخب بيرو": ("no", "a national team by its country's name: the team rules read it"),
    "منتخب بنين": ("no", "a national team by its country's name: the team rules read it"),
    "نظيرتها بنين": ("no", "its counterpart, Benin"),
    "نادي موناكو الفرنسي": ("no", "a club: the club rules read it (نادي is its descriptor)"),
    "دينامو كييف الأوكراني": ("no", "a club: the club rules read it"),
    "ضيفه روما الإيطالي": ("no", "its guest, the club Roma"),
    "زوروا رواندا": ("no", "a verb (the slogan Visit Rwanda)"),
    "تحاول رواندا": ("no", "a verb"),
    "بابوا غينيا": ("no", "the first words of بابوا غينيا الجديدة, a country of its own, not Guinea"),
    "صندوق قطر السيادي": ("no", "a description (Qatar's sovereign fund)"),
    "شركة دبي العالمية": ("no", "the company دبي العالمية with its descriptor"),
    "صلة السعودية المصرية": ("no", "a Saudi-Egyptian link"),
    "اتحاد أميركا الشمالية": ("no", "the first words of اتحاد أميركا الشمالية والوسطى (CONCACAF)"),
    "أنباء السودان الرسمية": ("no", "a piece of وكالة أنباء السودان الرسمية"),
    "وكالة المغرب العربي": ("no", "a piece of وكالة المغرب العربي للأنباء"),
    "صحيفة القدس العربي": ("no", "the newspaper القدس العربي with its descriptor"),
    "بلاد المغرب الإسلامي": ("no", "a piece of تنظيم القاعدة في بلاد المغرب الإسلامي"),
}

Sequence_ = tuple[str, ...]


def sample(articles: int) -> list[str]:
    names = drawable_names()
    random.Random(SEED).shuffle(names)
    return names[:articles]


def place_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Listed GPE names with a country (countries and hand-listed places), by first normalised word: (words, id)."""
    from flows.nlp.entities.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for first, cands in gazetteer.index.items():
        for rest, infos in cands:
            for info in infos:
                entity = gazetteer.entities[info.entity_id]
                if info.kind == "name" and entity.entity_type == "GPE" and entity.country_code:
                    index.setdefault(first, []).append(((first, *rest), info.entity_id))
                    break
    for cands in index.values():
        cands.sort(key=lambda c: -len(c[0]))
    return index


def listed_names() -> set[tuple[str, ...]]:
    """Every name of two words or more the gazetteer holds, as normalised words (this census's own rows left out)."""
    from flows.nlp.entities.gazetteer import HEADED_NAMES, load_gazetteer, split_alias
    from flows.resources import read_tsv

    own = {split_alias(row["name_ar"])[0] for row in read_tsv("gazetteer", HEADED_NAMES)}
    listed = {(first, *rest) for first, cands in load_gazetteer().index.items() for rest, _ in cands if rest}
    return listed - own


class Counts:
    """What one shard counted."""

    def __init__(self) -> None:
        self.sequences: Counter[Sequence_] = Counter()  # head + place + adjectives: occurrences
        self.articles: Counter[Sequence_] = Counter()  # ... in how many articles
        self.pairs: Counter[Sequence_] = Counter()  # head + place, whatever follows
        self.places: Counter[Sequence_] = Counter()  # the place, any head or none
        self.place_ids: dict[Sequence_, str] = {}
        self.spelling: dict[Sequence_, Counter[str]] = {}

    def update(self, other: Counts) -> None:
        self.sequences.update(other.sequences)
        self.articles.update(other.articles)
        self.pairs.update(other.pairs)
        self.places.update(other.places)
        self.place_ids.update(other.place_ids)
        for key, spellings in other.spelling.items():
            self.spelling.setdefault(key, Counter()).update(spellings)


def count(names: Sequence[str]) -> Counts:
    from flows.nlp.entities.tagger import clitic_stem
    from flows.nlp.text.arabic import normalize

    index = place_index()
    listed = listed_names()
    counts = Counts()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        article = parse_ant_document(xml)
        if article is None:
            continue
        found = list(WORD.finditer(article.text))
        written = [m.group() for m in found]
        words = [normalize(w) for w in written]
        # a word joined to the one before it by spaces only: one phrase (no comma, dash or bracket between)
        joined = [k > 0 and not article.text[found[k - 1].end() : m.start()].strip() for k, m in enumerate(found)]
        seen: set[Sequence_] = set()
        for k in range(1, len(words)):
            place = _place_at(words, k, index)
            if place is None:
                continue
            tokens, entity_id = place
            counts.places[tokens] += 1
            counts.place_ids[tokens] = entity_id
            head, prefix = clitic_stem(words[k - 1])
            if not joined[k] or prefix.endswith(ARTICLE) or words[k - 1].startswith(ARTICLE):
                continue
            if len(head) < MIN_HEAD_LETTERS or (head, *tokens) in listed:
                continue  # a name the gazetteer holds whole (قطاع غزة، سلطنة عمان) is read as listed
            end = k + len(tokens)
            adjectives = []
            while end < len(words) and len(adjectives) < MAX_ADJECTIVES and joined[end] and _adjective(words[end]):
                adjectives.append(words[end])
                end += 1
            pair = (head, *tokens)
            counts.pairs[pair] += 1
            sequence = (*pair, *adjectives)
            counts.sequences[sequence] += 1
            counts.spelling.setdefault(sequence, Counter())[" ".join(written[k - 1 : end])[len(prefix) :]] += 1
            seen.add(sequence)
        counts.articles.update(seen)
    return counts


def _place_at(words: list[str], k: int, index: dict) -> tuple[tuple[str, ...], str] | None:
    for tokens, entity_id in index.get(words[k], ()):
        if tuple(words[k : k + len(tokens)]) == tokens:
            return tokens, entity_id
    return None


def _adjective(word: str) -> bool:
    return word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 2 and word.endswith(RELATIONAL_ENDINGS)


def census(articles: int, jobs: int) -> Counts:
    names = sample(articles)
    shards = [names[k::jobs] for k in range(jobs)]
    total = Counts()
    with ProcessPoolExecutor(jobs) as pool:
        for counts in pool.map(count, shards):
            total.update(counts)
    return total


def kept(counts: Counts, args: argparse.Namespace) -> list[tuple[Sequence_, int, int, str]]:
    """(sequence, its articles, its occurrences, the place's entity id) of each sequence the thresholds keep (see the
    module docstring), most articles first."""
    with_adjective: Counter[Sequence_] = Counter()
    for sequence, n in counts.sequences.items():
        for pair in _pairs_of(sequence, counts):
            if len(sequence) > len(pair):
                with_adjective[pair] += n
    rows = []
    for sequence, n_articles in counts.articles.items():
        if n_articles < args.min_articles:
            continue
        pair = max(_pairs_of(sequence, counts), key=len)
        n = counts.sequences[sequence]
        place = pair[1:]
        if len(sequence) > len(pair):
            if n < args.min_fixed * counts.pairs[pair]:
                continue
        elif n < args.min_head_share * counts.places[place] or with_adjective[pair] > args.min_fixed * n:
            continue
        rows.append((sequence, n_articles, n, counts.place_ids[place]))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def _pairs_of(sequence: Sequence_, counts: Counts) -> list[Sequence_]:
    """The head-and-place prefixes of ``sequence`` the census counted (the place may be one word or more)."""
    return [sequence[:n] for n in range(2, len(sequence) + 1) if sequence[:n] in counts.pairs]


def heads(counts: Counts) -> list[tuple[str, int]]:
    """Each head word and the number of distinct places it stands before, in sequences seen in two articles or more."""
    places: dict[str, set[Sequence_]] = {}
    for sequence, n in counts.articles.items():
        if n >= 2:
            places.setdefault(sequence[0], set()).add(sequence[1:])
    return sorted(((h, len(p)) for h, p in places.items()), key=lambda row: (-row[1], row[0]))


def write(rows: list[tuple[Sequence_, int, int, str]], counts: Counts, args: argparse.Namespace) -> None:
    header = [
        "# Names that hold a listed place (قوات سوريا الديمقراطية، جمهورية التشيك): the census of",
        f"# bench/quality/build_headed_names.py (--articles {args.articles} --min-articles {args.min_articles}",
        f"# --min-fixed {args.min_fixed} --min-head-share {args.min_head_share}: the ANT v2.1 articles outside the gold),",
        "# judged by hand. name_ar: the sequence as written most often; articles, count: where and how often it stands;",
        "# place_id: the listed place inside it; verdict: org (one ORG of its own), gpe (the place's own entity by its",
        "# formal name), loc (a sea or region) or no (a description; reason says why). The entity stage reads the",
        "# org, gpe and loc rows",
        "# (flows/nlp/entities/gazetteer.py, headed_name_rows).",
        f"# Corpus: {ANT_V2_CITATION}",
        "name_ar\tarticles\tcount\tplace_id\tverdict\treason",
    ]
    from flows.nlp.text.arabic import normalize

    judged = {" ".join(normalize(name).split()): verdict for name, verdict in JUDGED.items()}
    lines = []
    for sequence, n_articles, n, place_id in rows:
        verdict, reason = judged.get(" ".join(sequence), ("?", ""))
        name = counts.spelling[sequence].most_common(1)[0][0]
        lines.append(f"{name}\t{n_articles}\t{n}\t{place_id}\t{verdict}\t{reason}")
    OUT.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=40000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-articles", type=int, default=5)
    parser.add_argument("--min-fixed", type=float, default=0.5)
    parser.add_argument("--min-head-share", type=float, default=0.15)
    parser.add_argument("--heads", type=int, default=0, help="print this many heads, most places first")
    args = parser.parse_args(argv)
    counts = census(args.articles, args.jobs)
    rows = kept(counts, args)
    write(rows, counts, args)
    for head, n in heads(counts)[: args.heads]:
        print(f"{head}\t{n}")
    print(f"{len(rows)} sequences written to {OUT}")


if __name__ == "__main__":
    main()
