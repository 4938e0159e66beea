"""The extractor version: one string naming the language stages that produced a row of facts.

It is a hash of what decides their output — every file under flows/data (lexicons, gazetteers, the tagger model),
the source of the language stages (flows/nlp, flows/dates) and the per-article chain that feeds them
(flows/pipeline.py) — so a changed lexicon, model or rule changes it without anyone remembering to bump a number.
A change that leaves output alone (a comment) also changes it; the cost is one `akhbar reprocess`, which is cheaper
than a forgotten bump that leaves a warehouse mixing two extractors.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

# Under the ``flows`` package: what the language stages read or run.
VERSIONED_TREES = ("data", "nlp", "dates")
VERSIONED_FILES = ("pipeline.py",)
# Hex digits kept: 12 (48 bits) tell versions apart for any realistic number of releases and stay readable.
VERSION_DIGITS = 12
SKIPPED_SUFFIXES = (".pyc", ".pyo")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The version of the installed language stages, e.g. ``x3f9a0c2d41be``."""
    root = resources.files("flows")
    digest = hashlib.sha256()
    for name, content in sorted(_versioned_files(root)):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    return "x" + digest.hexdigest()[:VERSION_DIGITS]


def _versioned_files(root: Traversable) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for tree in VERSIONED_TREES:
        found.extend(_walk(root.joinpath(tree), tree))
    for name in VERSIONED_FILES:
        found.append((name, root.joinpath(name).read_bytes()))
    return found


def _walk(node: Traversable, name: str) -> list[tuple[str, bytes]]:
    if node.is_file():
        return [] if name.endswith(SKIPPED_SUFFIXES) else [(name, node.read_bytes())]
    if node.name == "__pycache__":
        return []
    return [item for child in node.iterdir() for item in _walk(child, f"{name}/{child.name}")]
