"""Frozen dataclasses that unpickle cheaply: the records the pool's workers send back to the loading process.

A frozen dataclass with slots unpickles through dataclasses' own ``__setstate__``, which lists the class's fields
again for every object and sets them one by one from Python: on the bench corpus about 0.34 ms of CPU for each
file's outcome (its article, entities, mentions, quotes and event reports), paid in the loading process, against
0.05 ms to pickle it. Pickled as the arguments of the class's own ``__init__`` instead, the same objects (equal, of
the same classes) come back in 0.035 ms (300 bench pages, 2026-12-06; tests/test_properties.py round-trips them).
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, Callable, TypeVar

Record = TypeVar("Record")


def pickled_as_arguments(cls: type[Record]) -> type[Record]:
    """Give the dataclass ``cls`` a ``__reduce__`` that rebuilds it as ``cls(*values)``, its fields in order.

    Every field must be an ``__init__`` argument (none ``init=False``); a class decorator placed above @dataclass.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    if not names or any(not f.init for f in dataclasses.fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    values: Callable[[Any], Any] = operator.attrgetter(*names)
    if len(names) == 1:
        single = values
        values = lambda record: (single(record),)  # noqa: E731 - attrgetter of one name gives the value itself

    def __reduce__(self: Record) -> tuple[type[Record], tuple]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls
