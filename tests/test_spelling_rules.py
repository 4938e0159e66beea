"""Rewrites of the romanizer model's spellings (flows/nlp/entities/spelling_rules.py) and the learner that writes
them (bench/names/learn_spelling_rules.py). Rules and words invented or taken from the reviewed lists."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bench.names.learn_spelling_rules import learn, learning_names, proposals
from bench.quality.english_names import split_held_out
from flows.nlp.entities.english import name_key, name_pairs
from flows.nlp.entities.romanize import best_spelling
from flows.nlp.entities.spelling_rules import Rewrite, respell, rewrite_word, spelling_rules

RUSSIAN_ENDING = Rewrite("ouf$", "ov$")


@pytest.mark.parametrize(
    ("word", "rules", "expected"),
    [
        ("lafrouf", (RUSSIAN_ENDING,), "lafrov"),
        ("ouafa", (RUSSIAN_ENDING,), "ouafa"),
        ("gheorghe", (Rewrite("gh", "g"),), "george"),
        ("fouloudine", (Rewrite("ou", "o"), Rewrite("ine$", "in$")), "folodin"),
    ],
    ids=[
        "a rule at the word's end rewrites the end",
        "it leaves the same letters elsewhere",
        "a rule rewrites every place it matches",
        "rules apply in order",
    ],
)
def test_rewrite_word(word, rules, expected):
    assert rewrite_word(word, rules) == expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [("Lafrouf", "Lafrov"), ("Al-Lafrouf", "Al-Lafrov"), ("Abdul Lafrouf", "Abdul Lafrov"), ("l'ouf", "l'ov")],
    ids=["capital kept", "a hyphen parts two words", "a space parts two words", "an apostrophe parts two words"],
)
def test_respell_keeps_capitals_and_breaks(part, expected):
    assert respell(part, (RUSSIAN_ENDING,)) == expected


def part(latin: str, source: str):
    return SimpleNamespace(latin=latin, source=source)


def test_only_the_parts_the_model_spelled_are_rewritten():
    candidate = SimpleNamespace(
        text="Sergouf Lafrouf", source="mixed", units=(part("Sergouf", "user"), part("Lafrouf", "model"))
    )
    assert best_spelling([candidate], (RUSSIAN_ENDING,)) == "Sergouf Lafrov", "a listed spelling is never rewritten"
    assert best_spelling([candidate]) == "Sergouf Lafrouf", "no rules, no rewrite"


def test_proposals_carry_context_and_word_edges():
    found = proposals("lafrouf", "lavrov")
    assert Rewrite("f", "v") in found and Rewrite("ouf$", "ov$") in found


def test_learn_keeps_a_habit_and_drops_a_one_off():
    habit = [("ivanouf", "ivanov"), ("petrouf", "petrov"), ("smirnouf", "smirnov"), ("popouf", "popov")]
    one_off = [("kavano", "kavanaugh")]
    rules = learn(habit + one_off, min_helped=3, helped_per_hurt=3)
    assert all(rewrite_word(s, tuple(rules)) == w for s, w in habit)
    assert not any("augh" in rule.after for rule in rules), "one example is not a habit"


def test_no_word_of_a_held_out_name_is_learned_from():
    held, _ = split_held_out(name_pairs())
    held_words = {name_key(w) for p in held for alias in (p.name_ar, *p.aliases) for w in alias.split()}
    learned_words = {name_key(w) for arabic, _, _ in learning_names() for w in arabic.split()}
    assert learned_words and not held_words & learned_words
    assert spelling_rules(), "the rules file is empty: run bench/names/learn_spelling_rules.py"
