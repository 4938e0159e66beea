"""The entity evaluation: its pieces on tiny hand-made cases, and the recorded quality floors on real gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality import entities as ev
from flows.nlp.types import Mention
from tests.conftest import GOLD, shared_path


def test_score_counts_exact_spans_per_type() -> None:
    gold = [("GPE", (0, 0, 1)), ("PERSON", (0, 2, 4)), ("ORG", (0, 5, 6))]
    predicted = [("GPE", (0, 0, 1)), ("PERSON", (0, 2, 3)), ("ORG", (0, 5, 6)), ("LOC", (0, 7, 8))]
    figures = ev.score(gold, predicted)
    assert (figures["GPE"].tp, figures["PERSON"].tp, figures["PERSON"].fp, figures["PERSON"].fn) == (1, 0, 1, 1)
    assert figures["all"].precision == pytest.approx(2 / 4) and figures["all"].recall == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    "tags, spans",
    [
        pytest.param([["B-PERS"], ["I-PERS"], ["O"]], [("PERSON", 0, 2)], id="one-person"),
        pytest.param([["B-ORG"], ["I-ORG", "B-GPE"]], [("GPE", 1, 2), ("ORG", 0, 2)], id="city-inside-org"),
        pytest.param(
            [["B-ORG"], ["I-ORG", "B-ORG"], ["I-ORG", "I-ORG"]], [("ORG", 1, 3), ("ORG", 0, 3)], id="org-inside-org"
        ),
        pytest.param([["B-GPE"], ["B-GPE"]], [("GPE", 0, 1), ("GPE", 1, 2)], id="two-adjacent-places"),
        pytest.param([["B-DATE"], ["B-NORP"]], [], id="types-not-scored"),
        pytest.param([["B-PER"]], [("PERSON", 0, 1)], id="per-spelling-of-pers"),
    ],
)
def test_wojood_nested_tags_become_spans(tags, spans) -> None:
    assert sorted(ev.wojood_spans(tags)) == sorted(spans)


def test_our_mentions_become_wojood_token_spans() -> None:
    tokens = ["زار", "مدينة", "وباماكو", "الرئيس", "الروسي"]
    text = " ".join(tokens)
    city = Mention("w:m1", "gpe:bamako", "GPE", "باماكو", text.index("باماكو"), text.index("باماكو") + 6, 0)
    nisba = Mention("w:m2", "gpe:rus", "GPE", "الروسي", text.index("الروسي"), len(text), 0, is_adjectival=True)
    assert ev.predicted_token_spans(tokens, [city, nisba]) == [("GPE", 1, 3)]


def test_gold_mentions_are_found_in_the_seed_bodies(seeds_dir) -> None:
    for name, rows in ev.load_seed_gold(GOLD / "entities_seeds.json").items():
        body = ev.seed_body(seeds_dir / f"{name}.txt")
        for row in rows:
            start = ev.locate(body, row["surface"], row.get("nth", 0))
            assert body[start : start + len(row["surface"])] == row["surface"]


# Floors: a little under what was measured (recorded beside each), so that a regression fails.
SEED_FLOORS = {
    "all": 0.95,
    "PERSON": 0.95,
    "GPE": 0.95,
    "ORG": 0.93,
    "LOC": 0.9,
}  # measured 1.0 for each (see the gold note on the rule written after the misses); with the name tagger
# (2026-12-04): all 0.991, ORG 0.950, the rest 1.0 (the tagger's own ORG spans: قوات الأمن، منظمة دفاع جماعي)


def test_seed_gold_floor(seeds_dir) -> None:
    result = ev.evaluate_seeds(seeds_dir, GOLD / "entities_seeds.json")
    for kind, floor in SEED_FLOORS.items():
        assert result["figures"][kind].f1 >= floor, (kind, result["figures"][kind], result["misses"][:10])
    assert result["entity_id_accuracy"] >= 0.97  # measured 1.0


# Rules alone measured 0.707 / 0.786 / 0.663 / 0.647; with the name tagger 0.736 / 0.809 / 0.688 / 0.70 (every
# gold span, nested ones too), and 0.799 all types against the outermost spans (0.771 with rules alone). 2026-12-05
# (issue 12 round 6: corpus common words, a listed given name before a name): every span 0.752 (PERSON 0.757),
# outermost 0.817. Round 8: 0.740 / 0.805 (ORG 0.816 -> 0.787): the ANT v2.1 guidelines put a medium's descriptor
# outside its name, Wojood inside it (جريدة مرآة الشرق); a medium named after a place keeps it (جريدة فلسطين).
# Round 11 (a cut name made whole): 0.739 -> 0.742 (PERSON 0.757 -> 0.777), outermost 0.804 -> 0.807. Round 12
# (bodies repeated within a text): 0.742 -> 0.744 (ORG 0.783 -> 0.786), outermost 0.807 -> 0.809.
# Round 13 (platforms named bare are ORG, as the ANT v2.1 guidelines annotate them): 0.744 -> 0.740, ORG 0.786 ->
# 0.777, outermost 0.809 -> 0.805: Wojood leaves platforms unannotated (يوتيوب twice, اليوتيوب, التويتر: four new
# spurious ORGs, every other span as before), so its ORG floor goes 0.78 -> 0.77 for a convention, not a loss.
# Round 15 (the place census, a country's name read as its own nisba): 0.740 -> 0.745 (GPE 0.698 -> 0.705, ORG 0.777
# -> 0.781), outermost 0.805 -> 0.812.
WOJOOD_FLOORS = {"all": 0.74, "ORG": 0.775, "GPE": 0.70, "PERSON": 0.77}
WOJOOD_OUTERMOST_FLOOR = 0.81


def test_wojood_test_split_floor() -> None:
    folder = shared_path("gold", "wojood-sample")
    result = ev.evaluate_wojood("test", folder)
    for kind, floor in WOJOOD_FLOORS.items():
        assert result["figures"][kind].f1 >= floor, (kind, result["figures"][kind])
    assert result["outermost"]["all"].f1 >= WOJOOD_OUTERMOST_FLOOR, result["outermost"]["all"]


# NewsFANE's held-out tenth (never trained on). Rules alone: 0.495 all types; with the name tagger 0.660 (PERS/ORG/LOC
# with GPE as LOC: 0.663; PERSON 0.56, GPE 0.82); 2026-12-05 (the reader's proclitic fix, a club's nisba outside its
# name): 0.667 (merged 0.670, PERSON 0.555, GPE 0.829); round 8 (a title's words the tagger reads as no name,
# descriptors outside a medium's name): 0.673 (merged 0.677, PERSON 0.566, GPE 0.827); round 11 (words the corpus
# binds to a name's edge word, bound_words.tsv): 0.677 (merged 0.680, GPE 0.829 -> 0.836). Round 15 (the place
# census; no relational adjective after a place head): 0.678 -> 0.680 (merged 0.681 -> 0.683, GPE 0.836 -> 0.843).
NEWSFANE_FLOORS = {"all": 0.675, "GPE": 0.84, "PERSON": 0.55}
NEWSFANE_MERGED_FLOOR = 0.68


def test_newsfane_heldout_floor() -> None:
    result = ev.evaluate_newsfane(shared_path("gold"))
    for kind, floor in NEWSFANE_FLOORS.items():
        assert result["figures"][kind].f1 >= floor, (kind, result["figures"][kind])
    assert result["merged"].f1 >= NEWSFANE_MERGED_FLOOR, result["merged"]


# The model files ship in the wheel; the budget for them is 20 MB (measured 2.4 MB model + 1.1 MB clusters).
MODEL_BUDGET_BYTES = 20_000_000


def test_tagger_files_stay_within_their_budget() -> None:
    folder = Path(ev.REPO) / "flows" / "data" / "tagger"
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    assert "names_crf.crfsuite" in sizes and sum(sizes.values()) < MODEL_BUDGET_BYTES, sizes


# Held-out ANT articles, annotated before the rules ran on them. Measured blind: 0.857 all-type F1; after the
# fixes its errors pointed to (continent names, stop words in tagged organisations, more given names): 0.943; 0.911
# before round 8, 0.924 after it (descriptors outside a medium's name).
ANT_FLOOR = 0.90


def test_ant_heldout_floor() -> None:
    tarball = shared_path("corpus", "ant-v1.1.tar.gz")
    result = ev.evaluate_ant_heldout(GOLD / "entities_ant_heldout.json", tarball)
    assert result["figures"]["all"].f1 >= ANT_FLOOR, (result["figures"]["all"], result["misses"])


# Floors on the ANT v2.1 dev split, title and body (`akhbar eval entities --set ant2 --ant2-split dev`, 2026-12-04):
# measured all F1 0.669, PERSON 0.635, GPE 0.745 once titles are read (body only, before: F1 0.640); after round 3
# (spans that stop where names stop, repeated names, state institutions, the retrained tagger): all 0.738, PERSON
# 0.775, GPE 0.779; round 8 (one type per name within an article, descriptors outside a medium's name, a title's
# words the tagger reads as no name): all 0.748, PERSON 0.786, GPE 0.784, ORG 0.631 (0.610 before); merged with
# issue 14's seventh session (the Houthis and the two coalitions in orgs.tsv, militias as nisba heads): all 0.762,
# PERSON 0.786, GPE 0.785, ORG 0.697. Round 10 (clubs named after cities in gazetteer/clubs.tsv, counted on ANT v2.1
# sports articles): all 0.764 -> 0.773, ORG 0.703 -> 0.728, GPE 0.785 -> 0.791. Round 11 (a cut name made whole:
# flows/nlp/entities/joined.py): all 0.773 -> 0.787, PERSON 0.786 -> 0.836, GPE 0.791 -> 0.794. Round 12 (bodies: a
# state's nisba closing a definite body, two bodies split at و, Latin names after a head, repeated bodies, bracketed
# acronyms): all 0.787 -> 0.795, ORG 0.728 -> 0.760 (recall 0.694 -> 0.731, precision 0.765 -> 0.790). Round 13
# (platforms named bare, a listed body and a purpose judged another body, national teams, رابطة): all 0.796 -> 0.804,
# ORG 0.762 -> 0.796 (recall 0.727 -> 0.782). Round 14 (words the tagger reads in hardly any name across the corpus
# cut off a person's edge, gazetteer/unnamed_words.tsv): all 0.804 -> 0.811, PERSON 0.836 -> 0.848, GPE 0.796 -> 0.805.
# Round 15 (places named after a place head, counted over the corpus: gazetteer/definite_places.tsv; a country's name
# spelled as its own nisba read as the adjective after a noun it agrees with): all 0.811 -> 0.837, GPE 0.805 -> 0.865
# (ORG 0.796 -> 0.793: a title's "ميناء الحديدة اليمني" read as a club).
ANT2_DEV_FLOORS = {"all": 0.83, "PERSON": 0.84, "GPE": 0.86, "ORG": 0.79}


def test_floors_on_ant2_dev_title_and_body() -> None:
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    figures = ev.evaluate_ant2("dev")["figures"]
    for kind, floor in ANT2_DEV_FLOORS.items():
        assert figures[kind].f1 >= floor, kind


def test_the_entity_audits_are_judged_and_keep_excerpts_short() -> None:
    from bench.quality import entity_audit

    for name in (
        "entities_ant2.tsv",
        "entities_ant2_round1.tsv",
        "entities_ant2_round2.tsv",
        "entities_ant2_round3.tsv",
        "entities_ant2_round4.tsv",
        "entities_ant2_seed26.tsv",
        "entities_ant2_seed27.tsv",
        "entities_ant2_seed28.tsv",
        "entities_ant2_seed29.tsv",
        "entities_ant2_seed30.tsv",
        "entities_ant2_seed31.tsv",
        "entities_ant2_seed32.tsv",
        "entities_ant2_seed33.tsv",
        "entities_ant2_seed34.tsv",
    ):
        rows = entity_audit.read(entity_audit.AUDIT.with_name(name))
        assert len(rows) == 100
        assert entity_audit.audit_precision(rows)[1] == 100, "every row judged"
        words = 2 * entity_audit.EXCERPT_WORDS + 12
        assert all(len(row["excerpt"].split()) <= words for row in rows), "excerpts, not articles"


# The fresh audits' precision as judged (a real name, the right type, the whole name): seed 30 (round 13) 0.760,
# seed 31 (round 14, drawn after its last change, bbe411d) 0.680, seed 32 (round 15, drawn after its last change,
# 86c4138) 0.680, seed 33 (round 11, drawn after its last change, f8c1c2d) 0.780, seed 34 (round 11, drawn on branch
# tag16 at 8954996 with a retrained tagger that was then not shipped: dev for the shipped stage) 0.700; a re-judged
# file must not fall below them.
AUDIT_FLOORS = {
    "entities_ant2_seed30.tsv": 0.75,
    "entities_ant2_seed31.tsv": 0.67,
    "entities_ant2_seed32.tsv": 0.67,
    "entities_ant2_seed33.tsv": 0.77,
    "entities_ant2_seed34.tsv": 0.69,
}


def test_the_fresh_entity_audits_keep_their_judged_precision() -> None:
    from bench.quality import entity_audit

    for name, floor in AUDIT_FLOORS.items():
        rows = entity_audit.read(entity_audit.AUDIT.with_name(name))
        assert entity_audit.audit_precision(rows)[0] >= floor, name


@pytest.mark.parametrize(
    ("text", "shown", "span"),
    [
        ("قال زيد ثم قال زيد أيضا", "ثم قال [زيد] أيضا", (15, 18)),  # the second زيد: the excerpt's words before it
        ("قال زيد", "[زيد]", (4, 7)),  # no words before: the first occurrence
    ],
    ids=["the-occurrence-the-excerpt-shows", "at-the-start"],
)
def test_a_judged_rows_mention_is_found_again_by_its_excerpt(text, shown, span) -> None:
    from bench.quality.entity_audit import _judged_span

    assert _judged_span(text, shown, "زيد") == span


def test_the_judged_head_of_the_people_list_is_complete() -> None:
    """The 100 most mentioned people of a full ANT v2.1 run, judged by hand (bench/quality/audits/)."""
    path = Path(__file__).resolve().parents[1] / "bench" / "quality" / "audits" / "top_persons_ant2_fullrun.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = [dict(zip(lines[0].split("\t"), line.split("\t"))) for line in lines[1:]]
    assert len(rows) == 100 and {row["real_whole_person"] for row in rows} <= {"y", "n"}
    names = {row["name_ar"] for row in rows}
    assert all(row["same_person_as"] in names for row in rows if row["same_person_as"])
