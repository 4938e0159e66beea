"""The ANT v2.1 gold (tests/gold/ant2: dev.json, dev2.json, test.json, test2.json) as located spans, for every scorer.

Gold is annotated on each article's <TITLE> and <TEXT> (GUIDELINES.md there); the text is read from the shared
tarball and never committed. A gold item names a surface and, where needed, an anchor that contains it (or ``nth``);
this module turns each into character offsets in its part (title or body), so that scorers compare offsets.

Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py). `dev` and `dev2` (16 fresh articles of round 9,
NOTES_dev2.md there) may be studied; `test` is scored once per issue and never tuned to; `test2` (14 fresh articles,
NOTES_test2.md there) is scored once, at the end of a round, by the integrator only.

Locating: anchored items first (the surface's first occurrence inside the anchor's unique occurrence), then items
with ``nth``, then the rest in the order listed, each taking the first occurrence of its surface not yet taken by
another item of the same kind — so a name listed twice without anchors is its first and second occurrence. A
surface with the article that stands after the preposition ل ("للنظام") is found in its folded form ("لنظام"); where
the anchor holds only the folded form, that form is looked for first, inside the anchor (else the surface written
out, "النظام", would be taken at another place, such as a nisba "السعودية" elsewhere for "للسعودية").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml
from flows.nlp.text import split_sentences
from flows.nlp.types import Document

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold" / "ant2"
SPLITS = ("dev", "dev2", "test", "test2", "test3")


@dataclass(frozen=True, slots=True)
class Located:
    """A gold item with its span: ``start``/``end`` in ``part`` ("title" or "body") of the article."""

    part: str
    start: int
    end: int
    item: dict


@dataclass(slots=True)
class GoldArticle:
    docno: str
    title: str
    body: str
    published: dt.date | None
    entities: list[Located] = field(default_factory=list)
    quotes: list[Located] = field(default_factory=list)  # span of the cue
    events: list[Located] = field(default_factory=list)  # span of the trigger
    unlocated: list[str] = field(default_factory=list)  # gold items whose anchor or surface was not found

    def text(self, part: str) -> str:
        return self.title if part == "title" else self.body

    def document(self) -> Document:
        """The article as akhbar's language stages see it: body = the <TEXT> element, title = <TITLE>."""
        published = dt.datetime.combine(self.published, dt.time()) if self.published else None
        return Document(self.docno, self.body, self.title, published, split_sentences(self.body))


# Splits drawn before their gold is written: their articles are left out of audits and censuses from the day they are
# drawn, while the gold that makes them scorable (SPLITS) is still being annotated. Empty since test3's gold was written
# (round 10, all 16 articles annotated); a later draw lists its split here until its gold joins SPLITS.
DRAWN_SPLITS: tuple[str, ...] = ()


def gold_members() -> set[str]:
    """The member paths (ant-v2.1/Outlet/section/DOCNO.txt) of every gold article, dev, dev2, test, test2 and test3:
    never drawn for an audit, never counted in a corpus census."""
    selection = json.loads((GOLD_DIR / "selection.json").read_text(encoding="utf-8"))
    return {path for split in (*SPLITS, *DRAWN_SPLITS) if split in selection for path in selection[split].values()}


BLIND_SPLITS = ("test", "test2", "test3")


def blind_members() -> set[str]:
    """The member paths of the blind splits' articles: no tool reads them but the integrator's scoring."""
    selection = json.loads((GOLD_DIR / "selection.json").read_text(encoding="utf-8"))
    return {path for split in BLIND_SPLITS if split in selection for path in selection[split].values()}


def not_gold(names: list[str]) -> list[str]:
    """``names`` (tarball member names) without the blind gold articles, in the same order."""
    excluded = gold_members()
    return [name for name in names if not any(name.endswith(path) for path in excluded)]


def gold_path(split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"split is one of {SPLITS}, not {split!r}")
    return GOLD_DIR / f"{split}.json"


def load_gold(split: str) -> dict:
    return json.loads(gold_path(split).read_text(encoding="utf-8"))


