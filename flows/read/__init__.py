"""Stage 1, read: inbox files -> article records (discover, safe reading, sidecars, decoding, main text, dates).

Entry points: ``scan_inbox`` (what there is to read) and ``article_from_bytes`` (one file's article).
trafilatura is imported only when an HTML page is met (flows/read/extract.py, the one module that imports it).
"""

from flows.read.article import (
    ArticleRecord,
    article_from_bytes,
    article_from_file,
    article_id_for,
    read_inbox_bytes,
    read_sidecar,
    sha256_hex,
)
from flows.read.discover import InboxFile, require_inbox_folder, scan_inbox

__all__ = [
    "ArticleRecord",
    "InboxFile",
    "article_from_bytes",
    "article_from_file",
    "article_id_for",
    "read_inbox_bytes",
    "read_sidecar",
    "require_inbox_folder",
    "scan_inbox",
    "sha256_hex",
]
