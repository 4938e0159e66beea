"""ANT corpus articles for the events evaluation: the held-out gold's documents and a spot-check sample.

ANT corpus v1.1 (../shared/corpus/ant-v1.1.tar.gz) — cite: A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus:
An Arabic News Text Collection for Textual Classification. AICCSA 2017. Read straight from the tarball; nothing
is extracted or committed. Each article's <TEXT> is its body and <TIME> its publication date.
"""

from __future__ import annotations

import datetime as dt
import re
import tarfile
from pathlib import Path

from bench.ant import DEFAULT_ANT_TARBALL, iter_ant_xml
from flows.nlp.entities import extract_entities
from flows.nlp.events.detect import detect_events
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document

REPO = Path(__file__).resolve().parents[2]
ANT_TARBALL = DEFAULT_ANT_TARBALL
HELDOUT_GOLD = REPO / "tests" / "gold" / "events_ant_heldout.json"
# Every 80th article of ANT's internationalNews + politic folders: 23 articles, a size one person can judge.
SPOT_CHECK_EVERY = 80
TEXT = re.compile(r"<TEXT>\s*(.*?)\s*</TEXT>", re.S)
TIME = re.compile(r"<TIME>\s*(\d{4}-\d\d-\d\d|\d\d/\d\d/\d{4})")


def ant_document(raw: str, article_id: str) -> Document | None:
    text = TEXT.search(raw)
    if not text:
        return None
    body = text.group(1).strip()
    stamp = TIME.search(raw)
    published = None
    if stamp:
        value = stamp.group(1)
        published = dt.datetime.strptime(value, "%d/%m/%Y") if "/" in value else dt.datetime.fromisoformat(value)
    return Document(article_id, body, None, published, split_sentences(body))


def heldout_documents(tarball: Path, gold_doc: dict) -> dict[str, Document]:
    """The held-out gold's articles, keyed as the gold keys them."""
    docs: dict[str, Document] = {}
    key_of = {member: key for key, member in gold_doc["seeds"].items()}
    for name, xml in iter_ant_xml(tarball, wanted=key_of):
        doc = ant_document(xml, key_of[name])
        if doc is not None:
            docs[key_of[name]] = doc
    return docs


def spot_check(tarball: Path, every: int = SPOT_CHECK_EVERY) -> list[str]:
    """Detections on a deterministic sample of ANT articles (text we did not tune on), for a person to judge."""
    lines: list[str] = []
    with tarfile.open(tarball) as tar:
        names = sorted(n for n in tar.getnames() if re.search(r"/(internationalNews|politic)/.+\.txt$", n))
    sample = set(names[::every])
    for name, xml in sorted(iter_ant_xml(tarball, wanted=sample)):
        doc = ant_document(xml, Path(name).stem)
        if doc is None:
            continue
        entities, mentions = extract_entities(doc)
        for e in detect_events(doc, mentions, entities):
            k = e.char_start - doc.sentences[e.sentence_index].char_start
            lines.append(
                f"{doc.article_id} {e.event_type}/{e.event_mode} {e.status} {e.event_date} "
                f"{e.date_precision} | {e.evidence[max(0, k - 80) : k]} [{e.trigger}] "
                f"{e.evidence[k + len(e.trigger) : k + len(e.trigger) + 80]}"
            )
    return lines
