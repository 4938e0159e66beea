"""The shared Arabic text layer every language stage uses: normalisation, sentences, tokens with offsets, clitics,
stems, the derived forms of a lemma, and lexicons keyed by lemma (flows.nlp.text.lexicon says how to write one)."""

from flows.nlp.text.arabic import ARABIC_LETTER, normalize, normalize_with_map, split_sentences, tokens
from flows.nlp.text.forms import derived_forms
from flows.nlp.text.lexicon import LemmaLexicon, LexiconEntry, LexiconFileError, LexiconMatch
from flows.nlp.text.morph import Word, analyse, words

__all__ = [
    "ARABIC_LETTER",
    "LemmaLexicon",
    "LexiconEntry",
    "LexiconFileError",
    "LexiconMatch",
    "Word",
    "analyse",
    "derived_forms",
    "normalize",
    "normalize_with_map",
    "split_sentences",
    "tokens",
    "words",
]
