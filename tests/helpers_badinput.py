"""Generators for the bad inbox files of issue 7, built by the tests themselves (no binary fixtures committed).

Every Arabic sentence here was written for these tests (none is copied from ../shared/seeds). The English meaning
of each is in the comment beside it.

Also a small driver (``python -m tests.helpers_badinput ARGS``) that runs ``akhbar`` in a subprocess with the NLP
stages that have not landed yet replaced by empty ones (see ``stub_missing_nlp``), for the fault tests.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

# Sentences written for these tests, combined into articles that differ in their numbers.
SENTENCES = (
    "وصل وزير الخارجية الروسي إلى باماكو في زيارة رسمية تستمر {n} أيام.",  # The Russian FM arrived in Bamako for n days.
    "وقال الوزير إن بلاده مستعدة لتوسيع التعاون مع مالي في مجال الطاقة.",  # The minister said his country is ready...
    "وأكد رئيس المجلس الانتقالي في مالي أن الشراكة مع روسيا استراتيجية.",  # Mali's transitional head: the partnership is strategic.
    "وبحث الجانبان الوضع الأمني في منطقة الساحل وسبل مكافحة الإرهاب.",  # Both sides discussed security in the Sahel.
    "ووقع الطرفان {n} اتفاقيات في مجالات التعدين والزراعة والتعليم.",  # The two parties signed n agreements...
    "وأشار البيان إلى أن موسكو سترسل شحنات من القمح والأسمدة إلى باماكو.",  # The statement said Moscow will ship wheat...
)
TITLE = "وزير الخارجية الروسي يزور مالي للمرة {n}"  # The Russian FM visits Mali for the n-th time
# A word that appears only in the article a test plants outside the inbox: if it shows up anywhere, it was read.
OUTSIDE_MARKER = "سرخارجي"  # "outside secret" (a made-up word)


def article_text(n: int = 1) -> str:
    """A short Arabic article as a .txt copy-paste: a title line, then paragraphs. Different ``n``, different body."""
    body = "\n".join(s.format(n=n) for s in SENTENCES)
    return f"{TITLE.format(n=n)}\n{body}\n"


def article_html(n: int = 1, charset: str = "utf-8", body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{s.format(n=n)}</p>" for s in SENTENCES)
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
        f"<title>{TITLE.format(n=n)}</title></head><body><article><h1>{TITLE.format(n=n)}</h1>"
        f"{paragraphs}{body_extra}</article></body></html>"
    )


# ---- binaries with text names ---------------------------------------------------------------------------------


def png_bytes() -> bytes:
    """A valid 1x1 PNG (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    ihdr = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zip_bytes(tmp: Path) -> bytes:
    import zipfile

    target = tmp / "made.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("article.txt", article_text(99))
    return target.read_bytes()


# ---- broken text and HTML ---------------------------------------------------------------------------------------


def truncated_html(n: int = 2) -> bytes:
    """A page cut in the middle of a tag after its fourth paragraph (a download that stopped)."""
    page = article_html(n).encode("utf-8")
    cut = page.index(b"</p>", page.index(b"<p>") + 1)
    cut = page.index(b"<p>", cut)
    cut = page.index(b"</p>", cut + 1)
    cut = page.index(b"</p>", cut + 1)
    cut = page.index(b"</p>", cut + 1) + 3  # "</p" without its ">"
    return page[:cut]


def invalid_utf8() -> bytes:
    """Bytes that are no text in any encoding: lone continuation bytes and controls."""
    return bytes([0x80, 0x81, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF, 0x9D, 0x8F, 0x90]) * 300


def utf8_with_damage(n: int = 3) -> bytes:
    """A UTF-8 article with three stray bytes in the middle (a copy gone slightly wrong)."""
    raw = article_text(n).encode("utf-8") * 2
    middle = len(raw) // 2
    return raw[:middle] + b"\xff\xfe\xff" + raw[middle:]


def lying_meta(n: int, declared: str, actual: str) -> bytes:
    return article_html(n, charset=declared).encode(actual)


def nested_html(depth: int = 100_000) -> bytes:
    """Article text buried under ``depth`` levels of <div>."""
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        + "<div>" * depth
        + "".join(f"<p>{s.format(n=4)}</p>" for s in SENTENCES)
        + "</div>" * depth
        + "</body></html>"
    ).encode("utf-8")


