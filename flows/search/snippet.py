"""A snippet of a found text: the sentence that holds most of the matched terms, with those words marked [..]."""

from __future__ import annotations

from flows.nlp.text import normalize, split_sentences, words
from flows.search.terms import terms

# About two lines of a terminal: enough to judge a hit, short enough for a table cell or a CSV column.
SNIPPET_CHARS = 200
MARK_OPEN, MARK_CLOSE = "[", "]"
ELLIPSIS = "…"


def snippet(text: str, matched: set[str]) -> str:
    """The best sentence of ``text`` for the ``matched`` terms, cut to about SNIPPET_CHARS, matched words marked."""
    best: tuple[int, int, int, int] | None = None  # (-distinct terms, -hits, start, end)
    for sentence in split_sentences(text):
        piece = text[sentence.char_start : sentence.char_end]
        # A term is a run of letters of its word's normalised form: a sentence without any holds none of them, and
        # most sentences are passed over without analysing their words.
        lowered = normalize(piece).lower()
        found = [t for t in terms(piece) if t in matched] if any(t in lowered for t in matched) else []
        key = (-len(set(found)), -len(found), sentence.char_start, sentence.char_end)
        if best is None or key < best:
            best = key
    if best is None:
        return ""
    start, end = best[2], best[3]
    marks = [w for w in words(text, start, end) if w.stem.lower() in matched]
    if end - start > SNIPPET_CHARS:
        centre = marks[0].start if marks else start
        start = max(start, min(centre - SNIPPET_CHARS // 3, end - SNIPPET_CHARS))
        start = max(best[2], _word_boundary(text, start))
        end = _word_boundary(text, min(end, start + SNIPPET_CHARS))
    parts: list[str] = [ELLIPSIS] if start > best[2] else []
    pos = start
    for word in marks:
        if word.start < start or word.end > end:
            continue
        parts += [text[pos : word.start], MARK_OPEN, text[word.start : word.end], MARK_CLOSE]
        pos = word.end
    parts.append(text[pos:end])
    if end < best[3]:
        parts.append(ELLIPSIS)
    return "".join(parts).replace("\n", " ").strip()


def _word_boundary(text: str, pos: int) -> int:
    """``pos`` moved back to the start of the word it falls in."""
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos -= 1
    return pos
