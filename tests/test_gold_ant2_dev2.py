"""The second dev split of the ANT v2.1 gold (tests/gold/ant2/dev2.json, NOTES_dev2.md): drawn by select_dev2.py outside
every other split, story, audit, search-pool and gold-named article, never drawn by an audit or counted in a census, and
every item resolving to a span. dev2 is a dev split (study it, tune on it); the stage floors on it live with each
stage's eval tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ant2_split_checks import (
    assert_every_cluster_joins_event_keys_of_different_articles,
    assert_every_item_resolves_inside_its_anchor,
    audited_docnos,
)
from conftest import shared_path

from bench.quality import quotes as quote_eval
from bench.quality.ant2 import GOLD_DIR, load_gold

REPO = Path(__file__).resolve().parents[1]
# Audits drawn in round 9 while dev2 was being chosen, on branches whose draw could not leave it out: each row in a
# dev2 article judges the quote stage's output after its round's last change (nothing was tuned on it), so the article
# stays in dev2 and the overlap is listed here. Any other overlap fails.
DRAWN_BEFORE_DEV2 = {"quotes_ant2_seed56.tsv": {"AL-internationalNews-1176-20180515"}}


def selection() -> dict:
    return json.loads((GOLD_DIR / "selection.json").read_text(encoding="utf-8"))


def test_dev2_is_sixteen_articles_outside_every_other_split_story_and_audit():
    chosen = selection()
    dev2 = set(chosen["dev2"])
    others = {d for split in ("dev", "test", "test2") for d in chosen[split]}
    others |= {d for key in ("stories", "test2_stories") for s in chosen[key].values() for d in s["docnos"]}
    assert len(dev2) == 16
    assert not dev2 & others
    assert not dev2 & audited_docnos(DRAWN_BEFORE_DEV2)
    assert {d for s in chosen["dev2_stories"].values() for d in s["docnos"]} <= dev2
    assert all(s["split"] == "dev2" and len(s["docnos"]) >= 2 for s in chosen["dev2_stories"].values())
    assert set(load_gold("dev2")["articles"]) == dev2
    assert {entry["path"] for entry in load_gold("dev2")["articles"].values()} == set(chosen["dev2"].values())


def test_dev2_spans_all_five_outlets_and_several_sections():
    paths = [Path(path) for path in selection()["dev2"].values()]
    assert {path.parts[1] for path in paths} == {"Alarabia", "BBC", "CNN", "France24", "SkyNews"}
    assert len({path.parts[2] for path in paths}) >= 4


def test_no_other_gold_or_judgment_file_names_a_dev2_article():
    dev2 = set(selection()["dev2"])
    files = [
        *(REPO / "tests" / "gold").glob("*.json"),
        *GOLD_DIR.glob("*.json"),
        *(REPO / "bench" / "quality").glob("*.json"),
    ]
    for path in files:
        if path.name in ("dev2.json", "selection.json"):
            continue
        named = set(re.findall(r"[A-Z]{2}-[A-Za-z]+-\d+-\d{8}", path.read_text(encoding="utf-8")))
        assert not named & dev2, path.name


def test_every_dev2_item_resolves_to_a_span_inside_its_anchor():
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    assert_every_item_resolves_inside_its_anchor("dev2", every_kind=True)


def test_every_dev2_item_has_the_fields_and_values_of_the_guidelines():
    kinds = {"direct", "indirect", "according_to"}
    speakers = {"named", "org", "role", "unnamed"}
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
             "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip
    date_forms = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}
    for docno, entry in load_gold("dev2")["articles"].items():
        assert entry["published"] == f"{docno[-8:-4]}-{docno[-4:-2]}-{docno[-2:]}"
        for entity in entry["entities"]:
            assert (
                entity["type"] in {"PERSON", "ORG", "GPE", "LOC"}
                and entity["canonical"]
                and entity["in"] in ("title", "body")
            )
        for quote in entry["quotes"]:
            assert quote["kind"] in kinds and quote["speaker_type"] in speakers and quote["speaker"], quote
        keys: dict[str, str] = {}
        for event in entry["events"]:
            assert event["type"] in types and event["mode"] and event["trigger"], event
            assert event["status"] in {"occurred", "planned", "negated", "claimed", "hypothetical"}, event
            assert keys.setdefault(event["key"], event["type"]) == event["type"], (
                f"{docno}: {event['key']} has two types"
            )
            if event["date"] is None:
                assert event["date_precision"] == "unknown", event
            else:
                assert re.fullmatch(date_forms[event["date_precision"]], event["date"]), event


def test_every_dev2_cluster_joins_event_keys_of_different_articles_and_both_stories_have_one():
    gold = load_gold("dev2")
    assert_every_cluster_joins_event_keys_of_different_articles(gold)
    stories = selection()["dev2_stories"]
    for story, entry in stories.items():
        assert any(name.startswith(f"{story}:") and {r.split(":", 1)[0] for r in refs} == set(entry["docnos"])
                   for name, refs in gold["clusters"].items()), story  # fmt: skip


# Floors on dev2, a little below main's code at its first scoring (35e3079, round 9, `akhbar eval entities --set ant2
# --ant2-split dev2`, `akhbar eval quotes --set ant2-dev2`, `akhbar eval events --set ant2-dev2`): entities all F1
# 0.732; quotes P 0.954, attributed recall 0.650; events F1 0.439, type F1 0.617. The margin leaves room for the
# stages that change in parallel with this split's arrival; raise them as dev2 figures rise. Entities, round 15 (the
# place census, a country's name read as its own nisba): 0.734 -> 0.741. Round 16 (names that hold a place, quoted heads
# before a place, a body's nisba kept): 0.741 -> 0.751, floor 0.73 -> 0.74.
def test_floors_on_dev2_entities():
    from bench.quality.entities import evaluate_ant2

    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    assert evaluate_ant2("dev2")["figures"]["all"].f1 >= 0.74


def test_floors_on_dev2_quotes():
    from bench.quality.quotes_ant2 import evaluate_ant2
    from flows.nlp.quotes.extract import extract_quotes

    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    scores = evaluate_ant2("dev2", extract_quotes, quote_eval.entity_stage())
    assert scores.precision >= 0.92
    assert scores.attributed_recall >= 0.62


def test_floors_on_dev2_events():
    from bench.quality import events_ant2

    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    figures = events_ant2.evaluate("dev2")["figures"]
    # Round 10 (evrec15: tariffs and arrests by the census, an unnamed event noun takes the last told event of its
    # type): event F1 0.466 -> 0.484, type F1 0.658 -> 0.682. Round 11 (evrec16: opening and moving an embassy, an
    # embargo imposed, by the census and judged samples): event F1 0.484 -> 0.485, type F1 0.682 -> 0.705 (tp 76 -> 80:
    # the US embassy's opening and move, whose agent their clauses seldom name, and Qatar's embargo). Round 11
    # (evact16: a doer's relative clause names an event noun's agent, a person of the nisba's state stays its agent):
    # event F1 0.484 -> 0.502, actor1 0.474 -> 0.526.
    assert figures["event_f1"] >= 0.49
    assert figures["actor1_accuracy"] >= 0.52
    assert figures["type_f1"] >= 0.70
    # Round 9, second wave (date14): date accuracy 0.571 on 49 with a gold date, before and after the wave's rules.
    # Round 10 (date15): 0.580 -> 0.660 on 50 (a number glued to في read, "في5 حزيران/يونيو الماضي", three reports;
    # a noun's own relative clause dating it, "الاتفاق … الذي تم التوصل إليه عام 2015", one). Merged with evrec15
    # (more reports matched, 54 with a gold date): 0.648, floor 0.65 -> 0.64: an undated noun in a background clause
    # that takes its told event's actors no longer takes that event's day (date15's rule, kept in with_told_actors),
    # and one such dev2 report had been right by it. Round 11 (date16): 0.648 -> 0.685 ("منذ" before a point in time
    # dates when the act began, "مواجهات … منذ يناير"; "الأولى منذ فوزه … في آذار" no longer takes the win's month).
    # Round 11 (evprec16): 0.648 -> 0.630, floor 0.64 -> 0.62: "وهدد بإعادة فرض العقوبات الأميركية إذا …" is now
    # the threat's hypothetical complement (فرض holds sanctions as شن holds an attack), and a hypothetical report takes
    # no referenced report's day, which the gold gives it (2018-05-12, from another sentence); its status is now right.
    # Both merged (with evrec16's and evact16's reports, 58 with a gold date): 0.672, floor 0.66.
    assert figures["date_accuracy"] >= 0.66
    # Round 11 (evprec16): status accuracy 0.842 -> 0.855 (that threatened imposition hypothetical, as the gold has it).
    assert figures["status_accuracy"] >= 0.85
