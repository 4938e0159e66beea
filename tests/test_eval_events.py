"""The events evaluation on the seed gold: recorded floors, and the issue's "done when" events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import shared_path

from bench.quality import events as evaluation
from flows.nlp.types import PLOVER_TYPES

GOLD = Path(__file__).resolve().parent / "gold" / "events_seeds.json"


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluation.evaluate(shared_path("seeds"))


def test_gold_is_well_formed() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    plover = set(PLOVER_TYPES)
    names = [e["event"] for e in gold["events"]]
    assert len(names) == len(set(names))
    for event in gold["events"]:
        assert event["type"] in plover
        for m in event["mentions"]:
            assert m["seed"] in gold["seeds"] and m["trigger"] in m["anchor"]
            assert 2 <= len(m["anchor"].split()) <= 5, "anchors are short, never whole sentences"
            assert m["status"] in {"occurred", "planned"}


def test_every_gold_anchor_is_found(result) -> None:
    assert result["missing_anchors"] == []


# Measured 2026-11-23 with entities from flows/nlp/entities.py: event F1 0.985 (64/65, 1 FP), date accuracy 1.000,
# status accuracy 1.000, dedup pairwise P 0.929 R 0.912 F1 0.920. The lexicon was written while reading these
# seeds, so these are development-set figures; the floors sit a little below them to catch regressions.
@pytest.mark.parametrize(
    ("figure", "floor"),
    [
        # round 10 (evrec15: an unnamed event noun takes the last told event of its type): F1 0.938 -> 0.947,
        # recall 0.938 -> 0.954 (one AGREE report more)
        pytest.param(lambda r: r["overall"]["f1"], 0.94, id="event-f1"),
        pytest.param(lambda r: r["overall"]["precision"], 0.93, id="event-precision"),
        pytest.param(lambda r: r["overall"]["recall"], 0.95, id="event-recall"),
        pytest.param(lambda r: r["date_accuracy"], 0.95, id="date-accuracy"),
        pytest.param(lambda r: r["status_accuracy"], 0.95, id="status-accuracy"),
    ],
)
def test_detection_floor(result, figure, floor: float) -> None:
    assert figure(result) >= floor


# Measured 2026-12-04 after linking stopped depending on arrival order (issue 14.5): dedup P 0.889 R 0.561 F1 0.688
# (was P 0.929 R 0.912 F1 0.920): the 25 pairs lost are undated reports, which now link within their own article
# only. The dates work of issue 14.4 (a lead's events take the reporting date) is what brings them back.
def test_dedup_floor(result) -> None:
    assert result["dedup"]["f1"] >= 0.65
    assert result["dedup"]["precision"] >= 0.88


# Measured 2026-11-23: actor recall 1.000 (lenient: gold actors among the linked event's actors), actor1 accuracy
# 0.773 (the agent of each matched report; misses are mostly reports that name no actor in their own clause);
# 0.818 -> 0.841 with issue 14's sixth session (partners, patients, the content of a statement are not actors).
def test_actor_floor(result) -> None:
    assert result["actor_recall"] is not None and result["actor_recall"] >= 0.9
    assert result["actor1_accuracy"] is not None and result["actor1_accuracy"] >= 0.80


@pytest.fixture(scope="module")
def linked(result) -> dict:
    """The seeds' events after linking: event_id -> (linked row with its article_ids, its reports)."""
    gold = evaluation.load_gold()
    seeds = shared_path("seeds")
    docs = {s: evaluation.seed_document(seeds, s, n) for s, n in gold["seeds"].items()}
    found = {s: evaluation.detect_events(d, *reversed(evaluation.extract_entities(d))) for s, d in docs.items()}
    import polars as pl

    from flows.nlp.events.linking import link_events, new_mentions_frame

    # Linking depends on the set of reports, not their order: all seeds at once equals one at a time.
    events, mentions = link_events(pl.concat([new_mentions_frame(seed, found[seed]) for seed in sorted(found)]))
    reports = mentions.to_dicts()
    linked = {}
    for row in events.to_dicts():
        own = [m for m in reports if m["event_id"] == row["event_id"]]
        linked[row["event_id"]] = ({**row, "article_ids": sorted({m["article_id"] for m in own})}, own)
    return linked


def event_with(linked: dict, seed: str, trigger: str, sentence_index: int) -> dict:
    for row, reports in linked.values():
        if any(
            m["article_id"] == seed and m["trigger"] == trigger and m["sentence_index"] == sentence_index
            for m in reports
        ):
            return row
    raise AssertionError(f"no event reported by {trigger!r} in seed {seed}")


def test_lavrov_february_2023_visit_is_one_event_across_the_dated_articles(linked) -> None:
    visit = event_with(linked, "003", "وصل", 0)
    assert (visit["event_type"], visit["event_mode"]) == ("CONSULT", "visit")
    assert (visit["event_date"], visit["date_precision"]) == (dt.date(2023, 2, 7), "day")
    assert {"000", "003"} <= set(visit["article_ids"])
    assert visit["actor1_id"] == "person:sergey-lavrov"


# Seed 002 reports the visit without a date: since linking stopped depending on arrival order (issue 14.5), an undated
# report joins events of its own article only. Dating the lead's and the day's news with the story's day (issue 14.4,
# round 8) does not reach it: seed 002 has no publication date (its page gives none), so neither its lead nor its
# "اليوم (الثلاثاء)" resolves. Strict, so this mark must go once the article is dated.
@pytest.mark.xfail(strict=True, reason="seed 002 has no publication date, so its report of the visit is undated")
def test_lavrov_february_2023_visit_has_all_three_articles(linked) -> None:
    assert sorted(event_with(linked, "003", "وصل", 0)["article_ids"]) == ["000", "002", "003"]


def test_lavrov_diop_talks_in_moscow(linked) -> None:
    talks = event_with(linked, "000", "محادثات", 0)
    assert (talks["event_date"], talks["date_precision"]) == (dt.date(2024, 2, 28), "day")
    assert {"person:sergey-lavrov", "person:abdoulaye-diop"} <= set(talks["actor_ids"])
    assert talks["location_id"] == "gpe:moscow"


def test_moscow_talks_with_three_sahel_ministers(linked) -> None:
    talks = event_with(linked, "001", "مفاوضات", 0)
    assert (talks["event_date"], talks["date_precision"]) == (dt.date(2025, 4, 3), "day")
    assert talks["actor1_id"] == "person:sergey-lavrov"
    assert len([a for a in talks["actor_ids"] if a.startswith("person:")]) == 4


@pytest.fixture(scope="module")
def heldout() -> dict:
    from bench.quality import event_corpus

    tarball = shared_path("corpus", "ant-v1.1.tar.gz")
    gold = evaluation.load_gold(event_corpus.HELDOUT_GOLD)
    return evaluation.score(event_corpus.heldout_documents(tarball, gold), gold)


# Held-out gold: 10 ANT articles annotated before the detector ever ran on them. The blind first run measured
# P 0.950 R 0.422 F1 0.585, date accuracy 0.895 (19 matched of 45). Trigger words it showed missing (attacks,
# arrests, censorship, accusations as nouns) were then added, and attack modes made one family for linking, so it
# is no longer blind: P 0.867 R 0.867 F1 0.867, date accuracy 0.974 (39 matched), status accuracy 0.974, dedup
# pairwise F1 0.765. Floors a little below the latter. At the start of issue 14's fourth session it gave P 0.822
# R 0.822 F1 0.822; dropping the reports that name neither who nor where (issue 14: an event that should not exist
# costs an analyst more than a missed one) takes two true reports of its 45 and no false one (matched 37 -> 35,
# false 8 -> 8; "قتلتهم الشرطة" is kept as an unnamed subject; "أعلنت 7 ولايات أميركية رفضها" and "بعد الهجوم ... العاصمة البريطانية" name their actor and
# place only by a nisba the entity stage does not tag there): P 0.814 R 0.778 F1 0.795. The F1 and recall floors were
# lowered for that trade, by 0.02 each; this gold has no actors, so it cannot show what the rule buys (event F1 on
# the ANT v2.1 dev gold 0.460 -> 0.496). Issue 14's sixth session (deaths in crashes are accidents): P 0.818 R 0.800
# F1 0.809. Round 8 (date12: an undated past-tense report after the lead is the day's news, as the ANT v2.1 test
# annotator and the date audits read it; a lead's report in a background clause is not): date accuracy 0.917 -> 0.861,
# 33 -> 31 of 36. This gold dates a report only by its own words ("null = the report gives none"): of the three
# reports newly dated, two are the day's news under the test annotator's reading (Allawi's two calls at the press
# conference the article reports, "ودعا علاوي"), one is wrong (an accusation in a relative clause on an indefinite
# noun, "هجوم كيماوي … اتهمت واشنطن", which has no relative pronoun); one lead report ("منذ 30 عاما") turns right.
# Floor lowered from 0.90 to 0.85. Round 11 (date16: the lead retold takes its day when no two agents part them):
# 31 -> 30 of 36, 0.861 -> 0.833, floor 0.85 -> 0.83: "وأضافت الشرطة أن ثلاثة مهاجمين … ودهسوا المارة على جسر لندن"
# retells the lead's attack with an unnamed agent and now takes its day, the test annotator's reading; this gold's
# "null = the report gives none" reads no date there. No other report of it changes.
@pytest.mark.parametrize(
    ("figure", "floor"),
    [
        pytest.param(lambda r: r["overall"]["f1"], 0.79, id="heldout-event-f1"),
        pytest.param(lambda r: r["overall"]["precision"], 0.80, id="heldout-event-precision"),
        pytest.param(lambda r: r["overall"]["recall"], 0.78, id="heldout-event-recall"),
        pytest.param(lambda r: r["date_accuracy"], 0.83, id="heldout-date-accuracy"),
    ],
)
def test_heldout_floor(heldout, figure, floor: float) -> None:
    assert heldout["missing_anchors"] == []
    assert figure(heldout) >= floor