def billion_laughs() -> bytes:
    """The XML entity-expansion bomb: ten levels of ten-fold references (10^9 "lol" if expanded)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "\n".join(entities) + "\n]>\n"
        "<html><body><article><p>&lol9;</p>"
        + "".join(f"<p>{s.format(n=5)}</p>" for s in SENTENCES)
        + "</article></body></html>"
    ).encode("utf-8")


def xxe_page(outside_file: Path) -> bytes:
    """A page asking the parser to pull in a local file (external entity, XInclude, iframe, img)."""
    url = outside_file.as_uri()
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>\n'
        '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><article>'
        f'<p>&xxe;</p><xi:include href="{url}" parse="text"/><iframe src="{url}"></iframe>'
        f'<img src="{url}"><link rel="stylesheet" href="{url}"><script src="{url}"></script>'
        + "".join(f"<p>{s.format(n=6)}</p>" for s in SENTENCES)
        + "</article></body></html>"
    ).encode("utf-8")


def scripts_only() -> bytes:
    scripts = "".join(
        f"<script>var a{i} = 'وزير الخارجية الروسي يصل إلى باماكو في زيارة رسمية'; document.write(a{i});</script>"
        for i in range(50)
    )
    return f"<html><head><meta charset='utf-8'>{scripts}</head><body>{scripts}</body></html>".encode("utf-8")


def script_page(witness: Path) -> bytes:
    """A page whose scripts would leave a file behind if anything ran them."""
    js = f"require('fs').writeFileSync('{witness}', 'ran');"
    py = f"<?python open('{witness}', 'w').write('ran') ?>"
    return article_html(7, body_extra=f'<script>{js}</script>{py}<img src=x onerror="{js}">').encode("utf-8")


# ---- the driver for subprocess tests ------------------------------------------------------------------------------


def stub_nlp(setattr_=setattr) -> None:
    """No NLP at all: articles load with empty analyses (for tests of storage, not of extraction)."""
    import flows.pipeline as pipeline
    import flows.read.article as article
    from flows.nlp.types import Analysis

    setattr_(pipeline, "analyse", lambda doc, timer=None: Analysis())
    setattr_(article, "resolve_published_at", lambda *args, **kwargs: (None, None))


def _pause_inside_load_transaction() -> None:
    """Print a line and sleep in batch 2's transaction once every table is inserted, before commit (kill -9 target)."""
    import time

    import polars as pl

    from flows.store import warehouse

    original_load, original_sql = warehouse.load_batch, warehouse._insert_sql
    calls = [0]

    def load_batch(con, frames, retract=None):
        calls[0] += 1
        if calls[0] == 2:
            frames = {**frames, "pause": pl.DataFrame({"x": [1]})}
        return original_load(con, frames, retract)

    def insert_sql(table: str) -> str:
        if table == "pause":
            print("INSIDE-LOAD-TRANSACTION", flush=True)
            time.sleep(120)
        return original_sql(table)

    warehouse.load_batch, warehouse._insert_sql = load_batch, insert_sql
    warehouse.LOAD_ORDER = (*warehouse.LOAD_ORDER, "pause")


def _pause_after_first_commit() -> None:
    """Say so on stdout once the first batch's load has committed, then wait to be killed (at most 120 s): a kill
    lands between two batches whatever the machine's load, where a test reading a progress bar raced the next ones."""
    import time

    from flows.store import warehouse

    original_load = warehouse.load_batch
    calls = [0]

    def load_batch(con, frames, retract=None):
        result = original_load(con, frames, retract)
        calls[0] += 1
        if calls[0] == 1:
            print("FIRST-BATCH-COMMITTED", flush=True)
            time.sleep(120)
        return result

    warehouse.load_batch = load_batch


def main(argv: list[str]) -> int:
    """``python -m tests.helpers_badinput [--pause-in-load | --pause-after-first-commit] AKHBAR-ARGS...``: akhbar
    with missing NLP stubbed."""
    if argv and argv[0] == "--pause-in-load":
        argv = argv[1:]
        _pause_inside_load_transaction()
    if argv and argv[0] == "--pause-after-first-commit":
        argv = argv[1:]
        _pause_after_first_commit()
    if argv and argv[0] == "--no-nlp":  # storage faults: the NLP stages are not what is tested
        argv = argv[1:]
        stub_nlp()
    from flows.cli import main as akhbar_main

    return akhbar_main(argv)


if __name__ == "__main__":
    os.environ.setdefault("AKHBAR_WORKERS", "1")  # the stubs live in this process only: no worker processes
    sys.exit(main(sys.argv[1:]))
