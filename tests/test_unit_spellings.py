"""flows/data/unit_spellings.tsv, the romanizer model's spellings of recurring name parts decoded ahead of time
(bench/names/build_unit_spellings.py): it belongs to the installed model, it says what the model says, and a name
comes out the same with it and without it."""

from __future__ import annotations

import random

from flows.nlp.entities import romanize
from flows.nlp.entities.english import default_romanizer


def test_the_table_was_built_with_the_installed_model() -> None:
    table = romanize.shipped_spellings()
    assert len(table) > 1000, "unit_spellings.tsv is missing or was built with another model: rerun the build script"


def test_the_table_says_what_the_model_says() -> None:
    table = dict(random.Random(7).sample(sorted(romanize.shipped_spellings().items(), key=repr), 40))
    romanize.shipped_spellings.cache_clear()
    romanize.USE_SHIPPED = False
    try:
        models = {"": romanize.UnitSpellings(romanize.default_resources_dir())}
        for (model, unit, role, country, top_k), spellings in table.items():
            spelling = models.get(model) or romanize.UnitSpellings(romanize.default_resources_dir() / model)
            assert spelling.transliterate_units([unit], country, top_k, [role]) == [spellings], unit
    finally:
        romanize.USE_SHIPPED = True
        romanize.shipped_spellings.cache_clear()


NAMES = ["عبد الكريم بن حمودة", "سليم الرياحي", "المجلس الوطني التأسيسي", "هيئة الانتخابات", "منصف المرزوقي"]


def test_a_name_comes_out_the_same_with_the_table_and_without_it() -> None:
    with_table = romanize.romanize(default_romanizer(), NAMES, [None] * len(NAMES))
    romanize.shipped_spellings.cache_clear()
    romanize.USE_SHIPPED = False
    try:
        spelling = romanize.romanizer([], default_romanizer().rules)  # a fresh process's model: nothing cached
        without = romanize.romanize(spelling, NAMES, [None] * len(NAMES))
    finally:
        romanize.USE_SHIPPED = True
        romanize.shipped_spellings.cache_clear()
    assert with_table == without
