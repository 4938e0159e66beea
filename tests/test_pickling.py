"""The records the pool's workers send back pickle as their __init__ arguments (flows/pickling.py): they come back
equal and of the same class, and a class the rebuild cannot serve is refused where it is declared."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle

import pytest

from flows.nlp.types import Analysis, Document, Entity, EventMention, Mention, Quote, Sentence
from flows.outcome import ArticleFacts, FileOutcome
from flows.pickling import pickled_as_arguments
from flows.read.article import ArticleRecord
from flows.warm import SAMPLE_PAGE

ENTITY = Entity("gpe:egy", "GPE", "مصر", "Egypt", "EGY")
MENTION = Mention("m1", "gpe:egy", "GPE", "مصر", 0, 3, 0, is_adjectival=True, role_country="EGY")
QUOTE = Quote("q1", None, None, "كلام", "direct", "قال", 5, 9, 0, cue_start=1, cue_end=4)
REPORT = EventMention(
    "CONSULT", None, "gpe:egy", None, None, dt.date(2023, 3, 12), "day", "occurred", 0, 0, 3, "مصر", "زار",
    contexts=("diplomatic",), actor_ids=("gpe:egy",),
)  # fmt: skip
ANALYSIS = Analysis((ENTITY,), (MENTION,), (QUOTE,), (REPORT,))
ARTICLE = ArticleRecord(
    "a1", "عنوان", "مصر كلام", dt.datetime(2023, 3, 12), "html", None, None, None, "ar", ("تاس",), "utf-8", 2
)


@pytest.mark.parametrize(
    "record",
    [
        ENTITY,
        MENTION,
        QUOTE,
        REPORT,
        ANALYSIS,
        ARTICLE,
        Sentence(0, 0, 3),
        Document("a1", "مصر", "عنوان", None, (Sentence(0, 0, 3),)),
        ArticleFacts("a1", ANALYSIS),
        ArticleFacts("a1", None, "failed"),
        FileOutcome("x.html", 10, 1, "abc", ARTICLE, ANALYSIS, stage_seconds={"read": 0.1}),
    ],
    ids=lambda record: type(record).__name__,
)
def test_a_record_comes_back_from_pickle_and_copy_equal_and_of_its_class(record: object) -> None:
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(record, protocol=protocol))
        assert back == record and type(back) is type(record)
    assert copy.copy(record) == record and copy.deepcopy(record) == record


def test_the_records_a_worker_sends_back_pickle_as_their_arguments() -> None:
    for cls in (Analysis, Entity, Mention, Quote, EventMention, ArticleRecord, ArticleFacts):
        assert cls.__reduce__.__qualname__.startswith("pickled_as_arguments"), cls.__name__


def test_a_real_outcome_comes_back_equal(tmp_path) -> None:
    from flows.pipeline import process_file
    from flows.read import scan_inbox
    from flows.settings import Settings

    (tmp_path / "page.html").write_text(SAMPLE_PAGE, encoding="utf-8")
    outcome = process_file(scan_inbox(tmp_path)[0], Settings(inbox=tmp_path))
    assert outcome.analysis is not None and outcome.analysis.mentions
    assert pickle.loads(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)) == outcome


def test_a_class_with_a_field_outside_init_is_refused() -> None:
    with pytest.raises(TypeError, match="__init__ argument"):

        @pickled_as_arguments
        @dataclasses.dataclass(frozen=True, slots=True)
        class Counted:
            name: str
            count: int = dataclasses.field(default=0, init=False)


def test_a_class_of_one_field_is_rebuilt_from_a_tuple_of_one() -> None:
    @pickled_as_arguments
    @dataclasses.dataclass(frozen=True, slots=True)
    class Name:
        text: str

    assert Name("مصر").__reduce__() == (Name, ("مصر",))
