"""The tagger's training corpora are read into the tokens tagging sees (bench/ner/corpora.py), on tiny hand-made rows."""

from __future__ import annotations

import pytest

from bench.ner.corpora import _joined_clitics


@pytest.mark.parametrize(
    ("words", "labels", "joined"),
    [
        pytest.param(["في", "و", "الصادرات"], ["O", "O", "O"], (["في", "والصادرات"], ["O", "O"]), id="and-the-exports"),
        pytest.param(
            ["مسرحية", "ب", "جماليون"],
            ["O", "B-PERS", "I-PERS"],
            (["مسرحية", "بجماليون"], ["O", "B-PERS"]),
            id="a-proclitic-tagged-as-the-names-start",
        ),
        pytest.param(["زار", "و", "باريس"], ["O", "O", "B-GPE"], (["زار", "وباريس"], ["O", "B-GPE"]), id="and-paris"),
    ],
)
def test_a_proclitic_written_apart_joins_its_word(words: list[str], labels: list[str], joined: tuple) -> None:
    assert _joined_clitics(words, labels) == joined
