"""Bytes to text: binary sniffing and encoding detection (UTF-8, windows-1256, ISO-8859-6, lying <meta charset>).

Detection is charset-normalizer's (a maintained library); this module only decides the order in which encodings
are tried and when the result is too garbled to be an article.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from flows.errors import Quarantine

# File signatures of the binaries users drop by mistake, checked before any decoding.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# Arabic pages that are not UTF-8 are windows-1256 or ISO-8859-6 in practice; the declared charset goes first.
ARABIC_FALLBACKS = ("cp1256", "iso8859_6")
# A NUL byte in more than 1 in 1,000 bytes of a file without a UTF-16/32 BOM means binary, not text.
MAX_NUL_RATIO = 0.001
# charset-normalizer's chaos score (0 clean .. 1 noise): above this the text is mojibake, not an article.
MAX_CHAOS = 0.3
# Invalid UTF-8 sequences tolerated (replaced) before deciding the file is in another encoding, as a share of the
# file's non-ASCII characters: a few stray bytes in UTF-8 Arabic are damage, not a different encoding. The two cases
# are far apart: Arabic saved as windows-1256 and read as UTF-8 loses nearly every letter (a share of 0.6-1.0 on the
# sample pages), while three stray bytes in four paragraphs of UTF-8 Arabic are a share of 0.005 (issue 17). 2 %
# loads damaged files of a few paragraphs and still sends every real windows-1256 page to detection.
MAX_BAD_UTF8_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None  # loaded, but something was repaired (files.warning)


def sniff_binary(raw: bytes) -> str | None:
    """The kind of binary ``raw`` is, or None when it may be text."""
    for magic, kind in MAGIC_NUMBERS:
        if raw.startswith(magic):
            return kind
    head = raw[:65536]
    if not any(head.startswith(bom) for bom, _ in BOMS) and head.count(0) > MAX_NUL_RATIO * len(head):
        return "binary data (NUL bytes)"
    return None


def declared_charset(raw: bytes) -> str | None:
    match = META_CHARSET.search(raw[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii", "ignore")).name
    except LookupError:
        return None


def decode_bytes(raw: bytes, *, html: bool) -> Decoded:
    """Text from ``raw``; raises Quarantine when it is empty, binary or no encoding gives readable text."""
    if not raw.strip():
        raise Quarantine("empty file (no content, or white space only)")
    kind = sniff_binary(raw)
    if kind:
        raise Quarantine(f"binary file ({kind}), not a saved page or text")
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(encoding, errors="replace"), encoding)
    utf8 = _try_utf8(raw)
    if utf8 is not None:
        return utf8
    declared = declared_charset(raw) if html else None
    candidates = [c for c in dict.fromkeys([declared, *ARABIC_FALLBACKS]) if c and c != "utf-8"]
    best = from_bytes(raw, cp_isolation=candidates).best() or from_bytes(raw).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise Quarantine("undecodable: not UTF-8, and no encoding (windows-1256, ISO-8859-6, ...) gives readable text")
    return _checked(str(best), best.encoding)


def _try_utf8(raw: bytes) -> Decoded | None:
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(raw) - 3:  # a file cut in the middle of its last character
            return Decoded(raw[: error.start].decode("utf-8", errors="replace"), "utf-8")
    if not _mostly_multibyte(raw):  # cheap, and false for the usual non-UTF-8 file (windows-1256): decided here
        return None
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if damaged <= MAX_BAD_UTF8_SHARE * non_ascii:
        note = f"{damaged} invalid UTF-8 byte sequence{'s' if damaged > 1 else ''} replaced by U+FFFD"
        return Decoded(text, "utf-8 (damaged bytes replaced)", note)
    return None


def _mostly_multibyte(raw: bytes) -> bool:
    """UTF-8 Arabic has lead bytes 0xD8-0xDB everywhere; windows-1256 Arabic does not pair them with continuations."""
    return raw.count(b"\xd8") + raw.count(b"\xd9") > 20


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip():
        raise Quarantine("empty file (no content, or white space only)")
    return Decoded(text, encoding)
