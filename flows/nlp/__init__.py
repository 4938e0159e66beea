"""The language stages: a shared Arabic text layer (text), then entities, quotes and events."""
