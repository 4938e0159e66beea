"""The event lexicons (flows/data/event_*.tsv), loaded once and compiled into one regex each.

Every pattern runs on normalised text (flows.nlp.text.arabic.normalize_with_map); callers map matches back to body
offsets with the origin list. Triggers are grouped by their first two letters into small alternations with a
named group per entry: a word is tried only against the triggers it could start, and ``match.lastgroup`` says
which entry matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.nlp.text.arabic import normalize
from flows.resources import read_tsv_tuples

# Proclitics a trigger may carry: conjunction و/ف, then a preposition or the future prefix, then the article.
PROCLITICS = r"(?:[وف]?(?:بال|لل|كال|ال|[بلكس])?)"
CONJUNCTION = r"(?:[وف]?)"
# The accusative alef ("اجتماعا") rides on the same slot. Not ي: "اجتماعي" is the adjective social, not "my meeting".
PRONOUN_ENCLITICS = r"(?:ه|ها|هم|هما|هن|نا|ا)"
# Up to eight words may stand where a trigger says "…" (a subject with its title and a time word:
# "وصل رئيس الوزراء <name> صباح اليوم الاثنين، إلى").
GAP = r"(?:\s+\S+){0,8}?\s+"
WORD_START = r"(?<![\w])"
WORD_END = r"(?![\w])"


@dataclass(frozen=True, slots=True)
class Trigger:
    trigger: str
    event_type: str
    event_mode: str | None
    pos: str  # verb | noun


@dataclass(frozen=True, slots=True)
class EventLexicon:
    contexts: dict[str, str]  # normalised keyword -> tag
    context_pattern: re.Pattern[str]
    planned_before: re.Pattern[str]
    planned_after: re.Pattern[str]
    date_blockers: re.Pattern[str]  # anchored at the end of the text before a date
    continuation: re.Pattern[str]  # anchored at the start of a sentence
    clause_break: re.Pattern[str]
    adjunct: re.Pattern[str]  # anchored at the end of the text before a trigger
    status_before: dict[str, re.Pattern[str]]  # negated / claimed / hypothetical / content: a cue in the words before
    claimed_after: re.Pattern[str]  # anchored at the start of the text after a trigger
    groups: dict[str, int]  # normalised phrase -> size
    group_pattern: re.Pattern[str]
    topic: re.Pattern[str]  # a topic phrase opens somewhere in the text between a trigger and a date


def phrase_regex(phrase: str) -> str:
    """A normalised phrase as a regex: spaces match any white space, "…" matches a short gap of words after which
    the rest may carry the article and an enclitic ("أطلقت … صواريخ" finds "أطلقت إيران عددا من الصواريخ")."""
    parts = [r"\s+".join(re.escape(word) for word in part.split()) for part in normalize(phrase).split("…")]
    later = [rf"(?:ال)?{part}{PRONOUN_ENCLITICS}?" for part in parts[1:]]
    return GAP.join([parts[0], *later])


def with_enclitics(phrase: str) -> str:
    """A trigger regex that also accepts a pronoun enclitic; a final ة (normalised ه) becomes ت before it."""
    body = phrase_regex(phrase)
    if body.endswith("ه"):
        return rf"(?:{body}|{body[:-1]}ت{PRONOUN_ENCLITICS})"
    return rf"{body}{PRONOUN_ENCLITICS}?"


def head(trigger: str) -> str:
    """A trigger's first two letters after an article it may carry ("الانسحاب" -> "ان"): a word is tried only if
    these letters start it, or start it after a proclitic."""
    word = normalize(trigger).split()[0]
    return word[2:4] if word.startswith("ال") and len(word) > 3 else word[:2]


def alternation(phrases: list[str]) -> str:
    """Longest first, so that "اتصال هاتفي" wins over a shorter entry at the same place."""
    return "|".join(sorted(set(phrases), key=len, reverse=True))


@cache
def lexicon() -> EventLexicon:
    contexts = {normalize(keyword): tag for keyword, tag in read_tsv_tuples("event_contexts.tsv")}
    context_pattern = re.compile(
        rf"{WORD_START}{PROCLITICS}(?P<kw>{alternation([phrase_regex(k) for k in contexts])})\w*"
    )

    cues: dict[str, list[str]] = {}
    for kind, cue in read_tsv_tuples("event_cues.tsv"):
        cues.setdefault(kind, []).append(phrase_regex(cue))
    planned_before = re.compile(rf"{WORD_START}[وف]?(?:{alternation(cues['planned_before'])}){WORD_END}")
    planned_after = re.compile(rf"^\s*(?:{alternation(cues['planned_after'])}){WORD_END}")
    date_blockers = re.compile(rf"{WORD_START}[وف]?(?:{alternation(cues['date_blocker'])})\s*$")
    continuation = re.compile(rf"^\s*(?:{alternation(cues['continuation'])}){WORD_END}")
    adjunct = re.compile(rf"{WORD_START}[وف]?(?:{alternation(cues['adjunct'])})\s*$")
    status_before = {
        kind: re.compile(rf"{WORD_START}[وف]?(?:{alternation(cues[kind + '_before'])}){WORD_END}")
        for kind in ("negated", "claimed", "hypothetical", "content")
    }
    claimed_after = re.compile(rf"^\s*(?:{alternation(cues['claimed_after'])}){WORD_END}")
    clause_break = re.compile(rf"{WORD_START}[وف]?(?:{alternation(cues['clause_break'])}){WORD_END}")
    topic = re.compile(rf"{WORD_START}[وف]?(?:{alternation(cues['topic'])}){WORD_END}")

    groups = {normalize(phrase): int(size) for phrase, size in read_tsv_tuples("event_groups.tsv")}
    group_pattern = re.compile(
        rf"{WORD_START}[وف]?(?P<group>{alternation([phrase_regex(p) for p in groups])}){WORD_END}"
    )
    return EventLexicon(
        contexts,
        context_pattern,
        planned_before,
        planned_after,
        date_blockers,
        continuation,
        clause_break,
        adjunct,
        status_before,
        claimed_after,
        groups,
        group_pattern,
        topic,
    )
