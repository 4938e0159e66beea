"""The gazetteer's aliases as token tuples, for the census scripts that look for listed names in the corpus.

build_clubs.py looks for the cities of places.tsv, build_body_purposes.py for the bodies of orgs.tsv; both need each
row's name and aliases split and normalised the way the stage matches them. Nothing imports this at run time.
"""

from __future__ import annotations


def alias_ids(filename: str, entity_type: str) -> dict[tuple[str, ...], str]:
    """Normalised alias tokens -> entity id, for the rows of gazetteer/``filename`` of type ``entity_type``."""
    from flows.nlp.entities.gazetteer import split_alias
    from flows.resources import read_tsv

    out: dict[tuple[str, ...], str] = {}
    for row in read_tsv("gazetteer", filename):
        if row["entity_type"] != entity_type:
            continue
        for alias in [row["name_ar"], *row["aliases"].split("|")]:
            tokens = split_alias(alias.lstrip('"').strip())[0]
            if tokens:
                out[tokens] = row["entity_id"]
    return out
