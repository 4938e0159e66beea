"""Events: PLOVER event reports in each article (detect), and the real-world events they report (linking).

``link_events`` is imported on first use: linking works on Polars frames (about 0.1 s of CPU to import), which
only the process that loads needs, not the workers that detect events.
"""

from typing import TYPE_CHECKING, Any

from flows.nlp.events.detect import detect_events

if TYPE_CHECKING:
    from flows.nlp.events.linking import link_events

__all__ = ["detect_events", "link_events"]


def __getattr__(name: str) -> Any:
    if name == "link_events":
        from flows.nlp.events.linking import link_events

        return link_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
