"""The third blind split of the ANT v2.1 gold (tests/gold/ant2/test3.json, NOTES_test3.md): 16 articles drawn by
select_test3.py outside every other split, story, audit, search-pool and gold-named article, never drawn by an audit,
and every item of every kind resolving to a span inside its anchor. No extractor runs here: the split is scored once,
by the integrator, at the end of a round, with `akhbar eval ... test3`."""

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

from bench.quality.ant2 import GOLD_DIR, gold_members, load_gold

REPO = Path(__file__).resolve().parents[1]
DOCNO = re.compile(r"[A-Z]{2}-[A-Za-z]+-\d+-\d{8}")


def selection() -> dict:
    return json.loads((GOLD_DIR / "selection.json").read_text(encoding="utf-8"))


def test_test3_is_sixteen_articles_outside_every_other_split_story_and_audit():
    chosen = selection()
    test3 = set(chosen["test3"])
    earlier = {d for split in ("dev", "test", "test2", "dev2") for d in chosen[split]}
    story_keys = ("stories", "test2_stories", "dev2_stories")
    stories = {d for key in story_keys for s in chosen[key].values() for d in s["docnos"]}
    assert len(test3) == 16
    assert not test3 & (earlier | stories)
    assert not test3 & audited_docnos()
    assert {d for s in chosen["test3_stories"].values() for d in s["docnos"]} <= test3
    assert all(s["split"] == "test3" and len(s["docnos"]) == 3 for s in chosen["test3_stories"].values())
    assert set(load_gold("test3")["articles"]) == test3
    assert set(chosen["test3"].values()) <= gold_members()


def test_no_other_gold_or_judgment_file_names_a_test3_article():
    test3 = set(selection()["test3"])
    files = [*(REPO / "tests" / "gold").glob("*.json"), *(REPO / "bench" / "quality").glob("*.json"),
             *(p for p in GOLD_DIR.glob("*.json") if p.name not in ("test3.json", "selection.json"))]  # fmt: skip
    for path in files:
        assert not test3 & set(DOCNO.findall(path.read_text(encoding="utf-8"))), path.name


def test_every_test3_item_of_every_kind_resolves_to_a_span_inside_its_anchor():
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    assert_every_item_resolves_inside_its_anchor("test3", every_kind=True)


def test_every_test3_cluster_joins_event_keys_of_different_articles():
    gold = load_gold("test3")
    assert gold["clusters"]
    assert_every_cluster_joins_event_keys_of_different_articles(gold)


def test_every_test3_item_has_the_fields_of_its_kind():
    kinds = {
        "entities": {"surface", "type", "canonical", "in"},
        "quotes": {"cue", "kind", "starts", "speaker", "speaker_type", "speaker_role", "anchor", "in"},
        "events": {"key", "type", "mode", "trigger", "anchor", "actor1", "actor2", "location", "date",
                   "date_precision", "status", "in"},
    }  # fmt: skip
    for docno, entry in load_gold("test3")["articles"].items():
        assert entry["published"] == f"{docno[-8:-4]}-{docno[-4:-2]}-{docno[-2:]}"
        for kind, fields in kinds.items():
            for item in entry[kind]:
                assert fields <= set(item), (docno, item)
        assert {e["type"] for e in entry["entities"]} <= {"PERSON", "ORG", "GPE", "LOC"}
        assert {q["kind"] for q in entry["quotes"]} <= {"direct", "indirect", "according_to"}
        assert {q["speaker_type"] for q in entry["quotes"]} <= {"named", "org", "role", "unnamed"}
        assert {e["status"] for e in entry["events"]} <= {"occurred", "planned", "negated", "claimed", "hypothetical"}
        precision = {0: "unknown", 4: "year", 7: "month", 10: "day"}
        for event in entry["events"]:
            assert event["date_precision"] == precision[len(event["date"] or "")], event
