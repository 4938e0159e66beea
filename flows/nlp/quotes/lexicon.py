"""The word lists the quote stage reads, loaded once from flows/data/quote_*.tsv and keyed by normalised form."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from flows.nlp.text.arabic import normalize
from flows.resources import read_tsv_tuples

# Proclitics a reporting verb or participle may carry: وقال، فأضاف.
VERB_PROCLITICS = ("و", "ف")
# Proclitics a speaker word may carry: وفقاً لبيان، للوزارة.
WORD_PROCLITICS = ("ول", "وب", "لل", "و", "ف", "ب", "ل")


@dataclass(frozen=True, slots=True)
class Cue:
    form: str  # normalised, without proclitic
    lemma: str
    cue_class: str  # verb, participle, prep


@dataclass(frozen=True, slots=True)
class SpeakerWord:
    word: str  # normalised
    kind: str  # unnamed, head, ref, skip
    resolve: str | None  # person, org, nisba_gpe
    name_contains: str | None  # normalised


@functools.cache
def cues() -> dict[str, Cue]:
    """Normalised cue form (with and without its proclitic) -> cue."""
    table: dict[str, Cue] = {}
    for form, lemma, cue_class in read_tsv_tuples("quote_cues.tsv"):
        cue = Cue(normalize(form), lemma, cue_class)
        table[cue.form] = cue
        for clitic in VERB_PROCLITICS:
            # "فحسب" means "only", not "according to": the prep forms take و alone.
            if cue_class != "prep" or clitic == "و":
                table.setdefault(clitic + cue.form, cue)
    return table


def cue_for(token: str) -> tuple[Cue, int] | None:
    """The cue a normalised token is, and the length of the proclitic in front of it."""
    cue = cues().get(token)
    if cue is None:
        return None
    return cue, len(token) - len(cue.form)


@functools.cache
def speaker_words() -> dict[str, SpeakerWord]:
    table: dict[str, SpeakerWord] = {}
    for word, kind, resolve, contains in read_tsv_tuples("quote_speaker_words.tsv"):
        entry = SpeakerWord(
            normalize(word), kind, None if resolve == "-" else resolve, None if contains == "-" else normalize(contains)
        )
        table[entry.word] = entry
    return table


def speaker_word(token: str) -> SpeakerWord | None:
    """The speaker word a normalised token is, once a proclitic (و، ب، ل، لل) is stripped."""
    found = speaker_word_split(token)
    return found[0] if found else None


def speaker_word_split(token: str) -> tuple[SpeakerWord, int] | None:
    """The speaker word a normalised token is, and the length of the proclitic stripped from it."""
    table = speaker_words()
    if token in table:
        return table[token], 0
    for clitic in WORD_PROCLITICS:
        if token.startswith(clitic):
            rest = token[len(clitic) :]
            # "للوزارة" is ل + الوزارة with the alef of the article dropped.
            for candidate in (rest, "ال" + rest if clitic == "لل" else rest):
                if candidate in table:
                    return table[candidate], len(clitic)
    return None


@functools.cache
def _clause_words() -> dict[str, str]:
    return {normalize(word): kind for word, kind in read_tsv_tuples("quote_clause_words.tsv")}


def is_complementizer(token: str) -> bool:
    return _clause_words().get(token) == "complementizer"


def is_blocker(token: str) -> bool:
    return _clause_words().get(token) == "blocker"


def is_blocker_before_min(token: str) -> bool:
    """A word that, followed by من, makes the next أن concessive: على الرغم من أن."""
    return _clause_words().get(token) == "blocker_min"


def is_lead(token: str) -> bool:
    return _clause_words().get(token) == "lead"
