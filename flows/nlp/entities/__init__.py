"""Entities: who and where an article mentions (PERSON, ORG, GPE, LOC), linked to canonical entities, and the
English name of each (add_english_names, applied to the entities a batch loads)."""

from flows.nlp.entities.english import add_english_names
from flows.nlp.entities.extract import extract_entities

__all__ = ["add_english_names", "extract_entities"]
