"""Bytes -> text: encodings the inbox meets, and the inputs that must be quarantined instead."""

from __future__ import annotations

import codecs

import pytest

from flows.errors import Quarantine
from flows.read.decode import declared_charset, decode_bytes, sniff_binary

# A sample sentence written for these tests: "The Russian foreign minister arrived in Bamako on Tuesday."
SAMPLE = "وصل وزير الخارجية الروسي إلى باماكو يوم الثلاثاء في زيارة رسمية تستمر يومين. " * 4


def page(charset: str, body: str = SAMPLE) -> str:
    return f'<html><head><meta charset="{charset}"><title>خبر</title></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize(
    "raw, html",
    [
        pytest.param(page("utf-8").encode("utf-8"), True, id="utf8-page"),
        pytest.param(page("windows-1256").encode("cp1256"), True, id="windows-1256-page"),
        pytest.param(page("iso-8859-6").encode("iso8859_6"), True, id="iso-8859-6-page"),
        pytest.param(page("utf-8").encode("cp1256"), True, id="meta-says-utf8-but-bytes-are-windows-1256"),
        pytest.param(page("windows-1256").encode("utf-8"), True, id="meta-says-1256-but-bytes-are-utf8"),
        pytest.param(SAMPLE.encode("cp1256"), False, id="windows-1256-txt"),
        pytest.param(SAMPLE.encode("iso8859_6"), False, id="iso-8859-6-txt"),
        pytest.param(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), False, id="utf8-with-bom"),
        pytest.param(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), False, id="utf16-with-bom"),
        pytest.param(SAMPLE.encode("utf-8")[:-1], False, id="utf8-cut-mid-character"),
    ],
)
def test_decodes_arabic_in_every_encoding_the_inbox_meets(raw: bytes, html: bool) -> None:
    decoded = decode_bytes(raw, html=html)
    assert "وزير الخارجية الروسي" in decoded.text


@pytest.mark.parametrize(
    "raw, reason",
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\t \r\n", "empty", id="whitespace-only"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG", id="png-named-html"),
        pytest.param(b"%PDF-1.7\n" + bytes(200), "PDF", id="pdf"),
        pytest.param(b"PK\x03\x04" + bytes(200), "ZIP", id="zip"),
        pytest.param(bytes(range(256)) * 40, "binary", id="nul-bytes"),
    ],
)
def test_quarantines_what_is_not_text(raw: bytes, reason: str) -> None:
    with pytest.raises(Quarantine, match=reason):
        decode_bytes(raw, html=True)


def test_declared_charset_is_normalised() -> None:
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">') == "cp1256"
    assert declared_charset(b"<p>no meta</p>") is None


def test_plain_text_is_not_binary() -> None:
    assert sniff_binary(SAMPLE.encode("utf-8")) is None


# Four paragraphs written for these tests ("the council met ... the minister said ..."), about 1,100 characters.
PARAGRAPHS = "\n\n".join(
    [
        "اجتمع مجلس الوزراء صباح اليوم في العاصمة لبحث الوضع الاقتصادي وأسعار الوقود والخبز في الأسواق المحلية.",
        "وقال وزير المالية إن الحكومة ستعلن خلال أيام عن حزمة من الإجراءات لدعم الأسر ذات الدخل المحدود.",
        "وأضاف الوزير أن المفاوضات مع المانحين الدوليين مستمرة وأن نتائجها ستظهر قبل نهاية الشهر الجاري.",
        "وفي سياق متصل أعلنت وزارة التجارة عن حملة لمراقبة الأسعار في المحافظات كافة ابتداء من الأسبوع المقبل.",
    ]
)


def with_stray_bytes(text: str, count: int) -> bytes:
    """UTF-8 bytes with ``count`` stray bytes (0xFF, never valid in UTF-8) put after paragraph starts."""
    raw = bytearray(text.encode("utf-8"))
    step = len(raw) // (count + 1)
    for i in range(count, 0, -1):
        at = i * step
        while raw[at] & 0xC0 == 0x80:  # not inside a character
            at += 1
        raw[at:at] = b"\xff"
    return bytes(raw)


@pytest.mark.parametrize("stray", [1, 3, 6], ids=["one-stray-byte", "three-stray-bytes", "six-stray-bytes"])
def test_a_few_stray_bytes_in_utf8_are_replaced_and_said(stray: int) -> None:
    decoded = decode_bytes(with_stray_bytes(PARAGRAPHS, stray), html=False)
    assert decoded.text.count("\ufffd") == stray
    assert decoded.text.replace("\ufffd", "") == PARAGRAPHS  # nothing else lost
    assert decoded.warning and f"{stray} invalid UTF-8 byte sequence" in decoded.warning


def test_arabic_in_windows_1256_is_not_taken_for_damaged_utf8() -> None:
    decoded = decode_bytes(PARAGRAPHS.encode("cp1256"), html=False)
    assert decoded.warning is None and "وزير المالية" in decoded.text


def test_utf8_damaged_beyond_the_threshold_is_still_quarantined() -> None:
    raw = bytes(b for pair in zip(PARAGRAPHS.encode("utf-8"), b"\xff" * 10_000) for b in pair)  # every other byte
    with pytest.raises(Quarantine, match="undecodable"):
        decode_bytes(raw, html=False)


def test_the_warning_reaches_the_files_table(tmp_path) -> None:
    from flows.pipeline import process_file
    from flows.read import InboxFile
    from flows.settings import Settings

    path = tmp_path / "damaged.txt"
    path.write_bytes(with_stray_bytes("عنوان الخبر\n\n" + PARAGRAPHS, 3))
    outcome = process_file(InboxFile("damaged.txt", path, path.stat().st_size, path.stat().st_mtime_ns), Settings())
    assert outcome.error is None and outcome.warning and "3 invalid UTF-8 byte sequences replaced" in outcome.warning
