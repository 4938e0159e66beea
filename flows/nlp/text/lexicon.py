"""A lexicon keyed by lemma: list قال once, and قالت، يقولون، وقال، قائلا، بالقول all find it.

The one lexicon type every stage uses instead of hand-spelled surface forms. A lexicon file is a TSV under
flows/data with a provenance comment and a header naming at least ``lemma``, ``pos`` and ``category``; any
other columns ride along on the entry::

    # Reporting verbs, from ... (where the list came from)
    lemma	pos	category	mode
    قال	verb	say	direct
    أكّد	verb	affirm	direct
    اتهم	verb	accuse	-
    تصريح|تصاريح	noun	statement	-
    اتصال هاتفي	noun	phone_call	-
    أطلق … صواريخ	verb	missile	-

``pos`` is ``verb`` (the lemma is the past tense, he: قال، أكّد، اتهم، استقبل — write the shadda of a form II verb,
درّب، وقّع, or it is read as form I; a form I/II verb in hamza, أكد، أخذ, gets the forms of both), ``noun`` (nouns, adjectives, participles, verbal
nouns: the singular, masculine when there is one) or ``fixed`` (particles, names: only that spelling).
flows.nlp.text.forms says which forms each makes. A lemma with ``|`` lists irregular forms of the same entry
(broken plurals, an irregular verbal noun). A lemma with spaces is a phrase: the first word takes its ``pos``, the
others are nouns; ``…`` between two words lets up to GAP_WORDS other words stand there.

    >>> from flows.nlp.text import morph
    >>> from flows.nlp.text.lexicon import LemmaLexicon, LexiconEntry
    >>> lexicon = LemmaLexicon([LexiconEntry("قال", "verb", "say"), LexiconEntry("اتهم", "verb", "accuse")])
    >>> [lexicon.entry_for(w).lemma for w in morph.words("وقالت بالقول واتهاماتها")]
    ['قال', 'قال', 'اتهم']
    >>> [(m.entry.category, m.start, m.end) for m in lexicon.find("وقال إنه متهم")]
    [('say', 0, 4), ('accuse', 9, 13)]

Three ways in, by what the stage holds:

- ``lexicon.entry_for(word)`` / ``entries_for(word)``: the entry of one ``morph.Word`` (one-word entries only);
  ``word.base_start``/``base_end`` give the span without its clitics (a cue's offsets without its و).
- ``lexicon.match_at(seq, i)``: the longest entry, phrases included, starting at ``seq[i]`` of a word sequence, for a
  stage that already walks ``morph.words(text)``.
- ``lexicon.find(text, start, end)``: every entry in a span, left to right, not overlapping; pass a sentence's
  span (flows.nlp.text.split_sentences) so that a ``…`` gap never crosses a sentence.

A word is looked up by its clitic-free key (morph.Word.key), then by the other ways to read its clitics (the
whole word, the word with only its proclitics or only its enclitic off, an article kept on, ل + ال before a word in
ل), so that a split the corpus counts got wrong still finds its entry. ``LemmaLexicon.from_tsv("<name>.tsv")``
reads a file under flows/data once per call: wrap it in functools.cache where it is used; ``from_rows`` builds one
from rows (dicts) read elsewhere. ``ambiguous_forms()`` lists the forms two categories share, for a lexicon's test.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from flows.nlp.text.forms import derived_forms
from flows.nlp.text.morph import ENCLITICS, Word, analysis_of, ends_with_ta_marbuta, key_of, words
from flows.resources import read_tsv

# Up to eight words may stand where a phrase says "…" (a subject with its title and a time word: "وصل رئيس
# الوزراء <name> صباح اليوم الاثنين، إلى"); the same gap the event lexicon has used.
GAP_WORDS = 8
GAP = "…"
REQUIRED_COLUMNS = ("lemma", "pos", "category")


class LexiconFileError(ValueError):
    """A lexicon row without a lemma, a part of speech or a category."""


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    lemma: str  # as the file writes it, the first of its | forms
    pos: str  # verb, noun or fixed
    category: str
    extra: tuple[tuple[str, str], ...] = ()  # the row's other columns, in file order
    variants: tuple[str, ...] = ()  # irregular forms listed after | in the file

    def get(self, column: str, default: str | None = None) -> str | None:
        return dict(self.extra).get(column, default)


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    entry: LexiconEntry
    first: int  # index of the first word matched in the word sequence
    last: int  # index of the last word matched (inclusive)
    start: int  # character offsets into the text: text[start:end] runs from the first word to the last
    end: int


@dataclass(frozen=True, slots=True)
class _Phrase:
    """An entry as a sequence of parts separated by gaps; each part is a sequence of word form sets."""

    entry: LexiconEntry
    parts: tuple[tuple[frozenset[str], ...], ...]

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts)


class LemmaLexicon:
    """Entries keyed by every derived form of their lemma; see the module docstring."""

    def __init__(self, entries: Iterable[LexiconEntry]):
        self.entries = tuple(entries)
        self._by_form: dict[str, list[_Phrase]] = {}
        for entry in self.entries:
            for phrase in _phrases(entry):
                for form in phrase.parts[0][0]:
                    self._by_form.setdefault(form, []).append(phrase)
        self._starting_cache: dict[str, tuple[_Phrase, ...]] = {}
        for phrases in self._by_form.values():
            phrases.sort(key=lambda phrase: -phrase.size)  # the longest phrase first; file order otherwise

    @classmethod
    def from_tsv(cls, *parts: str) -> LemmaLexicon:
        """Read a lexicon file under flows/data: ``LemmaLexicon.from_tsv("<name>.tsv")``."""
        return cls.from_rows(read_tsv(*parts), "/".join(parts))

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]], source: str = "lexicon") -> LemmaLexicon:
        """Entries from rows as flows.resources.read_tsv gives them (column name -> cell)."""
        entries = []
        for row in rows:
            missing = [column for column in REQUIRED_COLUMNS if not row.get(column)]
            if missing:
                raise LexiconFileError(f"{source}: no {', '.join(missing)} in {row}")
            lemma, *variants = row["lemma"].split("|")
            extra = tuple((name, value) for name, value in row.items() if name not in REQUIRED_COLUMNS)
            entries.append(LexiconEntry(lemma, row["pos"], row["category"], extra, tuple(variants)))
        return cls(entries)

    def forms(self, entry: LexiconEntry) -> frozenset[str]:
        """The normalised one-word forms an entry is found by (for a phrase: those of its first word)."""
        return frozenset().union(*(phrase.parts[0][0] for phrase in _phrases(entry)))

    def ambiguous_forms(self) -> dict[str, tuple[LexiconEntry, ...]]:
        """One-word forms that entries of different categories share: a lexicon's test asserts this is empty, or
        that what is left is meant (a masdar shared by two verbs of one meaning)."""
        shared = {}
        for form, phrases in self._by_form.items():
            entries = tuple(dict.fromkeys(p.entry for p in phrases if p.size == 1))
            if len({entry.category for entry in entries}) > 1:
                shared[form] = entries
        return shared

    def entries_for(self, word: Word) -> tuple[LexiconEntry, ...]:
        """Every one-word entry ``word`` is a form of, best reading first, file order within a reading."""
        found: list[LexiconEntry] = []
        for key in readings(word):
            for phrase in self._by_form.get(key, ()):
                if phrase.size == 1 and phrase.entry not in found:
                    found.append(phrase.entry)
        return tuple(found)

    def entry_for(self, word: Word) -> LexiconEntry | None:
        found = self.entries_for(word)
        return found[0] if found else None

    def match_at(self, seq: Sequence[Word], i: int) -> LexiconMatch | None:
        """The longest entry (a word or a phrase) that starts with the word ``seq[i]``."""
        for phrase in self._starting(seq[i].surface):
            last = _match_phrase(phrase, seq, i)
            if last is not None:
                return LexiconMatch(phrase.entry, i, last, seq[i].start, seq[last].end)
        return None

    def _starting(self, surface: str) -> tuple[_Phrase, ...]:
        """The phrases a spelling may start, best reading first; cached per spelling (most words start none)."""
        found = self._starting_cache.get(surface)
        if found is None:
            keys = _readings(surface)
            found = tuple(dict.fromkeys(phrase for key in keys for phrase in self._by_form.get(key, ())))
            self._starting_cache[surface] = found
        return found

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[LexiconMatch]:
        """Every entry found in ``text[start:end]``, left to right, matches not overlapping."""
        seq = words(text, start, end)
        found = []
        i = 0
        while i < len(seq):
            match = self.match_at(seq, i)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last + 1
        return found


def readings(word: Word) -> tuple[str, ...]:
    """The keys a word is looked up by, the layer's own split first (see the module docstring)."""
    return _readings(word.surface)


