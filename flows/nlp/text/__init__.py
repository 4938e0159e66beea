"""The shared Arabic text layer every language stage uses: normalisation, sentences, tokens with offsets, clitics."""

from flows.nlp.text.arabic import ARABIC_LETTER, normalize, normalize_with_map, split_sentences, tokens

__all__ = ["ARABIC_LETTER", "normalize", "normalize_with_map", "split_sentences", "tokens"]
