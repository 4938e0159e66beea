"""A vote on a bill is domestic law-making, not an event between political actors (issue 14, round 11).

"وافق مجلس النواب المصري على مشروع قانون ينظم عمل عربات المأكولات", "وافقت الجمعية الوطنية في فرنسا بأغلبية أعضائها
على قانون مثير للجدل": a legislature (or a cabinet) approving or rejecting a law is the country's own law-making,
which PLOVER does not code (its AGREE and REJECT are between actors) and the event audits judge no event round after
round (seed 30 rows 14, 18; seed 27 row 21). An AGREE or REJECT trigger whose object is a legislative noun
(flows/data/legislation_words.tsv: قانون، تشريع، دستور، ميزانية …, admitted by a corpus census) is no report. The
object is the noun right after the trigger ("رفض القانون") or the one after the first على within OBJECT_REACH_WORDS
words of its clause ("وافق البرلمان المصري في ديسمبر 2017 على قانون": a VSO subject and a time adjunct stand
between), or the noun its head governs ("على مشروع قانون"). An agreement, a treaty or a resolution ("وافق مجلس الأمن على قرار", "صادق على الاتفاقية")
is none of these nouns and stays.
"""

from __future__ import annotations

from functools import cache

from flows.nlp.events.triggers import TriggerHit
from flows.nlp.text import Word, derived_forms, normalize, words
from flows.resources import read_tsv

# The types whose object can be a bill: approval and rejection.
LEGISLATIVE_TYPES = frozenset({"AGREE", "REJECT"})
# The preposition وافق and صادق take for what they approve.
OBJECT_PREPOSITION = normalize("على")
# Words after the trigger within which على stands: "وافقت الجمعية الوطنية في فرنسا بأغلبية أعضائها على قانون" (seven).
OBJECT_REACH_WORDS = 8


@cache
def legislation_forms() -> frozenset[str]:
    """The normalised inflected forms of every noun of legislation_words.tsv."""
    return frozenset(form for row in read_tsv("legislation_words.tsv") for form in derived_forms(row["lemma"], "noun"))


def object_heads(text: str, start: int, end: int) -> list[Word]:
    """The words that may head the object of a trigger ending at ``start``, in [start, end): the word right after it,
    the word after the first على within OBJECT_REACH_WORDS words, and the word after that ("على مشروع قانون")."""
    after = words(text, start, end)[: OBJECT_REACH_WORDS + 2]
    heads = list(after[:1])
    for i, word in enumerate(after[: OBJECT_REACH_WORDS + 1]):
        if word.key == OBJECT_PREPOSITION and not word.proclitics:
            heads.extend(after[i + 1 : i + 3])
            break
    return heads


def votes_on_a_bill(text: str, hit: TriggerHit, clause_end: int) -> bool:
    """An AGREE or REJECT trigger whose object is a bill or law ("وافق مجلس النواب على مشروع قانون")."""
    if hit.entry.event_type not in LEGISLATIVE_TYPES:
        return False
    forms = legislation_forms()
    return any(word.key in forms for word in object_heads(text, hit.char_end, clause_end))
