"""What the search index holds for a text: the text layer's word stems, counted per field, and the spellings met.

A term is the light stem the shared text layer gives a word (flows.nlp.text.words: normalised, clitics split off,
inflection endings dropped), so وبموسكو, موسكو and بموسكو are one term, and so are مسيرة, مسيرات and المسيرات.
Letters other than Arabic are lower-cased (CNN, cnn). A word's form is the word without its clitics before stemming
(the text layer's ``key``), and so is the whole word; a form's skeleton (flows/data/name_letters.tsv) is what the spellings of a foreign name share:
غوتيريش and جوتيريس, بوتين and بوتن. Skeletons are taken of forms, not terms, because stemming cuts names
unevenly (بوتين loses ين as if it were a plural, بوتن keeps its ن).
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

import polars as pl

from flows.nlp.text.morph import WORD, analysis_of
from flows.resources import read_tsv
from flows.store.frames import SCHEMAS, frame

# A one-letter "word" is a stray proclitic or a list marker, never worth a look-up.
MIN_TERM_LETTERS = 2
ARTICLE_FIELDS = ("title", "body")
QUOTE_FIELDS = ("quote", "speaker")


def analysed(text: str | None) -> list[tuple[str, str, str]]:
    """(term, form, whole normalised word) for each word of ``text`` worth indexing, in order.

    The words of the text layer (flows.nlp.text.words), read by spelling: a word's entry depends on its spelling
    alone, and the index needs no offsets, so each spelling is looked up once a process (the loading process indexed
    the 135,000 words of 1,000 bench pages through one Word each: 0.93 -> 0.45 s of CPU, the same rows).
    """
    if not text:
        return []
    return [found for surface in WORD.findall(text) if (found := indexed_word(surface)) is not None]


@lru_cache(maxsize=200_000)
def indexed_word(surface: str) -> tuple[str, str, str] | None:
    """(term, form, whole normalised word) of one spelling, or None when its term is too short to index."""
    analysis = analysis_of(surface)
    term = analysis.stem.lower()
    return (term, analysis.key.lower(), analysis.norm.lower()) if len(term) >= MIN_TERM_LETTERS else None


def terms(text: str | None) -> list[str]:
    """The index terms of ``text``, in order (repeats kept)."""
    return [term for term, _, _ in analysed(text)]


@cache
def letter_classes() -> dict[str, str]:
    return {row["letter"]: "" if row["class"] == "-" else row["class"] for row in read_tsv("name_letters.tsv")}


@lru_cache(maxsize=200_000)
def skeleton(form: str) -> str:
    """``form`` with each letter replaced by its class, long vowels dropped, a repeated class written once."""
    classes = letter_classes()
    out: list[str] = []
    for letter in form:
        cls = classes.get(letter, letter)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


@lru_cache(maxsize=200_000)
def sounds(form: str) -> str:
    """``form`` with each consonant replaced by its class, vowels kept: two spellings of a name compare equal
    where they differ only by the letter chosen for one sound (جوتيريس, غوتيريش)."""
    classes = letter_classes()
    return "".join(classes.get(letter) or letter for letter in form)


def index_frames(articles: pl.DataFrame, quotes: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """The search index rows (search_docs, search_terms, search_vocab, search_spellings) for ``articles`` and their
    ``quotes``.

    ``articles`` needs article_id, title, body_text; ``quotes`` quote_id, article_id, quote_text, speaker_surface.
    Loading the result with flows.store.warehouse.load_batch replaces whatever the index held for these articles,
    so a stage that rewrites articles' facts (reprocess) calls this on the same articles and loads it in its batch.
    """
    docs: list[dict] = []
    rows: list[tuple[str, str, str, str, int]] = []  # search_terms rows, in its column order
    forms: dict[str, str] = {}
    for article_id, title, body in articles.select("article_id", "title", "body_text").iter_rows():
        _add_doc("article", article_id, article_id, {"title": title, "body": body}, docs, rows, forms)
    if quotes is not None:
        for quote_id, article_id, text, speaker in quotes.select(
            "quote_id", "article_id", "quote_text", "speaker_surface"
        ).iter_rows():
            _add_doc("quote", quote_id, article_id, {"quote": text, "speaker": speaker}, docs, rows, forms)
    # by column, not through frame(): one dict a term row cost a fifth of the index's time in the loading process
    search_terms = pl.DataFrame(rows, schema=SCHEMAS["search_terms"], orient="row")
    vocab = search_terms.group_by("kind", "term").agg(pl.col("doc_id").n_unique().cast(pl.Int32).alias("df"))
    spellings = [{"form": form, "skeleton": skeleton(form), "term": term} for form, term in sorted(forms.items())]
    return {
        "search_docs": frame("search_docs", docs),
        "search_terms": search_terms,
        "search_vocab": vocab.sort("kind", "term"),
        "search_spellings": frame("search_spellings", spellings),
    }


def _add_doc(
    kind: str,
    doc_id: str,
    article_id: str,
    fields: dict[str, str | None],
    docs: list[dict],
    rows: list[tuple[str, str, str, str, int]],
    forms: dict[str, str],
) -> None:
    for field, text in fields.items():
        found = analysed(text)
        # The whole word is a spelling too: the text layer may take a name's first letter for a clitic (بيونغ).
        forms.update((form, term) for term, *spellings in found for form in spellings)
        counts = Counter(term for term, _, _ in found)
        docs.append(
            {"kind": kind, "doc_id": doc_id, "article_id": article_id, "field": field, "length": counts.total()}
        )
        rows.extend((kind, doc_id, field, term, tf) for term, tf in counts.items())