def load_split(split: str, tarball: Path = ANT_V2_TARBALL) -> list[GoldArticle]:
    """The split's articles with every gold item located, in docno order."""
    gold = load_gold(split)["articles"]
    wanted = {f"{Path(entry['path']).as_posix()}": docno for docno, entry in gold.items()}
    texts: dict[str, tuple[str, str]] = {}
    for name, xml in iter_ant_xml(tarball, wanted=_MemberNames(wanted)):
        docno = wanted[_relative(name)]
        texts[docno] = ((element(xml, "TITLE") or "").strip(), (element(xml, "TEXT") or "").strip())
    articles = []
    for docno in sorted(gold):
        if docno not in texts:
            raise FileNotFoundError(f"{docno} is not in {tarball}")
        entry = gold[docno]
        title, body = texts[docno]
        published = dt.date.fromisoformat(entry["published"]) if entry.get("published") else None
        article = GoldArticle(docno, title, body, published)
        article.entities = _locate_all(article, entry.get("entities", []), "surface")
        article.quotes = _locate_all(article, entry.get("quotes", []), "cue")
        article.events = _locate_all(article, entry.get("events", []), "trigger")
        articles.append(article)
    return articles


def clusters(split: str) -> dict[str, list[tuple[str, str]]]:
    """Cross-article clusters: name -> [(docno, event key), ...]."""
    return {
        name: [tuple(ref.split(":", 1)) for ref in refs]  # type: ignore[misc]
        for name, refs in load_gold(split).get("clusters", {}).items()
    }


class _MemberNames:
    """Membership by the path below the tarball's top folder (gold paths start at ant-v2.1/)."""

    def __init__(self, wanted: dict[str, str]):
        self.wanted = wanted

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _relative(name) in self.wanted


def _relative(member: str) -> str:
    parts = Path(member).parts
    return Path(*parts[parts.index("ant-v2.1") :]).as_posix() if "ant-v2.1" in parts else member


def _locate_all(article: GoldArticle, items: list[dict], key: str) -> list[Located]:
    taken: dict[str, list[tuple[int, int]]] = {"title": [], "body": []}
    located: dict[int, Located] = {}
    order = sorted(range(len(items)), key=lambda i: (0 if items[i].get("anchor") else 1 if "nth" in items[i] else 2, i))
    for i in order:
        item = items[i]
        part = item.get("in", "body")
        surface = item.get(key) or ""
        # "للنظام": the preposition ل swallows the article's alef; the name is then found as "لنظام".
        folded = "ل" + surface[2:] if surface.startswith("ال") else ""
        anchor = item.get("anchor") or ""
        forms = [folded, surface] if folded and surface not in anchor and folded in anchor else [surface, folded]
        span = None
        for form in filter(None, forms):
            span = _locate(article.text(part), item, form, taken[part])
            if span is not None:
                break
        if span is None:
            article.unlocated.append(f"{article.docno} {part}: {key} {surface!r} (anchor {item.get('anchor')!r})")
            continue
        taken[part].append(span)
        located[i] = Located(part, span[0], span[1], item)
    return [located[i] for i in sorted(located)]


def _locate(text: str, item: dict, surface: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not surface or surface == ":":
        anchor = item.get("anchor")
        at = text.find(anchor) if anchor else -1
        return (at, at + len(anchor)) if anchor and at >= 0 else None
    if item.get("anchor") and surface in item["anchor"]:
        at = text.find(item["anchor"])
        inner = item["anchor"].find(surface) if at >= 0 else -1
        return (at + inner, at + inner + len(surface)) if inner >= 0 else None
    if "nth" in item:
        at = -1
        for _ in range(int(item["nth"])):
            at = text.find(surface, at + 1)
            if at < 0:
                return None
        return at, at + len(surface)
    at = text.find(surface)
    while at >= 0:
        if not any(s < at + len(surface) and at < e for s, e in taken):
            return at, at + len(surface)
        at = text.find(surface, at + 1)
    return None
