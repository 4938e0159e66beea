"""One document as the quote stage reads it: normalised tokens with body offsets, marks, sentences, mentions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from flows.nlp.entities.person_roles import ArticleRoles
from flows.nlp.entities.role_words import ON_BEHALF
from flows.nlp.quotes.lexicon import Cue
from flows.nlp.quotes.marks import MarkSpan, mark_spans
from flows.nlp.text.arabic import DIACRITICS, TATWEEL, TOKEN, normalize, normalize_with_map, split_sentences
from flows.nlp.types import Document, Entity, Mention, Sentence

# Punctuation that ends a clause inside a sentence.
CLAUSE_COMMAS = frozenset("،,؛;")
TRAILING_PUNCTUATION = ".،,:;؛ \t\n-–"


@dataclass(frozen=True, slots=True)
class Tok:
    norm: str  # normalised form, for lexicon look-ups
    start: int  # offsets into body_text
    end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    entity_id: str | None
    surface: str | None
    start: int | None = None
    end: int | None = None
    entity_type: str | None = None


@dataclass(slots=True)
class Found:
    """A quotation being assembled; becomes a ``Quote`` once its clause end and speaker are known."""

    cue: Cue
    cue_start: int
    cue_end: int
    kind: str  # direct, indirect
    content_start: int
    content_end: int | None  # None until pass 2 for reported clauses
    sentence: int
    np: tuple[int, int] | None = None  # token range of the phrase naming the speaker
    speaker: Speaker = field(default_factory=lambda: Speaker(None, None))
    mark: MarkSpan | None = None


class Context:
    """Everything about one document the quote rules look at, computed once."""

    def __init__(self, doc: Document, mentions: tuple[Mention, ...], entities: tuple[Entity, ...]) -> None:
        self.body = doc.body_text
        self.article_id = doc.article_id
        self.sentences: tuple[Sentence, ...] = doc.sentences or split_sentences(doc.body_text)
        self._sentence_starts = [s.char_start for s in self.sentences]
        norm, origin = normalize_with_map(doc.body_text)
        self.tokens = [
            Tok(m.group(), origin[m.start()], self._word_end(origin[m.end() - 1] + 1)) for m in TOKEN.finditer(norm)
        ]
        self._token_starts = [t.start for t in self.tokens]
        self.marks: tuple[MarkSpan, ...] = mark_spans(doc.body_text)
        # "باسم الجيش" (spokesman *for* the army) is no one's name, though the entity stage may tag it PERSON.
        named = [m for m in mentions if m.mention_kind == "name" and normalize(m.surface).split()[:1] != [ON_BEHALF]]
        self.mentions = tuple(sorted(named, key=lambda m: (m.char_start, -m.char_end)))
        self._mention_starts = [m.char_start for m in self.mentions]
        self.entities = {e.entity_id: e for e in entities}
        # Who holds which role, as the entity layer reads it: role descriptions resolve through it.
        self.roles = ArticleRoles(doc.body_text, self.sentences, self.mentions, self.entities)

    def _word_end(self, end: int) -> int:
        """Extend a token over the harakat and tatweel that follow its last letter (مضيفاً keeps its tanween)."""
        while end < len(self.body) and (self.body[end] in DIACRITICS or self.body[end] == TATWEEL):
            end += 1
        return end

    # --- sentences -------------------------------------------------------------------------------------------
    def sentence_of(self, index: int) -> Sentence | None:
        """The sentence holding body index ``index`` (or the one just before it, when it falls between two)."""
        at = bisect.bisect_right(self._sentence_starts, index) - 1
        return self.sentences[at] if at >= 0 else (self.sentences[0] if self.sentences else None)

    def sentence_index(self, index: int) -> int:
        sentence = self.sentence_of(index)
        return sentence.index if sentence else 0

    # --- tokens ----------------------------------------------------------------------------------------------
    def token_range(self, start: int, end: int) -> range:
        """Indexes of the tokens that start in ``body[start:end]``."""
        return range(bisect.bisect_left(self._token_starts, start), bisect.bisect_left(self._token_starts, end))

    # --- gaps between tokens ---------------------------------------------------------------------------------
    def gap_before(self, i: int) -> str:
        """The body text between token ``i - 1`` and token ``i``: spaces and punctuation."""
        start = self.tokens[i - 1].end if i > 0 else 0
        return self.body[start : self.tokens[i].start]

    def mark_opening_in(self, start: int, end: int) -> MarkSpan | None:
        for span in self.marks:
            if start <= span.open_at < end:
                return span
            if span.open_at >= end:
                break
        return None

    def in_mark(self, index: int) -> MarkSpan | None:
        for span in self.marks:
            if span.open_at > index:
                break
            if span.open_at < index < span.close_at:
                return span
        return None

    # --- mentions --------------------------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._mention_starts, start)
        return [m for m in self.mentions[lo:] if m.char_start < end and m.char_end <= end]

    def mention_starting_in(self, start: int, end: int) -> Mention | None:
        found = self.mentions_in(start, end)
        return found[0] if found and found[0].char_start < end else None

    def mentions_before(self, index: int) -> list[Mention]:
        """Mentions ending at or before ``index``, nearest first."""
        return [m for m in reversed(self.mentions) if m.char_end <= index]

    def speaker_from(self, mention: Mention) -> Speaker:
        return Speaker(mention.entity_id, mention.surface, mention.char_start, mention.char_end, mention.entity_type)

    def strip_end(self, start: int, end: int) -> int:
        """``end`` moved back over trailing punctuation and white space, never before ``start``."""
        while end > start and (self.body[end - 1] in TRAILING_PUNCTUATION or self.body[end - 1].isspace()):
            end -= 1
        return end