@pytest.fixture(scope="module")
def ant2_dev() -> dict:
    from bench.quality import events_ant2

    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    return events_ant2.evaluate("dev")["figures"]


# ANT v2.1 gold, dev split (tests/gold/ant2/dev.json, body reports; studied while building issue 14): before (code at
# d3898f2) event F1 0.181, type F1 0.412, actor1 0.244, date 0.393, status 0.756; after (issue 14) event F1 0.319,
# type F1 0.707, actor1 0.344, date 0.468, status 0.849; integrated system at the start of the third session (issue
# 14) 0.373 / 0.700 / 0.413 / 0.468 / 0.848, after it 0.460 / 0.705 / 0.511 / 0.596 / 0.848; at the start of the
# fourth, every branch merged, 0.458 / 0.710 / 0.484 / 0.596 / 0.849, after it (places are not agents, off-politics
# articles, reports naming neither who nor where dropped) 0.496 / 0.719 / 0.517 / 0.600 / 0.851, cross-article pair
# precision 0.632 and recall 0.508 (0.644 / 0.472 before it; printed since the fourth session). Fifth session (a
# definite reference takes only an event of its mode's family; a chemical attack has its own mode): 0.490 / 0.714 /
# 0.535 / 0.614 / 0.849, pair precision 0.632 -> 1.000, recall 0.508 -> 0.474: the pairs lost were the Douma attack's
# reports linked to each other only through the strikes' actors (one wrong event), so the recall floor goes down
# with them. Sixth session (the parties around a trigger: nisbas on action nouns and objects, patients' genitives,
# partners, possessives; crashes are accidents): 0.490 -> 0.481 / 0.714 -> 0.709 / 0.523 -> 0.560 (main at its start) / 0.614 -> 0.628
# / 0.849 -> 0.857, pair recall 0.474 -> 0.545 (event F1 lost three pairs whose only matching actor stood in the
# wrong role). Seventh session (market sentences, manner adjectives, homographs; verbs of undergoing, relative light
# verbs, counts; the Houthis and the two coalitions tagged): 0.481 -> 0.508 / 0.709 -> 0.703 / 0.560 -> 0.566 / 0.628
# -> 0.619 / 0.857 -> 0.855, pairs unchanged (the type and date lost are one gold report: a criticism of monetary
# policy whose sentence holds "أسعار الفائدة"). Eighth session (dates only: a weekday in a present-tense clause
# read forward, a year that follows another noun is that noun's, a week in one month dates to the month, sequence
# adverbs عشية/غداة/إثر): date 0.619 -> 0.738, status 0.855 -> 0.867, the rest unchanged. Floors a little below the latter. (Blind test split, scored
# once each: before 0.134 / 0.361 / 0.257 / 0.174 / 0.857, after 0.169 / 0.423 / 0.289 / 0.367 / 0.822.) Actor figures are bounded by the entity stage: 76 of 115 gold agents are tagged anywhere
# in their article, 46 in the report's sentence. Eleventh session (what a request asks for is no report, court
# sentences): event F1 0.508 -> 0.511, type F1 0.703 -> 0.706; the two floors raised to 0.50 / 0.70. Round 9 (evrec13:
# the census's PLOVER lemmas, participles, sport rows by whole word): event F1 0.519 -> 0.510, type F1 0.706 -> 0.695,
# the same 83 reports found and four more the dev gold does not code (a ceasefire asked for through "بالعمل على", a
# nominal "هذه المعركة", a singer's solidarity, "معارك" in a quote); the type floor lowered to 0.69 for the recall the
# fresh audits measure (event_misses_ant2_seed92.tsv, events_ant2_seed27.tsv).
# Round 9 (evact13: a meeting noun's dual pronoun names its two parties): actor1 0.578 -> 0.614, floor raised
# 0.55 -> 0.60. Round 10 (evact15: clause structure, counterparts' nisbas, a rejection's author): the same 51 agents
# right, of 84 type-matched reports (0.607): a report the counterpart's nisba now keeps ("لقائه المرتقب مع نظيره
# الروسي", the speaker Trump's meeting, its agent unread) adds one type match, a date and a status; pair recall 0.545 ->
# 0.529 (55 of 104 gold pairs: the kept report's pairs join the gold count, none linked is lost).
# Round 10 (evrec15: the census's tariffs, freezes and arrests move nothing here; an event noun with no
# one and no place named takes the article's last told event of its type and kind, detect.with_told_actors):
# event F1 0.510 -> 0.519 (R 0.496 -> 0.512), type F1 0.695 -> 0.708, floors raised to 0.51 / 0.70; date accuracy
# 0.833 (35/42) -> 0.800 (36/45) and pair recall 0.545 (55/101) -> 0.478 (55/115), floors lowered to 0.79 / 0.47:
# every report matched before keeps its date and its links, the three reports now matched ("لقائه المرتقب",
# "في ضربة اليوم", "الهجوم المزعوم") add two wrong dates and 14 gold pairs of the strikes' cluster none links
# ("ضربة اليوم" is dated the publication day, its told strike the day before).
@pytest.mark.parametrize(
    ("figure", "floor"),
    [
        pytest.param("event_f1", 0.51, id="ant2-dev-event-f1"),
        pytest.param("type_f1", 0.70, id="ant2-dev-type-f1"),
        # round 11 (evact16: a person of the nisba's state stays a noun's agent): 0.605 -> 0.616
        pytest.param("actor1_accuracy", 0.61, id="ant2-dev-actor1-accuracy"),
        # round 7 date11: 0.738 -> 0.762; round 8 date12 (the day's news after the lead): 0.762 -> 0.833
        # round 10 evact15 (a counterpart's nisba keeps "لقائه … مع نظيره الروسي"): 0.833 -> 0.837, 0.867 -> 0.869;
        # round 10 evrec15: 0.833 -> 0.800, the reports matched before unchanged (see above); merged with date15 and evact15: 0.800, 0.872
        # round 11 date16 (the lead retold when no two agents part them: "وذكرت الدول الثلاث أنها أطلقت"): 0.800 -> 0.822
        pytest.param("date_accuracy", 0.82, id="ant2-dev-date-accuracy"),
        # round 11 evprec16 (an act a word of readiness governs is planned, "بلاده مستعدة لتقديم قرض"): 0.872 -> 0.884
        pytest.param("status_accuracy", 0.88, id="ant2-dev-status-accuracy"),
        pytest.param("pair_precision", 0.95, id="ant2-dev-pair-precision"),
        # round 10 evrec15: 0.545 -> 0.478, the same 55 pairs linked of more gold pairs (see above)
        pytest.param("pair_recall", 0.47, id="ant2-dev-pair-recall"),
    ],
)
def test_ant2_dev_floor(ant2_dev, figure: str, floor: float) -> None:
    assert ant2_dev[figure] >= floor


