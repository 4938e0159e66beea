"""One person, one entity across the warehouse: the key that folds the spellings of a name no list knows.

A person no list knows gets the id of their name's key (base.stable_id), so the spellings news writes for one name
share it: a hyphen is a space (جان-إيف = جان إيف), عبدالX is عبد الX, and the long vowels inside a long word are
written by one outlet and left out by another (نتانياهو / نتنياهو، كلينتون / كلنتون: vowel_fold). And a new person
whose key is the key of a listed person's name or alias is that person (listed_person), so نتانياهو joins بنيامين
نتنياهو.

The vowel fold is the one that can join two people, so the reviewed name lists decide where it stops. A word the lists
write (given names, foreign given names, the names and aliases of people.tsv and office_holders_2018.tsv) is a
spelling of its own and is never folded. A word they do not write folds to the listed word whose fold it shares, when
only one does (نتانياهو -> نتنياهو); it keeps its vowels when its fold, or the word without all of one of its
inner vowels, is a listed word as written (أندرياس stays apart from the listed أندريس "Andrés", كريستيان from a
listed كريستين "Christine"). The article is not counted in a
word's length (الثاني "the second" never folds into الثني), and a name of one word folds only onto a listed word.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from flows.nlp.entities.gazetteer import Gazetteer
from flows.nlp.text.arabic import NORM_WORD, normalize
from flows.nlp.types import Entity
from flows.resources import read_tsv

ALEF = "ا"
# The long vowels written inside a transliterated name or left out (كلينتون / كلنتون، بولتون / بولتن).
LONG_VOWELS = frozenset("اوي")
ARTICLE = "ال"
ABD = "عبد"
# A word (not counting the article) whose letters other than its inner long vowels number this many drops them all:
# Arabic names are built on three or four root letters, where و and ي make another name (الحسيني / الحسني، سليمان /
# سلمان، سلامة / سليمة all have four), while five or more are a transliteration's (كلينتون، تيلرسون، ديمبيلي). On
# 3,000 ANT v2.1 articles (bench/quality/person_folds.py) this joined 76 groups of person entities (158 entities) where
# the alef rule alone joined 41 (83 entities).
MIN_SKELETON = 5
# A shorter word of this many letters or more (not counting the article) drops only its inner alefs (ناعومي / نعومي):
# among shorter words an alef tells two names or a name and a word apart (سالم / سلم، عامر / عمر، الثاني / الثني).
# Six is the length the first version of this fold used (on a full ANT v2.1 run it joined 919 person entities into
# 446 groups, 29 of 30 sampled groups right).
MIN_ALEF_FOLD = 6
# The reviewed lists whose words are names as written: (file, the columns holding names, alias columns split on |).
NAME_LISTS = (
    ("given_names.tsv", ("name",)),
    ("foreign_given_names.tsv", ("name_ar",)),
    ("people.tsv", ("name_ar", "aliases")),
    ("office_holders_2018.tsv", ("name_ar", "aliases")),
)
ALIAS_SEPARATOR = "|"
QUOTED_MARK = '"'


def person_key(name: str) -> str:
    """The key a person's name is known by: normalised words, a hyphen as a space, عبدالX as عبد الX, and the vowel
    fold where the name lists allow it. A name of one word folds only to a listed word: one word is too little
    evidence that two spellings are one person (مارينا / ماريانا)."""
    words = name_words(name)
    return " ".join(_word_key(word, to_listed_only=len(words) == 1) for word in words)


def name_words(name: str) -> list[str]:
    """The normalised words of ``name``, split at any mark between them (جان-إيف is two words) and at عبد."""
    return [piece for word in NORM_WORD.findall(normalize(name)) for piece in _split_abd(word)]


def _split_abd(word: str) -> tuple[str, ...]:
    """عبدالله -> عبد الله (the loader's spelling rule, read the other way): one form for both spellings."""
    rest = word[len(ABD) :]
    if word.startswith(ABD + ARTICLE) and len(rest) > len(ARTICLE):
        return ABD, rest
    return (word,)


def vowel_fold(word: str) -> str:
    """``word`` without the long vowels inside it (never its first or last letter, nor the article's), when it is
    long enough (MIN_SKELETON); else without its inner alefs when it has MIN_ALEF_FOLD letters; else as it is."""
    article = ARTICLE if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1 else ""
    stem = word[len(article) :]
    if len(stem) < 3:
        return word
    inner = stem[1:-1]
    skeleton = stem[0] + "".join(ch for ch in inner if ch not in LONG_VOWELS) + stem[-1]
    if len(skeleton) >= MIN_SKELETON:
        return article + skeleton
    if len(stem) >= MIN_ALEF_FOLD:
        return article + stem[0] + inner.replace(ALEF, "") + stem[-1]
    return word


def _word_key(word: str, *, to_listed_only: bool = False) -> str:
    listed, folds = listed_name_words()
    if word in listed:
        return word
    folded = vowel_fold(word)
    if folded == word or folded in listed or _another_listed_name(word, listed):
        return word
    spellings = folds.get(folded, ())
    if len(spellings) == 1:
        return spellings[0]
    return word if to_listed_only else folded


def _another_listed_name(word: str, listed: frozenset[str]) -> bool:
    """``word`` without all of one of its inner long vowels is a listed word: a name of its own the vowel tells
    apart (أندرياس without its alef is the listed أندريس "Andrés"; كريستيان، كريستين "Christine")."""
    inner = word[1:-1]
    return any(word[0] + inner.replace(vowel, "") + word[-1] in listed for vowel in LONG_VOWELS if vowel in inner)


@cache
def listed_name_words() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The words the name lists write, and each vowel fold -> the listed words that fold to it."""
    words: set[str] = set()
    for file, columns in NAME_LISTS:
        for row in read_tsv("gazetteer", file):
            for column in columns:
                for name in row.get(column, "").split(ALIAS_SEPARATOR):
                    words.update(name_words(name.lstrip(QUOTED_MARK)))
    folds: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        folds[vowel_fold(word)].append(word)
    return frozenset(words), {fold: tuple(spellings) for fold, spellings in folds.items()}


@cache
def listed_person_keys(gazetteer: Gazetteer) -> dict[str, str]:
    """person_key of every name and alias a listed person is matched by -> that person's id; a key two listed people
    share belongs to neither."""
    owners: dict[str, set[str]] = defaultdict(set)
    for first, entries in gazetteer.index.items():
        for rest, infos in entries:
            for info in infos:
                if info.kind == "name" and gazetteer.entities[info.entity_id].entity_type == "PERSON":
                    owners[person_key(" ".join((first, *rest)))].add(info.entity_id)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


def listed_person(name: str, gazetteer: Gazetteer) -> Entity | None:
    """The listed person whose name or alias ``name`` spells (by person_key), if exactly one is."""
    entity_id = listed_person_keys(gazetteer).get(person_key(name))
    return gazetteer.entities[entity_id] if entity_id else None
