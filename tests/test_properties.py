"""Issue 7, properties (hypothesis): the normaliser and the plain-text cleaner never crash and are idempotent, and
every offset the NLP stages produce satisfies ``body_text[char_start:char_end] == surface`` on random Arabic text.

The random text is made of what the stages react to (gazetteer names, quote cues, event triggers from flows/data),
Arabic letters with diacritics and tatweel, punctuation, digits, Latin, direction marks and odd white space.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from flows.nlp.text.arabic import (
    DIACRITICS,
    DROPPED,
    NORMALIZE_TABLE,
    REPLACE_FROM,
    TATWEEL,
    normalize,
    normalize_char,
    normalize_with_map,
    normalized_tokens,
    split_sentences,
    tokens,
)
from flows.nlp.types import Document
from flows.read.textclean import CleanedText, clean_extracted, clean_text
from flows.resources import read_tsv_tuples
from tests import helpers_badinput as h

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + list("ٱپچژکگیۀہھ")
MARKS = sorted(DIACRITICS)[:12] + [TATWEEL]
ODD = ["\u200c", "\u200d", "\u200f", "\u200e", "\u00a0", "\u2028", "\ufeff", "\t", "\r", "\r\n"]
PUNCT = list("،؛؟.!:«»\"'()-…") + ["\n", "\n\n", " ", "  "]
DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲")


@cache
def lexicon_words() -> tuple[str, ...]:
    """Names, cues and triggers from the reviewed data files (first column of each TSV)."""
    words: list[str] = []
    files = [
        "gazetteer/countries.tsv",
        "gazetteer/people.tsv",
        "gazetteer/orgs.tsv",
        "speech_cues.tsv",
        "event_lemmas.tsv",
        "event_lemmas_census.tsv",
    ]
    for name in files:
        column = 2 if name.startswith("gazetteer/countries") else 0
        words.extend(row[column].replace("…", " ") for row in read_tsv_tuples(name))
    return tuple(dict.fromkeys(w for w in words if w.strip())) or ("لافروف", "مالي", "قال")


arabic_word = st.text(st.sampled_from(ARABIC_LETTERS + MARKS), min_size=1, max_size=8)
piece = st.one_of(
    arabic_word,
    st.sampled_from(lexicon_words()),
    st.sampled_from(PUNCT + ODD),
    st.text(st.sampled_from(DIGITS), min_size=1, max_size=4),
    st.sampled_from(["Lavrov", "TASS", "https://example.org", "@x", "#"]),
)
arabic_text = st.lists(piece, max_size=80).map(" ".join)
any_text = st.one_of(arabic_text, st.text(max_size=200))
lines_text = st.lists(
    st.one_of(arabic_text, st.sampled_from(["", " ", "اقرأ أيضاً", "المصدر: وكالات"])), max_size=12
).map("\n".join)


# ---- the normaliser ------------------------------------------------------------------------------------------


@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(any_text)
def test_the_offset_map_points_back_to_the_characters_normalised(text: str) -> None:
    norm, origin = normalize_with_map(text)
    assert len(norm) == len(origin)
    assert origin == sorted(set(origin))  # strictly increasing
    for i, j in enumerate(origin):
        assert normalize_char(text[j]) == norm[i]


@given(any_text)
def test_long_text_is_normalised_by_replaces_as_the_table_would(text: str) -> None:
    long_text = text * (REPLACE_FROM // max(len(text), 1) + 1)  # at least REPLACE_FROM characters: the replaces
    for part in (text, long_text):
        assert normalize(part) == part.translate(NORMALIZE_TABLE)
        assert normalize_with_map(part)[1] == [i for i, ch in enumerate(part) if ch not in DROPPED]


def test_no_replacement_brings_a_character_the_table_changes() -> None:
    """What makes one replace per table entry equal to translate: the order of the replaces cannot matter."""
    assert not {ch for new in NORMALIZE_TABLE.values() if new for ch in new} & {chr(c) for c in NORMALIZE_TABLE}


@given(any_text)
def test_sentences_are_stripped_ordered_spans(text: str) -> None:
    previous_end = 0
    for index, sentence in enumerate(split_sentences(text)):
        assert sentence.index == index
        assert previous_end <= sentence.char_start < sentence.char_end <= len(text)
        span = text[sentence.char_start : sentence.char_end]
        assert span == span.strip()
        previous_end = sentence.char_end


@given(any_text)
def test_token_offsets_hold(text: str) -> None:
    for token in tokens(text):
        assert text[token.char_start : token.char_end] == token.text
    norm, _, words = normalized_tokens(text)
    for word in words:
        assert norm[word.norm_start : word.norm_end] == word.norm
        assert normalize(text[word.char_start : word.char_end]) == word.norm


# ---- the cleaner ----------------------------------------------------------------------------------------------


def rendered(cleaned: CleanedText) -> str:
    """A cleaned article written back out as a .txt copy-paste: the title line (unless the body starts with it), the body."""
    if cleaned.title is None:
        return cleaned.body_text
    if cleaned.body_text.split("\n", 1)[0] == cleaned.title:
        return cleaned.body_text
    return f"{cleaned.title}\n{cleaned.body_text}"


# No deadline: the first call loads the line rules (about 0.4 s), which failed the test when it ran alone.
@given(lines_text)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_clean_text_never_crashes(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.body_text == cleaned.body_text.strip() or not cleaned.body_text.strip()


# Counterexamples hypothesis found (issue 7 report). Both come from rules that look at neighbouring lines: once a
# line between two others is removed, the second pass sees a different neighbourhood. The cleaner now applies
# its line rules to a fixed point; these two counterexamples stay as examples.
# 1. A paragraph, a credit line, the same paragraph again: the first pass moves the credit out and keeps both
#    paragraphs; the second pass sees two identical adjacent lines, takes them for a photo caption printed twice
#    (_is_caption_repeat) and empties the body. Two identical adjacent full sentences are also lost on a first pass.
REPEATED_PARAGRAPH = (
    "عنوان الخبر اليوم\n" + "قال الوزير إن بلاده ستواصل دعم مالي.\nالمصدر: وكالات\nقال الوزير إن بلاده ستواصل دعم مالي."
)
# 2. A short line seven lines before a line with the same key: the lines in between (marks only, no letter) are
#    dropped by the first pass, which brings the two within REPEAT_WINDOW, so the second pass drops the first as a
#    doubled headline.
WINDOW_SHIFT = "ؐ آ\nء\n" + "ؐ\n" * 6 + "ؐ ؐ ؐ ء"


@given(lines_text)
@example(REPEATED_PARAGRAPH)
@example(WINDOW_SHIFT)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    twice = clean_text(rendered(once))
    assert (twice.title, twice.body_text) == (once.title, once.body_text)


@given(lines_text, st.one_of(st.none(), arabic_text))
@example(REPEATED_PARAGRAPH, None)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_clean_extracted_is_idempotent(text: str, title: str | None) -> None:
    once = clean_extracted(text, title)
    assert clean_extracted(once.body_text, title).body_text == once.body_text


# ---- offsets of every NLP record ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analyse():
    from flows.pipeline import analyse as real_analyse

    return real_analyse


def article_body(raw: str) -> str:
    """Body text as ingest stores it: what the cleaner keeps (NFC is not applied: offsets are into the raw body)."""
    return clean_text("عنوان الخبر هنا\n" + raw).body_text  # "the headline here"


def check_offsets(doc: Document, analysis) -> None:
    body, sentences = doc.body_text, doc.sentences

    def inside(start: int, end: int) -> None:
        assert 0 <= start < end <= len(body)

    for m in analysis.mentions:
        inside(m.char_start, m.char_end)
        assert body[m.char_start : m.char_end] == m.surface
        s = sentences[m.sentence_index]
        assert s.char_start <= m.char_start and m.char_end <= s.char_end
    for q in analysis.quotes:
        inside(q.char_start, q.char_end)
        assert body[q.char_start : q.char_end] == q.quote_text
        if q.cue_start is not None:
            assert body[q.cue_start : q.cue_end] == q.cue
        if q.speaker_start is not None and q.speaker_surface is not None:
            assert body[q.speaker_start : q.speaker_end] == q.speaker_surface
    for e in analysis.event_mentions:
        inside(e.char_start, e.char_end)
        assert body[e.char_start : e.char_end] == e.trigger
        s = sentences[e.sentence_index]
        assert body[s.char_start : s.char_end] == e.evidence


def test_the_offset_properties_see_real_records(analyse) -> None:
    """Not vacuous: the hand-written article gives the stages something to find."""
    body = article_body(h.article_text(1))
    doc = Document(article_id="prop", body_text=body, sentences=split_sentences(body))
    analysis = analyse(doc)
    assert analysis.mentions and (analysis.quotes or analysis.event_mentions)
    check_offsets(doc, analysis)


@given(arabic_text)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@example(h.article_text(1))
def test_every_offset_points_at_its_surface(analyse, raw: str) -> None:
    body = article_body(raw)
    doc = Document(article_id="prop", body_text=body, sentences=split_sentences(body))
    check_offsets(doc, analyse(doc))


@given(st.lists(st.sampled_from(lexicon_words()), min_size=3, max_size=40).map(" ".join), st.sampled_from(MARKS + ODD))
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
def test_offsets_hold_with_marks_and_invisible_characters_inside_names(analyse, raw: str, mark: str) -> None:
    """Diacritics, tatweel, direction marks and non-breaking spaces sprinkled into names shift normalised offsets."""
    body = "".join(
        ch + (mark if i % 3 == 1 and unicodedata.category(ch).startswith("L") else "") for i, ch in enumerate(raw)
    )
    doc = Document(article_id="prop", body_text=body, sentences=split_sentences(body))
    check_offsets(doc, analyse(doc))


# ---- offsets in every warehouse table, after a real ingest of generated articles ------------------------------


def generated_article(seed: int) -> str:
    """A random article from the lexicon and the hand-written sentences: a title line, then eight paragraphs."""
    import random

    rng = random.Random(seed)
    words = lexicon_words()
    paragraphs = []
    for _ in range(8):
        if rng.random() < 0.4:
            paragraphs.append(rng.choice(h.SENTENCES).format(n=rng.randint(2, 9)))
        else:
            picked = [
                rng.choice(words) if rng.random() < 0.5 else rng.choice(["قال", "إن", "في", "مع", "،", "«", "»"])
                for _ in range(rng.randint(6, 25))
            ]
            paragraphs.append(" ".join(picked) + rng.choice([".", "!", "؟", ""]))
    return "خبر رقم " + str(seed) + " عن زيارة الوزير\n" + "\n".join(paragraphs) + "\n"


def test_every_offset_in_every_table_points_at_its_surface(analyse, tmp_path) -> None:
    from flows import runner
    from flows.settings import Settings
    from flows.store import warehouse

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in range(25):
        (inbox / f"g{seed:02}.txt").write_text(generated_article(seed), encoding="utf-8")
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    summary = runner.run_ingest(settings)
    assert summary.loaded >= 20, summary.quarantined_files[:3]
    checks = {
        "mentions": "select a.body_text, m.char_start, m.char_end, m.surface from mentions m join articles a using (article_id)",
        "quotes": "select a.body_text, q.char_start, q.char_end, q.quote_text from quotes q join articles a using (article_id)",
        "quote cues": "select a.body_text, q.cue_start, q.cue_end, q.cue from quotes q join articles a using (article_id) where q.cue_start is not null",
        "event_mentions": "select a.body_text, e.char_start, e.char_end, e.trigger from event_mentions e join articles a using (article_id)",
    }
    seen = {}
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        for name, sql in checks.items():
            rows = con.execute(sql).fetchall()
            seen[name] = len(rows)
            wrong = [(surface, body[start:end]) for body, start, end, surface in rows if body[start:end] != surface]
            assert wrong == [], f"{name}: {wrong[:5]}"
        evidence = con.execute(
            "select a.body_text, e.char_start, e.evidence from event_mentions e join articles a using (article_id)"
        ).fetchall()
    assert all(ev in body and body.find(ev) <= start for body, start, ev in evidence if ev)
    assert seen["mentions"] > 50  # measured 19:25 UTC: 423 mentions, 162 quotes, 264 event mentions on these 25
