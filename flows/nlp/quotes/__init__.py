"""Quotes: who said what, direct and reported, with the cue and the speaker resolved to an entity."""

from flows.nlp.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