@pytest.mark.parametrize(
    "name",
    [
        "events_ant2.tsv",
        "events_ant2_round1.tsv",
        "events_ant2_round2.tsv",
        "events_ant2_round3.tsv",
        "events_ant2_round4.tsv",
        "events_ant2_round5.tsv",
        "events_ant2_round6.tsv",
        "events_ant2_round7.tsv",
        "events_ant2_round8.tsv",
        "events_ant2_round9.tsv",
        "events_ant2_round10.tsv",
        "events_ant2_round11.tsv",
        "events_ant2_seed26.tsv",
        "events_ant2_seed27.tsv",
        "events_ant2_seed28.tsv",
        "events_ant2_seed29.tsv",
        "events_ant2_seed30.tsv",
        "events_ant2_seed31.tsv",
        "events_ant2_seed32.tsv",
    ],
)
def test_the_event_audits_are_judged_and_keep_excerpts_short(name: str) -> None:
    import csv

    from bench.quality import event_audit

    path = event_audit.AUDIT_FILE.with_name(name)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert len(rows) == event_audit.AUDIT_REPORTS
    assert all(row["type_right"] in ("y", "n") and row["actors_right"] in ("y", "n") for row in rows)
    assert not any(row["actors_right"] == "y" and row["type_right"] == "n" for row in rows)
    assert all(len(row["excerpt"]) <= 2 * event_audit.EXCERPT_CHARS + 60 for row in rows), "excerpts, not articles"
    assert 0 <= event_audit.figures(path)["type_and_actors_right"] <= event_audit.figures(path)["type_right"] <= 1


