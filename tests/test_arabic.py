"""The Arabic text layer: normalisation with its offset map, clitics, sentences and tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.nlp.text.arabic import (
    enclitic_stems,
    normalize,
    normalize_with_map,
    normalized_tokens,
    proclitic_readings,
    split_sentences,
    tokens,
)


@pytest.mark.parametrize(
    "raw, normalised",
    [
        pytest.param("أَحْمَد", "احمد", id="diacritics-and-hamza-alef"),
        pytest.param("إسلام", "اسلام", id="alef-hamza-below"),
        pytest.param("مستشفى", "مستشفي", id="alef-maqsura"),
        pytest.param("مدرسة", "مدرسه", id="ta-marbuta"),
        pytest.param("بـــوتين", "بوتين", id="tatweel"),
        pytest.param("گوتيريش", "كوتيريش", id="persian-gaf"),
        pytest.param("٢٠٢٤", "2024", id="arabic-indic-digits"),
        pytest.param("مسؤول", "مسوول", id="waw-hamza"),
    ],
)
def test_normalize(raw: str, normalised: str) -> None:
    assert normalize(raw) == normalised


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("أإآابتثجحخدذرزسشصضطظعغفقكلمنهويىةئؤءـًٌٍَُِّْ ٠١٢.،«»")), max_size=60))
def test_offset_map_points_at_the_source_character(text: str) -> None:
    norm, origin = normalize_with_map(text)
    assert len(norm) == len(origin)
    assert origin == sorted(origin)
    for ch, i in zip(norm, origin):
        assert normalize(text[i]) == ch


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتلمنهوي ـَُ.،")), max_size=60))
def test_normalized_tokens_map_back_to_words(text: str) -> None:
    _, _, toks = normalized_tokens(text)
    for tok in toks:
        assert normalize(text[tok.char_start : tok.char_end]) == tok.norm


@pytest.mark.parametrize(
    "token, stem, prefix",
    [
        pytest.param("وباماكو", "باماكو", 1, id="and-bamako"),
        pytest.param("لموسكو", "موسكو", 1, id="to-moscow"),
        pytest.param("بالكرملين", "الكرملين", 1, id="in-the-kremlin"),
        pytest.param("للامم", "الامم", 1, id="to-the-nations"),
        pytest.param("وبالعاصمه", "العاصمه", 2, id="and-in-the-capital"),
        pytest.param("فالاجتماع", "الاجتماع", 1, id="so-the-meeting"),
    ],
)
def test_proclitic_readings(token: str, stem: str, prefix: int) -> None:
    readings = proclitic_readings(token)
    assert readings[0].prefix == 0 and readings[0].stem == token
    assert any(r.stem == stem and r.prefix == prefix for r in readings)


def test_short_words_keep_their_letters() -> None:
    assert [r.stem for r in proclitic_readings("بلد")] == ["بلد"]


def test_enclitic_stems() -> None:
    assert "نظير" in enclitic_stems("نظيره")
    assert enclitic_stems("هم") == ("هم",)


def test_sentences_do_not_end_inside_abbreviations() -> None:
    text = "نقلت أ.ف.ب الخبر. ثم غادر الوفد!\nسطر جديد"
    spans = [text[s.char_start : s.char_end] for s in split_sentences(text)]
    assert spans == ["نقلت أ.ف.ب الخبر.", "ثم غادر الوفد!", "سطر جديد"]


def test_tokens_have_offsets() -> None:
    text = "وصل لافروف، اليوم"
    assert [(t.text, text[t.char_start : t.char_end]) for t in tokens(text)] == [
        ("وصل", "وصل"),
        ("لافروف", "لافروف"),
        ("اليوم", "اليوم"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتلمنهوي ـَُّ.،أ")), max_size=60))
def test_offset_map_agrees_with_the_full_origin_list(text: str) -> None:
    from flows.nlp.text.arabic import OffsetMap

    norm, origin = normalize_with_map(text)
    offsets = OffsetMap(text)
    assert [offsets[k] for k in range(len(norm))] == origin
