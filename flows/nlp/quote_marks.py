"""Quotation-mark spans in body text: «…», “…”, ‹…›, and straight "…" paired in order within a paragraph.

Pasted text brings unbalanced marks (a » whose « was lost, a lone "); an unmatched mark is ignored, never paired
across a paragraph break, so one stray mark cannot swallow the rest of an article.
"""

from __future__ import annotations

from dataclasses import dataclass

# Opening mark -> closing mark, for the marks that have distinct sides.
PAIRED_MARKS = {"«": "»", "“": "”", "‹": "›", "„": "“"}
# Marks that open and close alike: the first opens, the next closes.
SYMMETRIC_MARKS = frozenset('"″＂')
CLOSING_MARKS = frozenset(PAIRED_MARKS.values())
ALL_MARKS = frozenset(PAIRED_MARKS) | CLOSING_MARKS | SYMMETRIC_MARKS


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
    open_paired: list[tuple[int, str]] = []  # (index, expected closing mark)
    open_symmetric: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in SYMMETRIC_MARKS:
            if open_symmetric is None:
                open_symmetric = i
            else:
                _append(text, open_symmetric, i, spans)
                open_symmetric = None
        elif ch in PAIRED_MARKS and not (ch == "“" and open_paired and open_paired[-1][1] == "“"):
            open_paired.append((i, PAIRED_MARKS[ch]))
        elif ch in CLOSING_MARKS:
            # Close the innermost open mark of this kind; a closing mark with no opener is ignored.
            for depth in range(len(open_paired) - 1, -1, -1):
                if open_paired[depth][1] == ch:
                    _append(text, open_paired[depth][0], i, spans)
                    del open_paired[depth:]
                    break
    return spans


def _append(text: str, open_at: int, close_at: int, spans: list[MarkSpan]) -> None:
    inner_start, inner_end = open_at + 1, close_at
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end > inner_start:
        spans.append(MarkSpan(open_at, close_at, inner_start, inner_end))