# The current audit (seed 27, round 9, events_ant2_seed27.tsv, drawn after evrec13's last change and judged unseen):
# type right 0.77, type and actors right 0.33; the type floor lowered 0.80 -> 0.75 and the actors floor raised 0.26 ->
# 0.31. Re-run on the branch's base code (35e3079, dev) the same articles give 89 of the 100 reports, 70 of them type
# right (0.79) and 29 with actors right (0.33): the census's and the domain rows' 11 new reports hold 7 right types, so
# about 0.02 of the fall is the branch's and the rest the fresh sample (seed 26 read 0.82 on other articles).
# Seed 26 (issue 14's twelfth session, events_ant2_seed26.tsv, drawn after its last change and
# judged unseen): type right 0.82, type and actors right 0.28; the type floor raised 0.75 -> 0.80, the actors floor
# lowered 0.36 -> 0.26 because the fresh draw is judged lower (a party named only by a nisba and left out counted
# wrong), not because a rule got worse: re-run on this session's code, seed 25's judged rows read 0.77 / 0.39 (dev;
# two rows turn right, one turns wrong). Seed 25 (events_ant2.tsv, the eleventh session's): 0.77 / 0.38; floors then
# 0.75 / 0.36, raised from 0.60 / 0.20 (seed 24, events_ant2_round11.tsv: 0.62 / 0.22).
# Before it, seed 24: type right 0.62, type and actors right 0.22. The floors were 0.72 / 0.26 for seed 23 (events_ant2_round10.tsv: 0.74 / 0.28;
# seed 22, events_ant2_round9.tsv: 0.74 / 0.26); lowered because the fresh draw is judged lower, not because a rule
# got worse: re-run on the code of this session, seed 23's judged rows read 0.74 / 0.32 (dev), and a sample of 100
# moves these shares by about ±0.09. Floors a little below, so that a redraw judged worse, or an edit of the
# judgments, shows.
def test_the_current_event_audit_floor() -> None:
    from bench.quality import event_audit

    figures = event_audit.figures(event_audit.AUDIT_FILE)
    assert figures["judged"] == event_audit.AUDIT_REPORTS
    assert figures["type_right"] >= 0.75
    assert figures["type_and_actors_right"] >= 0.31


# Round 9's actor audit (evact13: seed 28, events_ant2_seed28.tsv, drawn after the round's last change to the event
# stage and judged unseen, as strictly as seed 26): type right 0.80, type and actors right 0.33 (seed 26: 0.82 /
# 0.28; re-run on this round's code, seed 26's judged rows read 0.82 / 0.33, dev). Floors a little below.
def test_the_round_9_actor_audit_floor() -> None:
    from bench.quality import event_audit

    figures = event_audit.figures(event_audit.AUDIT_FILE.with_name("events_ant2_seed28.tsv"))
    assert figures["judged"] == event_audit.AUDIT_REPORTS
    assert figures["type_right"] >= 0.78
    assert figures["type_and_actors_right"] >= 0.31


