"""The quotes evaluation: its scoring on tiny hand-made cases, the seed gold, and the recorded quality floors."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from bench.quality import quotes as quote_eval
from flows.nlp.types import Entity, Mention, Quote

LAVROV = Entity("person:sergey-lavrov", "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS")


def quote(
    text: str, cue: str = "قال", speaker_id: str | None = None, surface: str | None = None, kind: str = "indirect"
) -> Quote:
    return Quote(f"t:q0-{len(text)}", speaker_id, surface, text, kind, cue, 0, len(text), 0)


def gold_item(
    starts: str, speaker: str = "لافروف", named: bool = True, cue: str = "قال", kind: str = "indirect"
) -> dict:
    return {"cue": cue, "kind": kind, "starts": starts, "speaker": speaker, "speaker_named": named}


def test_scoring_counts_matches_misses_spurious_and_speakers():
    gold = {"quotes": [gold_item("روسيا ستدعم"), gold_item("العلاقات ممتازة"), gold_item("الزيارة تاريخية")],
            "not_quotes": ["فاغنر"]}  # fmt: skip
    mention = Mention("t:m0-6", LAVROV.entity_id, "PERSON", "لافروف", 100, 106, 0)
    predicted = [
        quote("روسيا ستدعم مالي", speaker_id=LAVROV.entity_id, surface="لافروف"),  # right
        quote("العلاقات ممتازة جداً", speaker_id=None, surface="الوزير"),  # found, wrong speaker
        quote("الزيارة تاريخية", cue="أكد", speaker_id=LAVROV.entity_id),  # other cue: spurious, and a miss
        quote("فاغنر", cue="أكد", kind="direct"),  # a name in marks: spurious and a not-quote hit
    ]
    scores = quote_eval.Scores()
    quote_eval.score_article(gold, predicted, [mention], [LAVROV], "t", scores)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (2, 2, 1)
    assert (scores.speakers_right, scores.not_quote_hits) == (1, 1)
    assert scores.precision == pytest.approx(0.5) and scores.recall == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("item", "predicted", "right"),
    [
        pytest.param(
            gold_item("x", "لافروف"), quote("x", speaker_id=LAVROV.entity_id), True, id="surname-names-the-entity"
        ),
        pytest.param(gold_item("x", "لافروف"), quote("x", surface="لافروف"), False, id="known-entity-needs-its-id"),
        pytest.param(
            gold_item("x", "لوموند"), quote("x", surface='صحيفة "لوموند"'), True, id="unknown-entity-by-surface"
        ),
        pytest.param(
            gold_item("x", "مصدر", named=False), quote("x", surface="مصدر دبلوماسي"), True, id="unnamed-source-null-id"
        ),
        pytest.param(
            gold_item("x", "مصدر", named=False),
            quote("x", speaker_id="person:x", surface="مصدر"),
            False,
            id="unnamed-source-must-not-be-linked",
        ),
    ],
)
def test_speaker_matching(item, predicted, right):
    mentions = [Mention("t:m0-6", LAVROV.entity_id, "PERSON", "لافروف", 0, 6, 0)]
    assert quote_eval.speaker_matches(item, predicted, mentions, [LAVROV]) is right


def test_gold_is_well_formed():
    articles = json.loads(quote_eval.GOLD.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 4
    for gold in articles.values():
        for item in gold["quotes"]:
            assert set(item) == {"cue", "kind", "starts", "speaker", "speaker_named"}
            assert item["kind"] in ("direct", "indirect")
            assert 2 <= len(quote_eval.words(item["starts"])) <= 5  # an anchor, not a copied sentence


def test_gold_anchors_are_in_the_cleaned_seeds(seeds_dir):
    """When the cleaner changes, this says which gold quote lost its text rather than a silent recall drop."""
    for name, gold in quote_eval.load_gold().items():
        path = seeds_dir / name
        body = " ".join(
            quote_eval.words(quote_eval.seed_document(path.read_text(encoding="utf-8"), path.stem).body_text)
        )
        for item in gold["quotes"]:
            assert " ".join(quote_eval.words(item["starts"])) in body, (name, item["starts"])


def test_floors_without_mentions(seeds_dir):
    """The rules alone (no entity stage) find the quotes; only speakers need the mentions.

    Measured 2026-11-23 (`.venv/bin/python -m bench.quality.quotes --no-entities`): precision 1.000,
    recall 0.973 (36/37; the miss is "في رأيهم «…»", an opinion with no reporting verb), kind accuracy 1.000,
    speaker accuracy 0.806 (speakers the rules name by surface alone).
    """
    scores = quote_eval.evaluate(seeds_dir, quote_eval.GOLD, entity_stage=None)
    assert scores.precision >= 0.95
    assert scores.recall >= 0.92
    assert scores.kind_accuracy >= 0.95
    assert scores.speaker_accuracy >= 0.75
    assert scores.not_quote_hits == 0


def test_floors_with_the_entity_stage(seeds_dir):
    """End to end on the seeds, speakers from flows.nlp.entities.extract.extract_entities.

    Measured 2026-11-23 with the entity stage of the working tree at 19:10 UTC: precision 1.000, recall 0.973,
    speaker accuracy 1.000 (36/36).
    """
    stage = quote_eval.entity_stage()
    if stage is None:
        pytest.skip("flows.nlp.entities.extract.extract_entities is not there yet")
    scores = quote_eval.evaluate(seeds_dir, quote_eval.GOLD, entity_stage=stage)
    assert scores.precision >= 0.95
    assert scores.recall >= 0.92
    assert scores.speaker_accuracy >= 0.90


# (gold set, precision, recall, speaker accuracy) floors, rules alone (no mentions), a little below the measure
# (`.venv/bin/python -m bench.quality.quotes --set SET --no-entities`, 2026-11-23 19:13 UTC). Each ANT set was
# scored blind first, with the rules of the commit named; the blind figures are the honest estimate for unseen text,
# the later ones come after patterns were added from what the blind run missed.
#   dev     (23 quotes): blind (75e7c67) 0.938 / 0.652 / 0.200, now 1.000 / 1.000 / 0.913
#   dev2    (19 quotes): blind (1764aa8) 0.938 / 0.789 / 0.600, now 1.000 / 0.947 / 0.944
#   heldout (38 quotes): blind (dac61fa) 0.886 / 0.816 / 0.484, then 0.972 / 0.921 / 0.600; 2026-12-05 (issue 13,
#           fourth round: verb agreement) 0.946 / 0.921 / 0.714, up from 0.657
#   final   (30 quotes): annotated after the rules were frozen (e82001a): blind 0.929 / 0.867 / 0.538; after the
#           stray-quote-mark fix (a bug class it revealed, no new words) 0.931 / 0.900 / 0.556
ANT_FLOORS = [
    pytest.param("dev", 0.95, 0.95, 0.85, id="ant-dev"),
    pytest.param("dev2", 0.95, 0.90, 0.88, id="ant-dev2"),
    pytest.param("heldout", 0.92, 0.87, 0.68, id="ant-heldout"),
    pytest.param("final", 0.88, 0.82, 0.50, id="ant-final-blind"),
]


def test_floors_on_ant_heldout_with_the_entity_stage():
    """ANT v1.1 heldout with the entity stage (`akhbar eval quotes --set heldout`): 2026-12-05, issue 13's fourth
    round, precision 0.946, recall 0.921, speaker accuracy 0.971 (0.914 before it: verb agreement)."""
    shared_path("corpus", "ant-v1.1.tar.gz")
    stage = quote_eval.entity_stage()
    if stage is None:
        pytest.skip("flows.nlp.entities.extract.extract_entities is not there yet")
    scores = quote_eval.evaluate(gold_path=quote_eval.GOLD_SETS["heldout"], entity_stage=stage)
    assert scores.precision >= 0.92
    assert scores.recall >= 0.89
    assert scores.speaker_accuracy >= 0.94


def test_floors_on_ant_final_with_the_entity_stage():
    """ANT v1.1 final set with the entity stage (`akhbar eval quotes --set final`): 2026-12-05, issue 13's seventh
    round (speakers resolved from the whole article), precision 0.935, recall 0.967, speaker accuracy 0.862 (0.828
    before it); main at the end of round 8 read 0.933 / 0.933 / 0.857 (24 of 28). Round 9 finds one more quote, a
    closing "وفق ما صرح به للجوهرة اف ام" الناطق …" whose speaker it reads as the radio told, not the spokesman: 24
    of 29 right, 0.828, so the speaker floor is 0.82 (was 0.84) and the recall floor 0.96 (was 0.93)."""
    shared_path("corpus", "ant-v1.1.tar.gz")
    stage = quote_eval.entity_stage()
    if stage is None:
        pytest.skip("flows.nlp.entities.extract.extract_entities is not there yet")
    scores = quote_eval.evaluate(gold_path=quote_eval.GOLD_SETS["final"], entity_stage=stage)
    assert scores.precision >= 0.90
    assert scores.recall >= 0.96
    assert scores.speaker_accuracy >= 0.82


@pytest.mark.parametrize(("gold_set", "precision", "recall", "speakers"), ANT_FLOORS)
def test_floors_on_ant_articles(gold_set, precision, recall, speakers):
    shared_path("corpus", "ant-v1.1.tar.gz")  # skips when ../shared is absent
    scores = quote_eval.evaluate(gold_path=quote_eval.GOLD_SETS[gold_set], entity_stage=None)
    assert scores.precision >= precision
    assert scores.recall >= recall
    assert scores.speaker_accuracy >= speakers


def test_run_prints_figures_and_returns_them(seeds_dir, capsys):
    figures = quote_eval.run(["--no-entities", "--seeds", str(seeds_dir)])
    out = capsys.readouterr().out
    assert {"precision", "recall", "speaker_accuracy"} <= set(figures)
    assert "precision" in out and "speaker accuracy" in out


def test_run_without_seeds_says_so(tmp_path, capsys):
    assert quote_eval.run(["--seeds", str(tmp_path / "absent")]) == {}
    assert "absent" in capsys.readouterr().out


def test_gold_on_a_corpus_archive(tmp_path):
    """The ANT-style path end to end on a one-article archive built here: TREC <TEXT>, gold by cue and first words."""
    import io
    import tarfile

    article = (
        "<DOC>\n<TEXT>\nوقال مصدر أمني إن الطريق أغلق. وسلمت الشرطة مروحية من طراز «مي - 35 إم».\n</TEXT>\n</DOC>\n"
    )
    archive = tmp_path / "corpus" / "mini.tar.gz"
    archive.parent.mkdir()
    with tarfile.open(archive, "w:gz") as tar:
        data = article.encode("utf-8")
        info = tarfile.TarInfo("mini/news/a-1.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    gold = {
        "source": {"archive": "corpus/mini.tar.gz", "element": "TEXT"},
        "articles": {"mini/news/a-1.txt": {
            "quotes": [gold_item("الطريق أغلق", "مصدر أمني", named=False)], "not_quotes": ["مي - 35 إم"],
        }},
    }  # fmt: skip
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    scores = quote_eval.evaluate(gold_path=gold_path, entity_stage=None, shared_dir=tmp_path)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 0, 0)
    assert (scores.speakers_right, scores.not_quote_hits) == (1, 0)


def test_provenance_holds_on_ant_articles():
    """Every 30th ANT article (about 340): no crash, and every offset points at the text it claims."""
    import re
    import tarfile

    from flows.nlp.quotes.extract import extract_quotes
    from flows.nlp.text.arabic import split_sentences
    from flows.nlp.types import Document

    archive = shared_path("corpus", "ant-v1.1.tar.gz")
    checked = 0
    with tarfile.open(archive) as tar:
        for n, member in enumerate(tar):
            if n % 30 or not member.name.endswith(".txt"):
                continue
            match = re.search(r"<TEXT>(.*?)</TEXT>", tar.extractfile(member).read().decode("utf-8", "replace"), re.S)
            body = match.group(1).strip() if match else ""
            for q in extract_quotes(Document("a", body, sentences=split_sentences(body)), (), ()):
                assert body[q.char_start : q.char_end] == q.quote_text == q.quote_text.strip() != ""
                assert body[q.cue_start : q.cue_end] == q.cue
                assert q.speaker_start is None or body[q.speaker_start : q.speaker_end] == q.speaker_surface
            checked += 1
    assert checked > 300