@lru_cache(maxsize=200_000)
def _readings(surface: str) -> tuple[str, ...]:
    norm, proclitics, base, enclitic, _, _, key, _ = analysis_of(surface)
    ta_marbuta = ends_with_ta_marbuta(surface)
    keys = [key, base, norm, norm[len(proclitics) :]]
    if enclitic:
        keys.append(norm[: -len(enclitic)])
    if proclitics.endswith("لل"):  # ل + ال before a word in ل: للاعبين is ل + اللاعبين
        keys.append("ل" + base)
    if base.startswith("ال") and len(base) > 3:  # an article the corpus counts kept on (الناس، اليمن)
        keys.append(base[2:])
    # An enclitic the corpus counts kept on (تلقاها، حلفائنا): the base without it, with ت read back as ة and a
    # hamza written ئ before it read back as ء (حلفائنا -> حلفاء). Never the ه of a word written with ة.
    for suffix in ENCLITICS:
        if base.endswith(suffix) and len(base) - len(suffix) >= 2 and not (ta_marbuta and suffix == "ه"):
            rest = base[: -len(suffix)]
            keys += [rest, key_of(rest, suffix)] + ([rest[:-1] + "ء"] if rest.endswith("ي") else [])
            break
    return tuple(dict.fromkeys(key for key in keys if key))


