"""Each ANT v2.1 split's draw script still draws the articles selection.json lists for it: the off-limits files are
read as they stood when the split was drawn (tests/gold/ant2/draw.py), so later splits and audits do not move a draw."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import shared_path

from bench.quality.ant2 import GOLD_DIR


@pytest.mark.slow
@pytest.mark.parametrize(
    ("script", "split", "stories_key", "stories_out"),
    [
        ("select_test2.py", "test2", "test2_stories", "story"),
        ("select_dev2.py", "dev2", "dev2_stories", "dev2_stories"),
        ("select_test3.py", "test3", "test3_stories", "test3_stories"),
    ],
)
def test_the_draw_script_reproduces_its_split(script: str, split: str, stories_key: str, stories_out: str) -> None:
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    history = subprocess.run(
        ["git", "-C", str(GOLD_DIR), "rev-parse", "--verify", "-q", "61a7964^"], capture_output=True
    )
    if history.returncode != 0:
        pytest.skip("the draw scripts read earlier revisions: this checkout has no history (a shallow clone)")
    run = subprocess.run([sys.executable, str(GOLD_DIR / script)], capture_output=True, text=True, check=True)
    drawn = json.loads(run.stdout[run.stdout.index("\n{\n") + 1 :])
    chosen = json.loads((GOLD_DIR / "selection.json").read_text(encoding="utf-8"))
    assert drawn[split] == chosen[split]
    stories = {name: entry["docnos"] for name, entry in drawn[stories_out].items()}
    assert stories == {name: entry["docnos"] for name, entry in chosen[stories_key].items()}
