"""Entities: who and where an article mentions (PERSON, ORG, GPE, LOC), linked to canonical entities, and the
English name of each (add_english_names, applied to the entities a batch loads).

``add_english_names`` is imported on first use: it brings Polars and the romanizer's ONNX runtime (about 0.2 s of
CPU), which only the process that loads needs, not the workers that extract entities.
"""

from typing import TYPE_CHECKING, Any

from flows.nlp.entities.extract import extract_entities

if TYPE_CHECKING:
    from flows.nlp.entities.english import add_english_names

__all__ = ["add_english_names", "extract_entities"]


def __getattr__(name: str) -> Any:
    if name == "add_english_names":
        from flows.nlp.entities.english import add_english_names

        return add_english_names
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
