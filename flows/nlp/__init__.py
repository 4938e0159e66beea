"""The NLP stages: Arabic text layer, entities, quotes, events. Pure functions, no I/O."""