# Round 10's actor audit (evact15: seed 29, events_ant2_seed29.tsv, drawn after the branch's last change to the event
# stage and judged unseen, as strictly as seed 28): type right 0.78, type and actors right 0.26; main before the round
# reads the same rows alike (one report differs, row 90, wrong both ways), so the fall from seed 28's 0.33 is the
# sample's. Re-run on this round's code, seed 28's judged rows read 0.80 / 0.38 (dev: rows 50, 65, 73, 81, 98 turn
# right). Floors a little below.
def test_the_round_10_actor_audit_floor() -> None:
    from bench.quality import event_audit

    figures = event_audit.figures(event_audit.AUDIT_FILE.with_name("events_ant2_seed29.tsv"))
    assert figures["judged"] == event_audit.AUDIT_REPORTS
    assert figures["type_right"] >= 0.76
    assert figures["type_and_actors_right"] >= 0.24


# Round 11's actor audit (evact16: seed 32, events_ant2_seed32.tsv, drawn after the branch's last change to the event
# stage, 67e19fb, and judged unseen, as strictly as seeds 28 and 29): type right 0.64, type and actors right 0.24; main
# before the round reads the same rows alike but one (row 55, the Douma attack, where main puts Le Drian as target:
# 0.23), so the level is the sample's (29 of its 36 wrong types are no event: crime, court, economy, domestic
# politics, hypothetical or general mentions). Floors a little below.
def test_the_round_11_actor_audit_floor() -> None:
    from bench.quality import event_audit

    figures = event_audit.figures(event_audit.AUDIT_FILE.with_name("events_ant2_seed32.tsv"))
    assert figures["judged"] == event_audit.AUDIT_REPORTS
    assert figures["type_right"] >= 0.62
    assert figures["type_and_actors_right"] >= 0.22


# Round 10's trigger audit (evrec15: seed 30, events_ant2_seed30.tsv, drawn after the branch's last change and judged
# unseen, as strictly as seeds 26-28, a vote on a domestic bill and a wished-for or hypothetical act counted no event):
# type right 0.64, type and actors right 0.18. Re-run on main's code before the round (dev) the same articles give 98
# of the 100 reports, 62 type right and 18 with actors right; the branch's two new reports (the tariffs "الرسوم
# الجمركية", the chemical attacks "هذه الهجمات" taking their told event) are type right, actors wrong. The fall from
# seed 27's 0.77 / 0.33 is the fresh sample and its judging. Floors a little below.
def test_the_round_10_trigger_audit_floor() -> None:
    from bench.quality import event_audit

    figures = event_audit.figures(event_audit.AUDIT_FILE.with_name("events_ant2_seed30.tsv"))
    assert figures["judged"] == event_audit.AUDIT_REPORTS
    assert figures["type_right"] >= 0.62
    assert figures["type_and_actors_right"] >= 0.16


# Round 11's trigger audit (evprec16: seed 31, events_ant2_seed31.tsv, drawn after the branch's last code change and
# judged unseen, as strictly as seeds 26-30): type right 0.62, type and actors right 0.14. Its 38 wrong types: 12 a
# private, court or domestic matter (a cult leader's or a singer's case, a court upholding a sentence, a politician
# leaving politics), 10 a wrong sense (a crackdown as an attack, "نفي" of وفى as a denial, a greeting as a welcome, a
# protest note as a demonstration), 8 a hypothetical, conditional or prescribed act the governors do not reach ("ماذا
# لو … ورُفضت تأشيرته"، "في حال نجاح القمة … وتوقيع اتفاق"، "يجب أن تستهدف"، "كانوا يجهزون لهجوم"), 8 business,
# nature, a habitual stance or a metaphor. Floors a little below.
def test_the_round_11_trigger_audit_floor() -> None:
    from bench.quality import event_audit

    figures = event_audit.figures(event_audit.AUDIT_FILE.with_name("events_ant2_seed31.tsv"))
    assert figures["judged"] == event_audit.AUDIT_REPORTS
    assert figures["type_right"] >= 0.60
    assert figures["type_and_actors_right"] >= 0.12
