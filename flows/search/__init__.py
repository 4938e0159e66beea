"""Arabic-aware ranked search: the index rows for articles and quotes (``index_frames``, loaded with each batch)
and the ranked look-up over them (``search``, behind `akhbar search`)."""

from flows.search.rank import Ranking, index_coverage, search
from flows.search.terms import index_frames

__all__ = ["Ranking", "index_coverage", "index_frames", "search"]
