"""A name found once in a text is the same name wherever the text writes it again.

The tagger reads each sentence on its own and the rules need their cue (a title, a head word such as مدينة), so a
name found in one sentence ("مدينة الحديدة", "وقالت مادونا") is often missed where the text repeats it bare ("معركة
الحديدة", "وأضافت مادونا"). Every later or earlier occurrence of the same words that no mention covers becomes a
mention of the same entity. The words must match as written (normalised), the first one after its proclitics
(وبالحديدة is و + ب + الحديدة only when the name was found with its article), and the words of a name of several
words must stand together with nothing but spaces between; a word in tanween (روسياً) is an adjective, not the name.
"""

from __future__ import annotations

from flows.nlp.entities.base import TANWEEN, Candidate, non_name_words
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import normalize

# A name of one word shorter than this is not repeated: two-letter words (شي، ماي) are as often particles and
# common words (ماي "May" as a month, شي "thing") as the name found elsewhere in the text.
MIN_REPEATED_WORD = 3
# The kinds repeated, and bodies but those found by their definite words alone (definite-body: الرياضة المصرية is as
# often a description as a name, and repeating it repeated the error, ANT v2.1 dev: 7 spurious mentions of one such
# description). Bodies repeated since round 12: a body found in one sentence (شبكة CNN, or the tagger's) is missed
# where the text writes it bare (Wojood test: one more body found, جيش الإنقاذ; the judged audits: one right row,
# ماهان, found again; ANT v2.1 dev unchanged).
KINDS = frozenset({"PERSON", "GPE", "LOC"})
UNREPEATED_BODY_SOURCES = frozenset({"definite-body"})
# The priority of a repeated mention: after every rule's and the tagger's (they were placed first).
REPEATED_PRIORITY = 6


def repeated_names(text: EntityText, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` and the other occurrences of its names that no mention covers, sorted by char_start."""
    names: dict[tuple[str, ...], Candidate] = {}
    for c in chosen:
        if c.is_adjectival or not (c.entity.entity_type in KINDS or _repeatable_body(c)):
            continue
        words = _written(text, c)
        if len(words) == 1 and (len(words[0]) < MIN_REPEATED_WORD or text.bare_stems(c.tok_start) & non_name_words()):
            continue
        names.setdefault(words, c)
    if not names:
        return chosen
    used = {i for c in chosen for i in range(c.tok_start, c.tok_end)}
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        firsts.setdefault(words[0], []).append(words)
    extra: list[Candidate] = []
    for i in range(len(text.toks)):
        if i in used:
            continue
        found = _match_at(text, i, firsts, used)
        if found is None:
            continue
        words, prefix = found
        source = names[words]
        end = i + len(words)
        start = text.char_start(i, prefix)
        extra.append(
            Candidate(start, text.toks[end - 1].char_end, i, end, source.entity, REPEATED_PRIORITY, "repeated")
        )
        used.update(range(i, end))
    return sorted(chosen + extra, key=lambda c: c.char_start)


def _repeatable_body(c: Candidate) -> bool:
    """A body whose name is repeated: one not found by its definite words alone."""
    return c.entity.entity_type == "ORG" and c.source not in UNREPEATED_BODY_SOURCES


def _written(text: EntityText, c: Candidate) -> tuple[str, ...]:
    """The mention's words as written, normalised; the first without the proclitics the mention left out."""
    first = normalize(text.body[c.char_start : text.toks[c.tok_start].char_end])
    return (first, *(text.toks[k].norm for k in range(c.tok_start + 1, c.tok_end)))


def _with_tanween(text: EntityText, k: int) -> bool:
    """Token k ends in tanween (روسياً "Russian", an indefinite adverb or adjective): never a name."""
    tok = text.toks[k]
    return TANWEEN in text.body[tok.char_start : tok.char_end + 1]


def _match_at(
    text: EntityText, i: int, firsts: dict[str, list[tuple[str, ...]]], used: set[int]
) -> tuple[tuple[str, ...], int] | None:
    """The longest name starting at token i (after some proclitic reading of it), with the proclitics' length."""
    for reading in text.readings[i]:
        for words in firsts.get(reading.stem, ()):
            end = i + len(words)
            if end > len(text.toks) or any(k in used for k in range(i, end)) or _with_tanween(text, end - 1):
                continue
            if all(text.toks[k].norm == words[k - i] and text.joined(k) for k in range(i + 1, end)):
                return words, reading.prefix
    return None
