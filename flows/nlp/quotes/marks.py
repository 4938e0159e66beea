"""Quotation-mark spans in body text: «…», “…”, ‹…›, and straight "…" paired in order within a paragraph.

Pasted text brings unbalanced marks (a » whose « was lost, a lone "); an unmatched mark is ignored, never paired
across a paragraph break, so one stray mark cannot swallow the rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> closing mark, for the marks that have distinct sides.
PAIRED_MARKS = {"«": "»", "“": "”", "‹": "›", "„": "“"}
# Marks that open and close alike: the first opens, the next closes.
SYMMETRIC_MARKS = frozenset('"″＂')
CLOSING_MARKS = frozenset(PAIRED_MARKS.values())
ALL_MARKS = frozenset(PAIRED_MARKS) | CLOSING_MARKS | SYMMETRIC_MARKS
ANY_MARK = re.compile("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")


@dataclass(frozen=True, slots=True)
class MarkSpan:
    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark
    inner_start: int  # the quoted text, stripped of white space
    inner_end: int

    def contains(self, index: int) -> bool:
        return self.open_at <= index <= self.close_at


def mark_spans(text: str) -> tuple[MarkSpan, ...]:
    """Every balanced quotation-mark span of ``text``, in order of its opening mark."""
    spans: list[MarkSpan] = []
    paragraph_start = 0
    for paragraph in text.split("\n"):
        spans.extend(_paragraph_spans(text, paragraph_start, paragraph_start + len(paragraph)))
        paragraph_start += len(paragraph) + 1
    return tuple(sorted(spans, key=lambda span: span.open_at))


def _paragraph_spans(text: str, start: int, end: int) -> list[MarkSpan]:
    spans: list[MarkSpan] = []
    marks = [(m.start(), m.group()) for m in ANY_MARK.finditer(text, start, end)]
    symmetric = _drop_stray([i for i, ch in marks if ch in SYMMETRIC_MARKS])
    for opening, closing in zip(symmetric[::2], symmetric[1::2]):
        _append(text, opening, closing, spans)
    open_paired: list[tuple[int, str]] = []  # (index, expected closing mark)
    for i, ch in marks:
        if ch in PAIRED_MARKS and not (ch == "“" and open_paired and open_paired[-1][1] == "“"):
            open_paired.append((i, PAIRED_MARKS[ch]))
        elif ch in CLOSING_MARKS:
            # Close the innermost open mark of this kind; a closing mark with no opener is ignored.
            for depth in range(len(open_paired) - 1, -1, -1):
                if open_paired[depth][1] == ch:
                    _append(text, open_paired[depth][0], i, spans)
                    del open_paired[depth:]
                    break
    return spans


def _drop_stray(marks: list[int]) -> list[int]:
    """With an odd number of straight quotes in a paragraph one is stray; drop the one that leaves the shortest
    quoted text, so that a stray mark at the start of a paragraph does not quote the whole paragraph."""
    if len(marks) % 2 == 0:
        return marks
    best = len(marks) - 1  # ties keep the old behaviour: the last mark stays unpaired
    best_length = _paired_length(marks[:-1])
    for drop in range(len(marks) - 1):
        length = _paired_length(marks[:drop] + marks[drop + 1 :])
        if length < best_length:
            best, best_length = drop, length
    return marks[:best] + marks[best + 1 :]


def _paired_length(marks: list[int]) -> int:
    return sum(closing - opening for opening, closing in zip(marks[::2], marks[1::2]))


def _append(text: str, open_at: int, close_at: int, spans: list[MarkSpan]) -> None:
    inner_start, inner_end = open_at + 1, close_at
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end > inner_start:
        spans.append(MarkSpan(open_at, close_at, inner_start, inner_end))
