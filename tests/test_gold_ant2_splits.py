"""What every hand-annotated ANT v2.1 split added after the first (test2, dev2, test3) must keep: the eval commands
know it, no audit or search pool draws from it, and each gold item resolves to a span inside its anchor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

from bench.quality import quotes as quote_eval
from bench.quality.ant2 import GOLD_DIR, SPLITS, gold_members, not_gold

LATER_SPLITS = ("test2", "dev2", "test3")


def chosen(split: str) -> dict[str, str]:
    return json.loads((GOLD_DIR / "selection.json").read_text(encoding="utf-8"))[split]


@pytest.mark.parametrize("split", LATER_SPLITS)
def test_the_eval_commands_know_the_split(split: str) -> None:
    assert split in SPLITS
    assert quote_eval.ANT2_SETS[f"ant2-{split}"] == split


@pytest.mark.parametrize("split", LATER_SPLITS)
def test_an_audit_never_draws_an_article_of_the_split(split: str) -> None:
    paths = set(chosen(split).values())
    assert paths <= gold_members()
    other = "ant-v2.1-dev/ant-v2.1/BBC/economy/BB-economy-1-20180101.txt"
    assert not_gold([*(f"ant-v2.1-dev/{path}" for path in sorted(paths)), other]) == [other]


@pytest.mark.parametrize("split", LATER_SPLITS)
def test_the_audits_draw_from_names_without_the_split(split: str) -> None:
    from bench.quality.audit import drawable_names

    names = {Path(name).stem for name in drawable_names(shared_path("corpus", "ant-v2.1-dev.tar.gz"))}
    assert names and not names & set(chosen(split))


@pytest.mark.parametrize("split", LATER_SPLITS)
def test_the_split_lies_outside_the_search_pool(split: str) -> None:
    from bench.ant import read_ant
    from bench.quality.search_pool import pool

    drawn = {article.docno for article in pool(read_ant(shared_path("corpus", "ant-v2.1-dev.tar.gz")))}
    assert not drawn & set(chosen(split))
