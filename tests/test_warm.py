"""The pool's forkserver loads the language stages once (flows/warm.py), so that its workers start warm: what the
workers see, and that the warm-up starts no thread a fork could copy mid-lock."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flows import runner
from flows.settings import Settings

# A process pool and a fresh interpreter.
pytestmark = pytest.mark.slow


def _date_grammar_built() -> bool:
    from flows.dates.grammar import date_pattern

    return date_pattern.cache_info().currsize == 1


def _tagger_words_cached() -> int:
    from flows.nlp.entities.tagger import word_features

    return word_features.cache_info().currsize


def test_pool_workers_start_with_the_language_stages_loaded(tmp_path):
    pool = runner.make_pool(Settings(inbox=tmp_path, workers=2), runner.MIN_FILES_FOR_POOL)
    assert pool is not None
    with pool:
        assert pool.submit(_date_grammar_built).result(timeout=120)
        assert pool.submit(_tagger_words_cached).result(timeout=120) > 0


def _frozen_objects() -> int:
    import gc

    return gc.get_freeze_count()


def test_pool_workers_start_with_the_warm_state_out_of_the_collectors_passes(tmp_path):
    pool = runner.make_pool(Settings(inbox=tmp_path, workers=2), runner.MIN_FILES_FOR_POOL)
    assert pool is not None
    with pool:
        assert pool.submit(_frozen_objects).result(timeout=120) > 10_000


def test_the_warm_up_imports_no_threaded_library_and_starts_no_thread():
    code = (
        "import sys, threading, flows.warm\n"
        "print(sorted({'polars', 'duckdb', 'numpy', 'onnxruntime', 'prefect'} & set(sys.modules)), "
        "threading.active_count())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "1"]


def test_the_sample_page_goes_through_every_stage():
    from flows.pipeline import analyse, document_for
    from flows.read import article_from_bytes
    from flows.warm import SAMPLE_PAGE

    article = article_from_bytes(SAMPLE_PAGE.encode("utf-8"), ".html", {})
    analysis = analyse(document_for(article))
    assert article.published_at is not None
    assert analysis.entities and analysis.quotes and analysis.event_mentions
