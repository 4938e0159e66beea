"""Events: PLOVER event reports in each article (detect), and the real-world events they report (linking)."""

from flows.nlp.events.detect import detect_events
from flows.nlp.events.linking import link_events

__all__ = ["detect_events", "link_events"]
