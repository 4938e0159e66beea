"""A TREC-style news file: ``<DOC><DOCNO>…</DOCNO><TITLE>…</TITLE><TIME>…</TIME><TEXT>…</TEXT></DOC>``.

News archives and research corpora ship articles this way (the ANT corpora, TREC, LDC newswire). Read as a plain
copy-paste, its tags became the title and its byline the first line of the body. Here each field goes where it
belongs: the title from TITLE (or HEADLINE), the publication date from TIME (or DATE), the url, the outlet (SRC)
and the byline (AUTHOR) to their columns, and the body from TEXT alone (the ABSTRACT is the outlet's summary, not
the story). A file holding several documents is quarantined: one inbox file is one article.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from flows.errors import Quarantine

# A TREC file starts with its <DOC> tag (after a BOM or white space); a page that merely mentions <DOC> later is not one.
TREC_START = re.compile(r"\A\ufeff?\s*<DOC>", re.IGNORECASE)
DOC_TAG = re.compile(r"<DOC>", re.IGNORECASE)
FIELD = re.compile(
    r"<(DOCNO|URL|SRC|SOURCE|TITLE|HEADLINE|TIME|DATE|DATE_TIME|AUTHOR|BYLINE|TEXT)>(.*?)</\1\s*>",
    re.DOTALL | re.IGNORECASE,
)
# Paragraph markup some archives keep inside TEXT: each <P> starts a paragraph, the tags themselves go.
PARAGRAPH_TAG = re.compile(r"</?P>", re.IGNORECASE)
# A content-management id where a byline should be (some ANT v2.1 AUTHOR fields hold a UUID): it names nobody.
MACHINE_ID = re.compile(r"[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")
# The same field under the names different archives give it, first name first.
SYNONYMS = {
    "title": ("TITLE", "HEADLINE"),
    "time": ("TIME", "DATE_TIME", "DATE"),
    "site_name": ("SRC", "SOURCE"),
    "author": ("AUTHOR", "BYLINE"),
    "url": ("URL",),
    "docno": ("DOCNO",),
}


@dataclass(frozen=True, slots=True)
class TrecDocument:
    docno: str | None
    title: str | None
    time: str | None  # as the file gives it (RFC 2822 or ISO 8601 in ANT); parsed with the other page dates
    url: str | None
    site_name: str | None
    author: str | None
    text: str  # paragraphs, one per line


def is_trec(text: str) -> bool:
    return TREC_START.match(text) is not None


def parse_trec(text: str) -> TrecDocument:
    """The fields of the file's one document; Quarantine when it holds several or no TEXT."""
    count = len(DOC_TAG.findall(text))
    if count > 1:
        raise Quarantine(
            f"{count} TREC-style documents (<DOC>) in one file: akhbar reads one article per file; split it"
        )
    fields: dict[str, str] = {}
    for name, value in FIELD.findall(text):
        fields.setdefault(name.upper(), value)  # the first of a repeated field, as the document gives it
    if "TEXT" not in fields:
        raise Quarantine("TREC-style document (<DOC>) without a <TEXT> element: no article text")
    found = {key: _first(fields, names) for key, names in SYNONYMS.items()}
    return TrecDocument(
        docno=found["docno"],
        title=found["title"],
        time=found["time"],
        url=found["url"],
        site_name=found["site_name"],
        author=None if MACHINE_ID.fullmatch(found["author"] or "") else found["author"],
        text=_paragraphs(fields["TEXT"]),
    )


def _first(fields: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = " ".join(_plain(fields.get(name, "")).split())
        if value:
            return value
    return None


def _plain(value: str) -> str:
    """A field's text: character references decoded (&amp; -> &), the tags of inline markup removed."""
    return html.unescape(re.sub(r"<[^>]{0,200}>", " ", value))


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in _plain(PARAGRAPH_TAG.sub("\n", text)).splitlines())
    return "\n".join(line for line in lines if line)
