"""What processing one inbox file produced: its facts, the article and its analysis, or why it was quarantined;
and what re-analysing one stored article produced (``akhbar reprocess``).

Produced by flows/pipeline.py (in worker processes, so it pickles), consumed by flows/store/frames.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.nlp.types import Analysis
from flows.pickling import pickled_as_arguments
from flows.read.article import ArticleRecord


@dataclass(slots=True)
class FileOutcome:
    rel_path: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    article: ArticleRecord | None = None
    analysis: Analysis | None = None
    error: str | None = None
    warning: str | None = None
    retryable: bool = False  # the error is a passing one: the next run reads the file again
    stage_seconds: dict[str, float] = field(default_factory=dict)


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the language stages made of one article (``analysis`` None: they failed, for ``error``)."""

    article_id: str
    analysis: Analysis | None
    error: str | None = None
