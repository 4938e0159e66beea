"""The ANT corpora as records: read straight from the shared tarballs, nothing unpacked into the repo.

The one reader of ANT for every benchmark and evaluation. Figures on it cite ANT_CITATION (v1.1 and v2.1) and, for
v2.1, ANT_V2_CITATION too (Apache-2.0 + citation licence, ../shared/README.md).
- v1.1: 10,161 JawharaFM (Tunisia) articles, 2016-17.
- v2.1: 31,370 articles of AlArabiya, BBC, CNN, France24 and SkyNews, Feb-Oct 2018; TREC-like XML as v1.1.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_ANT_TARBALL = SHARED / "corpus" / "ant-v1.1.tar.gz"
ANT_V2_TARBALL = SHARED / "corpus" / "ant-v2.1-dev.tar.gz"
ANT_CITATION = (
    "A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual "
    "Classification. AICCSA 2017"
)
ANT_V2_CITATION = (
    "A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus: Experimenting on Single-document "
    "Extractive Summarization. AJSE 2021"
)
FIELD = re.compile(r"<(DOCNO|URL|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class AntArticle:
    docno: str
    url: str
    category: str
    title: str
    time: str  # ISO 8601 with offset, as ANT gives it
    author: str
    abstract: str
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


def parse_ant_document(xml: str) -> AntArticle | None:
    """One ANT file's fields; None when it has no DOCNO or no TEXT."""
    fields = {name: value.strip() for name, value in FIELD.findall(xml)}
    if not fields.get("DOCNO") or "TEXT" not in fields:
        return None
    return AntArticle(
        docno=fields["DOCNO"],
        url=fields.get("URL", ""),
        category=fields.get("CAT", ""),
        title=fields.get("TITLE", ""),
        time=fields.get("TIME", ""),
        author=fields.get("AUTHOR", ""),
        abstract=fields.get("ABSTRACT", ""),
        text=fields["TEXT"],
    )


def iter_ant_xml(tarball: Path, wanted: Container[str] | None = None) -> Iterator[tuple[str, str]]:
    """(member name, XML text) of each article file in the tarball, in archive order; only ``wanted`` names if given."""
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            if not (member.isfile() and member.name.endswith(".txt")) or (
                wanted is not None and member.name not in wanted
            ):
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                yield member.name, handle.read().decode("utf-8", errors="replace")


def member_names(tarball: Path) -> list[str]:
    """The article files' member names in archive order (the order iter_ant_xml reads them), without reading text."""
    with tarfile.open(tarball, "r:gz") as archive:
        return [member.name for member in archive if member.isfile() and member.name.endswith(".txt")]


def element(xml: str, name: str) -> str | None:
    """The raw content of one element (not stripped: gold offsets are counted in it), or None."""
    found = re.search(rf"<{name}>(.*?)</{name}>", xml, re.DOTALL)
    return found.group(1) if found else None


def read_ant(tarball: Path = DEFAULT_ANT_TARBALL) -> list[AntArticle]:
    """Every article of the tarball, sorted by DOCNO so that the order never depends on the archive's."""
    if not tarball.exists():
        raise FileNotFoundError(f"ANT corpus not found at {tarball}: it ships in ../shared/corpus beside the repo")
    articles = [a for _, xml in iter_ant_xml(tarball) if (a := parse_ant_document(xml)) is not None]
    return sorted(articles, key=lambda a: a.docno)
