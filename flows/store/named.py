"""The named queries of sql/queries/: their text, and their parameters as the header declares them.

A header line ``-- Parameters: 1) from date ...  2) to date ...  3) at most N events (optional, default 10000)``
names each ``?`` in order; a parameter marked ``(optional, default V)`` takes V when the caller leaves it out, so
that a query can gain a parameter without breaking the commands and scripts that call it with fewer.
"""

from __future__ import annotations

import re
from typing import Sequence

PARAMETERS = re.compile(r"^--\s*Parameters:(.*)$", re.MULTILINE | re.IGNORECASE)
PARAM_ITEM = re.compile(r"\b\d\)")
OPTIONAL = re.compile(r"\(optional, default ([^)]+)\)")


def parameter_descriptions(sql: str) -> list[str]:
    """The header's description of each parameter, in order ([] when the query has no Parameters line)."""
    described = PARAMETERS.search(sql)
    return [d.strip() for d in PARAM_ITEM.split(described.group(1))[1:]] if described else []


def with_defaults(sql: str, params: Sequence[object]) -> list[object]:
    """``params`` followed by the defaults of the optional parameters the caller left out."""
    filled = list(params)
    for description in parameter_descriptions(sql)[len(filled) :]:
        default = OPTIONAL.search(description)
        if default is None:
            break  # a required parameter is missing: the statement says so
        filled.append(default.group(1).strip())
    return filled
