"""The ANT corpus v1.1 as records: read straight from the shared tarball, nothing unpacked into the repo.

ANT: A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual
Classification. AICCSA 2017 (Apache-2.0 + citation). 10,161 JawharaFM articles in TREC-like XML.
"""

from __future__ import annotations

import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ANT_TARBALL = REPO.parent / "shared" / "corpus" / "ant-v1.1.tar.gz"
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


def read_ant(tarball: Path = DEFAULT_ANT_TARBALL) -> list[AntArticle]:
    """Every article of the tarball, sorted by DOCNO so that the order never depends on the archive's."""
    if not tarball.exists():
        raise FileNotFoundError(f"ANT corpus not found at {tarball}: it ships in ../shared/corpus beside the repo")
    articles: list[AntArticle] = []
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            if not (member.isfile() and member.name.endswith(".txt")):
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            article = parse_ant_document(handle.read().decode("utf-8", errors="replace"))
            if article is not None:
                articles.append(article)
    return sorted(articles, key=lambda a: a.docno)
