"""Entities: who and where an article mentions (PERSON, ORG, GPE, LOC), linked to canonical entities."""

from flows.nlp.entities.extract import extract_entities

__all__ = ["extract_entities"]