def _phrases(entry: LexiconEntry) -> list[_Phrase]:
    phrases = []
    for lemma in (entry.lemma, *entry.variants):
        parts = []
        for p, part in enumerate(lemma.split(GAP)):
            forms = []
            for w, token in enumerate(part.split()):
                pos = entry.pos if (p, w) == (0, 0) or entry.pos == "fixed" else "noun"
                forms.append(derived_forms(token, pos))
            if forms:
                parts.append(tuple(forms))
        phrases.append(_Phrase(entry, tuple(parts)))
    return phrases


def _match_phrase(phrase: _Phrase, seq: Sequence[Word], i: int) -> int | None:
    """The index of the phrase's last word when it matches from ``seq[i]`` (its first word already does)."""
    pos = i
    for p, part in enumerate(phrase.parts):
        if p > 0:
            found = _next_part(part, seq, pos + 1)
            if found is None:
                return None
            pos = found
        elif not _part_at(part, seq, pos):
            return None
        pos += len(part) - 1
    return pos


def _next_part(part: tuple[frozenset[str], ...], seq: Sequence[Word], pos: int) -> int | None:
    for j in range(pos, min(pos + GAP_WORDS + 1, len(seq))):
        if _part_at(part, seq, j):
            return j
    return None


def _part_at(part: tuple[frozenset[str], ...], seq: Sequence[Word], pos: int) -> bool:
    if pos + len(part) > len(seq):
        return False
    return all(any(key in forms for key in readings(seq[pos + k])) for k, forms in enumerate(part))
