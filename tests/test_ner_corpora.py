"""The tagger's training corpora are read into the tokens tagging sees (bench/ner/corpora.py), on tiny hand-made rows."""

from __future__ import annotations

import pytest

from bench.ner.corpora import Sentence, _joined_clitics


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


def test_sentences_with_a_body_or_a_natural_place_count_more_times() -> None:
    from bench.ner.train import balanced

    person = Sentence(("قال", "بوتين"), ("O", "B-PERS"))
    body = Sentence(("أعلنت", "وزارة", "الدفاع"), ("O", "B-ORG", "I-ORG"))
    both = Sentence(("البحر", "المتوسط", "وحماس"), ("B-LOC", "I-LOC", "B-ORG"))
    nothing = Sentence(("قال",), ("O",))
    copies = {"ORG": 2, "LOC": 3}
    assert balanced([person, body, both, nothing], copies) == [person, body, body, both, both, both, nothing]
    assert balanced([person, body], {}) == [person, body]


def test_the_tagger_alone_is_scored_on_the_dev_splits_only() -> None:
    from bench.ner.evaluate import ant2_figures

    for blind in ("test", "test2", "test3"):
        with pytest.raises(ValueError):
            ant2_figures(blind)


@pytest.mark.parametrize(
    ("word", "cut"),
    [("وبالقاهرة", 2), ("وموسكو", 1), ("القاهرة", 0), ("بوتين", 0), ("فلاديمير", 0), ("و", 0)],
)
def test_a_tagged_span_leaves_the_proclitics_out_and_keeps_the_article(word: str, cut: int) -> None:
    from bench.ner.evaluate import proclitic_length

    assert proclitic_length(word) == cut
